// The yearly follow-up report as a page (domain/reports/yearly.ts), with the
// same report as PDF and XLSX linked at the top. The words of each section
// are REPORT_WORDS, which the PDF and the workbook share.
import type { Child } from 'hono/jsx';
import type { CostsByCategory, ReportPlan, YearlyReport, YearMeasures } from '../../domain/reports/yearly.ts';
import { reminderLine } from '../../domain/reminders/send.ts';
import { formatEdtf, formatNumber } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { FOLLOW_UP_STATE_NAMES } from './activities-page.tsx';
import { ASSESSMENT_NAMES } from './words.ts';

export const REPORT_WORDS = {
  title: { sv: 'Årlig uppföljning', en: 'Yearly follow-up' },
  asOf: { sv: 'Räknat till och med', en: 'Counted up to and including' },
  agreements: { sv: 'Avtal: status vid årets slut och årets händelser', en: "Agreements: status at the year's end and the year's events" },
  agreement: { sv: 'Avtal', en: 'Agreement' },
  status: { sv: 'Status', en: 'Status' },
  events: { sv: 'Händelser under året', en: 'Events during the year' },
  activitiesCount: { sv: 'Aktiviteter', en: 'Activities' },
  cost: { sv: 'Kostnad (kr)', en: 'Cost (SEK)' },
  activities: { sv: 'Aktiviteter under året', en: 'Activities during the year' },
  date: { sv: 'Datum', en: 'Date' },
  kind: { sv: 'Slag', en: 'Kind' },
  titleColumn: { sv: 'Rubrik', en: 'Title' },
  costs: { sv: 'Kostnader', en: 'Costs' },
  byAgreement: { sv: 'Per avtal', en: 'By agreement' },
  byKind: { sv: 'Per slags aktivitet', en: 'By kind of activity' },
  byCategory: { sv: 'Per kategori', en: 'By category' },
  category: { sv: 'Kategori', en: 'Category' },
  total: { sv: 'Totalt', en: 'Total' },
  points: { sv: 'Uppföljningspunkter', en: 'Follow-up points' },
  raised: { sv: 'Nya under året', en: 'Raised during the year' },
  done: { sv: 'Klara under året', en: 'Done during the year' },
  dropped: { sv: 'Strukna under året', en: 'Dropped during the year' },
  overdue: { sv: 'Försenade (öppna efter sin dag)', en: 'Overdue (open past their day)' },
  point: { sv: 'Punkt', en: 'Point' },
  owner: { sv: 'Ansvarig', en: 'Responsible' },
  dueOn: { sv: 'Klart senast', en: 'Due by' },
  plans: { sv: 'Handlingsplaner som gäller året', en: 'Action plans covering the year' },
  period: { sv: 'Period', en: 'Period' },
  theme: { sv: 'Område', en: 'Area' },
  goal: { sv: 'Mål', en: 'Goal' },
  followUp: { sv: 'Uppföljning', en: 'Follow-up' },
  indicator: { sv: 'Indikator', en: 'Indicator' },
  outcome: { sv: 'Utfall', en: 'Outcome' },
  assessment: { sv: 'Bedömning', en: 'Assessment' },
  budget: { sv: 'Budget', en: 'Budget' },
  responsible: { sv: 'Ansvarig enhet', en: 'Responsible unit' },
  reviewed: { sv: 'Granskad', en: 'Reviewed' },
  linkedCosts: { sv: 'Kostnader för aktiviteter kopplade till planens mål', en: "Costs of activities linked to the plan's goals" },
  thisYear: { sv: 'i år', en: 'this year' },
  inPeriod: { sv: 'under perioden', en: 'during the period' },
  quiet: { sv: 'Tysta avtal som behöver ett beslut', en: 'Quiet agreements that need a decision' },
  quietIntro: {
    sv: 'Avtal i kraft utan aktivitet eller händelse som visar att de lever. Beslut som behövs: satsa på nytt, låt avtalet vila, eller avsluta det.',
    en: 'Agreements in force with no activity or event that shows they live. Decision needed: renew the effort, let the agreement rest, or end it.',
  },
  comparison: { sv: 'Jämfört med året före', en: 'Compared with the year before' },
  measure: { sv: 'Mått', en: 'Measure' },
  lastSign: { sv: 'Senaste tecken på liv', en: 'Last sign of life' },
  none: { sv: 'Inga.', en: 'None.' },
} as const;

export const MEASURE_NAMES: Record<keyof YearMeasures, { sv: string; en: string }> = {
  agreementsInForce: { sv: 'Avtal i kraft vid årets slut', en: "Agreements in force at the year's end" },
  events: { sv: 'Händelser i avtalen', en: 'Events in the agreements' },
  activities: { sv: 'Aktiviteter', en: 'Activities' },
  costSek: { sv: 'Kostnader för aktiviteter (kr)', en: 'Costs of activities (SEK)' },
  pointsRaised: { sv: 'Nya uppföljningspunkter', en: 'Follow-up points raised' },
  pointsDone: { sv: 'Klara uppföljningspunkter', en: 'Follow-up points done' },
};

