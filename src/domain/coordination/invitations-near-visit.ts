// The other side of an invitation's likeness to visits (received-invitations.ts):
// for one activity, the invitations received by OTHER organisations that an
// invitation's check would have found it by, so that a visit recorded after
// the invitation is mailed too (warn-by-mail.ts). The same rule, read from the
// activity: its places (the agreement's and its own, each with every place it
// lies in, countries left out) meet the invitation's place or one it lies in,
// or they name the same delegation or leading person; and the invitation's
// days (what it invites to, else the day received) are within the window of
// the activity's. An activity known only to its year is no sign of a date, as
// on the invitation's side.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { canReadAlias } from '../access.ts';
import { activityLatestDay } from '../activities/latest-day.ts';
import type { Context } from '../context.ts';
import { contactsOf, DELEGATION_WINDOW_DAYS, namesMatching } from './delegations.ts';
import { invitationFrom, invitationPlaces, invitationTo } from './received-invitations.ts';

export interface InvitationNear {
  /** The activity it is near. */
  activityId: number;
  activity: { title: string; date: string; agreementSlug: string };
  /** The invitation's delegation name and leading persons that the activity names too. */
  names: string[];
  id: number;
  organisationId: number;
  organisation: string;
  sender: string;
  subject: string;
  receivedOn: string;
  eventDate: string | null;
  delegationName: string | null;
  delegationPersons: string[];
  /** The places both concern (the nearest first: a city before its province). */
  places: string[];
  contacts: Array<{ name: string; email: string }>;
}

/** At most this many invitations per activity, the earliest first. */
const INVITATIONS_PER_ACTIVITY = 200;

/** Others' invitations near the activity as the caller may read them; none when the caller may not read it or its agreement. */
export async function invitationsNearActivity(ctx: Context, activityId: number, { days = DELEGATION_WINDOW_DAYS }: { days?: number } = {}): Promise<InvitationNear[]> {
  return invitationsNearActivities(ctx, [activityId], { days });
}

/**
 * The same for several activities in one statement (an activities page,
 * by their ids; /delegationer, by a select of them), each activity's invitations the earliest first, at most
 * INVITATIONS_PER_ACTIVITY of each; with `today`, only of the activities
 * whose latest day is no earlier than the window before it (those the
 * delegation warnings look at).
 */
export async function invitationsNearActivities(ctx: Context, activities: number[] | SQL, { days = DELEGATION_WINDOW_DAYS, today }: { days?: number; today?: string } = {}): Promise<InvitationNear[]> {
  if (ctx.principal.kind === 'anonymous' || (Array.isArray(activities) && !activities.length)) return [];
  const ids = Array.isArray(activities) ? sql.join(activities.map((id) => sql`${id}`), sql`, `) : activities;
  type Row = Omit<InvitationNear, 'contacts' | 'places' | 'activity' | 'names'> & {
    activityTitle: string;
    activityDate: string;
    activityAgreement: string;
    activityKeys: string[];
    contacts: InvitationNear['contacts'] | string;
    places: string[] | null;
    from_day?: unknown;
  };
  const rows = await queryRows<Row>(
    ctx.db,
    sql`with a as materialized (
          select a.id, a.organisation_id, a.title, a.date, g.slug, a.date_min, ${activityLatestDay('a')} as date_max, a.delegation_keys as keys,
            (select coalesce(array_agg(p.id), '{}') from counterparts p where p.id = any(a.place_ids) and p.level <> 'country') as places
          from activities a join agreements g on g.id = a.agreement_id
          where a.id in (${ids}) and a.date !~ '^[0-9]{4}$' and ${canReadAlias(ctx.principal, 'a')} and ${canReadAlias(ctx.principal, 'g')}
            ${today === undefined ? sql`` : sql`and ${activityLatestDay('a')} >= ${today}::date - ${days}::int`}
        )
        select near.* from a cross join lateral (
          select a.id as "activityId", a.title as "activityTitle", a.date as "activityDate", a.slug as "activityAgreement", a.keys as "activityKeys", x.id, x.organisation_id as "organisationId", o.name as organisation, x.sender, x.subject, x.received_on::text as "receivedOn", x.event_date as "eventDate",
            x.delegation_name as "delegationName", x.delegation_persons as "delegationPersons",
            (select array_agg(p.name_latin order by array_length(p.ancestor_ids, 1) desc nulls last, p.name_latin) from counterparts p where p.id = any(a.places) and p.id = any(${invitationPlaces('x')}::int[])) as places,
            ${contactsOf('x.organisation_id')} as contacts, ${invitationFrom('x')} as from_day
          from received_invitations x
          -- by the day index (received_invitations_day_idx) for the upper bound, the rest filtered: invitations are few
          join organisations o on o.id = x.organisation_id
          where x.organisation_id <> a.organisation_id
            and ${invitationFrom('x')} <= a.date_max + ${days}::int and ${invitationTo('x')} >= a.date_min - ${days}::int
            and (${invitationPlaces('x')} && a.places or x.delegation_keys && a.keys) and ${canReadAlias(ctx.principal, 'x')}
          order by ${invitationFrom('x')}, x.id
          limit ${INVITATIONS_PER_ACTIVITY}
        ) near
        order by a.date_min, a.id, near.from_day, near.id`,
  );
  return rows.map(({ from_day: _, activityTitle, activityDate, activityAgreement, activityKeys, ...r }) => ({
    ...r,
    activity: { title: activityTitle, date: activityDate, agreementSlug: activityAgreement },
    names: namesMatching(activityKeys, r.delegationName, r.delegationPersons),
    places: r.places ?? [],
    contacts: typeof r.contacts === 'string' ? (JSON.parse(r.contacts) as InvitationNear['contacts']) : r.contacts,
  }));
}
