// What every statistic counts from: the readable agreements with their
// holders, places and events, kept between data versions (kept-register.ts):
// after a change only the agreements changed since are read again, and
// everything derived from the agreements that did not change is kept with
// them (units.ts).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { DATE_PRECISIONS, END_MODES, EVENT_TYPES, SIDES, type ActorKind, type DatePrecision, type EndMode, type EventType, type ReasonCode, type ReasonStatedBy, type Side } from '../../db/schema.ts';
import { canReadAlias, canReadRow } from '../access.ts';
import type { Context } from '../context.ts';
import { keptRegister, onlyIds } from '../agreements/kept-register.ts';
import { dayNumber, dayOfNumber } from '../dates.ts';
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
  actorKinds: readonly ActorKind[];
  counties: readonly string[];
  /** The top-level places (provinces, municipalities, SARs) it lies in, by slug. */
  provinces: readonly string[];
  /** In the order they were recorded (by id). */
  readonly events: readonly StatEvent[];
  /** What was derived from the events, by derivation (units.ts). */
  derived?: unknown[];
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
        else units.set(key, { key, kind: a.kind, members: [a], derived: undefined });
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
      if (list.length) units.set(key, { key, kind: list[0]!.kind, members: list.sort((x, y) => x.id - y.id), derived: undefined });
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

// The register is kept compact (at the benchmark's scale a hundred thousand
// agreements and a million events, docs/caches.md): an agreement's events as
// one array of small integers, decoded when read; the texts that repeat
// (kinds, dates, codes, lists of counties) once each, shared.
const FIELDS = 4; // id, first day, last day (dates.ts: dayNumber) and the codes: type, precision, mode, side (4 bits each)
const code = <T extends string>(values: readonly T[]) => new Map<T | null, number>([[null, 0], ...values.map((v, i) => [v, i + 1] as [T, number])]);
const TYPE = code(EVENT_TYPES);
const PRECISION = code(DATE_PRECISIONS);
const MODE = code(END_MODES);
const SIDE = code(SIDES);
const valueOf = <T extends string>(values: readonly T[], n: number): T | null => (n === 0 ? null : values[n - 1]!);

/** One shared copy of each text or list of texts that repeats across the register. */
const shared = new Map<string, unknown>();
function once<T>(key: string, value: T): T {
  const found = shared.get(key) as T | undefined;
  if (found !== undefined) return found;
  shared.set(key, value);
  return value;
}
const sharedText = (text: string) => once(`t:${text}`, text);
const sharedList = <T extends string>(list: readonly T[] | null): readonly T[] => (list && list.length ? once(`l:${list.join('\u0000')}`, Object.freeze(list.map(sharedText))) : NO_TEXTS) as readonly T[];
const NO_TEXTS: readonly string[] = Object.freeze([]);

type Reasons = StatEvent['reasons'];
// Most events give no reason: they share one empty list instead of a million.
const NO_REASONS: Reasons = Object.freeze([]) as unknown as Reasons;
const sharedReason = (code: ReasonCode, statedBy: ReasonStatedBy) => once(`r:${code}|${statedBy}`, Object.freeze({ code, statedBy }));

class KeptAgreement implements StatAgreement {
  derived?: unknown[];
  constructor(
    readonly id: number,
    readonly slug: string,
    readonly kind: string,
    readonly pairKey: string,
    readonly actorKinds: readonly ActorKind[],
    readonly counties: readonly string[],
    readonly provinces: readonly string[],
    /** FIELDS numbers per event, in the order of their ids. */
    private readonly packed: readonly number[],
    /** The events that give reasons: event id, reasons, … */
    private readonly reasons: ReadonlyArray<number | Reasons> | null,
  ) {}

  /** What establishedYear() tells, read from the packed events without making them. */
  establishedYear(): number {
    const established = TYPE.get('established')!;
    let year = -1;
    for (let i = 0; i < this.packed.length; i += FIELDS) {
      if (this.packed[i + 3]! >> 12 !== established) continue;
      const day = this.packed[i + 1]!;
      year = day === 0 ? Math.max(year, 0) : year <= 0 ? Math.floor(day / 10_000) : Math.min(year, Math.floor(day / 10_000));
    }
    return year;
  }