export const CATEGORY_NAMES: Record<keyof CostsByCategory, { sv: string; en: string }> = {
  travel: { sv: 'Resor', en: 'Travel' },
  hospitality: { sv: 'Representation och värdskap', en: 'Hospitality' },
  project: { sv: 'Projekt', en: 'Project' },
  other: { sv: 'Övrigt', en: 'Other' },
  unsplit: { sv: 'Inte fördelat på kategori', en: 'Not split by category' },
};
export const categoryRows = (costs: CostsByCategory) => (Object.keys(CATEGORY_NAMES) as Array<keyof CostsByCategory>).filter((k) => costs[k] > 0);

/** A plan's unit, budget beside the costs of the activities linked to it, and its review, in one line. */
export function planFacts(plan: ReportPlan, lang: Lang): string {
  const money = (n: number) => `${formatNumber(n, lang)} kr`;
  return [
    plan.responsibleUnit ? `${REPORT_WORDS.responsible[lang]}: ${plan.responsibleUnit}` : null,
    `${REPORT_WORDS.budget[lang]}: ${plan.budgetSek === null ? '–' : money(plan.budgetSek)}`,
    `${REPORT_WORDS.linkedCosts[lang]}: ${money(plan.costYearSek)} ${REPORT_WORDS.thisYear[lang]}, ${money(plan.costPeriodSek)} ${REPORT_WORDS.inPeriod[lang]}`,
    `${REPORT_WORDS.reviewed[lang]}: ${plan.reviewedOn ?? '–'}`,
  ]
    .filter(Boolean)
    .join('. ');
}
export const goalHead = (lang: Lang) => [REPORT_WORDS.theme[lang], REPORT_WORDS.goal[lang], REPORT_WORDS.indicator[lang], REPORT_WORDS.outcome[lang], REPORT_WORDS.assessment[lang]];
export const goalRows = (plan: ReportPlan, lang: Lang) => plan.goals.map((g) => [g.theme, g.goal, g.indicator ?? '–', g.outcome ?? g.followUp ?? '–', ASSESSMENT_NAMES[g.assessment][lang]]);

export const w = (lang: Lang, key: keyof typeof REPORT_WORDS) => REPORT_WORDS[key][lang];

export interface YearlyReportPageProps {
  lang: Lang;
  account: string;
  report: YearlyReport;
  /** The years the picker offers, newest first. */
  years: number[];
}

