// Delegation warnings: the report's interviews tell of one Chinese
// delegation visiting several Swedish bodies on one trip, and of bodies
// that learnt of it afterwards. For each incoming visit of an organisation
// (recent or to come), the activities of OTHER organisations, within a
// window of days around it, that concern the same Chinese place or a place
// inside the same province (the agreement's places and the activity's own,
// each with every place it lies in, countries left out), or that name the
// same delegation or leading person (delegation-names.ts). Read as the reader
// may read them (shared and public ones of others), with whom to contact:
// the other organisation's editors and coordinators, by name and e-mail,
// for signed-in people of public bodies only (docs/visibility.md).
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import type { ActivityKind } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import { activityLatestDay } from '../activities/latest-day.ts';
import type { Context } from '../context.ts';
import { delegationKeys } from './delegation-names.ts';

/** Days on each side of a visit that another body's activity is looked for in. */
export const DELEGATION_WINDOW_DAYS = 30;
/** The widest window a search may choose (`?dagar=`): wider says little about one trip. */
export const DELEGATION_WINDOW_MAX_DAYS = 180;
const WINDOW = `must be a whole number of days from 1 to ${DELEGATION_WINDOW_MAX_DAYS}`;
/** The window a reader chooses for a search, in days on each side; the default when not given. */
export const delegationWindowSchema = z.object({
  days: z.preprocess((v) => (v === undefined || v === '' ? undefined : /^[0-9]{1,9}$/.test(String(v)) ? Number(v) : v), z.number(WINDOW).int(WINDOW).min(1, WINDOW).max(DELEGATION_WINDOW_MAX_DAYS, WINDOW).default(DELEGATION_WINDOW_DAYS)),
});

/** How far ahead, and how many of the organisation's incoming visits at once (the soonest), the warnings look at. */
export const VISITS_AHEAD_DAYS = 365;
export const VISITS_AT_ONCE = 10;
/** At most this many other bodies per visit, those with the most agreements in its places first. */
const PEERS_PER_VISIT = 20;

/** The kinds of another body's activity that a delegation may be part of (and an invitation: received-invitations.ts). */
const MEETING_KINDS: ActivityKind[] = ['visit_incoming', 'visit_outgoing', 'meeting', 'event', 'exchange'];
export const meetingKinds = sql.join(MEETING_KINDS.map((k) => sql`${k}`), sql`, `);
/**
 * The kinds whose own check looks for OTHER bodies' incoming visits near them (visitsNearActivities): those of
 * MEETING_KINDS that an incoming visit's check finds, less the incoming visit itself, whose check looks for them.
 */
export const NEAR_VISIT_KINDS: readonly ActivityKind[] = MEETING_KINDS.filter((k) => k !== 'visit_incoming');
const nearVisitKinds = sql.join(NEAR_VISIT_KINDS.map((k) => sql`${k}`), sql`, `);
/** Whether a saved activity may be part of a delegation warning at all, and so is worth a check (delegation-checks.ts). */
export function mayWarnOfDelegation(a: { kind: string; visibility: string; date: string }): boolean {
  if (a.kind === 'visit_incoming') return true;
  // Another kind warns of others' incoming visits only where they may read it, and never known only to its year.
  return (NEAR_VISIT_KINDS as readonly string[]).includes(a.kind) && a.visibility !== 'internal' && !/^[0-9]{4}$/.test(a.date);
}
/** What `near` takes of another's activity `b` beside the visit `m` it is near. */
const nearColumns = sql`select m.id as mine_id, m.date_min as mine_date_min, m.date_max as mine_date_max, b.id, b.kind, b.title, b.date, b.date_min,
            ${activityLatestDay('b')} as date_max, b.agreement_id, b.organisation_id, b.visibility, b.delegation_name, b.delegation_persons, b.place_ids`;

export interface DelegationOverlap {
  /** The organisation's own record: its incoming visit (delegationOverlaps), or its activity near others' visits (visitsNearActivities). */
  visit: { id: number; title: string; date: string; agreementSlug: string };
  /** Another body's activity near it in time and place. */
  other: { id: number; kind: ActivityKind; title: string; date: string; agreementSlug: string; agreementName: string; organisation: string; organisationId: number };
  /** The places both concern (the nearest first: a city before its province). */
  places: string[];
  /** The other's delegation name and leading persons that the visit names too, as the other writes them. */
  names: string[];
  /** Whom to ask at the other body: its active editors and coordinators. */
  contacts: Array<{ name: string; email: string }>;
}

/**
 * The overlaps of the organisation's incoming visits whose latest day is no
 * earlier than `today` less the window (`only`: those of these activities),
 * the nearest visit first. Empty for the public: the warning names people.
 */
