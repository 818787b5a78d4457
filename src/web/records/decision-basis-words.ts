// The decision basis's words, shared by its page and its printed annex.
import type { DecisionKind } from '../../domain/decisions/kinds.ts';
import type { RegisterFacts } from '../../domain/decisions/basis.ts';
import type { RiskLevel } from '../../db/schema.ts';
import type { DecisionBasisField, RiskArea } from '../../domain/decisions/schemas.ts';
import { formatEdtf, formatNumber } from '../format.ts';
import { label, type Lang } from '../i18n.ts';

export const DECISION_KIND_NAMES: Record<DecisionKind, { sv: string; en: string }> = {
  start: { sv: 'Beslut att inleda', en: 'Decision to start' },
  renew: { sv: 'Beslut att förnya', en: 'Decision to renew' },
  pause: { sv: 'Beslut att pausa', en: 'Decision to pause' },
  end: { sv: 'Beslut att avsluta', en: 'Decision to end' },
};

/** Each field's label, as the form asks and the annex prints. */
export const BASIS_FIELD_NAMES: Record<DecisionBasisField, { sv: string; en: string }> = {
  purpose: { sv: 'Syfte', en: 'Purpose' },
  expectedBenefit: { sv: 'Förväntad nytta', en: 'Expected benefit' },
  costsSoFarSek: { sv: 'Kostnader hittills (kr)', en: 'Costs so far (SEK)' },
  costsPlannedSek: { sv: 'Planerade kostnader (kr)', en: 'Planned costs (SEK)' },
  costsNote: { sv: 'Om kostnaderna', en: 'About the costs' },
  counterpartDescription: { sv: 'Motparten', en: 'The counterpart' },
  democracyHumanRights: { sv: 'Demokrati och mänskliga rättigheter', en: 'Democracy and human rights' },
  securityAdviceSought: { sv: 'Har säkerhetsråd inhämtats?', en: 'Was security advice sought?' },
  securityAdviceFrom: { sv: 'Från vem säkerhetsråd inhämtades', en: 'From whom security advice was sought' },
  personalData: { sv: 'Personuppgifter', en: 'Personal data' },
  exportControl: { sv: 'Exportkontroll', en: 'Export control' },
};

/** What each free-text field asks, beside it in the form. */
export const BASIS_FIELD_HINTS: Partial<Record<DecisionBasisField, { sv: string; en: string }>> = {
  purpose: { sv: 'Varför avtalet finns och vad beslutet ska uppnå.', en: 'Why the agreement exists and what the decision is to achieve.' },
  expectedBenefit: { sv: 'För invånare, näringsliv, skolor eller organisationen själv.', en: 'For residents, business, schools or the organisation itself.' },
  costsSoFarSek: { sv: 'Hela kr, bara siffror.', en: 'Whole SEK, digits only.' },
  costsPlannedSek: { sv: 'Hela kr, bara siffror.', en: 'Whole SEK, digits only.' },
  counterpartDescription: { sv: 'Vem motparten är: dess roll i partiet och staten, ledning, tidigare samarbeten.', en: "Who the counterpart is: its role in the party and the state, its leadership, earlier cooperation." },
  democracyHumanRights: { sv: 'Hur samarbetet förhåller sig till demokrati och mänskliga rättigheter.', en: 'How the cooperation bears on democracy and human rights.' },
  securityAdviceFrom: { sv: 'Till exempel Säkerhetspolisen, länsstyrelsen eller Nationellt kunskapscentrum om Kina.', en: 'For example the Security Service, the county administrative board or the National China Centre.' },
  personalData: { sv: 'Vilka personuppgifter som lämnas ut eller behandlas, och med vilket stöd.', en: 'Which personal data are shared or processed, and on what basis.' },
  exportControl: { sv: 'Om kunskap, teknik eller varor som kan omfattas av exportkontroll berörs.', en: 'Whether knowledge, technology or goods that export control may cover are concerned.' },
};

