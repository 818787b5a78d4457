// The yearly follow-up report as a workbook (exceljs): one sheet per section
// of the page, in the page's language, numbers as numbers.
import ExcelJS from 'exceljs';
import type { YearlyReport, YearMeasures } from '../../domain/reports/yearly.ts';
import { label, type Lang } from '../i18n.ts';
import { FOLLOW_UP_STATE_NAMES } from './activities-page.tsx';
import { CATEGORY_NAMES, categoryRows, goalHead, goalRows, MEASURE_NAMES, w } from './yearly-report-page.tsx';

export async function yearlyReportXlsx(report: YearlyReport, lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Ortsband';
  book.title = `${w(lang, 'title')} ${report.year}: ${report.organisation.name}`;
  const sheet = (name: string, header: string[], rows: Array<Array<string | number | null>>) => {
    // A sheet's name: at most 31 characters, none of []:*?/\
    const s = book.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    s.addRow(header).font = { bold: true };
    for (const row of rows) s.addRow(row);
    s.columns.forEach((column) => (column.width = 24));
    s.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet(w(lang, 'comparison'), [w(lang, 'measure'), String(report.year - 1), String(report.year)], (Object.keys(MEASURE_NAMES) as Array<keyof YearMeasures>).map((m) => [MEASURE_NAMES[m][lang], report.measures.previous[m], report.measures.current[m]]));
  sheet(
    w(lang, 'agreement'),
    [w(lang, 'agreement'), w(lang, 'status'), w(lang, 'events'), w(lang, 'activitiesCount'), w(lang, 'cost')],
    report.agreements.map((g) => [g.name, g.status ? label(lang, 'status', g.status) : null, g.events.map((e) => `${label(lang, 'event', e.type)} ${e.date}`).join('; ') || null, g.activities, g.costSek]),
  );
  sheet(
    w(lang, 'activitiesCount'),
    [w(lang, 'date'), w(lang, 'kind'), w(lang, 'titleColumn'), w(lang, 'agreement'), w(lang, 'cost')],
    report.activities.map((a) => [a.date, label(lang, 'activity', a.kind), a.title, a.agreementName, a.costSek]),
  );
  sheet(w(lang, 'costs'), [w(lang, 'byAgreement'), w(lang, 'cost')], [
    ...report.costs.byAgreement.map((c) => [c.name, c.costSek]),
    [w(lang, 'total'), report.costs.totalSek],
    [],
    [w(lang, 'byCategory'), null],
    ...categoryRows(report.costs.byCategory).map((k) => [CATEGORY_NAMES[k][lang], report.costs.byCategory[k]]),
  ]);
  sheet(
    w(lang, 'points'),
    [w(lang, 'point'), w(lang, 'owner'), w(lang, 'dueOn'), w(lang, 'status'), ''],
    (['done', 'dropped', 'overdue'] as const).flatMap((part) => report.points[part].map((p) => [p.text, p.owner, p.dueOn, `${FOLLOW_UP_STATE_NAMES[p.state][lang]}${p.comment ? `: ${p.comment}` : ''}`, w(lang, part)])),
  );
  sheet(
    w(lang, 'plans'),
    [w(lang, 'titleColumn'), w(lang, 'period'), w(lang, 'agreement'), w(lang, 'budget'), w(lang, 'linkedCosts'), ...goalHead(lang)],
    report.plans.flatMap((plan) => goalRows(plan, lang).map((goal) => [plan.title, `${plan.periodFrom}–${plan.periodTo}`, plan.agreementName, plan.budgetSek, plan.costPeriodSek, ...goal])),
  );
  sheet(w(lang, 'quiet'), [w(lang, 'agreement'), w(lang, 'titleColumn'), w(lang, 'lastSign')], report.quiet.map((r) => [r.agreementName, r.text, r.lastSign ?? null]));
  return Buffer.from(await book.xlsx.writeBuffer());
}
