// Counting rules: how agreements become the numbers of a statistic. Each is
// named and switchable; "report" is the rule of the report (seed 001).
import { DEFAULT_DERIVATION, type DerivationOptions } from '../status/derive-status.ts';

export const RULE_IDS = ['report', 'per-agreement', 'partly-ended-as-pause', 'earliest-date', 'expiry-ends'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface CountingRule {
  id: RuleId;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  /** What one counted cooperation is: a pair of parties and kind (footnote 4), or each agreement. */
  unit: 'pair' | 'agreement';
  derivation: DerivationOptions;
  /** Whether a partial ending (Göteborg 2020) counts as a pause in the endings series. */
  partlyEndedIsPause: boolean;
}

const REPORT: CountingRule = {
  id: 'report',
  nameSv: 'Rapportens regel',
  nameEn: "The report's rule",
  descriptionSv:
    'Högst ett vänortssamarbete och ett kommunalt partnerskap per ortspar (fotnot 4). Bara aktivt avslutade samarbeten räknas som avslutade; tidsbegränsade avtal löper inte ut (fotnot 20). Pausade och vilande samarbeten pågår. Ett år räknas vid årets slut, och ett datum som bara är känt som ett intervall räknas från dess sista dag.',
  descriptionEn:
    'At most one twinning and one municipal partnership per pair of places (footnote 4). Only actively ended cooperations count as ended; time-limited agreements do not expire (footnote 20). Paused and dormant cooperations are ongoing. A year is counted at its end, and a date known only as a range counts from its last day.',
  unit: 'pair',
  derivation: DEFAULT_DERIVATION,
  partlyEndedIsPause: false,
};

export const RULES: Record<RuleId, CountingRule> = {
  report: REPORT,
  'per-agreement': {
    ...REPORT,
    id: 'per-agreement',
    nameSv: 'Varje avtal för sig',
    nameEn: 'Each agreement on its own',
    descriptionSv: 'Som rapportens regel, men varje avtal räknas, även flera mellan samma parter (Göteborgs avtal från 1986 och 2003 blir två).',
    descriptionEn: "As the report's rule, but every agreement counts, even several between the same parties (Göteborg's agreements of 1986 and 2003 count as two).",
    unit: 'agreement',
  },
  'partly-ended-as-pause': {
    ...REPORT,
    id: 'partly-ended-as-pause',
    nameSv: 'Delvis avslutat räknas som paus',
    nameEn: 'Partly ended counts as a pause',
    descriptionSv: 'Som rapportens regel, men ett delvis avslutat samarbete (Göteborg–Shanghai 2020) räknas som en paus.',
    descriptionEn: "As the report's rule, but a partly ended cooperation (Göteborg–Shanghai 2020) counts as a pause.",
    partlyEndedIsPause: true,
  },
  'earliest-date': {
    ...REPORT,
    id: 'earliest-date',
    nameSv: 'Tidigast möjliga datum',
    nameEn: 'Earliest possible date',
    descriptionSv: 'Som rapportens regel, men en händelse räknas från den första dag dess datum kan avse (ett avslut "2002/2022" räknas från 2002).',
    descriptionEn: 'As the report\'s rule, but an event counts from the first day its date can mean (an ending "2002/2022" counts from 2002).',
    derivation: { ...DEFAULT_DERIVATION, effectiveOn: 'possible' },
  },
  'expiry-ends': {
    ...REPORT,
    id: 'expiry-ends',
    nameSv: 'Tidsbegränsade avtal löper ut',
    nameEn: 'Time-limited agreements expire',
    descriptionSv: 'Som rapportens regel, men ett tidsbegränsat avtal som löpt ut räknas som avslutat.',
    descriptionEn: "As the report's rule, but a time-limited agreement that has expired counts as ended.",
    derivation: { ...DEFAULT_DERIVATION, expiryEnds: true },
  },
};