/** The risk grading's areas, as the form asks and the annex prints. */
export const RISK_AREA_NAMES: Record<RiskArea, { sv: string; en: string }> = {
  democracyHumanRights: BASIS_FIELD_NAMES.democracyHumanRights,
  security: { sv: 'Säkerhet', en: 'Security' },
  personalData: BASIS_FIELD_NAMES.personalData,
  exportControl: BASIS_FIELD_NAMES.exportControl,
  reputation: { sv: 'Anseende och förtroende', en: 'Reputation and trust' },
  finances: { sv: 'Ekonomiskt beroende och kostnader', en: 'Financial dependence and costs' },
};

/** What each area's grading weighs, beside it in the form. */
export const RISK_AREA_HINTS: Record<RiskArea, { sv: string; en: string }> = {
  democracyHumanRights: { sv: 'Risken att samarbetet ger stöd åt eller förknippas med brott mot mänskliga rättigheter.', en: 'The risk that the cooperation supports, or is tied to, violations of human rights.' },
  security: { sv: 'Risken för underrättelseverksamhet, påverkan eller att skyddsvärd information lämnas ut.', en: 'The risk of intelligence gathering, influence, or protected information being handed over.' },
  personalData: { sv: 'Risken att personuppgifter lämnas ut eller behandlas utan stöd.', en: 'The risk that personal data are shared or processed without a legal basis.' },
  exportControl: { sv: 'Risken att kunskap, teknik eller varor som omfattas av exportkontroll förs över.', en: 'The risk that knowledge, technology or goods covered by export control are transferred.' },
  reputation: { sv: 'Risken att invånarnas och partnernas förtroende för organisationen skadas.', en: "The risk that residents' and partners' trust in the organisation is harmed." },
  finances: { sv: 'Risken för kostnader utan motsvarande nytta, eller för ett beroende som motparten kan utnyttja.', en: 'The risk of costs without matching benefit, or of a dependence the counterpart could use.' },
};

/** The levels, from none assessed to high. */
export const RISK_LEVEL_NAMES: Record<RiskLevel, { sv: string; en: string }> = {
  not_assessed: { sv: 'Inte bedömd', en: 'Not assessed' },
  low: { sv: 'Låg', en: 'Low' },
  moderate: { sv: 'Måttlig', en: 'Moderate' },
  high: { sv: 'Hög', en: 'High' },
};

const W = {
  title: { sv: 'Beslutsunderlag', en: 'Decision basis' },
  fromRegister: { sv: 'Ur registret', en: 'From the register' },
  readOn: { sv: 'läst', en: 'read on' },
  activity: { sv: 'Aktivitet de senaste åren', en: 'Activity in recent years' },
  year: { sv: 'År', en: 'Year' },
  through: { sv: 'till och med', en: 'up to' },
  activities: { sv: 'Aktiviteter', en: 'Activities' },
  cost: { sv: 'Kostnad (kr)', en: 'Cost (SEK)' },
  lastActivity: { sv: 'Senaste registrerade aktivitet', en: 'Latest recorded activity' },
  nextPlanned: { sv: 'Nästa planerade aktivitet', en: 'Next planned activity' },
  noActivity: { sv: 'Ingen aktivitet är registrerad.', en: 'No activity is recorded.' },
  noActivityYet: { sv: 'Ingen aktivitet har ägt rum ännu.', en: 'No activity has taken place yet.' },
  peers: { sv: 'Vad andra har beslutat', en: 'What peers decided' },
  peersIntro: { sv: 'Andra svenska avtal med samma motpart eller med en ort i samma provins', en: 'Other Swedish agreements with the same counterpart or with a place in the same province' },
  agreement: { sv: 'Avtal', en: 'Agreement' },
  status: { sv: 'Status', en: 'Status' },
  sameCounterpart: { sv: 'Samma motpart', en: 'Same counterpart' },
  noPeers: { sv: 'Inga andra svenska avtal med samma motpart eller provins.', en: 'No other Swedish agreements with the same counterpart or province.' },
  endings: { sv: 'Skäl som andra har angett för att avsluta eller pausa', en: 'Reasons others gave for ending or pausing' },
  noEndings: { sv: 'Inga avslut eller pauser är registrerade för dem.', en: 'No endings or pauses are recorded for them.' },
  shown: { sv: 'visas', en: 'shown' },
  of: { sv: 'av', en: 'of' },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  notGiven: { sv: 'Inte angivet', en: 'Not given' },
  version: { sv: 'Version', en: 'Version' },
  savedBy: { sv: 'sparad av', en: 'saved by' },
  decision: { sv: 'Beslut', en: 'Decision' },
  decidingBody: { sv: 'Beslutande organ', en: 'Deciding body' },
  reference: { sv: 'Paragraf eller protokoll', en: 'Section or minutes' },
  caseNumber: { sv: 'Diarienummer', en: 'Case number' },
  annex: { sv: 'Bilaga till protokollet', en: 'Annex to the minutes' },
  comment: { sv: 'Kommentar till versionen', en: 'Comment on the version' },
  riskGrading: { sv: 'Riskbedömning', en: 'Risk grading' },
  riskArea: { sv: 'Område', en: 'Area' },
  riskLevel: { sv: 'Nivå', en: 'Level' },
  riskJustification: { sv: 'Motivering', en: 'Justification' },
} as const;
export const bw = (lang: Lang, key: keyof typeof W) => W[key][lang];

