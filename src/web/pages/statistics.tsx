import type { ChangesYear } from '../../domain/statistics/changes.ts';
import type { BreakdownRow } from '../../domain/statistics/breakdowns.ts';
import type { ReasonRow } from '../../domain/statistics/endings-by-reason.ts';
import type { InForceYear } from '../../domain/statistics/in-force-per-year.ts';
import type { StatementResult } from '../../domain/statistics/report-statements.ts';
import type { RuleAtYear } from '../../domain/statistics/rule-comparison.ts';
import type { AgreementListRow } from '../../domain/agreements/list.ts';
import type { StatusCount } from '../../domain/statistics/by-status.ts';
import type { QuietCounts } from '../../domain/statistics/quiet.ts';
import { RULES, type CountingRule } from '../../domain/statistics/rules.ts';
import { formatEdtf, formatNumber } from '../format.ts';
import { COUNTIES, label, t, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { CsvLinks } from './shared.tsx';
import { raw } from 'hono/html';
import { CONTACT_SURFACE_KINDS } from '../../db/schema.ts';
import type { CountyCounts, ProvinceCounts } from '../../domain/contact-surfaces/counts.ts';
import { SurfaceCountTables } from '../maps/surfaces-map.tsx';
import type { DecadeRow } from '../../domain/statistics/established-per-decade.ts';
import type { Chart, ChartName } from '../charts/statistics-charts.ts';

function Figure(props: { lang: Lang; chart: Chart; name: ChartName; rule: string }) {
  const { lang, chart } = props;
  return (
    <figure class="chart">
      <div class="chart-svg">{raw(chart.svg)}</div>
      <figcaption>
        {chart.summary}{' '}
        <a href={`/api/statistics/${props.name}.svg?rule=${props.rule}&lang=${lang}`} download>
          {lang === 'sv' ? 'Ladda ned diagrammet (SVG)' : 'Download the chart (SVG)'}
        </a>{' '}
        ·{' '}
        <a href={`/api/statistics/${props.name}.png?rule=${props.rule}&lang=${lang}`} download>
          PNG
        </a>
      </figcaption>
    </figure>
  );
}

/** A series by kind of agreement: a row per year or decade, a column per kind, and the total. */
function KindSeriesTable(props: { lang: Lang; kinds: string[]; first: string; rows: Array<{ key: string; byKind: Record<string, number>; total: number }> }) {
  const { lang } = props;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{props.first}</th>
          {props.kinds.map((k) => (
            <th scope="col" class="num">{label(lang, 'kind', k)}</th>
          ))}
          <th scope="col" class="num">{t(lang, 'total')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">{r.key}</th>
            {props.kinds.map((k) => (
              <td class="num">{r.byKind[k] ?? 0}</td>
            ))}
            <td class="num">{r.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface StatisticsView {
  rule: CountingRule;
  quiet: QuietCounts;
  /** Contact surfaces per county and province, by kind. */
  contactSurfaces: { counties: CountyCounts[]; provinces: ProvinceCounts[] };
  lastYear: number;
  sourcesEnd: number | null;
  inForce: InForceYear[];
  kinds: string[];
  changes: ChangesYear[];
  reasons: { rows: ReasonRow[]; withoutReason: number };
  byCounty: BreakdownRow[];
  byProvince: Array<BreakdownRow & { name: string }>;
  byActorKind: BreakdownRow[];
  today: string;
  statements: StatementResult[];
  reportRuleStatements: StatementResult[] | null;
  perDecade: DecadeRow[];
  byStatus: StatusCount[];
  charts: Record<ChartName, Chart>;
  peakUnderEveryRule: { year: number; rules: RuleAtYear[] };
  /** The agreements the comparison of rules names, by slug (those the reader may read). */
  named: Map<string, AgreementListRow>;
}

/**
 * The report's "49 in 2016" under every rule: the totals by kind, how far
 * each is from 49, and the agreements that make a rule differ from the
 * report's own (statement total-peak-2016 explains why that rule gives 50).
 */
function PeakUnderEveryRule(props: { lang: Lang; peak: StatisticsView['peakUnderEveryRule']; named: StatisticsView['named'] }) {
  const { lang, peak, named } = props;
  const sv = lang === 'sv';
  // "49 samarbeten pågick" and "totalt 41 vänortssamarbeten" (Den gyllene eran).
  const REPORTED = 49;
  const REPORTED_TWINNINGS = 41;
  const against = (n: number, reported: number) => (n === reported ? (sv ? 'når' : 'reaches') : n > reported ? `+${n - reported}` : `−${reported - n}`);
  const kinds = [...new Set(peak.rules.flatMap((r) => Object.keys(r.byKind)))].sort();
  const name = (slug: string) => {
    const row = named.get(slug);
    return row ? (
      <a href={href(lang, `/avtal/${slug}`)}>
        {row.partyLabel} – {row.counterpartLabel} ({label(lang, 'kind', row.kind)}
        {row.establishedYear ? `, ${row.establishedYear}` : ''})
      </a>
    ) : (
      <span>{sv ? 'ett avtal du inte kan läsa' : 'an agreement you cannot read'}</span>
    );
  };
  const more = (shown: number, count: number) => (count > shown ? (sv ? ` och ${count - shown} till` : ` and ${count - shown} more`) : '');
  return (
    <section aria-labelledby="peak-rules">
      <h2 id="peak-rules">{sv ? `Talet ${REPORTED} under varje räkneregel` : `The number ${REPORTED} under each counting rule`}</h2>
      <p>
        {sv
          ? `Rapporten säger att ${REPORTED} samarbeten pågick ${peak.year}, varav 41 vänortssamarbeten. Så här många räknar varje regel som pågående vid slutet av ${peak.year}, och vilka avtal som gör att regeln räknar annorlunda än rapportens regel.`
          : `The report says ${REPORTED} cooperations were in force in ${peak.year}, 41 of them twinnings. This is how many each rule counts in force at the end of ${peak.year}, and which agreements make the rule count differently from the report's rule.`}{' '}
        <a href="#statement-total-peak-2016">{sv ? `Varför rapportens regel ger ${peak.rules.find((r) => r.rule === 'report')?.total ?? ''}` : `Why the report's rule gives ${peak.rules.find((r) => r.rule === 'report')?.total ?? ''}`}</a>.
      </p>
      <table>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Regel' : 'Rule'}</th>
              {kinds.map((k) => (
                <th scope="col" class="num">{label(lang, 'kind', k)}</th>
              ))}
              <th scope="col" class="num">{t(lang, 'total')}</th>
              <th scope="col" class="num">{sv ? `Totalt mot ${REPORTED}` : `Total against ${REPORTED}`}</th>
              <th scope="col" class="num">{sv ? `Vänorter mot ${REPORTED_TWINNINGS}` : `Twinnings against ${REPORTED_TWINNINGS}`}</th>
              <th scope="col">{sv ? 'Vad som skiljer från rapportens regel' : "What differs from the report's rule"}</th>
            </tr>
          </thead>
          <tbody>
            {peak.rules.map((r) => {
              const rule = RULES[r.rule];
              return (
                <tr id={`peak-${r.rule}`}>
                  <th scope="row">{sv ? rule.nameSv : rule.nameEn}</th>
                  {kinds.map((k) => (
                    <td class="num">{r.byKind[k] ?? 0}</td>
                  ))}
                  <td class="num">{r.total}</td>
                  <td class="num">{against(r.total, REPORTED)}</td>
                  <td class="num">{against(r.byKind.vanort ?? 0, REPORTED_TWINNINGS)}</td>
                  <td>
                    {r.rule === 'report' ? (
                      sv ? 'Rapportens egen regel.' : "The report's own rule."
                    ) : !r.statusDiffersCount && !r.pairsCountedTwiceCount ? (
                      sv ? `Räknar som rapportens regel vid slutet av ${peak.year}.` : `Counts as the report's rule at the end of ${peak.year}.`
                    ) : (
                      <>
                        {r.statusDiffersCount ? (
                          <p>
                            {sv ? 'Har en annan status vid årets slut: ' : 'Has another status at the year\'s end: '}
                            {r.statusDiffers.map((d, i) => (
                              <>
                                {i ? ', ' : ''}
                                {name(d.slug)} {d.inForce ? (sv ? '(pågår under denna regel)' : '(in force under this rule)') : sv ? '(pågår inte under denna regel)' : '(not in force under this rule)'}
                              </>
                            ))}
                            {more(r.statusDiffers.length, r.statusDiffersCount)}.
                          </p>
                        ) : null}
                        {r.pairsCountedTwiceCount ? (
                          <p>
                            {sv ? 'Ortspar med mer än ett pågående avtal, som här räknas vart för sig: ' : 'Pairs of places with more than one agreement in force, counted one by one here: '}
                            {r.pairsCountedTwice.map((pair, i) => (
                              <>
                                {i ? '; ' : ''}
                                {pair.map((slug, j) => (
                                  <>
                                    {j ? sv ? ' och ' : ' and ' : ''}
                                    {name(slug)}
                                  </>
                                ))}
                              </>
                            ))}
                            {more(r.pairsCountedTwice.length, r.pairsCountedTwiceCount)}.
                          </p>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
      </table>
    </section>
  );
}

/** Agreements per current status, each linked to the list it counts, beside the cooperations the rule counts. */
function StatusCounts(props: { lang: Lang; rows: StatusCount[]; rule: CountingRule }) {
  const { lang, rule } = props;
  const sv = lang === 'sv';
  return (
    <section aria-labelledby="by-status">
      <h2 id="by-status">{sv ? 'Avtal och samarbeten per status i dag' : 'Agreements and cooperations by status today'}</h2>
      <p>
        {sv
          ? `Avtal: varje avtal för sig, med den status det har i registret; siffran leder till listan över dem. Samarbeten: så som regeln "${rule.nameSv}" räknar dem.`
          : `Agreements: each agreement on its own, with its status in the register; the number leads to the list of them. Cooperations: as the rule "${rule.nameEn}" counts them.`}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col" class="num">{t(lang, 'agreements')}</th>
            <th scope="col" class="num">{sv ? 'Samarbeten enligt regeln' : 'Cooperations under the rule'}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{label(lang, 'status', r.status)}</th>
              <td class="num">
                <a href={href(lang, '/avtal', { status: r.status })}>{r.agreements}</a>
              </td>
              <td class="num">{r.counted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Quiet agreements: in force without a public sign of life for their organisation's quiet months, by kind and by county. */
function QuietCountsSection(props: { lang: Lang; quiet: QuietCounts }) {
  const { lang, quiet } = props;
  const sv = lang === 'sv';
  return (
    <section aria-labelledby="quiet">
      <h2 id="quiet">{sv ? 'Tysta avtal' : 'Quiet agreements'}</h2>
      <p>
        {sv
          ? `${quiet.total} avtal i kraft (aktiva) utan någon offentlig aktivitet eller händelse som visar att de lever på två år (eller den tid avtalets organisation valt), räknat den ${formatEdtf(quiet.on, lang)}. Ett tyst avtal behöver ett beslut: satsa på nytt, låt det vila eller avsluta det. Registrets källor slutar ofta flera år tillbaka: att registret inte vet om någon aktivitet betyder inte att ingen har skett.`
          : `${quiet.total} agreements in force (active) with no public activity or event that shows they live for two years (or the time the agreement's organisation chose), counted on ${formatEdtf(quiet.on, lang)}. A quiet agreement needs a decision: renew the effort, let it rest, or end it. The register's sources often end years back: that the register knows of no activity does not mean that none took place.`}
      </p>
      <table>
        <caption>{sv ? 'Tysta avtal per avtalsform' : 'Quiet agreements by kind'}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'kind')}</th>
            <th scope="col" class="num">{t(lang, 'agreements')}</th>
          </tr>
        </thead>
        <tbody>
          {quiet.byKind.map((r) => (
            <tr>
              <th scope="row">{label(lang, 'kind', r.kind)}</th>
              <td class="num">{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{sv ? 'Tysta avtal per län (ett avtal med parter i flera län räknas i varje)' : 'Quiet agreements by county (an agreement with parties in several counties counts in each)'}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'county')}</th>
            <th scope="col" class="num">{t(lang, 'agreements')}</th>
          </tr>
        </thead>
        <tbody>
          {quiet.byCounty.map((r) => (
            <tr>
              <th scope="row">{r.county === null ? (sv ? 'Inget län' : 'No county') : `${COUNTIES[r.county] ?? r.county} (${r.county})`}</th>
              <td class="num">{r.county === null ? r.count : <a href={href(lang, '/avtal', { county: r.county, status: 'active' })}>{r.count}</a>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Breakdown(props: { lang: Lang; id: string; caption: string; rows: Array<BreakdownRow & { name?: string }>; name: (r: BreakdownRow & { name?: string }) => string; rule: string; chart?: Chart }) {
  const { lang } = props;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.caption}</h2>
      {props.chart ? <Figure lang={lang} chart={props.chart} name={props.id as ChartName} rule={props.rule} /> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{props.caption}</th>
            <th scope="col" class="num">{lang === 'sv' ? 'Etablerade' : 'Established'}</th>
            <th scope="col" class="num">{t(lang, 'inForce')}</th>
            <th scope="col" class="num">{t(lang, 'endedCount')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{props.name(r)}</th>
              <td class="num">{r.established}</td>
              <td class="num">{r.inForce}</td>
              <td class="num">{r.ended}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <CsvLinks lang={lang} path={`/api/statistics/${props.id}.csv`} params={{ rule: props.rule }} />
      </p>
    </section>
  );
}

export function StatisticsPage(props: { lang: Lang; view: StatisticsView; raw: Record<string, string> }) {
  const { lang, view } = props;
  const rule = view.rule;
  // A year is written as a year, not as a number with a thousands space.
  const show = (statement: StatementResult['statement'], n: number) => (statement.unit === 'year' ? String(n) : formatNumber(n, lang, statement.decimals ?? 0));
  return (
    <Layout lang={lang} title={t(lang, 'statistics')} path="/statistik" query={props.raw}>
      <h1>{t(lang, 'statistics')}</h1>
      {view.sourcesEnd !== null ? (
        <p id="sources-end">
          {lang === 'sv'
            ? `Registrets källor slutar ${view.sourcesEnd}. Statusar och serier efter det visar den status som de senaste källorna anger, inte en känd status för de åren.`
            : `The register's sources end in ${view.sourcesEnd}. Statuses and series after that show the status the latest sources give, not a status known for those years.`}
        </p>
      ) : null}
      <form method="get" action="/statistik" class="filters">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <div class="wide">
          <label for="s-rule">{t(lang, 'rule')}</label>
          <select id="s-rule" name="rule">
            {Object.values(RULES).map((r) => (
              <option value={r.id} selected={r.id === rule.id}>
                {lang === 'sv' ? r.nameSv : r.nameEn}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{t(lang, 'apply')}</button>
        </div>
      </form>
      <p>
        <strong>{lang === 'sv' ? rule.nameSv : rule.nameEn}:</strong> {lang === 'sv' ? rule.descriptionSv : rule.descriptionEn}
        {view.reportRuleStatements && view.reportRuleStatements.every((r, i) => r.computed === view.statements[i]!.computed)
          ? lang === 'sv'
            ? ' Med registrets data ändrar regeln inget av rapportens tal.'
            : " With the register's data the rule changes none of the report's numbers."
          : ''}
      </p>

      <section aria-labelledby="statements">
        <h2 id="statements">{lang === 'sv' ? 'Rapportens siffror och registrets' : "The report's figures and the register's"}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'reportSays')}</th>
              <th scope="col" class="num">{lang === 'sv' ? 'Rapporten' : 'Report'}</th>
              {view.reportRuleStatements ? <th scope="col" class="num">{lang === 'sv' ? 'Registret, rapportens regel' : "Register, the report's rule"}</th> : null}
              <th scope="col" class="num">{lang === 'sv' ? `Registret, ${rule.nameSv.toLowerCase()}` : `Register, ${rule.nameEn.toLowerCase()}`}</th>
              <th scope="col">{t(lang, 'why')}</th>
            </tr>
          </thead>
          <tbody>
            {view.statements.map((s, i) => (
              <tr id={`statement-${s.statement.id}`}>
                <td>
                  <q lang="sv">{s.statement.quoteSv}</q>{' '}
                  {lang === 'sv' ? (
                    <span class="hint">({s.statement.passage})</span>
                  ) : (
                    <>
                      <span class="hint">({s.statement.passageEn})</span>
                      <br />
                      <span class="translation">
                        {t(lang, 'ourTranslation')}: “{s.statement.quoteEn}”
                      </span>
                    </>
                  )}
                </td>
                <td class="num">{show(s.statement, s.statement.reported)}</td>
                {view.reportRuleStatements ? <td class="num">{show(s.statement, view.reportRuleStatements[i]!.computed)}</td> : null}
                <td class="num">
                  {show(s.statement, s.computed)}
                  {view.reportRuleStatements && view.reportRuleStatements[i]!.computed !== s.computed ? <strong> {lang === 'sv' ? '(ändrad av regeln)' : '(changed by the rule)'}</strong> : null}
                </td>
                <td>
                  {s.matches
                    ? `✓ ${t(lang, 'agrees')}`
                    : view.reportRuleStatements?.[i]!.matches
                      ? `≠ ${t(lang, 'differs')}. ${lang === 'sv' ? 'Under rapportens regel stämmer talet; den valda regeln räknar annorlunda.' : "Under the report's rule the number agrees; the chosen rule counts differently."}`
                      : `≠ ${t(lang, 'differs')}. ${(lang === 'sv' ? s.statement.whySv : s.statement.whyEn) ?? ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <PeakUnderEveryRule lang={lang} peak={view.peakUnderEveryRule} named={view.named} />

      <section aria-labelledby="in-force">
        <h2 id="in-force">{lang === 'sv' ? 'Pågående samarbeten vid årets slut, per avtalsform (rapportens diagram 4)' : 'Cooperations in force at the end of each year, by kind (the report\'s Diagram 4)'}</h2>
        <Figure lang={lang} chart={view.charts['in-force']} name="in-force" rule={rule.id} />
        <KindSeriesTable lang={lang} kinds={view.kinds} first={t(lang, 'year')} rows={view.inForce.map((y) => ({ key: String(y.year), byKind: y.byKind, total: y.total }))} />
        <p>
          <CsvLinks lang={lang} path="/api/statistics/in-force.csv" params={{ rule: rule.id }} />
        </p>
      </section>

      <section aria-labelledby="changes">
        <h2 id="changes">{lang === 'sv' ? 'Avslutade och pausade samarbeten per år (rapportens diagram 5)' : "Ended and paused cooperations per year (the report's Diagram 5)"}</h2>
        <Figure lang={lang} chart={view.charts.changes} name="changes" rule={rule.id} />
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'year')}</th>
              <th scope="col" class="num">{t(lang, 'endedCount')}</th>
              <th scope="col" class="num">{lang === 'sv' ? 'varav av svenska sidan' : 'of which by the Swedish side'}</th>
              <th scope="col" class="num">{lang === 'sv' ? 'varav av kinesiska sidan' : 'of which by the Chinese side'}</th>
              <th scope="col" class="num">{lang === 'sv' ? 'varav sida okänd' : 'of which side unknown'}</th>
              <th scope="col" class="num">{t(lang, 'pausedCount')}</th>
            </tr>
          </thead>
          <tbody>
            {view.changes
              .filter((c) => c.year === null || c.ended + c.paused > 0)
              .map((c) => (
                <tr>
                  <th scope="row">{c.year ?? t(lang, 'yearUnknown')}</th>
                  <td class="num">{c.ended}</td>
                  <td class="num">{c.endedBySwedishSide}</td>
                  <td class="num">{c.endedByCounterpart}</td>
                  <td class="num">{c.endedSideUnknown}</td>
                  <td class="num">{c.paused}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <p class="hint">{lang === 'sv' ? 'År utan avslut eller pauser visas inte.' : 'Years without endings or pauses are not shown.'}</p>
        <p>
          <CsvLinks lang={lang} path="/api/statistics/changes.csv" params={{ rule: rule.id }} />
        </p>
      </section>

      <section aria-labelledby="reasons">
        <h2 id="reasons">{lang === 'sv' ? 'Angivna skäl för avslut och pauser 2017–2021' : 'Reasons given for endings and pauses 2017–2021'}</h2>
        <Figure lang={lang} chart={view.charts.reasons} name="reasons" rule={rule.id} />
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'reasons')}</th>
              <th scope="col" class="num">{t(lang, 'total')}</th>
              <th scope="col" class="num">{label(lang, 'statedBy', 'decision_maker')}</th>
              <th scope="col" class="num">{label(lang, 'statedBy', 'representative')}</th>
              <th scope="col" class="num">{label(lang, 'statedBy', 'opposition')}</th>
            </tr>
          </thead>
          <tbody>
            {view.reasons.rows.map((r) => (
              <tr>
                <th scope="row">{label(lang, 'reason', r.code)}</th>
                <td class="num">{r.total}</td>
                <td class="num">{r.byStatedBy.decision_maker}</td>
                <td class="num">{r.byStatedBy.representative}</td>
                <td class="num">{r.byStatedBy.opposition}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{lang === 'sv' ? 'Inget skäl registrerat' : 'No reason recorded'}</th>
              <td class="num">{view.reasons.withoutReason}</td>
              <td colspan={3}></td>
            </tr>
          </tbody>
        </table>
        <p class="hint">{lang === 'sv' ? 'Ett samarbete kan ha flera skäl; varje skäl räknas en gång per avslut eller paus.' : 'A cooperation may have several reasons; each reason counts once per ending or pause.'}</p>
        <p>
          <CsvLinks lang={lang} path="/api/statistics/reasons.csv" params={{ rule: rule.id }} />
        </p>
      </section>

      <StatusCounts lang={lang} rows={view.byStatus} rule={rule} />
      <QuietCountsSection lang={lang} quiet={view.quiet} />
      <section aria-labelledby="kontaktytor">
        <h2 id="kontaktytor">{t(lang, 'contactSurfaces')}</h2>
        <p>
          {lang === 'sv'
            ? 'Offentliga kontaktytor utöver avtalen per län (de svenska aktörernas) och per provins (de kinesiska orternas), efter slag. En kontaktyta räknas i varje län och provins den gäller.'
            : 'Public contact surfaces beyond the agreements per county (of the Swedish bodies) and per province (of the Chinese places), by kind. A surface counts in every county and province it concerns.'}{' '}
          <a href={href(lang, '/karta', { lager: 'alla' })}>{lang === 'sv' ? 'Se dem på kartan.' : 'See them on the map.'}</a>
        </p>
        <SurfaceCountTables lang={lang} counties={view.contactSurfaces.counties} provinces={view.contactSurfaces.provinces} kinds={CONTACT_SURFACE_KINDS} idPrefix="statistics-surfaces" />
      </section>
      <Breakdown lang={lang} id="by-county" caption={t(lang, 'county')} rows={view.byCounty} name={(r) => `${COUNTIES[r.key] ?? r.key} (${r.key})`} rule={rule.id} chart={view.charts['by-county']} />
      <Breakdown lang={lang} id="by-province" caption={t(lang, 'province')} rows={view.byProvince} name={(r) => r.name ?? r.key} rule={rule.id} chart={view.charts['by-province']} />
      <Breakdown lang={lang} id="by-actor-kind" caption={t(lang, 'actorKind')} rows={view.byActorKind} name={(r) => label(lang, 'actorKind', r.key)} rule={rule.id} />
      <section aria-labelledby="per-decade">
        <h2 id="per-decade">{lang === 'sv' ? 'Etablerade samarbeten per decennium' : 'Cooperations established per decade'}</h2>
        <Figure lang={lang} chart={view.charts['per-decade']} name="per-decade" rule={rule.id} />
        <KindSeriesTable lang={lang} kinds={view.kinds} first={lang === 'sv' ? 'Decennium' : 'Decade'} rows={view.perDecade.map((d) => ({ key: `${d.decade}–${d.decade + 9}`, byKind: d.byKind, total: d.total }))} />
        <p>
          <CsvLinks lang={lang} path="/api/statistics/per-decade.csv" params={{ rule: rule.id }} />
        </p>
      </section>

      <p class="hint">
        {lang === 'sv' ? `Etablerade och pågående räknas per ${formatEdtf(view.today, lang)}.` : `Established and in force are counted on ${formatEdtf(view.today, lang)}.`}{' '}
        <a href={href(lang, '/oppna-data')}>{t(lang, 'openData')}</a>
      </p>
    </Layout>
  );
}