export async function delegationOverlaps(ctx: Context, { organisationId, today, only, days = DELEGATION_WINDOW_DAYS }: { organisationId: number; today: string; only?: number[]; days?: number }): Promise<DelegationOverlap[]> {
  if (ctx.principal.kind === 'anonymous') return [];
  // A date known only to its year is no sign of being there at the same time.
  return overlapsNear(ctx, { organisationId, days, mine: incomingVisits(ctx, organisationId, today, only, days), theirs: sql`b.date !~ '^[0-9]{4}$' and b.kind in (${meetingKinds})`, theirYears: false });
}

/**
 * The same overlaps read from the other side: for the organisation's
 * activities of `only` that are meetings, events, exchanges or outgoing
 * visits (NEAR_VISIT_KINDS, not known only to their year), the OTHER
 * bodies' incoming visits near them that delegationOverlaps would pair them
 * with (whose latest day is no earlier than `today` less the window: those
 * it looks at; without `only`, for the organisation's soonest such
 * activities, as delegationOverlaps's incoming visits), so that an activity recorded after such a visit finds it
 * (the mail, warn-by-mail.ts) and its page shows it. `visit` is then the
 * organisation's own activity, `other` the other body's incoming visit.
 * Empty for the public.
 */
export async function visitsNearActivities(ctx: Context, { organisationId, today, only, days = DELEGATION_WINDOW_DAYS }: { organisationId: number; today: string; only?: number[]; days?: number }): Promise<DelegationOverlap[]> {
  if (ctx.principal.kind === 'anonymous' || only?.length === 0) return [];
  // An incoming visit may be known only to its year (delegationOverlaps takes it as it is): it begins on the 1st of January.
  return overlapsNear(ctx, { organisationId, days, mine: activitiesNearVisits(ctx, organisationId, today, only, days), theirs: sql`b.kind = 'visit_incoming' and b.date_max >= ${today}::date - ${days}::int`, theirYears: true });
}

/**
 * Others' activities near each of `mine` (a select of the organisation's own
 * records: id, title, date, date_min, date_max, slug, places, keys) that meet
 * `theirs` (on alias b), in time and place or by name. `theirYears`: also
 * find those begun on the 1st of January of a year the window touches (an
 * activity known only to its year is keyed by that month).
 */
async function overlapsNear(ctx: Context, { organisationId, days, mine, theirs, theirYears }: { organisationId: number; days: number; mine: SQL; theirs: SQL; theirYears: boolean }): Promise<DelegationOverlap[]> {
  type Row = DelegationOverlap['other'] &
    Pick<DelegationOverlap, 'places'> & { visitId: number; visitTitle: string; visitDate: string; visitAgreement: string; visitKeys: string[]; delegationName: string | null; delegationPersons: string[]; contacts: DelegationOverlap['contacts'] | string };
  const january = (day: SQL) => sql`place_month_keys(m.places, month_number(date_trunc('year', ${day})::date), month_number(date_trunc('year', ${day})::date))`;
  const months = sql`place_month_keys(m.places, month_number(m.date_min - ${days}::int - 31), month_number(m.date_max + ${days}::int))`;
  const rows = await queryRows<Row>(
    ctx.db,
    sql`with mine as materialized (${mine}
        ),
        near as materialized (
          -- Others' activities near in time that concern one of the visit's places (activities.place_ids: their agreement's
          -- places and their own, each with every place it lies in), found by place and month of their earliest day
          -- (activities.place_months, migration 0042: the visit's places × the window's months), or that name the same
          -- delegation or leading person (normalised: delegation-names.ts); each by its GIN index alone (with the kind and
          -- the days beside it, the planner also read activities_kind_day_idx: 40 ms instead of 2), hence materialized, the
          -- conditions applied to what it found. A date known only to its year is left out below, so the latest day is at
          -- most a month after the earliest and the months from the window's start less 31 days cover every activity that
          -- may fall in it. The columns the answer needs are taken here: the rows are not read again by id.
          ${nearColumns} from mine m
            join activities b on b.place_months && ${theirYears ? sql`(${months} || ${january(sql`m.date_min - ${days}::int`)} || ${january(sql`m.date_max + ${days}::int`)})` : months}
          union
          ${nearColumns} from mine m
            join activities b on b.delegation_keys && m.keys
        ),
        shown as (
          -- The overlaps in the order shown, the first 200: the other's organisation, places and contacts are read for
          -- these alone (joined before the limit, the planner's estimate of a handful of rows made it loop over every
          -- organisation for each overlap).
          select b.*, gb.slug as "agreementSlug", gb.party_label || ' – ' || gb.counterpart_label as "agreementName"
          from near b join agreements gb on gb.id = b.agreement_id
          where b.organisation_id <> ${organisationId} and ${theirs}
            and b.date_max >= b.mine_date_min - ${days}::int and b.date_min <= b.mine_date_max + ${days}::int
            and ${canReadAlias(ctx.principal, 'b')} and ${canReadAlias(ctx.principal, 'gb')}
          order by b.mine_date_min, b.mine_id, b.date_min, b.id
          limit 200
        )
        select m.id as "visitId", m.title as "visitTitle", m.date as "visitDate", m.slug as "visitAgreement", m.keys as "visitKeys",
          b.id, b.kind, b.title, b.date, b."agreementSlug", b."agreementName", o.name as organisation,
          o.id as "organisationId", b.delegation_name as "delegationName", b.delegation_persons as "delegationPersons",
          (select array_agg(p.name_latin order by array_length(p.ancestor_ids, 1) desc nulls last, p.name_latin) from counterparts p where p.id = any(m.places) and p.id = any(b.place_ids)) as places,
          ${contactsOf('b.organisation_id')} as contacts
        from shown b join mine m on m.id = b.mine_id join organisations o on o.id = b.organisation_id
        order by b.mine_date_min, b.mine_id, b.date_min, b.id`,
  );
  return rows.map(({ visitId, visitTitle, visitDate, visitAgreement, visitKeys, id, kind, title, date, agreementSlug, agreementName, organisation, organisationId, places, delegationName, delegationPersons, contacts }) => ({
    visit: { id: visitId, title: visitTitle, date: visitDate, agreementSlug: visitAgreement },
    other: { id, kind, title, date, agreementSlug, agreementName, organisation, organisationId },
    places: places ?? [],
    names: namesMatching(visitKeys, delegationName, delegationPersons),
    contacts: parsed(contacts),
  }));
}