/** A sum as the pages write it: "kr" in Swedish, "SEK" in English, as every label says. */
export const kr = (n: number | null, lang: Lang) => (n === null ? W.notGiven[lang] : `${formatNumber(n, lang)} ${lang === 'sv' ? 'kr' : 'SEK'}`);

/** An ending's line: what, when, by whom, under which reference. */
/** The latest activity that has taken place (up to the day the register was read), and apart from it the next one planned. */
/** A year of the activity table: the current one with the day it was counted up to. */
export function yearLabel(y: RegisterFacts['activity']['years'][number], lang: Lang): string {
  return y.through ? `${y.year} (${bw(lang, 'through')} ${formatEdtf(y.through, lang)})` : String(y.year);
}

export function activityLine(activity: RegisterFacts['activity'], lang: Lang): string {
  const { lastActivityOn: last, nextPlannedOn: next } = activity;
  const done = last ? `${bw(lang, 'lastActivity')}: ${formatEdtf(last, lang)}.` : bw(lang, next ? 'noActivityYet' : 'noActivity');
  return next ? `${done} ${bw(lang, 'nextPlanned')}: ${formatEdtf(next, lang)}.` : done;
}

export function endingLine(e: RegisterFacts['peers']['endings'][number], lang: Lang): string {
  const by = [e.decidingBody, e.reference].filter(Boolean).join(', ');
  return `${e.parties} – ${e.counterparts}: ${label(lang, 'event', e.type)} ${formatEdtf(e.date, lang)}${by ? ` (${by})` : ''}`;
}

/** A reason as given: its code, who gave it, and its words. */
export function reasonLine(r: RegisterFacts['peers']['endings'][number]['reasons'][number], lang: Lang): string {
  const words = lang === 'en' ? (r.textEn ?? r.text) : r.text;
  return `${label(lang, 'reason', r.code)} (${label(lang, 'statedBy', r.statedBy)})${words ? `: ${words}` : ''}`;
}

/** A quotation in its own words, with the English beside it on an English page. */
export function quotationLine(q: RegisterFacts['peers']['endings'][number]['quotations'][number], lang: Lang): string {
  const role = lang === 'en' ? (q.speakerRoleEn ?? q.speakerRole) : q.speakerRole;
  return `”${q.text}”${lang === 'en' && q.textEn ? ` (“${q.textEn}”)` : ''}${role ? ` – ${role}` : ''}`;
}
