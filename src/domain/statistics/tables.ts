// The statistics offered as CSV tables, with their titles: one list for the
// API route that serves them, the OpenAPI document and the DCAT catalogue,
// so that a table cannot be served without being described, or the reverse.
export const STATISTIC_TABLES = {
  'in-force': { sv: 'Pågående samarbeten vid årets slut, per avtalsform', en: 'Cooperations in force at the end of each year, by kind' },
  changes: { sv: 'Avslutade och pausade samarbeten per år', en: 'Ended and paused cooperations per year' },
  reasons: { sv: 'Angivna skäl för avslut och pauser 2017–2021', en: 'Reasons given for endings and pauses 2017–2021' },
  'by-county': { sv: 'Samarbeten per län', en: 'Cooperations by county' },
  'by-province': { sv: 'Samarbeten per kinesisk provins', en: 'Cooperations by Chinese province' },
  'by-actor-kind': { sv: 'Samarbeten per typ av svensk part', en: 'Cooperations by kind of Swedish party' },
  'per-decade': { sv: 'Etablerade samarbeten per decennium', en: 'Cooperations established per decade' },
} as const satisfies Record<string, { sv: string; en: string }>;

export type StatisticTable = keyof typeof STATISTIC_TABLES;
export const STATISTIC_TABLE_NAMES = Object.keys(STATISTIC_TABLES) as StatisticTable[];
