// A decision basis's version as an A4 annex to the decision's minutes: the
// decision, the answers, and what the register said when the version was
// saved (frozen with it), in the same words as the page.
import type { BasisVersion, DecisionBasis } from '../../domain/decisions/basis.ts';
import { formatEdtf, formatMoment } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { a4Document } from '../pdf-fonts.ts';
import { basisAnswers, basisRisks } from './decision-basis-page.tsx';
import { activityLine, yearLabel, bw, DECISION_KIND_NAMES, endingLine, kr, quotationLine, reasonLine } from './decision-basis-words.ts';

export async function decisionBasisPdf(basis: DecisionBasis, version: BasisVersion, lang: Lang, address: string): Promise<Buffer> {
  const { agreement, decision } = basis;
  const title = `${bw(lang, 'title')}: ${agreement.title}`;
  const { doc, heading, paragraph, table, finish } = a4Document({ title, subject: bw(lang, 'annex'), lang, none: bw(lang, 'noPeers') });
  const facts = version.register;

  doc.font('regular').fontSize(9).text(bw(lang, 'annex'));
  doc.font('bold').fontSize(18).text(title);
  if (agreement.officialTitle) doc.font('regular').fontSize(10).text(agreement.officialTitle);
  doc
    .font('regular')
    .fontSize(9)
    .text(`${bw(lang, 'version')} ${version.version}, ${formatMoment(version.createdAt, lang, 'day')}, ${bw(lang, 'savedBy')} ${version.savedByName}. ${address}`)
    .moveDown(0.5);

  heading(bw(lang, 'decision'));
  table(
    [bw(lang, 'decision'), bw(lang, 'decidingBody'), bw(lang, 'reference'), bw(lang, 'caseNumber')],
    [[`${DECISION_KIND_NAMES[decision.kind][lang]} (${label(lang, 'event', decision.type)} ${formatEdtf(decision.date, lang)})`, decision.decidingBody ?? '–', decision.reference ?? '–', decision.caseNumber ?? '–']],
    ['*', 110, 90, 90],
  );
  if (version.comment) paragraph(`${bw(lang, 'comment')}: ${version.comment}`);

  for (const [name, value] of basisAnswers(version, lang)) {
    heading(name, 11);
    paragraph(value);
  }

  heading(bw(lang, 'riskGrading'));
  table([bw(lang, 'riskArea'), bw(lang, 'riskLevel'), bw(lang, 'riskJustification')], basisRisks(version, lang), [190, 70, '*']);

  heading(`${bw(lang, 'fromRegister')} (${bw(lang, 'readOn')} ${formatEdtf(facts.readOn, lang)})`);
  heading(bw(lang, 'activity'), 11);
  table([bw(lang, 'year'), bw(lang, 'activities'), bw(lang, 'cost')], facts.activity.years.map((y) => [yearLabel(y, lang), String(y.activities), kr(y.costSek, lang)]), [60, 80, '*']);
  paragraph(activityLine(facts.activity, lang));

  heading(bw(lang, 'peers'), 11);
  const { peers } = facts;
  paragraph(
    `${bw(lang, 'peersIntro')}${peers.provinces.length ? ` (${peers.provinces.map((p) => `${p.nameLatin}${p.nameNative ? ` ${p.nameNative}` : ''}`).join(', ')})` : ''}${peers.total > peers.peers.length ? `: ${peers.peers.length} ${bw(lang, 'shown')} ${bw(lang, 'of')} ${peers.total}.` : '.'}`,
  );
  table(
    [bw(lang, 'agreement'), bw(lang, 'status'), bw(lang, 'sameCounterpart')],
    peers.peers.map((p) => [`${p.parties} – ${p.counterparts}`, label(lang, 'status', p.status), p.sameCounterpart ? bw(lang, 'yes') : bw(lang, 'no')]),
    ['*', 90, 80],
  );

  heading(bw(lang, 'endings'), 11);
  if (!peers.endings.length) paragraph(bw(lang, 'noEndings'));
  for (const e of peers.endings) {
    doc.font('bold').fontSize(9).text(endingLine(e, lang));
    for (const r of e.reasons) paragraph(`• ${reasonLine(r, lang)}`);
    for (const q of e.quotations) paragraph(`• ${quotationLine(q, lang)}`);
  }
  return finish();
}
