// The agreement list: search, filters, sorting, pages, and the register as it
// stood on a date. SQL over the cached columns of agreements, or of a
// county's entries (refresh-caches.ts), and, for a date, the status periods.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { agreementCountyEntries, agreementKinds, agreements, agreementStatusPeriods, counterparts, STATUSES, statusDayDeltas, type Status } from '../../db/schema.ts';
import { canReadRow, readableByEveryReaderOf } from '../access.ts';
import type { Context } from '../context.ts';
import { invalid } from '../errors.ts';
import { IN_FORCE } from '../status/derive-status.ts';
import { isCounty, NO_SUCH_COUNTY } from '../counties.ts';
import { leaveOutUnusable, type LeftOut } from '../left-out.ts';
import { searchWords, textMatches } from '../text/search.ts';
import { parseInput } from '../validate.ts';
import { listAgreementsSchema, type ListAgreementsInput, type ListAgreementsQuery } from './schemas.ts';

export interface AgreementListRow {
  slug: string;
  kind: string;
  officialTitle: string | null;
  partyLabel: string;
  counterpartLabel: string;
  establishedYear: number | null;
  status: Status;
}

export interface AgreementList {
  query: ListAgreementsQuery;
  rows: AgreementListRow[];
  total: number;
  pages: number;
  /** What a lenient list (a page's) left out of the query it was given, and why (left-out.ts). */
  leftOut?: LeftOut[];
}

/** The columns every list of agreements shows, from the cached columns of `agreements a`. */
export const SUMMARY_COLUMNS = sql`a.slug, a.kind, a.official_title as "officialTitle", a.party_label as "partyLabel",
  a.counterpart_label as "counterpartLabel", a.established_year as "establishedYear"`;

const ORDER: Record<ListAgreementsQuery['sort'], SQL> = {
  actor: sql`a.party_label, a.counterpart_label, a.id`,
  '-actor': sql`a.party_label desc, a.counterpart_label desc, a.id desc`,
  counterpart: sql`a.counterpart_label, a.party_label, a.id`,
  '-counterpart': sql`a.counterpart_label desc, a.party_label desc, a.id desc`,
  established: sql`a.established_min nulls last, a.party_label, a.id`,
  '-established': sql`a.established_min desc nulls last, a.party_label, a.id`,
  status: sql`status, a.party_label, a.id`,
};

/**
 * The total for a list. "The register on a day", filtered by status alone, is
 * a sum over status_day_deltas for the public; anything else is counted.
 */
async function countMatches(ctx: Context, query: ListAgreementsQuery, exact: SQL): Promise<{ n: number }[]> {
  const onlyDayAndStatus =
    query.on && !query.q && !query.actorKind && !query.county && !query.kind && !query.place && !query.establishedFrom && !query.establishedTo;
  if (!onlyDayAndStatus || ctx.principal.kind !== 'anonymous') return queryRows<{ n: number }>(ctx.db, exact);
  const statuses = query.status === 'in_force' ? [...IN_FORCE] : query.status ? [query.status] : [...STATUSES];
  return queryRows<{ n: number }>(
    ctx.db,
    sql`select coalesce(sum(delta), 0)::int as n from ${statusDayDeltas}
        where visibility = 'public' and day <= ${query.on} and status in (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})`,
  );
}

/**
 * Where a list reads its agreements from: the agreements table, or, for a
 * list narrowed by county, agreement_county_entries, the list's columns once
 * per agreement and county of its holders (see schema.ts), where `a.id` is
 * `a.agreement_id`.
 */
type ListSource = 'agreements' | 'county entries';

/**
 * The list's filters as SQL over `agreements a` (joined to its status
 * period `p` on a date): shared by the list, its total and the map. Over
 * `county entries`, `a` is the county's entries, and `id` names the agreement.
 */
