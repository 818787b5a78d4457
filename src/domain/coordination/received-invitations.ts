// Invitations received from China: the report's interviews tell of one
// invitation reaching many municipalities, none knowing of the others. An
// editor records one as received (who sent it, the Chinese place it comes
// from, what and when it invites to, the Swedish bodies known to have it
// too); beside each of the organisation's invitations Ortsband shows the
// other bodies' invitations that look like the same one: the same sender,
// the same place or province, or the same named delegation or leading
// person (delegation-names.ts), within the window of days around it; and
// the other bodies' visits, meetings, events and exchanges near it that
// concern the same place or province or name the same delegation or person
// (the same delegation may be coming to them).
import { inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { actors, counterparts, receivedInvitationRecipients, receivedInvitations, VISIBILITIES, type ActivityKind } from '../../db/schema.ts';
import { canRead, canReadAlias, requireEditor, requireReadableRecord, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { fuzzyDateSchema, isoDaySchema, parseFuzzyDate } from '../dates.ts';
import { invalid } from '../errors.ts';
import { slugSchema } from '../sources/schemas.ts';
import { parseInput } from '../validate.ts';
import { queueDelegationCheck } from './delegation-checks.ts';
import { delegationFields } from './delegation-fields.ts';
import { delegationKeys } from './delegation-names.ts';
import { contactsOf, DELEGATION_WINDOW_DAYS, meetingKinds } from './delegations.ts';
import { activityLatestDay } from '../activities/latest-day.ts';

const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);

export const recordInvitationSchema = z.object({
  receivedOn: isoDaySchema,
  sender: text(500).min(1, 'write who sent it'),
  /** The Chinese place it comes from, by slug. */
  place: slugSchema.nullish(),
  subject: text(1000).min(1, 'write what it invites to'),
  /** When what it invites to happens, at the precision known (EDTF). */
  eventDate: fuzzyDateSchema.nullish(),
  /** Swedish bodies known to have received it too, by slug or by name. */
  recipients: z.array(text(300).min(1, 'write the name of a Swedish body')).max(50, 'lists more than 50 bodies').default([]),
  note: text(5000).transform((v) => v || null).nullish(),
  ...delegationFields,
  visibility: z.enum(VISIBILITIES, 'must be one of public, shared, internal').default('shared'),
});
export type RecordInvitationInput = z.input<typeof recordInvitationSchema>;

/** Records an invitation as received by the caller's organisation: its editors and administrators. */
export async function recordInvitation({ ctx, input }: { ctx: Context; input: RecordInvitationInput }) {
  requireEditor(ctx);
  const p = ctx.principal;
  const organisationId = p.kind === 'anonymous' ? 0 : p.organisationId;
  requireWrite(ctx, organisationId);
  const { place, recipients, ...data } = parseInput(recordInvitationSchema, input);
  requireReadableRecord(ctx, { visibility: data.visibility, organisationId });
  return inTransaction(ctx, async (ctx) => {
    const [from] = place ? await ctx.db.select().from(counterparts).where(inArray(counterparts.slug, [place])) : [];
    const bodies = recipients.length ? await ctx.db.select().from(actors).where(or(inArray(actors.slug, recipients), inArray(actors.name, recipients))) : [];
    const problems = [
      ...(place && !(from && canRead(ctx.principal, from)) ? [{ field: 'place', message: `no Chinese place '${place}' in the register` }] : []),
      ...recipients.flatMap((named, i) => (bodies.some((b) => (b.slug === named || b.name === named) && canRead(ctx.principal, b)) ? [] : [{ field: `recipients.${i}`, message: `no Swedish body '${named}' in the register` }])),
    ];
    if (problems.length) throw invalid(problems);
    const event = data.eventDate ? parseFuzzyDate(data.eventDate) : null;
    const [row] = await ctx.db
      .insert(receivedInvitations)
      .values({ ...data, delegationKeys: delegationKeys(data), eventDate: data.eventDate ?? null, eventDateMin: event?.min ?? null, eventDateMax: event?.max ?? null, counterpartId: from?.id ?? null, organisationId })
      .returning();
    const actorIds = [...new Set(bodies.filter((b) => recipients.includes(b.slug) || recipients.includes(b.name)).map((b) => b.id))];
    if (actorIds.length) await ctx.db.insert(receivedInvitationRecipients).values(actorIds.map((actorId) => ({ invitationId: row!.id, actorId })));
    await queueDelegationCheck(ctx, 'invitation', row!);
    await audit(ctx, { action: 'invitation.record', entityType: 'received_invitation', entityId: row!.id, after: { ...row, place, recipients }, organisationId });
    return row!;
  });
}

export interface ReceivedInvitation {
  id: number;
  receivedOn: string;
  sender: string;
  subject: string;
  eventDate: string | null;
  note: string | null;
  delegationName: string | null;
  delegationPersons: string[];
  visibility: string;
  place: { slug: string; name: string } | null;
  recipients: Array<{ slug: string; name: string }>;
  /** Other bodies' invitations that look like the same one. */
  alike: Array<{ id: number; organisationId: number; organisation: string; sender: string; subject: string; receivedOn: string; eventDate: string | null; delegationName: string | null; delegationPersons: string[]; contacts: Array<{ name: string; email: string }> }>;
  /** Other bodies' visits, meetings, events and exchanges near it (at most VISITS_PER_INVITATION, the earliest first): the same delegation may come to them. */
  visits: Array<{ id: number; kind: ActivityKind; title: string; date: string; agreementSlug: string; agreementName: string; organisation: string; delegationName: string | null; delegationPersons: string[]; contacts: Array<{ name: string; email: string }> }>;
}

/** At most this many of the others' activities are shown beside one invitation. */
export const VISITS_PER_INVITATION = 20;

/** The first day an invitation (alias) is about: what it invites to, else the day it came. */
export const invitationFrom = (i: string) => sql.raw(`coalesce(${i}.event_date_min, ${i}.received_on)`);
/** Its last day, alike. */
export const invitationTo = (i: string) => sql.raw(`coalesce(${i}.event_date_max, ${i}.received_on)`);
/** The places an invitation (alias) concerns: its place and every place that lies in, no country. */
export const invitationPlaces = (i: string) =>
  sql.raw(`(select coalesce(array_agg(p.id), '{}') from counterparts c join counterparts p on p.id = c.id or p.id = any(c.ancestor_ids) where c.id = ${i}.counterpart_id and p.level <> 'country')`);

/** The organisation's invitations as the caller may read them, the latest received first (at most 100), each with the others' like it within `days` (`only`: the one of this id) and at most `visitsShown` of the others' activities near it. */
export async function invitationsOf(ctx: Context, organisationId: number, { only, days = DELEGATION_WINDOW_DAYS, visitsShown = VISITS_PER_INVITATION }: { only?: number; days?: number; visitsShown?: number } = {}): Promise<ReceivedInvitation[]> {
  if (ctx.principal.kind === 'anonymous') return [];
  const [from, to, places] = [invitationFrom, invitationTo, invitationPlaces];
  const rows = await queryRows<Omit<ReceivedInvitation, 'place' | 'recipients' | 'alike' | 'visits'> & { place: string; recipients: string; alike: string; visits: string }>(
    ctx.db,
    sql`select i.id, i.received_on::text as "receivedOn", i.sender, i.subject, i.event_date as "eventDate", i.note, i.delegation_name as "delegationName", i.delegation_persons as "delegationPersons", i.visibility,
          (select json_build_object('slug', c.slug, 'name', c.name_latin || coalesce(' ' || c.name_native, '')) from counterparts c where c.id = i.counterpart_id and ${canReadAlias(ctx.principal, 'c')})::text as place,
          coalesce((select json_agg(json_build_object('slug', a.slug, 'name', a.name) order by a.name) from received_invitation_recipients r join actors a on a.id = r.actor_id
            where r.invitation_id = i.id and ${canReadAlias(ctx.principal, 'a')}), '[]')::text as recipients,
          coalesce((select json_agg(json_build_object('id', x.id, 'organisationId', x.organisation_id, 'organisation', o.name, 'sender', x.sender, 'subject', x.subject, 'receivedOn', x.received_on::text, 'eventDate', x.event_date,
                'delegationName', x.delegation_name, 'delegationPersons', x.delegation_persons,
                'contacts', ${contactsOf('x.organisation_id')}) order by x.received_on, x.id)
            from received_invitations x join organisations o on o.id = x.organisation_id
            where x.organisation_id <> i.organisation_id and ${canReadAlias(ctx.principal, 'x')}
              and ${from('x')} <= ${to('i')} + ${days}::int and ${to('x')} >= ${from('i')} - ${days}::int
              and (lower(x.sender) = lower(i.sender) or ${places('x')} && ${places('i')} or x.delegation_keys && i.delegation_keys)), '[]')::text as alike,
          -- Others' activities near it in time that concern one of its places or name the same delegation or person, found as
          -- the delegation check finds them (delegations.ts): by place and month (activities.place_months), or by name.
          coalesce((select json_agg(v order by v.date_min, v.id) from (
              select a.id, a.kind, a.title, a.date, a.date_min, g.slug as "agreementSlug", g.party_label || ' – ' || g.counterpart_label as "agreementName", o.name as organisation,
                a.delegation_name as "delegationName", a.delegation_persons as "delegationPersons", ${contactsOf('a.organisation_id')} as contacts
              from activities a join agreements g on g.id = a.agreement_id join organisations o on o.id = a.organisation_id
              where (a.place_months && place_month_keys(${places('i')}, month_number(${from('i')} - ${days}::int - 31), month_number(${to('i')} + ${days}::int))
                  or a.delegation_keys && i.delegation_keys)
                and a.organisation_id <> i.organisation_id and a.kind in (${meetingKinds}) and a.date !~ '^[0-9]{4}$'
                and ${activityLatestDay('a')} >= ${from('i')} - ${days}::int and a.date_min <= ${to('i')} + ${days}::int
                and ${canReadAlias(ctx.principal, 'a')} and ${canReadAlias(ctx.principal, 'g')}
              order by a.date_min, a.id limit ${visitsShown}) v), '[]')::text as visits
        from received_invitations i
        where i.organisation_id = ${organisationId} and ${canReadAlias(ctx.principal, 'i')} and ${only === undefined ? sql`true` : sql`i.id = ${only}`}
        order by i.received_on desc, i.id desc limit 100`,
  );
  return rows.map((r) => ({
    ...r,
    place: JSON.parse(r.place ?? 'null') as ReceivedInvitation['place'],
    recipients: JSON.parse(r.recipients) as ReceivedInvitation['recipients'],
    alike: JSON.parse(r.alike) as ReceivedInvitation['alike'],
    visits: (JSON.parse(r.visits) as Array<ReceivedInvitation['visits'][number] & { date_min?: string }>).map(({ date_min: _d, ...v }) => v),
  }));
}

/** The names of the Swedish bodies the caller may read (at most 5 000), offered as an invitation's other recipients. */
export async function bodyNames(ctx: Context): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(ctx.db, sql`select distinct a.name from actors a where ${canReadAlias(ctx.principal, 'a')} order by a.name limit 5000`);
  return rows.map((r) => r.name);
}
