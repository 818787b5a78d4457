// What every statistic counts from: the readable agreements with their
// holders, places and events. Read in full once per database and audience,
// then kept: after a change only the agreements changed since are read again
// (the audit log says which, by data version), and everything derived from
// the agreements that did not change is kept with them (units.ts).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import type { ActorKind, DatePrecision, EndMode, EventType, ReasonCode, ReasonStatedBy, Side } from '../../db/schema.ts';
import { canReadRow } from '../access.ts';
import type { Context } from '../context.ts';
import { freshDataVersion } from '../data-version.ts';
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
}

/** The readable register at a data version: at least as new as `version`. */
interface Snapshot {
  version: number;
  agreements: StatAgreement[];
}

interface Register {
  byId: Map<number, StatAgreement>;
  units: Record<UnitKind, Map<string, CountingUnit>>;
  /** The newest snapshot, or the read that makes it. */
  latest: Promise<Snapshot> | null;
}

// Past this many changed agreements a full read is as quick as reading them one by one.
const MAX_INCREMENTAL = 5_000;

// Per database (a test process may open several) and audience.
const registers = new WeakMap<Executor, Map<string, Register>>();

function registerOf(ctx: Context): Register {
  const audience = ctx.principal.kind === 'user' ? `user:${ctx.principal.organisationId}` : ctx.principal.kind;
  let byAudience = registers.get(ctx.db);
  if (!byAudience) registers.set(ctx.db, (byAudience = new Map()));
  let register = byAudience.get(audience);
  if (!register) byAudience.set(audience, (register = { byId: new Map(), units: { pair: new Map(), agreement: new Map() }, latest: null }));
  return register;
}

/** The readable agreements as of now (ordered by id, unless some became readable later). */
export async function loadStatAgreements(ctx: Context): Promise<StatAgreement[]> {
  // Read before the rows: a snapshot is never older than the version it carries.
  const version = await freshDataVersion(ctx);
  const register = registerOf(ctx);
  let pending = register.latest;
  for (;;) {
    const current = pending ? await pending.catch(() => null) : null;
    if (current && current.version >= version) return current.agreements;
    // One read at a time per register; whoever finds it out of date starts the next.
    if (register.latest === pending) {
      const next = refresh(ctx, register, current, version);
      register.latest = next;
      return (await next).agreements;
    }
    pending = register.latest;
  }
}

async function refresh(ctx: Context, register: Register, previous: Snapshot | null, version: number): Promise<Snapshot> {
  if (previous) {
    // Every change to an agreement or its events is audited on the agreement,
    // with the version it made (audit.ts), in commit order.
    const changed = await queryRows<{ id: number }>(
      ctx.db,
      sql`select distinct entity_id as id from audit_log where entity_type = 'agreement' and data_version > ${previous.version}`,
    );
    if (!changed.length) return { version, agreements: previous.agreements };
    if (changed.length <= MAX_INCREMENTAL) {
      const ids = changed.map((r) => r.id);
      return replace(register, version, ids, await readAgreements(ctx, ids));
    }
  }
  const all = await readAgreements(ctx, null);
  register.byId.clear();
  for (const unit of UNIT_KINDS) register.units[unit].clear();
  for (const a of all) register.byId.set(a.id, a);
  for (const unit of UNIT_KINDS) {
    const units = register.units[unit];
    for (const a of all) {
      const key = unitKeyOf(a, unit);
      const found = units.get(key);
      if (found) found.members.push(a); // in the order of ids: the rows come ordered
      else units.set(key, { key, kind: a.kind, members: [a] });
    }
  }
  return snapshot(register, version, all);
}

const UNIT_KINDS = ['pair', 'agreement'] as const;

/**
 * Puts the agreements read again in place of those with `ids` (gone when not
 * read again), and makes anew the units they were or are members of, so that
 * nothing derived from their old members is reused. Synchronous: a snapshot
 * is never half made.
 */