// The places an activity concerns (alias: the activity), countries left out: a country would make every activity in it a neighbour.
const placesOf = (a: string) => sql.raw(`(select coalesce(array_agg(p.id), '{}') from counterparts p where p.id = any(${a}.place_ids) and p.level <> 'country')`);

/** What overlapsNear reads of each of the organisation's own activities (alias a, its agreement g). */
const mineColumns = sql`a.id, a.title, a.date, a.date_min, ${activityLatestDay('a')} as date_max, g.slug, ${placesOf('a')} as places, a.delegation_keys as keys`;

/** Those not begun more than VISITS_AHEAD_DAYS after `today`: the soonest, as the warnings look at them without `only`. */
const ahead = (today: string) => sql`a.date_min <= ${today}::date + ${VISITS_AHEAD_DAYS}::int`;

/**
 * The select of the organisation's activities that `which` picks whose latest day is no earlier than the window
 * before `today`, the soonest first: from the organisation's agreements, each one's recent activities by its index
 * (agreement, earliest day; a year's date may end 366 days after it begins).
 */
function recentOfOrganisation(ctx: Context, organisationId: number, today: string, days: number, which: SQL) {
  return sql`
          select ${mineColumns}
          from agreements g join activities a on a.agreement_id = g.id and a.date_min >= ${today}::date - ${days}::int - 366
          where g.organisation_id = ${organisationId} and a.organisation_id = ${organisationId} and ${which}
            and ${activityLatestDay('a')} >= ${today}::date - ${days}::int and ${canReadAlias(ctx.principal, 'a')}
          order by a.date_min, a.id limit ${VISITS_AT_ONCE}`;
}

/** The select of the organisation's incoming visits whose latest day is no earlier than the window before `today` (`only`: of these), with the places each concerns. */
function incomingVisits(ctx: Context, organisationId: number, today: string, only: number[] | undefined, days = DELEGATION_WINDOW_DAYS) {
  const of = only === undefined ? ahead(today) : only.length ? sql`a.id in (${sql.join(only.map((id) => sql`${id}`), sql`, `)})` : sql`false`;
  return recentOfOrganisation(ctx, organisationId, today, days, sql`a.kind = 'visit_incoming' and ${of}`);
}

/** Meetings, events, exchanges and outgoing visits (NEAR_VISIT_KINDS), not known only to their year. */
const nearVisitActivity = sql`a.kind in (${nearVisitKinds}) and a.date !~ '^[0-9]{4}$'`;

/**
 * The select of the organisation's activities of `only` that may meet another body's incoming visit from their side
 * (NEAR_VISIT_KINDS, not known only to their year), those that may still be near a visit delegationOverlaps looks at
 * (its latest day no earlier than the window before `today`, and it spans at most 366 days), the soonest first;
 * without `only`, those whose latest day is no earlier than the window before `today`, up to VISITS_AHEAD_DAYS ahead.
 */
