// What every statistic counts from: the readable agreements with their
// holders, places and events, kept between data versions (kept-register.ts):
// after a change only the agreements changed since are read again, and
// everything derived from the agreements that did not change is kept with
// them (units.ts).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { ActorKind, DatePrecision, EndMode, EventType, ReasonCode, ReasonStatedBy, Side } from '../../db/schema.ts';
import { canReadAlias, canReadRow } from '../access.ts';
import type { Context } from '../context.ts';
import { keptRegister, onlyIds } from '../agreements/kept-register.ts';
import type { StatusEventLike } from '../status/derive-status.ts';
import { rememberUnits, unitKeyOf, type CountingUnit, type UnitKind } from './units.ts';

export interface StatEvent extends StatusEventLike {
  side: Side | null;
  reasons: Array<{ code: ReasonCode; statedBy: ReasonStatedBy }>;
}

export interface StatAgreement {
  id: number;
  slug: string;
  kind: string;
  pairKey: string;
  actorKinds: ActorKind[];
  counties: string[];
  /** The top-level places (provinces, municipalities, SARs) it lies in, by slug. */
  provinces: string[];
  /** In the order they were recorded (by id). */
  events: StatEvent[];
  /** What was derived from the events, by derivation (units.ts). */
  derived?: Map<string, unknown>;
}

interface StatView {
  agreements: StatAgreement[];
  // Indexes that replace() keeps up to date; what a view hands out is only its array.
  byId: Map<number, StatAgreement>;
  units: Record<UnitKind, Map<string, CountingUnit>>;
}

const statView = keptRegister<StatAgreement[], StatView>({
  read: readAgreements,
  full(all) {
    const view: StatView = { agreements: all, byId: new Map(all.map((a) => [a.id, a])), units: { pair: new Map(), agreement: new Map() } };
    for (const unit of UNIT_KINDS) {
      const units = view.units[unit];
      for (const a of all) {
        const key = unitKeyOf(a, unit);
        const found = units.get(key);
        if (found) found.members.push(a); // in the order of ids: the rows come ordered
        else units.set(key, { key, kind: a.kind, members: [a] });
      }
    }
    return handOver(view);
  },
  replace,
});

/** The readable agreements as of now (ordered by id). */
export async function loadStatAgreements(ctx: Context): Promise<StatAgreement[]> {
  return (await statView(ctx)).agreements;
}

const UNIT_KINDS = ['pair', 'agreement'] as const;

/**
 * Puts the agreements read again in place of those with `ids` (gone when not
 * read again), and makes anew the units they were or are members of, so that
 * nothing derived from their old members is reused.
 */
function replace(previous: StatView, ids: number[], fresh: StatAgreement[]): StatView {
  const { byId, units: byUnit } = previous;
  const changed = new Set(ids);
  const touched = new Map<UnitKind, Set<string>>(UNIT_KINDS.map((unit) => [unit, new Set()]));
  const touch = (a: StatAgreement) => UNIT_KINDS.forEach((unit) => touched.get(unit)!.add(unitKeyOf(a, unit)));
  const freshIds = new Set(fresh.map((a) => a.id));
  for (const id of ids) {
    const old = byId.get(id);
    if (old) touch(old);
    if (old && !freshIds.has(id)) byId.delete(id);
  }
  for (const a of fresh) {
    touch(a);
    byId.set(a.id, a);
  }
  for (const unit of UNIT_KINDS) {
    const units = byUnit[unit];
    const members = new Map<string, StatAgreement[]>();
    for (const key of touched.get(unit)!) members.set(key, (units.get(key)?.members ?? []).filter((m) => !changed.has(m.id)));
    for (const a of fresh) members.get(unitKeyOf(a, unit))!.push(a);
    for (const [key, list] of members) {
      if (list.length) units.set(key, { key, kind: list[0]!.kind, members: list.sort((x, y) => x.id - y.id) });
      else units.delete(key);
    }
  }
  const agreements = [...byId.values()];
  // New agreements come last, and have the highest ids, unless one became readable later.
  if (agreements.some((a, i) => i > 0 && agreements[i - 1]!.id > a.id)) agreements.sort((a, b) => a.id - b.id);
  return handOver({ agreements, byId, units: byUnit });
}

