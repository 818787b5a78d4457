// Recomputes what agreements cache, in the caller's transaction: from their
// events the status, first establishment and status periods (after every
// event); from their parties and places the labels and the text they are
// found by (when those change); after either, the list's per-county entries.
// Each function takes many agreements at once
// (an import refreshes thousands in a few statements) and the verbs pass one.
//
// Every cache is made only of rows that everyone who may read the agreement
// may read (access.ts, readableByEveryReaderOf): a public agreement's labels
// name only public parties and places, and its status comes from its public
// events, so that no public answer read from the caches depends on a row
// that is not public (docs/visibility.md).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { insertRows } from '../../db/bulk.ts';
import { type DatePrecision, type EndMode, type EventType, type Status, type Visibility } from '../../db/schema.ts';
import { readableByEveryReaderOf } from '../access.ts';
import type { Context } from '../context.ts';
import { currentStatus, statusPeriods, type StatusPeriod } from '../status/derive-status.ts';
import { actorNames, counterpartNames, searchTextOf } from '../text/normalize.ts';

const BATCH = 2_000;

async function inBatches(ids: readonly number[], work: (batch: number[]) => Promise<void>) {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) await work(unique.slice(i, i + BATCH));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

interface EventRow {
  id: number;
  agreement_id: number;
  type: EventType;
  date: string;
  date_min: string | null;
  date_max: string | null;
  date_precision: DatePrecision;
  mode: EndMode | null;
}

export async function refreshStatusCaches(ctx: Context, agreementIds: number | readonly number[]): Promise<void> {
  const all = typeof agreementIds === 'number' ? [agreementIds] : agreementIds;
  await inBatches(all, async (ids) => {
    const idList = sql.param(ids);
    const rows = await queryRows<EventRow>(
      ctx.db,
      sql`select e.id::int as id, e.agreement_id, e.type, e.date, e.date_min::text as date_min, e.date_max::text as date_max, e.date_precision, e.mode
          from status_events e join agreements a on a.id = e.agreement_id
          where e.agreement_id = any(${idList}::int[]) and ${readableByEveryReaderOf('a', 'e')} order by e.agreement_id, e.id`,
    );
    const eventsOf = new Map<number, Array<EventRow & { dateMin: string | null; dateMax: string | null; datePrecision: DatePrecision }>>(ids.map((id) => [id, []]));
    for (const e of rows) eventsOf.get(e.agreement_id)!.push({ ...e, dateMin: e.date_min, dateMax: e.date_max, datePrecision: e.date_precision });
    const deltas = await takePeriods(ctx, ids);
    const visibilities = await queryRows<{ id: number; visibility: Visibility }>(ctx.db, sql`select id, visibility from agreements where id = any(${idList}::int[])`);
    const visibilityOf = new Map(visibilities.map((v) => [v.id, v.visibility]));
    const periods: Array<StatusPeriod & { agreementId: number }> = [];
    const caches: Array<{ id: number; status: Status; established: string | null; lastEventOn: string | null }> = [];
    for (const [id, events] of eventsOf) {
      const own = statusPeriods(events);
      periods.push(...own.map((p) => ({ agreementId: id, ...p })));
      deltas.push(...periodDeltas(own, visibilityOf.get(id) ?? 'public', 1));
      const established = events.filter((e) => e.type === 'established' && e.dateMin !== null).map((e) => e.dateMin!).sort()[0] ?? null;
      const lastEventOn = events.map((e) => e.dateMax).filter((d): d is string => d !== null).sort().at(-1) ?? null;
      caches.push({ id, status: currentStatus(events), established, lastEventOn });
    }
    await insertRows(ctx.db, 'agreement_status_periods', periods.map((p) => ({ agreement_id: p.agreementId, status: p.status, valid_from: p.validFrom, valid_to: p.validTo })));
    await applyDayDeltas(ctx, deltas);
    await ctx.db.execute(sql`update agreements a set current_status = x.status, established_min = x.established::date,
        established_year = extract(year from x.established::date)::int, last_event_on = x.last_event_on::date
      from json_to_recordset(${JSON.stringify(caches.map((c) => ({ id: c.id, status: c.status, established: c.established, last_event_on: c.lastEventOn })))}::json)
        as x(id int, status text, established text, last_event_on text)
      where a.id = x.id`);
    await refreshCountyEntries(ctx, ids);
  });
  if (new Set(all).size > 1) await compactDayDeltas(ctx);
}