export async function agreementFilter(
  ctx: Context,
  query: ListAgreementsQuery,
  source: ListSource = 'agreements',
): Promise<{ from: SQL; where: SQL; status: SQL; id: SQL }> {
  if (query.establishedFrom && query.establishedTo && query.establishedFrom > query.establishedTo) {
    throw invalid([{ field: 'establishedTo', message: 'must not be before establishedFrom' }]);
  }
  const entries = source === 'county entries';
  const id = entries ? sql`a.agreement_id` : sql`a.id`;
  const where: SQL[] = [canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)];
  const text = textMatches(sql`a.search_text`, query.q);
  if (text) where.push(text);
  if (query.actorKind) where.push(sql`a.party_kinds @> array[${query.actorKind}]::text[]`);
  if (query.county && !isCounty(query.county)) throw invalid([{ field: 'county', message: NO_SUCH_COUNTY }]);
  if (query.county) where.push(entries ? sql`a.county_code = ${query.county}` : sql`a.party_counties @> array[${query.county}]::text[]`);
  if (query.kind) {
    if (!(await isKind(ctx, query.kind))) throw invalid([{ field: 'kind', message: `no agreement kind '${query.kind}'` }]);
    where.push(sql`a.kind = ${query.kind}`);
  }
  if (query.place) {
    const place = await placeId(ctx, query.place);
    if (place === null) throw invalid([{ field: 'place', message: `no counterpart '${query.place}'` }]);
    where.push(sql`a.place_ids @> array[${place}]::int[]`);
  }
  if (query.establishedFrom) where.push(sql`a.established_year >= ${query.establishedFrom}`);
  if (query.establishedTo) where.push(sql`a.established_year <= ${query.establishedTo}`);

  // On a date the status is the one in force that day; without, the current one.
  const status = query.on ? sql`p.status` : sql`a.current_status`;
  const table = entries ? agreementCountyEntries : agreements;
  const from = query.on
    ? sql`${table} a join ${agreementStatusPeriods} p on p.agreement_id = ${id} and daterange(p.valid_from, p.valid_to, '[)') @> ${query.on}::date`
    : sql`${table} a`;
  if (query.status === 'in_force') where.push(sql`${status} in (${sql.join([...IN_FORCE].map((s) => sql`${s}`), sql`, `)})`);
  else if (query.status) where.push(sql`${status} = ${query.status}`);
  return { from, where: sql.join(where, sql` and `), status, id };
}

/** The id of the place with this slug that the reader may read; null when there is none. */
async function placeId(ctx: Context, slug: string): Promise<number | null> {
  const [place] = await queryRows<{ id: number }>(
    ctx.db,
    sql`select c.id from ${counterparts} c where c.slug = ${slug} and ${canReadRow(ctx.principal, sql`c.visibility`, sql`c.organisation_id`)}`,
  );
  return place?.id ?? null;
}

/** Whether the register keeps a kind of agreement with this code (kinds are reference data, the same for every reader). */
async function isKind(ctx: Context, code: string): Promise<boolean> {
  const [kind] = await queryRows<{ code: string }>(ctx.db, sql`select k.code from ${agreementKinds} k where k.code = ${code}`);
  return kind !== undefined;
}

/** The query without the filter values that name nothing (left-out.ts), and what was left out. */
export async function usableFilters(ctx: Context, query: ListAgreementsQuery): Promise<{ query: ListAgreementsQuery; leftOut: LeftOut[] }> {
  const { query: usable, leftOut } = leaveOutUnusable(query);
  if (usable.place !== undefined && (await placeId(ctx, usable.place)) === null) {
    leftOut.push({ field: 'place', value: usable.place });
    delete usable.place;
  }
  if (usable.kind !== undefined && !(await isKind(ctx, usable.kind))) {
    leftOut.push({ field: 'kind', value: usable.kind });
    delete usable.kind;
  }
  return { query: usable, leftOut };
}

/**
 * Up to this many matches, a text query's page is read from its matches
 * (sorted in memory) rather than by walking the sort order's index: reading
 * m matches costs about m rows, the walk about (page end) × (register) / m,
 * even at 2,000 for the first page of 100,000 agreements.
 */
const FEW_MATCHES = 2_000;
/** Characters of a text query from which it is taken to have few matches (see listAgreements). */
const SELECTIVE_LENGTH = 5;

