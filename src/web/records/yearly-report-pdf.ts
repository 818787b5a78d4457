// The yearly follow-up report as an A4 PDF (pdfkit), in Noto Sans CJK from
// Debian's fonts-noto-cjk so that the Chinese names print (上海市), with the
// same sections and words as the page. A heading never ends a page: a
// section starts on a new page when less than a table's first rows would fit.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { YearlyReport, YearMeasures } from '../../domain/reports/yearly.ts';
import { reminderLine } from '../../domain/reminders/send.ts';
import { formatEdtf, formatNumber } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { FOLLOW_UP_STATE_NAMES } from './activities-page.tsx';
import { CATEGORY_NAMES, categoryRows, goalHead, goalRows, MEASURE_NAMES, planFacts, w } from './yearly-report-page.tsx';

const FONT_FILES = { regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc' } as const;
// The simplified-Chinese face of each collection: its Latin letters are the same as the others'.
const FONT_FACES = { regular: 'NotoSansCJKsc-Regular', bold: 'NotoSansCJKsc-Bold' } as const;

let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The two font files, read once (about 20 MB each); a missing one says what to install. */
function fontFiles() {
  if (!fonts) {
    try {
      fonts = { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
    } catch (error) {
      throw new Error(`the PDF needs Debian's fonts-noto-cjk (${FONT_FILES.regular}): apt-get install fonts-noto-cjk`, { cause: error });
    }
  }
  return fonts;
}

export async function yearlyReportPdf(report: YearlyReport, lang: Lang, address: string): Promise<Buffer> {
  const files = fontFiles();
  const title = `${w(lang, 'title')} ${report.year}: ${report.organisation.name}`;
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: title, Author: 'Ortsband', Subject: w(lang, 'title') }, lang: lang === 'sv' ? 'sv-SE' : 'en-GB' });
  doc.registerFont('regular', files.regular, FONT_FACES.regular);
  doc.registerFont('bold', files.bold, FONT_FACES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const money = (n: number) => formatNumber(n, lang);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heading = (text: string, size = 14) => {
    // A heading and the first rows under it, or a new page.
    if (doc.y + 90 > bottom()) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(size).text(text).moveDown(0.3).font('regular').fontSize(9);
  };
  const paragraph = (text: string) => doc.font('regular').fontSize(9).text(text).moveDown(0.3);
  const table = (header: string[], rows: string[][], widths?: Array<number | '*'>) => {
    if (!rows.length) return paragraph(w(lang, 'none'));
    doc.font('regular').fontSize(8);
    doc.table({
      columnStyles: widths ?? header.map(() => '*'),
      rowStyles: (i) => (i === 0 ? { font: 'bold', backgroundColor: '#eeeeee' } : { font: 'regular' }),
      defaultStyle: { padding: 3, border: 0.5, borderColor: '#999999' },
      data: [header, ...rows],
    });
    doc.moveDown(0.5);
  };

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

  // Page numbers, on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin, where pdfkit would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).text(`${title} · ${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - 35, { lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