  /** What eventFacts() tells, read from the packed events without making them. */
  eventFacts(): number {
    let facts = 0;
    const ended = TYPE.get('ended')!;
    const expiry = MODE.get('expiry')!;
    for (let i = 0; i < this.packed.length; i += FIELDS) {
      if (this.packed[i + 1] !== this.packed[i + 2]) facts |= A_RANGE;
      const codes = this.packed[i + 3]!;
      if (codes >> 12 === ended && ((codes >> 4) & 15) === expiry) facts |= ENDED_BY_EXPIRY;
    }
    return facts;
  }

  /** Made anew at each read: what is derived from them is kept, not they (units.ts). */
  get events(): StatEvent[] {
    const out: StatEvent[] = [];
    const p = this.packed;
    for (let i = 0; i < p.length; i += FIELDS) {
      const id = p[i]!;
      const codes = p[i + 3]!;
      const at = this.reasons ? this.reasons.indexOf(id) : -1;
      out.push({
        id,
        type: valueOf(EVENT_TYPES, codes >> 12)!,
        dateMin: dayOfNumber(p[i + 1]!),
        dateMax: dayOfNumber(p[i + 2]!),
        datePrecision: valueOf(DATE_PRECISIONS, (codes >> 8) & 15)!,
        mode: valueOf(END_MODES, (codes >> 4) & 15),
        side: valueOf(SIDES, codes & 15),
        reasons: at < 0 ? NO_REASONS : (this.reasons![at + 1] as Reasons),
      });
    }
    return out;
  }
}

/** eventFacts(): an event whose date is a range (its first and last day differ). */
export const A_RANGE = 1;
/** eventFacts(): an ending by expiry. */
export const ENDED_BY_EXPIRY = 2;

/** Which of A_RANGE and ENDED_BY_EXPIRY the agreement's events have, as bits. Without making its events. */
export function eventFacts(a: StatAgreement): number {
  if (a instanceof KeptAgreement) return a.eventFacts();
  return a.events.reduce((facts, e) => facts | (e.dateMin !== e.dateMax ? A_RANGE : 0) | (e.type === 'ended' && e.mode === 'expiry' ? ENDED_BY_EXPIRY : 0), 0);
}

/**
 * The earliest year among the agreement's dated establishments (by the first
 * day their dates can mean); 0 when it was established at no known date; -1
 * when it was never established. Without making its events.
 */
export function establishedYear(a: StatAgreement): number {
  if (a instanceof KeptAgreement) return a.establishedYear();
  const years = a.events.filter((e) => e.type === 'established').map((e) => (e.dateMin ? Number(e.dateMin.slice(0, 4)) : 0));
  if (!years.length) return -1;
  const dated = years.filter((y) => y > 0);
  return dated.length ? Math.min(...dated) : 0;
}

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
  const reasons = new Map<number, Array<number | Reasons>>();
  const reasonsOfEvent = new Map<number, Reasons>();
  for (const r of reasonRows) {
    let list = reasonsOfEvent.get(r.event_id);
    if (!list) reasonsOfEvent.set(r.event_id, (list = []));
    list.push(sharedReason(r.code, r.stated_by));
  }
  const packed = new Map<number, number[]>();
  for (const row of eventRows) {
    // Made at its size: an array grown by push keeps room to grow.
    const p = new Array<number>(row.events.length * FIELDS);
    let i = 0;
    for (const [id, type, dateMin, dateMax, datePrecision, mode, side] of row.events) {
      p[i++] = id;
      p[i++] = dayNumber(dateMin);
      p[i++] = dayNumber(dateMax);
      p[i++] = (TYPE.get(type)! << 12) | (PRECISION.get(datePrecision)! << 8) | (MODE.get(mode)! << 4) | SIDE.get(side)!;
      const given = reasonsOfEvent.get(id);
      if (given) {
        let list = reasons.get(row.agreement_id);
        if (!list) reasons.set(row.agreement_id, (list = []));
        list.push(id, given);
      }
    }
    packed.set(row.agreement_id, p);
  }
  return agreementRows.map(
    (r) =>
      new KeptAgreement(
        r.id,
        r.slug,
        sharedText(r.kind),
        `${r.party_ids ?? ''}/${r.place_ids ?? ''}/${r.kind}`,
        sharedList(r.party_kinds),
        sharedList(r.party_counties),
        sharedList(r.provinces),
        packed.get(r.id) ?? [],
        reasons.get(r.id) ?? null,
      ),
  );
}