/**
 * `all` drops the paging, for exports that stream every matching row.
 * `fewMatches` is FEW_MATCHES but in tests, which lower it to page both ways.
 * `lenient` (the pages): filter values that name nothing are left out and a
 * page past the last gives the last, each said in `leftOut`; otherwise they
 * are refused, naming the parameter.
 */
export async function listAgreements({
  ctx,
  input,
  all = false,
  fewMatches = FEW_MATCHES,
  lenient = false,
}: {
  ctx: Context;
  input: ListAgreementsInput;
  all?: boolean;
  fewMatches?: number;
  lenient?: boolean;
}): Promise<AgreementList> {
  let query = parseInput(listAgreementsSchema, input);
  let leftOut: LeftOut[] = [];
  if (lenient) ({ query, leftOut } = await usableFilters(ctx, query));
  // A page of a county's list reads the county's entries (see below); every other list, and every row of any list, reads agreements.
  const { from, where: whereSql, status, id } = await agreementFilter(ctx, query, query.county && !all ? 'county entries' : 'agreements');
  const offset = (query.page - 1) * query.pageSize;
  const page = () =>
    queryRows<AgreementListRow>(
      ctx.db,
      sql`select ${SUMMARY_COLUMNS}, ${status} as status
          from ${from}
          where ${whereSql}
          order by ${ORDER[query.sort]}
          ${all ? sql`` : sql`limit ${query.pageSize} offset ${offset}`}`,
    );
  const count = () => countMatches(ctx, query, sql`select count(*)::int as n from ${from} where ${whereSql}`);
  // The matches read once into a materialised CTE (at most `upTo` of them),
  // sorted there, and cut to the page; each row says how many were read.
  const pageOfMatches = (upTo?: number) =>
    queryRows<AgreementListRow & { total: number }>(
      ctx.db,
      sql`with m as materialized (
            select ${id} as id, a.slug, a.kind, a.official_title, a.party_label, a.counterpart_label, a.established_year, a.established_min, ${status} as status
            from ${from} where ${whereSql}${upTo === undefined ? sql`` : sql` limit ${upTo}`})
          select ${SUMMARY_COLUMNS}, a.status, (select count(*) from m)::int as total
          from m a
          order by ${ORDER[query.sort]}
          limit ${query.pageSize} offset ${offset}`,
    );
  const withoutTotal = (counted: Array<AgreementListRow & { total: number }>) => counted.map(({ total: _t, ...row }) => row);
  let rows: AgreementListRow[];
  let total: number;
  if (all) {
    rows = await page();
    total = rows.length;
  } else if (query.county || query.place) {
    // A county or a place names a few thousand agreements at most: they are
    // read once, for page and total. A county's come from its entries
    // (agreement_county_entries: the county's rows together, and a text
    // query's matches found inside the county by one GIN index); a place's
    // through one index (place_ids). A window count instead (count(*) over
    // ()) kept the planner's walk of the party_label index through every
    // row: 83 ms against 12.6 ms.
    const counted = await pageOfMatches();
    rows = withoutTotal(counted);
    total = counted[0]?.total ?? (offset ? (await count())[0]!.n : 0);
  } else if (query.q) {
    // A text query over the whole register: few matches are read as a
    // county's are, many counted and their page read by the sort order.
    // PostgreSQL cannot estimate how many rows a `like '%…%'` matches: for
    // some names ('%guangan220%', 12 matches) it guessed a thousand and
    // walked the sort's index through all 100,000 agreements to fill a page
    // (144 ms instead of 1.5 ms); many matches fill a page early in that
    // walk, which is then the right plan. A query of SELECTIVE_LENGTH
    // characters or more (a place's name: tens of matches) first reads up to
    // `fewMatches` + 1 of its matches: when they are all, that one statement
    // gives the page and the total (2.6 ms instead of 4.2 for 'guangan220',
    // one client at the benchmark's scale). A shorter one is counted first:
    // read first, 'su' (19,807 matches) took 95 ms instead of 55 (measured
    // while PostgreSQL still ran parallel workers, since switched off in
    // src/db/client.ts; not measured again without them).
    // Of several words, the longest is the most selective, and the others only narrow its matches.
    const longest = Math.max(...searchWords(query.q).map((w) => [...w].length));
    const counted = longest >= SELECTIVE_LENGTH ? await pageOfMatches(fewMatches + 1) : null;
    const read = counted?.[0]?.total;
    if (counted && read !== undefined && read <= fewMatches) {
      rows = withoutTotal(counted);
      total = read;
    } else if (counted && read === undefined && !offset) {
      rows = [];
      total = 0;
    } else {
      // A short query, more matches than that, or a page past those read.
      total = (await count())[0]!.n;
      rows = offset >= total ? [] : total <= fewMatches ? withoutTotal(await pageOfMatches()) : await page();
    }
  } else {
    // Otherwise the page and the total are two statements: a window count
    // would make the database visit every match before it can stop at the
    // page's end, which for a broad list (a kind, a syllable) is most of
    // the register.
    const [pageRows, counted] = await Promise.all([page(), count()]);
    rows = pageRows;
    total = counted[0]!.n;
  }
  const pages = all ? 1 : Math.max(1, Math.ceil(total / query.pageSize));
  if (query.page > pages) {
    if (!lenient) throw invalid([{ field: 'page', message: `there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`} of results` }]);
    const last = await listAgreements({ ctx, input: { ...query, page: pages }, all, fewMatches });
    return { ...last, leftOut: [...leftOut, { field: 'page', value: String(query.page), pages }] };
  }
  return { query, rows, total, pages, ...(lenient ? { leftOut } : {}) };
}

/** A status period of a timeline, with the dates as the sources give them. */
export interface TimelinePeriod {
  status: Status;
  /** The day it took effect (for a date known only as "1997", its last day: DEFAULT_DERIVATION). */
  validFrom: string;
  validTo: string | null;
  /** The date of the event that began it, as its source gives it (EDTF: "1997", "2019-12", "2002/2022"). */
  from: string | null;
  /** The same of the event that ended it; null while it lasts. */
  to: string | null;
}

/**
 * The status periods of some agreements, by slug: the timelines of a
 * profile. Each carries the date of the event that began it, as the source
 * gives it: the period itself begins on a day ("1997" takes effect on
 * 1997-12-31), which no page should show as if the source had said so. The
 * event is one of the agreement's cache (readableByEveryReaderOf, as the
 * periods themselves) with that effective day; of several, the most precise.
 */
export async function periodsOf(ctx: Context, slugs: string[]): Promise<Record<string, TimelinePeriod[]>> {
  const out: Record<string, TimelinePeriod[]> = {};
  if (!slugs.length) return out;
  const rows = await queryRows<{ slug: string; status: Status; validFrom: string; validTo: string | null; from: string | null }>(
    ctx.db,
    sql`select a.slug, p.status, p.valid_from as "validFrom", p.valid_to as "validTo",
          (select e.date from status_events e where e.agreement_id = a.id and e.date_max = p.valid_from and ${readableByEveryReaderOf('a', 'e')}
           order by e.date_min desc nulls last, e.id desc limit 1) as "from"
        from ${agreementStatusPeriods} p join ${agreements} a on a.id = p.agreement_id
        where a.slug in (${sql.join(slugs.map((s) => sql`${s}`), sql`, `)}) order by a.slug, p.valid_from`,
  );
  for (const { slug, ...period } of rows) (out[slug] ??= []).push({ ...period, to: null });
  // A period ends where the next begins.
  for (const periods of Object.values(out)) periods.forEach((p, i) => (p.to = periods[i + 1]?.from ?? null));
  return out;
}

/** The list's columns of the agreements with these slugs that the reader may read, by slug. */
export async function summariesOf(ctx: Context, slugs: string[]): Promise<Map<string, AgreementListRow>> {
  if (!slugs.length) return new Map();
  const rows = await queryRows<AgreementListRow>(
    ctx.db,
    sql`select ${SUMMARY_COLUMNS}, a.current_status as status from ${agreements} a
        where a.slug in (${sql.join(slugs.map((s) => sql`${s}`), sql`, `)}) and ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)}`,
  );
  return new Map(rows.map((r) => [r.slug, r]));
}
