// The shared calendar of visits and delegations: a month as a grid of weeks
// (a visit known only to its month or year listed above it; each day shows
// its first few visits and links to its whole list), or a list: the coming
// months, one month or one day; filters by county, place in China and
// direction; the same visits as an iCalendar feed to subscribe to. Networks'
// meetings the reader may read are in it too, marked as such.
import type { CalendarNetworkMeeting } from '../../domain/calendar/network-meetings.ts';
import { DAY_SHOWN, shiftMonths, VAGUE, VAGUE_SHOWN, type CalendarQuery, type CalendarVisit, type MonthOfVisits, type VisitsRead } from '../../domain/calendar/visits.ts';
import type { PlaceOption } from '../../domain/counterparts/list.ts';
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { formatEdtf, formatNumber } from '../format.ts';
import { COUNTIES, label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';

export interface VisitsCalendarProps {
  lang: Lang;
  account?: string;
  view: 'month' | 'list';
  /** The month shown, or (the list) the month it shows the visits of, if it shows one. */
  month: string;
  query: CalendarQuery;
  places: PlaceOption[];
  today: string;
  /** The month's grid or the list (CalendarSection). */
  section: Child;
}

export type CalendarSectionProps = Omit<VisitsCalendarProps, 'account' | 'places' | 'section'> & {
  /** The month's grid: each day's first visits and how many it has. */
  days?: MonthOfVisits;
  /** The list: its visits, and how many there are (more when the period has more than one page shows). */
  list?: VisitsRead;
  /** The networks' meetings in the period that the reader may read. */
  meetings: CalendarNetworkMeeting[];
  /**
   * The grid's day cells as HTML, kept for every reader of the same common part and networks
   * (visits-calendar-routes.tsx): a day in `own` (the reader's own internal visits) is rendered
   * for this reader alone; any other day is taken from `kept`, or rendered and kept there.
   */
  cells?: { kept: Map<string, string>; own: ReadonlySet<string> };
};

/** A visit or a network's meeting, on the day it is known to (or its month or year). */
type Entry = { dateMin: string; exactDay: boolean } & ({ visit: CalendarVisit } | { meeting: CalendarNetworkMeeting });

function entriesOf(visits: CalendarVisit[], meetings: CalendarNetworkMeeting[]): Entry[] {
  const all: Entry[] = [...visits.map((visit) => ({ dateMin: visit.dateMin, exactDay: visit.exactDay, visit })), ...meetings.map((meeting) => ({ dateMin: meeting.heldMin, exactDay: meeting.exactDay, meeting }))];
  // Stable: visits before meetings on the same day, each in the order read.
  return all.sort((a, b) => a.dateMin.localeCompare(b.dateMin));
}

const PATH = '/besokskalender';
// "maj 2026", "14 maj 2026": as every date of the register is written (format.ts).
const monthName = (month: string, lang: Lang) => formatEdtf(month, lang);
const dayName = (day: string, lang: Lang) => formatEdtf(day, lang);
const titleOf = (lang: Lang) => (lang === 'sv' ? 'Besökskalender' : 'Calendar of visits');
const filtersOf = (query: CalendarQuery) => Object.fromEntries(Object.entries({ county: query.county, place: query.place, direction: query.direction }).filter(([, v]) => v)) as Record<string, string>;

const WEEKDAYS = { sv: ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'], en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] } as const;

const VISIT_READERS: Record<string, { sv: string; en: string }> = {
  shared: { sv: ' (delad, inte offentlig)', en: ' (shared, not public)' },
  internal: { sv: ' (intern, bara för din organisation)', en: ' (internal, your organisation only)' },
};

function Visit({ lang, visit, withDate }: { lang: Lang; visit: CalendarVisit; withDate: boolean }) {
  return (
    <>
      {withDate ? <span class="when">{formatEdtf(visit.date, lang)} · </span> : null}
      {label(lang, 'activity', visit.kind)}: {lang === 'en' && visit.titleEn ? visit.titleEn : visit.title} (
      <a href={href(lang, `/avtal/${visit.agreementSlug}`)}>
        {visit.partyLabel} – {visit.counterpartLabel}
      </a>
      ){VISIT_READERS[visit.visibility] ? <span class="hint">{VISIT_READERS[visit.visibility]![lang]}</span> : null}
    </>
  );
}

const NETWORK_READERS: Record<string, { sv: string; en: string }> = {
  shared: { sv: ' (delat nätverk, inte offentligt)', en: ' (shared network, not public)' },
  internal: { sv: ' (för nätverkets medlemmar)', en: " (for the network's members)" },
};

function NetworkMeeting({ lang, meeting, withDate }: { lang: Lang; meeting: CalendarNetworkMeeting; withDate: boolean }) {
  return (
    <>
      {withDate ? <span class="when">{formatEdtf(meeting.heldOn, lang)} · </span> : null}
      {lang === 'sv' ? 'Nätverksmöte' : 'Network meeting'}:{' '}
      <a href={href(lang, `/natverk/${meeting.networkId}/moten/${meeting.id}`)}>{meeting.networkName}</a>
      {meeting.place ? `, ${meeting.place}` : ''}
      {NETWORK_READERS[meeting.visibility] ? <span class="hint">{NETWORK_READERS[meeting.visibility]![lang]}</span> : null}
    </>
  );
}

const EntryLine = ({ lang, entry, withDate }: { lang: Lang; entry: Entry; withDate: boolean }) =>
  'visit' in entry ? <Visit lang={lang} visit={entry.visit} withDate={withDate} /> : <NetworkMeeting lang={lang} meeting={entry.meeting} withDate={withDate} />;

const entryClass = (entry: Entry) => ('meeting' in entry ? 'network-meeting' : undefined);

/** The list's period: one day, one month, or the coming months. */
const listHeading = (p: CalendarSectionProps) => {
  const sv = p.lang === 'sv';
  if (p.query.day) return sv ? `Besök och nätverksmöten den ${dayName(p.query.day, 'sv')}` : `Visits and network meetings on ${dayName(p.query.day, 'en')}`;
  if (p.query.month) return sv ? `Besök och nätverksmöten under ${monthName(p.query.month, 'sv')}` : `Visits and network meetings in ${monthName(p.query.month, 'en')}`;
  return sv ? 'Kommande besök och nätverksmöten' : 'Coming visits and network meetings';
};

/** The month as a grid of weeks, or a list: the same for every reader who reads the same visits. */
export function CalendarSection(p: CalendarSectionProps) {
  const { lang } = p;
  const sv = lang === 'sv';
  const path = PATH;
  const filters = filtersOf(p.query);
  const title = titleOf(lang);
  const count = (n: number) => formatNumber(n, lang);

  const grid = (days: MonthOfVisits, meetings: Entry[]) => {
    const [y, m] = p.month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const offset = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday first
    const weeks: Array<Array<number | null>> = [];
    let week: Array<number | null> = Array(offset).fill(null);
    for (let d = 1; d <= last; d++) {
      week.push(d);
      if (week.length === 7) weeks.push(week), (week = []);
    }
    if (week.length) weeks.push([...week, ...Array(7 - week.length).fill(null)]);
    const cell = (d: number) => {
      const day = `${p.month}-${String(d).padStart(2, '0')}`;
      if (!p.cells || p.cells.own.has(day)) return dayCell(d, day);
      let html = p.cells.kept.get(day);
      if (html === undefined) p.cells.kept.set(day, (html = String(dayCell(d, day))));
      return raw(html);
    };
    const dayCell = (d: number, day: string) => {
      const read = days[day] ?? { visits: [], total: 0 };
      const entries = entriesOf(read.visits, []).concat(meetings.filter((e) => e.dateMin === day));
      const more = read.total - read.visits.length;
      return (
        <td>
          <span class="day">{d}</span>
          {entries.length ? (
            <ul>
              {entries.map((v) => (
                <li class={entryClass(v)}>
                  <EntryLine lang={lang} entry={v} withDate={false} />
                </li>
              ))}
            </ul>
          ) : null}
          {more > 0 ? (
            <a class="more" href={href(lang, path, { ...filters, visa: 'lista', day })}>
              {sv ? `Alla ${count(read.total)} besök den ${dayName(day, 'sv')}` : `All ${count(read.total)} visits on ${dayName(day, 'en')}`}
            </a>
          ) : null}
        </td>
      );
    };
    return (
      <table class="calendar">
        <caption>{`${title}: ${monthName(p.month, lang)}`}</caption>
        <thead>
          <tr>
            {WEEKDAYS[lang].map((d) => (
              <th scope="col">{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr>{w.map((d) => (d === null ? <td></td> : cell(d)))}</tr>
          ))}
        </tbody>
      </table>
    );
  };

  if (p.view === 'month') {
    const days = p.days ?? {};
    const meetings = entriesOf([], p.meetings);
    const vagueRead = days[VAGUE] ?? { visits: [], total: 0 };
    const vague = entriesOf(vagueRead.visits, p.meetings.filter((m) => !m.exactDay));
    const any = Object.values(days).some((d) => d.total) || meetings.length;
    const cut = Object.values(days).some((d) => d.total > d.visits.length);
    const monthList = href(lang, path, { ...filters, visa: 'lista', month: p.month });
    return (
      <>
        <nav aria-label={sv ? 'Månader' : 'Months'}>
          <a href={href(lang, path, { ...filters, month: shiftMonths(p.month, -1) })}>{`← ${monthName(shiftMonths(p.month, -1), lang)}`}</a> ·{' '}
          <a href={href(lang, path, { ...filters, month: shiftMonths(p.month, 1) })}>{`${monthName(shiftMonths(p.month, 1), lang)} →`}</a>
        </nav>
        <h2>{monthName(p.month, lang)}</h2>
        {vague.length ? (
          <>
            <h3>{sv ? 'Under månaden eller året, dag inte känd' : 'During the month or year, day not known'}</h3>
            <ul>
              {vague.map((v) => (
                <li class={entryClass(v)}>
                  <EntryLine lang={lang} entry={v} withDate={true} />
                </li>
              ))}
            </ul>
            {vagueRead.total > vagueRead.visits.length ? (
              <p>
                <a href={monthList}>{sv ? `Alla ${count(vagueRead.total)} utan känd dag, i listan över månaden` : `All ${count(vagueRead.total)} without a known day, in the month's list`}</a>
              </p>
            ) : null}
          </>
        ) : null}
        {any ? (
          <p>
            <a href={monthList}>{sv ? `Alla besök under ${monthName(p.month, 'sv')} som lista` : `Every visit in ${monthName(p.month, 'en')} as a list`}</a>
            {cut ? (sv ? ` (kalendern visar högst ${DAY_SHOWN} besök per dag och ${VAGUE_SHOWN} utan känd dag)` : ` (the calendar shows at most ${DAY_SHOWN} visits a day and ${VAGUE_SHOWN} without a known day)`) : null}
          </p>
        ) : (
          <p>{sv ? 'Inga besök eller nätverksmöten den här månaden.' : 'No visits or network meetings this month.'}</p>
        )}
        {grid(days, meetings.filter((e) => e.exactDay))}
      </>
    );
  }

  const list = p.list ?? { visits: [], total: 0 };
  const entries = entriesOf(list.visits, p.meetings);
  return (
    <>
      {list.total > list.visits.length ? (
        <p class="notice">
          {sv
            ? `Perioden har ${count(list.total)} besök; här visas de ${count(list.visits.length)} första. Välj ett län, en ort eller en riktning för att se resten.`
            : `The period has ${count(list.total)} visits; the first ${count(list.visits.length)} are shown. Choose a county, a place or a direction to see the rest.`}
        </p>
      ) : null}
      <h2>{listHeading(p)}</h2>
      {entries.length ? (
        <ul>
          {entries.map((v) => (
            <li class={entryClass(v)}>
              <EntryLine lang={lang} entry={v} withDate={true} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{sv ? 'Inga besök eller nätverksmöten registrerade för perioden.' : 'No visits or network meetings recorded for the period.'}</p>
      )}
    </>
  );
}

export function VisitsCalendarPage(p: VisitsCalendarProps) {
  const { lang } = p;
  const sv = lang === 'sv';
  const path = PATH;
  const filters = filtersOf(p.query);
  const title = titleOf(lang);

  return (
    <Layout lang={lang} title={title} path={path} account={p.account}>
      <h1>{title}</h1>
      <p class="lead">
        {sv
          ? 'Besök och delegationer till och från Kina i alla organisationers avtal, så att den som tar emot en delegation ser vilka andra som har kontakt med samma ort, och nätverkens möten.'
          : "Visits and delegations to and from China in every organisation's agreements, so that whoever receives a delegation sees who else deals with the same place, and the networks' meetings."}
        {p.account ? '' : sv ? ' Du ser de offentliga; inloggade ser också de delade.' : ' You see the public ones; signed-in people also see the shared ones.'}
      </p>
      <form method="get" action={path} class="filters">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        {p.view === 'list' ? <input type="hidden" name="visa" value="lista" /> : null}
        {p.view === 'month' || p.query.month ? <input type="hidden" name="month" value={p.month} /> : null}
        {p.view === 'list' && p.query.day ? <input type="hidden" name="day" value={p.query.day} /> : null}
        <label for="cal-county">{sv ? 'Län' : 'County'}</label>
        <select id="cal-county" name="county">
          <option value="">{sv ? 'Alla län' : 'All counties'}</option>
          {Object.entries(COUNTIES)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([code, name]) => (
              <option value={code} selected={p.query.county === code}>{`${name} (${code})`}</option>
            ))}
        </select>
        <label for="cal-place">{sv ? 'Provins eller ort' : 'Province or place'}</label>
        <select id="cal-place" name="place">
          <option value="">{sv ? 'Alla' : 'All'}</option>
          {p.places.map((o) => (
            <option value={o.slug} selected={p.query.place === o.slug}>
              {o.nameLatin}
              {o.nameNative ? ` ${o.nameNative}` : ''}
            </option>
          ))}
        </select>
        <label for="cal-direction">{sv ? 'Riktning' : 'Direction'}</label>
        <select id="cal-direction" name="direction">
          <option value="">{sv ? 'Båda' : 'Both'}</option>
          <option value="incoming" selected={p.query.direction === 'incoming'}>
            {sv ? 'Besök till Sverige' : 'Visits to Sweden'}
          </option>
          <option value="outgoing" selected={p.query.direction === 'outgoing'}>
            {sv ? 'Besök i Kina' : 'Visits to China'}
          </option>
        </select>
        <button type="submit">{sv ? 'Visa' : 'Show'}</button>
      </form>
      <p>
        {p.view === 'month' ? (
          <a href={href(lang, path, { ...filters, visa: 'lista' })}>{sv ? 'Visa som lista över kommande månader' : 'Show as a list of the coming months'}</a>
        ) : (
          <a href={href(lang, path, { ...filters, month: p.month })}>{sv ? `Visa ${monthName(p.month, 'sv')} som månad` : `Show ${monthName(p.month, 'en')} as a month`}</a>
        )}{' '}
        · <a href={href(lang, `${path}.ics`, filters)}>{sv ? 'Prenumerera i din kalender (iCalendar, offentliga besök och nätverksmöten)' : 'Subscribe in your calendar (iCalendar, public visits and network meetings)'}</a>
      </p>
      {p.section}
    </Layout>
  );
}