/**
 * Deletes the agreements' status periods and returns the day deltas that take
 * them away, counted under the visibility each agreement has now (the
 * visibility the periods were counted under).
 */
async function takePeriods(ctx: Context, ids: readonly number[]): Promise<Delta[]> {
  const old = await queryRows<{ agreement_id: number; status: Status; valid_from: string; valid_to: string | null; visibility: Visibility }>(
    ctx.db,
    sql`delete from agreement_status_periods p using agreements a
        where p.agreement_id = a.id and p.agreement_id = any(${sql.param(ids)}::int[])
        returning p.agreement_id, p.status, p.valid_from::text as valid_from, p.valid_to::text as valid_to, a.visibility`,
  );
  return old.flatMap((p) => periodDeltas([{ status: p.status, validFrom: p.valid_from, validTo: p.valid_to }], p.visibility, -1));
}

/**
 * Takes an agreement's status periods out of the day counts before its
 * visibility changes: they were counted under the old visibility, and
 * refreshStatusCaches, after the change, counts them again under the new one.
 */
export async function withdrawStatusPeriods(ctx: Context, agreementId: number): Promise<void> {
  await applyDayDeltas(ctx, await takePeriods(ctx, [agreementId]));
}

/** The list's per-county entries (agreement_county_entries) of these agreements, from their cached columns. */
export async function refreshCountyEntries(ctx: Context, ids: readonly number[]): Promise<void> {
  await ctx.db.execute(sql`select refresh_agreement_county_entries(${sql.param(ids)}::int[])`);
}

type Delta = { day: string; status: Status; visibility: Visibility; delta: number };

/** A period adds one to its status on its first day and takes it away on the day it ends. */
export function periodDeltas(periods: readonly StatusPeriod[], visibility: Visibility, sign: 1 | -1): Delta[] {
  return periods.flatMap((p) => [
    { day: p.validFrom, status: p.status, visibility, delta: sign },
    ...(p.validTo ? [{ day: p.validTo, status: p.status, visibility, delta: -sign }] : []),
  ]);
}

async function applyDayDeltas(ctx: Context, deltas: Delta[]): Promise<void> {
  const net = new Map<string, Delta>();
  for (const d of deltas) {
    const key = `${d.day}|${d.status}|${d.visibility}`;
    const sum = net.get(key) ?? { ...d, delta: 0 };
    sum.delta += d.delta;
    net.set(key, sum);
  }
  const changed = [...net.values()].filter((d) => d.delta !== 0);
  // Appended, never updated in place: editors recording events on different
  // agreements on one day would otherwise queue on that day's row, each
  // until the other's commit (migration 0023). Readers sum the rows.
  await insertRows(ctx.db, 'status_day_deltas', changed);
}

/**
 * Folds the day deltas into one row per day, status and visibility: after a
 * refresh of many agreements (an import), whose batches append a row per day
 * each. Rows that others append meanwhile stay beside the folded ones.
 */
async function compactDayDeltas(ctx: Context): Promise<void> {
  await ctx.db.execute(sql`with old as (delete from status_day_deltas returning day, status, visibility, delta)
    insert into status_day_deltas (day, status, visibility, delta)
    select day, status, visibility, sum(delta)::int from old group by day, status, visibility having sum(delta) <> 0`);
}