/** Lets the statistics find this view's units without grouping the agreements again (units.ts). */
function handOver(view: StatView): StatView {
  rememberUnits(view.agreements, { pair: [...view.units.pair.values()], agreement: [...view.units.agreement.values()] });
  return view;
}

// Most events give no reason: they share one empty list instead of a million.
const NO_REASONS: StatEvent['reasons'] = Object.freeze([]) as unknown as StatEvent['reasons'];

async function readAgreements(ctx: Context, ids: number[] | null): Promise<StatAgreement[]> {
  const [agreementRows, eventRows, reasonRows] = await Promise.all([
    queryRows<{ id: number; slug: string; kind: string; party_ids: string | null; place_ids: string | null; party_kinds: ActorKind[]; party_counties: string[]; provinces: string[] | null }>(
      ctx.db,
      // Grouped reads joined, not a subquery per agreement: hash aggregates instead of 300,000 index look-ups.
      // A pair is made of the parties and places the reader may read: one they may not read makes no other pair.
      sql`select a.id, a.slug, a.kind, a.party_kinds, a.party_counties, p.ids as party_ids, x.ids as place_ids, v.slugs as provinces
          from agreements a
          left join (select ap.agreement_id, string_agg(ap.actor_id::text, '+' order by ap.actor_id) as ids from agreement_parties ap join actors ac on ac.id = ap.actor_id
                     where ap.role = 'party' and ${canReadAlias(ctx.principal, 'ac')} and ${onlyIds(sql`ap.agreement_id`, ids)} group by 1) p on p.agreement_id = a.id
          left join (select x.agreement_id, string_agg(x.counterpart_id::text, '+' order by x.counterpart_id) as ids from agreement_counterparts x join counterparts c on c.id = x.counterpart_id
                     where ${canReadAlias(ctx.principal, 'c')} and ${onlyIds(sql`x.agreement_id`, ids)} group by 1) x on x.agreement_id = a.id
          left join (select b.id, array_agg(distinct c.slug) as slugs from agreements b cross join unnest(b.place_ids) as place(id)
                     join counterparts c on c.id = place.id and c.parent_id is null and ${canReadAlias(ctx.principal, 'c')}
                     where ${onlyIds(sql`b.id`, ids)} group by 1) v on v.id = a.id
          where ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)} and ${onlyIds(sql`a.id`, ids)}
          order by a.id`,
    ),
    // One row per agreement with its events as JSON arrays: a million rows
    // through the driver cost more than a hundred thousand it parses with JSON.parse.
    queryRows<{ agreement_id: number; events: Array<[number, EventType, string | null, string | null, DatePrecision, EndMode | null, Side | null]> }>(
      ctx.db,
      sql`select e.agreement_id, json_agg(json_build_array(e.id, e.type, e.date_min, e.date_max, e.date_precision, e.mode, e.side) order by e.id) as events
          from status_events e where ${canReadRow(ctx.principal, sql`e.visibility`, sql`e.organisation_id`)} and ${onlyIds(sql`e.agreement_id`, ids)}
          group by e.agreement_id`,
    ),
    queryRows<{ event_id: number; code: ReasonCode; stated_by: ReasonStatedBy }>(
      ctx.db,
      ids
        ? sql`select r.event_id, r.code, r.stated_by from event_reasons r join status_events e on e.id = r.event_id where ${onlyIds(sql`e.agreement_id`, ids)}`
        : sql`select event_id, code, stated_by from event_reasons`,
    ),
  ]);
  const reasons = new Map<number, StatEvent['reasons']>();
  for (const r of reasonRows) {
    const list = reasons.get(r.event_id);
    if (list) list.push({ code: r.code, statedBy: r.stated_by });
    else reasons.set(r.event_id, [{ code: r.code, statedBy: r.stated_by }]);
  }
  const events = new Map<number, StatEvent[]>();
  for (const row of eventRows) {
    events.set(
      row.agreement_id,
      row.events.map(([id, type, dateMin, dateMax, datePrecision, mode, side]) => ({ id, type, dateMin, dateMax, datePrecision, mode, side, reasons: reasons.get(id) ?? NO_REASONS })),
    );
  }
  return agreementRows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    pairKey: `${r.party_ids ?? ''}/${r.place_ids ?? ''}/${r.kind}`,
    actorKinds: r.party_kinds,
    counties: r.party_counties,
    provinces: r.provinces ?? [],
    events: events.get(r.id) ?? [],
  }));
}
