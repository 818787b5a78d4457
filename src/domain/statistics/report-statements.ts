// The report's statements of numbers (seed 001), each beside the number the
// register gives under a counting rule, and, where they differ, why.
import { changes, inPeriod, type Change } from './changes.ts';
import { inForcePerYear, type InForceYear } from './in-force-per-year.ts';
import { establishedYear, type StatAgreement } from './load.ts';
import type { CountingRule } from './rules.ts';

export interface ReportStatement {
  id: string;
  passage: string;
  /** The passage's English (the report's section, as a locator). */
  passageEn: string;
  quoteSv: string;
  /** Ortsband's English of the quotation; the quotation is `quoteSv`. */
  quoteEn: string;
  reported: number;
  /** Decimals to compare and show (1 for an average). */
  decimals?: number;
  unit?: 'count' | 'year';
  compute(data: StatementData): number;
  /** Why the register's number differs, when it does; shown only then. */
  whySv?: string;
  whyEn?: string;
}

export interface StatementData {
  agreements: readonly StatAgreement[];
  rule: CountingRule;
  changes: Change[];
  inForce(year: number, kind?: string): number;
}

const count = (list: Change[], p: (c: Change) => boolean) => list.filter(p).length;
const ended = (c: Change) => c.type === 'ended';
const paused = (c: Change) => c.type === 'paused';