function activitiesNearVisits(ctx: Context, organisationId: number, today: string, only: number[] | undefined, days: number) {
  if (only === undefined) return recentOfOrganisation(ctx, organisationId, today, days, sql`${nearVisitActivity} and ${ahead(today)}`);
  return sql`
          select ${mineColumns}
          from activities a join agreements g on g.id = a.agreement_id
          where a.id in (${sql.join(only.map((id) => sql`${id}`), sql`, `)}) and a.organisation_id = ${organisationId} and ${nearVisitActivity}
            and ${activityLatestDay('a')} >= ${today}::date - ${2 * days + 366}::int and ${canReadAlias(ctx.principal, 'a')}
          order by a.date_min, a.id limit ${VISITS_AT_ONCE}`;
}

/**
 * The select of the ids of the activities /delegationer looks at: the
 * organisation's soonest incoming visits (as delegationOverlaps) and its
 * soonest meetings, events, exchanges and outgoing visits (as
 * visitsNearActivities without `only`); the invitations near them are read
 * by it, in their own statement.
 */
export function soonestActivities(ctx: Context, { organisationId, today, days = DELEGATION_WINDOW_DAYS }: { organisationId: number; today: string; days?: number }): SQL {
  return sql`select id from (${incomingVisits(ctx, organisationId, today, undefined, days)}) v union select id from (${activitiesNearVisits(ctx, organisationId, today, undefined, days)}) o`;
}

/** Whom to ask at an organisation (its id in SQL): its active editors and coordinators, by name and e-mail, as JSON. */
export const contactsOf = (organisationId: string) =>
  sql.raw(`coalesce((select json_agg(json_build_object('name', u.display_name, 'email', u.email) order by u.display_name)
    from users u where u.organisation_id = ${organisationId} and u.role in ('editor', 'coordinator') and u.disabled_at is null), '[]')`);

/** The other record's names (its delegation's, its persons') whose keys are among `keys`. */
export function namesMatching(keys: readonly string[], delegationName: string | null, delegationPersons: readonly string[]): string[] {
  const mine = new Set(keys);
  return [
    ...(delegationName && delegationKeys({ delegationName }).some((k) => mine.has(k)) ? [delegationName] : []),
    ...delegationPersons.filter((p) => delegationKeys({ delegationPersons: [p] }).some((k) => mine.has(k))),
  ];
}

const parsed = <T>(json: T | string): T => (typeof json === 'string' ? (JSON.parse(json) as T) : json);

export interface PeerBody {
  visit: { id: number; title: string };
  organisation: string;
  /** Its agreements in force (or resting) in the places the visit concerns. */
  agreements: Array<{ slug: string; name: string }>;
  contacts: Array<{ name: string; email: string }>;
}

/**
 * The other organisations that deal with the places of the organisation's
 * incoming visits: with an agreement in force, resting or paused whose
 * places (with every place they lie in) meet the visit's. They may be
 * visited on the same trip.
 */
export async function peerBodies(ctx: Context, { organisationId, today, only }: { organisationId: number; today: string; only?: number[] }): Promise<PeerBody[]> {
  if (ctx.principal.kind === 'anonymous') return [];
  const rows = await queryRows<{ visitId: number; visitTitle: string; organisation: string; agreements: PeerBody['agreements'] | string; contacts: PeerBody['contacts'] | string }>(
    ctx.db,
    sql`with mine as (${incomingVisits(ctx, organisationId, today, only)})
        select m.id as "visitId", m.title as "visitTitle", peer.organisation, peer.agreements, ${contactsOf('peer.id')} as contacts
        from mine m cross join lateral (
          select o.id, o.name as organisation, count(*) as n,
            json_agg(json_build_object('slug', g.slug, 'name', g.party_label || ' – ' || g.counterpart_label) order by g.party_label, g.id) as agreements
          from agreements g join organisations o on o.id = g.organisation_id
          where g.place_ids && m.places and g.organisation_id <> ${organisationId} and g.current_status in ('active', 'dormant', 'paused', 'partly_ended') and ${canReadAlias(ctx.principal, 'g')}
          group by o.id, o.name order by count(*) desc, o.name limit ${PEERS_PER_VISIT}) peer
        order by m.date_min, m.id, peer.n desc, peer.organisation
        `,
  );
  return rows.map((r) => ({ visit: { id: r.visitId, title: r.visitTitle }, organisation: r.organisation, agreements: parsed(r.agreements), contacts: parsed(r.contacts) }));
}
