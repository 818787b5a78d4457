// The yearly follow-up report as an A4 PDF (pdfkit; the fonts, headings,
// tables and page numbers of ../pdf-fonts.ts), with the same sections and
// words as the page.
import { a4Document } from '../pdf-fonts.ts';
import type { YearlyReport, YearMeasures } from '../../domain/reports/yearly.ts';
import { reminderLine } from '../../domain/reminders/send.ts';
import { formatEdtf, formatNumber } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { FOLLOW_UP_STATE_NAMES } from './activities-page.tsx';
import { CATEGORY_NAMES, categoryRows, goalHead, goalRows, MEASURE_NAMES, planFacts, w } from './yearly-report-page.tsx';

export async function yearlyReportPdf(report: YearlyReport, lang: Lang, address: string): Promise<Buffer> {
  const title = `${w(lang, 'title')} ${report.year}: ${report.organisation.name}`;
  const { doc, heading, paragraph, table, finish } = a4Document({ title, subject: w(lang, 'title'), lang, none: w(lang, 'none') });
  const money = (n: number) => formatNumber(n, lang);

  doc.font('bold').fontSize(18).text(title);
  doc.font('regular').fontSize(9).text(`${w(lang, 'asOf')} ${report.asOf}. ${address}`).moveDown(0.5);

  heading(w(lang, 'comparison'));
  table(
    [w(lang, 'measure'), String(report.year - 1), String(report.year)],
    (Object.keys(MEASURE_NAMES) as Array<keyof YearMeasures>).map((m) => [MEASURE_NAMES[m][lang], money(report.measures.previous[m]), money(report.measures.current[m])]),
    ['*', 70, 70],
  );

  heading(w(lang, 'agreements'));
  table(
    [w(lang, 'agreement'), w(lang, 'status'), w(lang, 'events'), w(lang, 'activitiesCount'), w(lang, 'cost')],
    report.agreements.map((g) => [
      g.name,
      g.status ? label(lang, 'status', g.status) : '–',
      g.events.map((e) => `${label(lang, 'event', e.type)} ${formatEdtf(e.date, lang)}`).join('; ') || '–',
      String(g.activities),
      money(g.costSek),
    ]),
    ['*', 65, 110, 50, 55],
  );

  heading(w(lang, 'activities'));
  table(
    [w(lang, 'date'), w(lang, 'kind'), w(lang, 'titleColumn'), w(lang, 'agreement'), w(lang, 'cost')],
    report.activities.map((a) => [formatEdtf(a.date, lang), label(lang, 'activity', a.kind), a.title, a.agreementName, a.costSek === null ? '–' : money(a.costSek)]),
    [60, 70, '*', 120, 55],
  );

  heading(w(lang, 'costs'));
  paragraph(`${w(lang, 'total')}: ${money(report.costs.totalSek)} kr`);
  if (categoryRows(report.costs.byCategory).length) {
    heading(w(lang, 'byCategory'), 11);
    table([w(lang, 'category'), w(lang, 'cost')], categoryRows(report.costs.byCategory).map((k) => [CATEGORY_NAMES[k][lang], money(report.costs.byCategory[k])]), ['*', 80]);
  }
  if (report.costs.byAgreement.length) {
    heading(w(lang, 'byAgreement'), 11);
    table([w(lang, 'agreement'), w(lang, 'cost')], report.costs.byAgreement.map((c) => [c.name, money(c.costSek)]), ['*', 80]);
  }
  if (report.costs.byKind.length) {
    heading(w(lang, 'byKind'), 11);
    table([w(lang, 'kind'), w(lang, 'cost')], report.costs.byKind.map((c) => [label(lang, 'activity', c.kind), money(c.costSek)]), ['*', 80]);
  }

  heading(w(lang, 'points'));
  paragraph(`${w(lang, 'raised')}: ${report.points.raised}`);
  for (const part of ['done', 'dropped', 'overdue'] as const) {
    heading(w(lang, part), 11);
    table(
      [w(lang, 'point'), w(lang, 'owner'), w(lang, 'dueOn'), w(lang, 'status')],
      report.points[part].map((p) => [p.text, p.owner, p.dueOn, `${FOLLOW_UP_STATE_NAMES[p.state][lang]}${p.comment ? `: ${p.comment}` : ''}`]),
      ['*', 90, 60, 110],
    );
  }

  heading(w(lang, 'plans'));
  if (!report.plans.length) paragraph(w(lang, 'none'));
  for (const plan of report.plans) {
    heading(`${plan.title} (${formatEdtf(plan.periodFrom, lang)}–${formatEdtf(plan.periodTo, lang)}), ${plan.agreementName}`, 11);
    paragraph(planFacts(plan, lang));
    table(goalHead(lang), goalRows(plan, lang), [80, '*', 90, 90, 65]);
  }

  heading(w(lang, 'quiet'));
  paragraph(w(lang, 'quietIntro'));
  if (!report.quiet.length) paragraph(w(lang, 'none'));
  for (const r of report.quiet) paragraph(`• ${reminderLine(r, lang, report.asOf)}`);

  return finish();
}