export const REPORT_STATEMENTS: ReportStatement[] = [
  {
    id: 'ended-since-2017',
    passage: 'Sammanfattning',
    passageEn: "Summary",
    quoteSv: 'Sedan 2017 har dock 21 samarbeten avslutats',
    quoteEn: "Since 2017, however, 21 cooperations have been ended",
    reported: 21,
    compute: (d) => count(d.changes, (c) => ended(c) && inPeriod(c, 2017, 2021)),
  },
  {
    id: 'ended-by-china',
    passage: 'Sammanfattning',
    passageEn: "Summary",
    quoteSv: 'alla utom ett av dessa på initiativ från den svenska sidan',
    quoteEn: "all but one of these on the initiative of the Swedish side",
    reported: 1,
    compute: (d) => count(d.changes, (c) => ended(c) && inPeriod(c, 2017, 2021) && c.side === 'counterpart'),
  },
  {
    id: 'paused-since-2017',
    passage: 'Sammanfattning',
    passageEn: "Summary",
    quoteSv: 'Därutöver har fem samarbeten pausats.',
    quoteEn: "In addition, five cooperations have been paused.",
    reported: 5,
    compute: (d) => count(d.changes, (c) => paused(c) && inPeriod(c, 2017, 2021)),
    whySv:
      'Appendixet har fyra pausade samarbeten (Bengtsfors, Linköping–Guangzhou, Malmö, Länsstyrelsen Uppsala) och ett delvis avslutat (Göteborg–Shanghai 2020). Räknas det delvis avslutade som en paus blir det fem: välj regeln "Delvis avslutat räknas som paus".',
    whyEn:
      'The appendix has four paused cooperations (Bengtsfors, Linköping–Guangzhou, Malmö, the Uppsala county board) and one partly ended (Göteborg–Shanghai 2020). Counting the partial ending as a pause gives five: choose the rule "Partly ended counts as a pause".',
  },
  {
    id: 'vanort-ended-since-2017',
    passage: 'Vändpunkten',
    passageEn: "The turning point",
    quoteSv: 'Sedan 2017 har 13 kommuner och regioner avslutat sina vänortssamarbeten med Kina.',
    quoteEn: "Since 2017, 13 municipalities and regions have ended their twinnings with China.",
    reported: 13,
    compute: (d) => count(d.changes, (c) => ended(c) && inPeriod(c, 2017, 2021) && c.kind === 'vanort'),
  },
  {
    id: 'partnerships-ended-since-2018',
    passage: 'Vändpunkten',
    passageEn: "The turning point",
    quoteSv: 'sju kommuner och en region sedan 2018 valt att i förväg avbryta eller inte förlänga sina tidsbegränsade kommunala partnerskap',
    quoteEn: "seven municipalities and one region have since 2018 chosen to break off early, or not to extend, their time-limited municipal partnerships",
    reported: 8,
    compute: (d) => count(d.changes, (c) => ended(c) && inPeriod(c, 2018, 2021) && c.kind === 'kommunalt_partnerskap'),
  },
  {
    id: 'ended-or-paused-2017-2021',
    passage: 'Vändpunkten',
    passageEn: "The turning point",
    quoteSv: 'Mellan 2017 och 2021 valde 26 kommuner, regioner och länsstyrelser att avsluta eller pausa sina samarbeten',
    quoteEn: "Between 2017 and 2021, 26 municipalities, regions and county administrative boards chose to end or pause their cooperations",
    reported: 26,
    compute: (d) => count(d.changes, (c) => inPeriod(c, 2017, 2021)),
    whySv: 'Registret har 21 avslutade och 4 pausade, 25; med Göteborgs delvisa avslut räknat som paus blir det 26 (se "fem samarbeten pausats").',
    whyEn: "The register has 21 ended and 4 paused, 25; counting Göteborg's partial ending as a pause gives 26 (see \"five paused\").",
  },
  {
    id: 'in-force-2021',
    passage: 'Svenska kommuners, regioners och länsstyrelsers samarbeten med Kina',
    passageEn: "Swedish municipalities', regions' and county administrative boards' cooperation with China",
    quoteSv: 'svenska kommuner, regioner och länsstyrelser i dagsläget har 29 subnationella samarbeten med kinesiska motsvarigheter',
    quoteEn: "Swedish municipalities, regions and county administrative boards currently have 29 subnational cooperations with Chinese counterparts",
    reported: 29,
    compute: (d) => d.inForce(2021),
  },
  {
    id: 'vanort-in-force-2021',
    passage: 'Svenska kommuners, regioners och länsstyrelsers samarbeten med Kina',
    passageEn: "Swedish municipalities', regions' and county administrative boards' cooperation with China",
    quoteSv: 'Av dessa är 28 långsiktiga vänortssamarbeten',
    quoteEn: "Of these, 28 are long-term twinnings",
    reported: 28,
    compute: (d) => d.inForce(2021, 'vanort'),
  },
  {
    id: 'partnerships-in-force-2021',
    passage: 'Svenska kommuners, regioners och länsstyrelsers samarbeten med Kina',
    passageEn: "Swedish municipalities', regions' and county administrative boards' cooperation with China",
    quoteSv: 'det resterande samarbetet utgörs av ett tidsbegränsat kommunalt partnerskapsavtal finansierat av Sida',
    quoteEn: "the remaining cooperation is a time-limited municipal partnership agreement funded by Sida",
    reported: 1,
    compute: (d) => d.inForce(2021, 'kommunalt_partnerskap'),
  },
  {
    id: 'vanort-peak-2016',
    passage: 'Den gyllene eran',
    passageEn: "The golden era",
    quoteSv: 'Toppen nåddes 2016, då totalt 41 vänortssamarbeten pågick',
    quoteEn: "The peak was reached in 2016, when a total of 41 twinnings were under way",
    reported: 41,
    compute: (d) => d.inForce(2016, 'vanort'),
  },
  {
    id: 'total-peak-2016',
    passage: 'Den gyllene eran',
    passageEn: "The golden era",
    quoteSv: 'Det totala antalet utbyten [...] nådde den högsta noteringen 2016, då 49 samarbeten pågick.',
    quoteEn: "The total number of exchanges [...] reached its highest level in 2016, when 49 cooperations were under way.",
    reported: 49,
    compute: (d) => d.inForce(2016),
    whySv:
      'Registret ger 41 vänorter och 9 kommunala partnerskap i slutet av 2016, 50. Alla nio partnerskap i appendixet började senast 2014 och inget avslutades före 2018, också med textens startår 2009 för Borlänge, Kalix och Vara. Vilket samarbete rapportens diagram inte räknar framgår inte av rapporten.',
    whyEn:
      'The register gives 41 twinnings and 9 municipal partnerships at the end of 2016, 50. All nine partnerships in the appendix began by 2014 and none ended before 2018, also with the text\'s start year 2009 for Borlänge, Kalix and Vara. The report does not say which cooperation its chart leaves out.',
  },
  {
    id: 'partnerships-started',
    passage: 'Den gyllene eran',
    passageEn: "The golden era",
    quoteSv: 'Sedan dess har totalt nio partnerskap med Kina påbörjats.',
    quoteEn: "Since then, a total of nine partnerships with China have been begun.",
    reported: 9,
    compute: (d) => new Set(d.agreements.filter((a) => a.kind === 'kommunalt_partnerskap' && establishedYear(a) >= 0).map((a) => (d.rule.unit === 'pair' ? a.pairKey : a.slug))).size,
  },
  {
    id: 'first-partnership-year',
    passage: 'Den gyllene eran',
    passageEn: "The golden era",
    quoteSv: 'De första kommunala partnerskapen med Kina startade 2009 då Borlänge, Kalix och Vara inledde projekt',
    quoteEn: "The first municipal partnerships with China started in 2009, when Borl\u00e4nge, Kalix and Vara began projects",
    reported: 2009,
    unit: 'year',
    compute: (d) =>
      Math.min(
        ...d.agreements
          .filter((a) => a.kind === 'kommunalt_partnerskap')
          .map(establishedYear)
          .filter((year) => year > 0),
      ),
    whySv: 'Appendixets tabell anger 2007 (Borlänge, Umeå), 2008 (Kalix) och 2006 (Vara). Skillnaderna är registrerade på respektive avtal.',
    whyEn: 'The appendix table gives 2007 (Borlänge, Umeå), 2008 (Kalix) and 2006 (Vara). The differences are recorded on each agreement.',
  },
  {
    id: 'vanort-growth-1993-2016',
    passage: 'Den gyllene eran',
    passageEn: "The golden era",
    quoteSv: 'Det sammanlagda antalet vänortssamarbeten ökade i genomsnitt med 1,8 per år under denna tidsperiod [1993–2016].',
    quoteEn: "The total number of twinnings grew by an average of 1.8 a year during this period [1993\u20132016].",
    reported: 1.8,
    decimals: 1,
    compute: (d) => (d.inForce(2016, 'vanort') - d.inForce(1992, 'vanort')) / (2016 - 1992),
    whySv:
      'Registret räknar nettoökningen av pågående vänorter från slutet av 1992 till slutet av 2016 delat med 24 år. Rapporten anger inte hur genomsnittet räknades; antalet nya vänorter 1993–2016 (45) delat med 24 år är 1,9.',
    whyEn:
      'The register counts the net growth of twinnings in force from the end of 1992 to the end of 2016, divided by 24 years. The report does not say how it averaged; the new twinnings of 1993–2016 (45) divided by 24 years is 1.9.',
  },
];

export interface StatementResult {
  statement: ReportStatement;
  computed: number;
  matches: boolean;
}

/** `computed` takes series already computed for the same rule (to at least 2021). */
export function evaluateStatements(
  agreements: readonly StatAgreement[],
  rule: CountingRule,
  computed?: { inForce: InForceYear[]; changes: Change[] },
): StatementResult[] {
  const series = computed?.inForce ?? inForcePerYear(agreements, rule, 2021);
  const data: StatementData = {
    agreements,
    rule,
    changes: computed?.changes ?? changes(agreements, rule, 2021),
    inForce: (year, kind) => {
      const row = series.find((y) => y.year === year);
      return row ? (kind ? (row.byKind[kind] ?? 0) : row.total) : 0;
    },
  };
  return REPORT_STATEMENTS.map((statement) => {
    const computed = statement.compute(data);
    const factor = 10 ** (statement.decimals ?? 0);
    return { statement, computed, matches: Math.round(computed * factor) === Math.round(statement.reported * factor) };
  });
}