export async function refreshLabelCaches(ctx: Context, agreementIds: number | readonly number[]): Promise<void> {
  await inBatches(typeof agreementIds === 'number' ? [agreementIds] : agreementIds, async (ids) => {
    const idList = sql.param(ids);
    const partyRows = await queryRows<{ agreement_id: number; name: string; code: string | null; other_names: string[]; kind: string; county: string | null; role: string }>(
      ctx.db,
      sql`select p.agreement_id, a.name, a.municipality_code as code, a.other_names, a.kind, a.county_code as county, p.role
          from agreement_parties p join actors a on a.id = p.actor_id join agreements g on g.id = p.agreement_id
          where p.agreement_id = any(${idList}::int[]) and ${readableByEveryReaderOf('g', 'a')} order by p.agreement_id, a.name`,
    );
    // A counterpart is found by its own names and those of every place it
    // lies in; a place counts when it and the counterpart it is reached
    // through may be read by every reader of the agreement.
    const placeRows = await queryRows<{ agreement_id: number; id: number; direct: boolean; latin: string; native: string | null; pinyin: string | null; other_names: string[] }>(
      ctx.db,
      sql`select x.agreement_id, c.id, bool_or(x.direct) as direct, c.name_latin as latin, c.name_native as native, c.name_pinyin as pinyin, c.other_names
          from (
            select ac.agreement_id, ac.counterpart_id as place, true as direct from agreement_counterparts ac where ac.agreement_id = any(${idList}::int[])
            union all
            select ac.agreement_id, unnest(d.ancestor_ids), false from agreement_counterparts ac join counterparts d on d.id = ac.counterpart_id
              join agreements g on g.id = ac.agreement_id
            where ac.agreement_id = any(${idList}::int[]) and ${readableByEveryReaderOf('g', 'd')}
          ) x join counterparts c on c.id = x.place join agreements g on g.id = x.agreement_id
          where ${readableByEveryReaderOf('g', 'c')}
          group by x.agreement_id, c.id order by x.agreement_id, c.name_latin`,
    );
    const titles = await queryRows<{ id: number; official_title: string | null }>(ctx.db, sql`select id, official_title from agreements where id = any(${idList}::int[])`);
    const partiesOf = groupBy(partyRows, (p) => p.agreement_id);
    const placesOf = groupBy(placeRows, (p) => p.agreement_id);
    const caches = titles.map(({ id, official_title }) => {
      const parties = partiesOf.get(id) ?? [];
      const places = placesOf.get(id) ?? [];
      // The list and its filters are about the body that holds the agreement now.
      const holders = parties.filter((p) => p.role === 'party');
      return {
        id,
        party_label: holders.map((p) => p.name).join(', '),
        counterpart_label: places
          .filter((c) => c.direct)
          .map((c) => (c.native ? `${c.latin} ${c.native}` : c.latin))
          .join(', '),
        party_kinds: [...new Set(holders.map((p) => p.kind))],
        party_counties: [...new Set(holders.map((p) => p.county).filter((c): c is string => c !== null))],
        place_ids: places.map((p) => p.id).sort((a, b) => a - b),
        search_text: searchTextOf([
          ...parties.flatMap((p) => actorNames({ name: p.name, municipalityCode: p.code, otherNames: p.other_names })),
          ...places.flatMap((p) => counterpartNames({ nameLatin: p.latin, nameNative: p.native, namePinyin: p.pinyin, otherNames: p.other_names })),
          official_title,
        ]),
      };
    });
    await ctx.db.execute(sql`update agreements a set party_label = x.party_label, counterpart_label = x.counterpart_label,
        party_kinds = array(select json_array_elements_text(x.party_kinds)), party_counties = array(select json_array_elements_text(x.party_counties)),
        place_ids = array(select json_array_elements_text(x.place_ids)::int), search_text = x.search_text
      from json_to_recordset(${JSON.stringify(caches)}::json)
        as x(id int, party_label text, counterpart_label text, party_kinds json, party_counties json, place_ids json, search_text text)
      where a.id = x.id`);
    await refreshCountyEntries(ctx, ids);
  });
}
