// What every statistic counts from: the readable agreements with their
// holders, places and events, grouped into counting units by a rule.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { ActorKind, DatePrecision, EndMode, EventType, ReasonCode, ReasonStatedBy, Side, Status } from '../../db/schema.ts';
import { canReadRow } from '../access.ts';
import type { Context } from '../context.ts';
import { currentStatus, IN_FORCE, statusInPeriods, statusPeriods, type StatusEventLike, type StatusPeriod } from '../status/derive-status.ts';
import { currentDataVersion } from '../data-version.ts';
import type { CountingRule } from './rules.ts';

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
  events: StatEvent[];
}

// The load is the expensive part (every agreement and event); it is kept per
// data version (data-version.ts) and per audience, so that every chart and
// rule after the first reuses it until something is written.
const loaded = new Map<string, Promise<StatAgreement[]>>();

export async function loadStatAgreements(ctx: Context): Promise<StatAgreement[]> {
  const audience = ctx.principal.kind === 'user' ? `user:${ctx.principal.organisationId}` : ctx.principal.kind;
  const key = `${await currentDataVersion(ctx)}|${audience}`;
  let hit = loaded.get(key);
  if (!hit) {
    for (const old of loaded.keys()) if (old.endsWith(`|${audience}`)) loaded.delete(old);
    hit = readStatAgreements(ctx);
    loaded.set(key, hit);
    hit.catch(() => loaded.delete(key));
  }
  return hit;
}

async function readStatAgreements(ctx: Context): Promise<StatAgreement[]> {
  // Two flat reads instead of one nested: the database streams rows faster than it builds JSON.
  const [agreementRows, eventRows, reasonRows] = await Promise.all([
    queryRows<{ id: number; slug: string; kind: string; party_ids: string | null; place_ids: string | null; party_kinds: ActorKind[]; party_counties: string[]; provinces: string[] | null }>(
      ctx.db,
      sql`select a.id, a.slug, a.kind, a.party_kinds, a.party_counties,
            (select string_agg(ap.actor_id::text, '+' order by ap.actor_id) from agreement_parties ap where ap.agreement_id = a.id and ap.role = 'party') as party_ids,
            (select string_agg(x.counterpart_id::text, '+' order by x.counterpart_id) from agreement_counterparts x where x.agreement_id = a.id) as place_ids,
            (select array_agg(distinct c.slug) from counterparts c where c.id = any(a.place_ids) and c.parent_id is null) as provinces
          from agreements a
          where ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)}
          order by a.id`,
    ),
    queryRows<{ id: number; agreement_id: number; type: EventType; date_min: string | null; date_max: string | null; date_precision: DatePrecision; mode: EndMode | null; side: Side | null }>(
      ctx.db,
      sql`select e.id, e.agreement_id, e.type, e.date_min, e.date_max, e.date_precision, e.mode, e.side
          from status_events e where ${canReadRow(ctx.principal, sql`e.visibility`, sql`e.organisation_id`)}`,
    ),
    queryRows<{ event_id: number; code: ReasonCode; stated_by: ReasonStatedBy }>(ctx.db, sql`select event_id, code, stated_by from event_reasons`),
  ]);
  const reasons = new Map<number, StatEvent['reasons']>();
  for (const r of reasonRows) reasons.set(r.event_id, [...(reasons.get(r.event_id) ?? []), { code: r.code, statedBy: r.stated_by }]);
  const events = new Map<number, StatEvent[]>();
  for (const e of eventRows) {
    const list = events.get(e.agreement_id) ?? [];
    list.push({ id: e.id, type: e.type, dateMin: e.date_min, dateMax: e.date_max, datePrecision: e.date_precision, mode: e.mode, side: e.side, reasons: reasons.get(e.id) ?? [] });
    events.set(e.agreement_id, list);
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

/** One counted cooperation: a pair and kind under the report's rule, or one agreement. */
export interface CountingUnit {
  key: string;
  kind: string;
  members: StatAgreement[];
}

export function countingUnits(agreements: readonly StatAgreement[], rule: CountingRule): CountingUnit[] {
  const units = new Map<string, CountingUnit>();
  for (const a of agreements) {
    const key = rule.unit === 'pair' ? a.pairKey : `agreement:${a.id}`;
    const unit = units.get(key) ?? { key, kind: a.kind, members: [] };
    unit.members.push(a);
    units.set(key, unit);
  }
  return [...units.values()];
}

const yearEndsMemo = new Map<string, string[]>();
function yearEnds(firstYear: number, lastYear: number): string[] {
  const key = `${firstYear}-${lastYear}`;
  let days = yearEndsMemo.get(key);
  if (!days) yearEndsMemo.set(key, (days = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => endOfYear(firstYear + i))));
  return days;
}

// A unit is as alive as its most alive member: Göteborg–Shanghai goes on
// under the 1986 agreement though the 2003 one ended.
const RANK: Record<Status, number> = { planned: 1, ended: 2, paused: 3, partly_ended: 4, dormant: 5, active: 6 };
const rank = (status: Status | null) => (status === null ? 0 : RANK[status]);

// An agreement's status periods under a derivation, computed once: a year-end
// status is then a look-up, not a new derivation from the events.
const periodsMemo = new WeakMap<StatAgreement, Map<string, StatusPeriod[]>>();
function periodsOf(a: StatAgreement, rule: CountingRule): StatusPeriod[] {
  const key = `${rule.derivation.expiryEnds}|${rule.derivation.effectiveOn}`;
  let byRule = periodsMemo.get(a);
  if (!byRule) periodsMemo.set(a, (byRule = new Map()));
  let periods = byRule.get(key);
  if (!periods) byRule.set(key, (periods = statusPeriods(a.events, rule.derivation)));
  return periods;
}

export function unitStatusOn(unit: CountingUnit, day: string, rule: CountingRule): Status | null {
  let best: Status | null = null;
  for (const member of unit.members) {
    const status = statusInPeriods(periodsOf(member, rule), day);
    if (rank(status) > rank(best)) best = status;
  }
  return best;
}

/**
 * A unit's status at the end of every year from `firstYear` to `lastYear`, in
 * one walk over each member's periods (the statistics' hot path).
 */
export function unitYearStatuses(unit: CountingUnit, rule: CountingRule, firstYear: number, lastYear: number): Array<Status | null> {
  const days = yearEnds(firstYear, lastYear);
  const out: Array<Status | null> = new Array(days.length).fill(null);
  for (const member of unit.members) {
    const periods = periodsOf(member, rule);
    let i = 0;
    let status: Status | null = null;
    for (let k = 0; k < days.length; k++) {
      while (i < periods.length && periods[i]!.validFrom <= days[k]!) status = periods[i++]!.status;
      if (rank(status) > rank(out[k]!)) out[k] = status;
    }
  }
  return out;
}

export const isInForce = (status: Status | null) => status !== null && IN_FORCE.has(status);
export const endOfYear = (year: number) => `${year}-12-31`;
export const FIRST_YEAR = 1986;

export function unitCurrentStatus(unit: CountingUnit, rule: CountingRule): Status {
  let best: Status | null = null;
  for (const member of unit.members) {
    const status = currentStatus(member.events, rule.derivation);
    if (rank(status) > rank(best)) best = status;
  }
  return best ?? 'planned';
}