/** A table of the report: its caption (shown, or for screen readers only), its column heads, and rows whose first cell heads the row when `rowHeads`. */
function ReportTable(props: { caption: string; hiddenCaption?: boolean; head: Array<string | number>; rows: Child[][]; rowHeads?: boolean; lang: Lang }) {
  if (!props.rows.length) {
    return (
      <p>
        {props.hiddenCaption ? '' : `${props.caption}: `}
        {w(props.lang, 'none')}
      </p>
    );
  }
  return (
    <table>
      <caption class={props.hiddenCaption ? 'visually-hidden' : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(([first, ...rest]) => (
          <tr>
            {props.rowHeads ? <th scope="row">{first}</th> : <td>{first}</td>}
            {rest.map((cell) => (
              <td class={typeof cell === 'string' && /^[0-9 \u00a0–]+$/.test(cell) ? 'number' : undefined}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function YearlyReportPage({ lang, account, report, years }: YearlyReportPageProps) {
  const sv = lang === 'sv';
  const money = (n: number) => formatNumber(n, lang);
  const path = '/oversikt/arsrapport';
  const title = `${w(lang, 'title')} ${report.year}: ${report.organisation.name}`;
  const pointRows = (rows: YearlyReport['points']['done']) =>
    rows.map((p) => [
      <a href={`${href(lang, `/avtal/${p.agreementSlug}/aktiviteter`)}#punkt-${p.id}`}>{p.text}</a>,
      p.owner,
      p.dueOn,
      `${FOLLOW_UP_STATE_NAMES[p.state][lang]}${p.comment ? `: ${p.comment}` : ''}`,
    ]);
  const pointHead = [w(lang, 'point'), w(lang, 'owner'), w(lang, 'dueOn'), w(lang, 'status')];
  const costHead = (first: keyof typeof REPORT_WORDS) => [w(lang, first), w(lang, 'cost')];
  return (
    <Layout lang={lang} title={title} path={path} account={account}>
      <p>
        <a href={href(lang, '/oversikt')}>{sv ? 'Min uppföljning' : 'My follow-up'}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {w(lang, 'asOf')} {report.asOf}.
      </p>
      <form method="get" action={href(lang, path)} class="form inline">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <label for="report-year">{sv ? 'År' : 'Year'}</label>
        <select id="report-year" name="ar">
          {years.map((y) => (
            <option value={String(y)} selected={y === report.year}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit">{sv ? 'Visa' : 'Show'}</button>
      </form>
      <p>
        <a href={href(lang, `${path}.pdf`, { ar: String(report.year) })}>{sv ? `Ladda ned som PDF (A4)` : 'Download as PDF (A4)'}</a> ·{' '}
        <a href={href(lang, `${path}.xlsx`, { ar: String(report.year) })}>{sv ? 'Ladda ned som Excel (XLSX)' : 'Download as Excel (XLSX)'}</a>
      </p>

      <h2 id="jamforelse">{w(lang, 'comparison')}</h2>
      <ReportTable
        lang={lang}
        caption={w(lang, 'comparison')}
        hiddenCaption
        rowHeads
        head={[w(lang, 'measure'), report.year - 1, report.year]}
        rows={(Object.keys(MEASURE_NAMES) as Array<keyof YearMeasures>).map((m) => [MEASURE_NAMES[m][lang], money(report.measures.previous[m]), money(report.measures.current[m])])}
      />

      <h2 id="avtal">{w(lang, 'agreements')}</h2>
      <ReportTable
        lang={lang}
        caption={w(lang, 'agreements')}
        hiddenCaption
        head={[w(lang, 'agreement'), w(lang, 'status'), w(lang, 'events'), w(lang, 'activitiesCount'), w(lang, 'cost')]}
        rows={report.agreements.map((g) => [
          <a href={href(lang, `/avtal/${g.slug}`)}>{g.name}</a>,
          g.status ? label(lang, 'status', g.status) : '–',
          g.events.map((e) => `${label(lang, 'event', e.type)} ${formatEdtf(e.date, lang)}`).join('; ') || '–',
          String(g.activities),
          money(g.costSek),
        ])}
      />

      <h2 id="aktiviteter">{w(lang, 'activities')}</h2>
      <ReportTable
        lang={lang}
        caption={w(lang, 'activities')}
        hiddenCaption
        head={[w(lang, 'date'), w(lang, 'kind'), w(lang, 'titleColumn'), w(lang, 'agreement'), w(lang, 'cost')]}
        rows={report.activities.map((a) => [
          formatEdtf(a.date, lang),
          label(lang, 'activity', a.kind),
          a.title,
          <a href={`${href(lang, `/avtal/${a.agreementSlug}/aktiviteter`)}#aktivitet-${a.id}`}>{a.agreementName}</a>,
          a.costSek === null ? '–' : money(a.costSek),
        ])}
      />

      <h2 id="kostnader">{w(lang, 'costs')}</h2>
      <p>
        {w(lang, 'total')}: {money(report.costs.totalSek)} kr
      </p>
      {categoryRows(report.costs.byCategory).length ? (
        <ReportTable lang={lang} caption={w(lang, 'byCategory')} head={costHead('category')} rows={categoryRows(report.costs.byCategory).map((k) => [CATEGORY_NAMES[k][lang], money(report.costs.byCategory[k])])} />
      ) : null}
      {report.costs.byAgreement.length ? <ReportTable lang={lang} caption={w(lang, 'byAgreement')} head={costHead('agreement')} rows={report.costs.byAgreement.map((c) => [c.name, money(c.costSek)])} /> : null}
      {report.costs.byKind.length ? <ReportTable lang={lang} caption={w(lang, 'byKind')} head={costHead('kind')} rows={report.costs.byKind.map((c) => [label(lang, 'activity', c.kind), money(c.costSek)])} /> : null}

      <h2 id="punkter">{w(lang, 'points')}</h2>
      <p>
        {w(lang, 'raised')}: {report.points.raised}
      </p>
      <ReportTable lang={lang} caption={w(lang, 'done')} head={pointHead} rows={pointRows(report.points.done)} />
      <ReportTable lang={lang} caption={w(lang, 'dropped')} head={pointHead} rows={pointRows(report.points.dropped)} />
      <ReportTable lang={lang} caption={w(lang, 'overdue')} head={pointHead} rows={pointRows(report.points.overdue)} />

      <h2 id="handlingsplaner">{w(lang, 'plans')}</h2>
      {report.plans.length ? (
        report.plans.map((plan) => (
          <section aria-labelledby={`plan-${plan.id}`}>
            <h3 id={`plan-${plan.id}`}>
              {plan.title} ({formatEdtf(plan.periodFrom, lang)}–{formatEdtf(plan.periodTo, lang)}), {plan.agreementName}
            </h3>
            <p>{planFacts(plan, lang)}</p>
            <ReportTable lang={lang} caption={plan.title} hiddenCaption head={goalHead(lang)} rows={goalRows(plan, lang)} />
          </section>
        ))
      ) : (
        <p>{w(lang, 'none')}</p>
      )}

      <h2 id="tysta">{w(lang, 'quiet')}</h2>
      <p>{w(lang, 'quietIntro')}</p>
      {report.quiet.length ? (
        <ul>
          {report.quiet.map((r) => (
            <li>
              <a href={href(lang, `/avtal/${r.agreementSlug}`)}>{reminderLine(r, lang, report.asOf)}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{w(lang, 'none')}</p>
      )}
    </Layout>
  );
}
