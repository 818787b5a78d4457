// What every statistic counts from: the readable agreements with their
// holders, places and events, grouped into counting units by a rule.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { ActorKind, DatePrecision, EndMode, EventType, ReasonCode, ReasonStatedBy, Side, Status } from '../../db/schema.ts';
import { canReadRow } from '../access.ts';
import type { Context } from '../context.ts';
import { currentStatus, IN_FORCE, statusOn, type StatusEventLike } from '../status/derive-status.ts';
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

export async function loadStatAgreements(ctx: Context): Promise<StatAgreement[]> {
  const rows = await queryRows<{
    id: number;
    slug: string;
    kind: string;
    party_ids: number[] | null;
    place_ids: number[] | null;
    party_kinds: ActorKind[];
    party_counties: string[];
    provinces: string[] | null;
    events: Array<{ id: number; type: EventType; dateMin: string | null; dateMax: string | null; datePrecision: DatePrecision; mode: EndMode | null; side: Side | null; reasons: StatEvent['reasons'] | null }> | null;
  }>(
    ctx.db,
    sql`select a.id, a.slug, a.kind, a.party_kinds, a.party_counties,
          (select array_agg(ap.actor_id order by ap.actor_id) from agreement_parties ap where ap.agreement_id = a.id and ap.role = 'party') as party_ids,
          (select array_agg(x.counterpart_id order by x.counterpart_id) from agreement_counterparts x where x.agreement_id = a.id) as place_ids,
          (select array_agg(distinct c.slug) from counterparts c where c.id = any(a.place_ids) and c.parent_id is null) as provinces,
          (select json_agg(json_build_object('id', e.id, 'type', e.type, 'dateMin', e.date_min, 'dateMax', e.date_max,
                  'datePrecision', e.date_precision, 'mode', e.mode, 'side', e.side,
                  'reasons', (select json_agg(json_build_object('code', r.code, 'statedBy', r.stated_by)) from event_reasons r where r.event_id = e.id)))
             from status_events e where e.agreement_id = a.id and ${canReadRow(ctx.principal, sql`e.visibility`, sql`e.organisation_id`)}) as events
        from agreements a
        where ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)}
        order by a.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    pairKey: `${(r.party_ids ?? []).join('+')}/${(r.place_ids ?? []).join('+')}/${r.kind}`,
    actorKinds: r.party_kinds,
    counties: r.party_counties,
    provinces: r.provinces ?? [],
    events: (r.events ?? []).map((e) => ({ ...e, reasons: e.reasons ?? [] })),
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

// A unit is as alive as its most alive member: Göteborg–Shanghai goes on
// under the 1986 agreement though the 2003 one ended.
const LIVELINESS: Array<Status | null> = [null, 'planned', 'ended', 'paused', 'partly_ended', 'dormant', 'active'];

export function unitStatusOn(unit: CountingUnit, day: string, rule: CountingRule): Status | null {
  let best: Status | null = null;
  for (const member of unit.members) {
    const status = statusOn(member.events, day, rule.derivation);
    if (LIVELINESS.indexOf(status) > LIVELINESS.indexOf(best)) best = status;
  }
  return best;
}

export const isInForce = (status: Status | null) => status !== null && IN_FORCE.has(status);
export const endOfYear = (year: number) => `${year}-12-31`;
export const FIRST_YEAR = 1986;

export function unitCurrentStatus(unit: CountingUnit, rule: CountingRule): Status {
  let best: Status | null = null;
  for (const member of unit.members) {
    const status = currentStatus(member.events, rule.derivation);
    if (LIVELINESS.indexOf(status) > LIVELINESS.indexOf(best)) best = status;
  }
  return best ?? 'planned';
}