function replace(register: Register, version: number, ids: number[], fresh: StatAgreement[]): Snapshot {
  const changed = new Set(ids);
  const touched = new Map<UnitKind, Set<string>>(UNIT_KINDS.map((unit) => [unit, new Set()]));
  const touch = (a: StatAgreement) => UNIT_KINDS.forEach((unit) => touched.get(unit)!.add(unitKeyOf(a, unit)));
  const freshIds = new Set(fresh.map((a) => a.id));
  for (const id of ids) {
    const old = register.byId.get(id);
    if (old) touch(old);
    if (old && !freshIds.has(id)) register.byId.delete(id);
  }
  for (const a of fresh) {
    touch(a);
    register.byId.set(a.id, a);
  }
  for (const unit of UNIT_KINDS) {
    const units = register.units[unit];
    const members = new Map<string, StatAgreement[]>();
    for (const key of touched.get(unit)!) members.set(key, (units.get(key)?.members ?? []).filter((m) => !changed.has(m.id)));
    for (const a of fresh) members.get(unitKeyOf(a, unit))!.push(a);
    for (const [key, list] of members) {
      if (list.length) units.set(key, { key, kind: list[0]!.kind, members: list.sort((x, y) => x.id - y.id) });
      else units.delete(key);
    }
  }
  const agreements = [...register.byId.values()];
  // New agreements come last, and have the highest ids, unless one became readable later.
  if (agreements.some((a, i) => i > 0 && agreements[i - 1]!.id > a.id)) agreements.sort((a, b) => a.id - b.id);
  return snapshot(register, version, agreements);
}

function snapshot(register: Register, version: number, agreements: StatAgreement[]): Snapshot {
  rememberUnits(agreements, { pair: [...register.units.pair.values()], agreement: [...register.units.agreement.values()] });
  return { version, agreements };
}

const only = (column: SQL, ids: number[] | null) => (ids ? sql`${column} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})` : sql`true`);

async function readAgreements(ctx: Context, ids: number[] | null): Promise<StatAgreement[]> {
  // Three flat reads instead of one nested: the database streams rows faster than it builds JSON.
  const [agreementRows, eventRows, reasonRows] = await Promise.all([
    queryRows<{ id: number; slug: string; kind: string; party_ids: string | null; place_ids: string | null; party_kinds: ActorKind[]; party_counties: string[]; provinces: string[] | null }>(
      ctx.db,
      sql`select a.id, a.slug, a.kind, a.party_kinds, a.party_counties,
            (select string_agg(ap.actor_id::text, '+' order by ap.actor_id) from agreement_parties ap where ap.agreement_id = a.id and ap.role = 'party') as party_ids,
            (select string_agg(x.counterpart_id::text, '+' order by x.counterpart_id) from agreement_counterparts x where x.agreement_id = a.id) as place_ids,
            (select array_agg(distinct c.slug) from counterparts c where c.id = any(a.place_ids) and c.parent_id is null) as provinces
          from agreements a
          where ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)} and ${only(sql`a.id`, ids)}
          order by a.id`,
    ),
    queryRows<{ id: number; agreement_id: number; type: EventType; date_min: string | null; date_max: string | null; date_precision: DatePrecision; mode: EndMode | null; side: Side | null }>(
      ctx.db,
      sql`select e.id, e.agreement_id, e.type, e.date_min, e.date_max, e.date_precision, e.mode, e.side
          from status_events e where ${canReadRow(ctx.principal, sql`e.visibility`, sql`e.organisation_id`)} and ${only(sql`e.agreement_id`, ids)}`,
    ),
    queryRows<{ event_id: number; code: ReasonCode; stated_by: ReasonStatedBy }>(
      ctx.db,
      ids
        ? sql`select r.event_id, r.code, r.stated_by from event_reasons r join status_events e on e.id = r.event_id where ${only(sql`e.agreement_id`, ids)}`
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
  for (const e of eventRows) {
    const event: StatEvent = { id: e.id, type: e.type, dateMin: e.date_min, dateMax: e.date_max, datePrecision: e.date_precision, mode: e.mode, side: e.side, reasons: reasons.get(e.id) ?? [] };
    const list = events.get(e.agreement_id);
    if (list) list.push(event);
    else events.set(e.agreement_id, [event]);
  }
  // The rows come in the table's order, which is not always the order of recording.
  for (const list of events.values()) if (list.some((e, i) => i > 0 && list[i - 1]!.id > e.id)) list.sort((a, b) => a.id - b.id);
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
