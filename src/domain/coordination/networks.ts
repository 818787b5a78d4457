// Networks of bodies: Region Skåne's China network, a county's network, a
// national one. A network is convened by one organisation (its coordinators
// keep it, with the administrators), has member organisations, meetings
// (about two a year: when, where, agenda, minutes) and notes shared inside
// it. Who reads what (access.ts): the network, its members and its meetings'
// dates, places and agendas by the network's visibility, and always by its
// members; the minutes and the notes by its members only. A network is
// changed and ended by its keepers; an ended one stays, read as before, and
// takes no new members, meetings, meeting changes, meeting documents or
// notes until its keepers reopen it.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { NETWORK_KINDS, networkMeetings, networkMembers, networkNotes, networks, organisations, VISIBILITIES, type NetworkKind, type Visibility } from '../../db/schema.ts';
import { canKeepNetwork, canReadNetworkAlias, canWriteNetworkNote, isNetworkMember, requireCoordinator, requireReadableRecord } from '../access.ts';
import { personName } from '../accounts/person-name.ts';
import { audit } from '../audit.ts';
import { inTransaction, principalLabel, type Context } from '../context.ts';
import { isCounty, NO_SUCH_COUNTY } from '../counties.ts';
import { fuzzyDateSchema, parseFuzzyDate } from '../dates.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';

const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);
const optionalText = (max: number) => text(max).transform((v) => v || null).nullish();

const networkFields = {
  name: text(300).min(1, 'write the name of the network'),
  description: optionalText(5000),
  kind: z.enum(NETWORK_KINDS, 'must be one of county, regional, national, other'),
  /** The county a county's or a region's network serves (länskod), if any. */
  county: z
    .string()
    .trim()
    .transform((v) => v || null)
    .nullish()
    .refine((v) => v == null || /^[0-9]{2}$/.test(v), 'must be a länskod of two digits')
    .refine((v) => v == null || !/^[0-9]{2}$/.test(v) || isCounty(v), NO_SUCH_COUNTY),
  visibility: z.enum(VISIBILITIES, 'must be one of public, shared, internal').default('shared'),
};
/** A county's network serves a county: it names which (its own field's problem, with the others). */
const countyNamed = [
  (network: { kind: NetworkKind; county?: string | null }, ctx: z.RefinementCtx) => {
    if (network.kind === 'county' && !network.county) ctx.addIssue({ code: 'custom', path: ['county'], message: "choose the county of a county's network" });
  },
  { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null && (payload.value as { kind?: unknown }).kind === 'county' },
] as const;
export const createNetworkSchema = z.strictObject(networkFields).superRefine(...countyNamed);
export type CreateNetworkInput = z.input<typeof createNetworkSchema>;

/** Makes a network convened by the caller's organisation: its coordinators and administrators. */
export async function createNetwork({ ctx, input }: { ctx: Context; input: CreateNetworkInput }) {
  requireCoordinator(ctx);
  const organisationId = ctx.principal.kind === 'anonymous' ? 0 : ctx.principal.organisationId;
  const { county, ...data } = parseInput(createNetworkSchema, input);
  requireReadableRecord(ctx, { visibility: data.visibility, organisationId });
  return inTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db.insert(networks).values({ ...data, countyCode: county ?? null, organisationId }).returning();
    await audit(ctx, { action: 'network.create', entityType: 'network', entityId: row!.id, after: row, organisationId });
    return row!;
  });
}

export interface NetworkRow {
  id: number;
  name: string;
  organisationId: number;
  visibility: Visibility;
  memberIds: number[];
  /** The day it ended, if it has. */
  endedOn: string | null;
}

/** What access.ts decides by: the network of alias `n`, its convener and its member organisations' ids. */
const NETWORK_ROW = sql`n.id, n.name, n.organisation_id as "organisationId", n.visibility, n.ended_on::text as "endedOn",
  array(select m.organisation_id from network_members m where m.network_id = n.id) as "memberIds"`;

/** The network as far as the caller may read it (NOT_FOUND otherwise), with its member organisations' ids; locked when `forUpdate`. */
export async function readableNetwork(ctx: Context, id: number, forUpdate = false): Promise<NetworkRow> {
  const [row] = await queryRows<NetworkRow>(
    ctx.db,
    sql`select ${NETWORK_ROW} from networks n where n.id = ${id} and ${canReadNetworkAlias(ctx.principal, 'n')} ${forUpdate ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('network');
  return row;
}

/** The network a meeting belongs to, whoever asks: for deciding who may read the meeting's documents (documents/read.ts). */
export async function networkOfMeeting(ctx: Context, meetingId: number): Promise<NetworkRow | undefined> {
  const [row] = await queryRows<NetworkRow>(ctx.db, sql`select ${NETWORK_ROW} from network_meetings mt join networks n on n.id = mt.network_id where mt.id = ${meetingId}`);
  return row;
}

/** A meeting's network as far as the caller may read it, the meeting being of it (NOT_FOUND otherwise). */
export async function readableMeetingNetwork(ctx: Context, networkId: number, meetingId: number): Promise<NetworkRow> {
  const network = await readableNetwork(ctx, networkId);
  const [meeting] = await ctx.db.select({ id: networkMeetings.id }).from(networkMeetings).where(and(eq(networkMeetings.id, meetingId), eq(networkMeetings.networkId, networkId)));
  if (!meeting) throw notFound('meeting');
  return network;
}

const forbidden = (what: string) => new DomainError('FORBIDDEN', `Only the network's ${what} may do this`);

/** An ended network takes nothing new, nor changes to its meetings: a conflict with its state, whoever asks. */
export function requireOngoing(network: Pick<NetworkRow, 'endedOn'>): void {
  if (network.endedOn) throw new DomainError('CONFLICT', `The network ended on ${network.endedOn}: it takes no new members, meetings, meeting changes, meeting documents or notes until its coordinators reopen it`);
}

const staleNetwork = (stored: number, read: number, current: unknown) =>
  new DomainError('CONFLICT', `The network is at version ${stored}, not ${read}: someone changed it since it was read`, [], current);

// A form sends the version as text, a program as a number; nothing else is one (not true, not [1]).
const versionSchema = z.strictObject({
  expectedVersion: z.preprocess(
    (v) => (typeof v === 'string' && /^[0-9]{1,10}$/.test(v.trim()) ? Number(v) : v),
    z.int('must be a whole number').min(1, 'must be 1 or more').max(2_147_483_647, 'is too large'),
  ),
});
/** The version a form or a program read, checked apart from the fields so that each problem is named. */
const expectedVersionOf = (expectedVersion: unknown) => parseInput(versionSchema, { expectedVersion }).expectedVersion;

export const changeNetworkSchema = z.strictObject({ ...networkFields, expectedVersion: z.unknown() });
export type ChangeNetworkInput = z.input<typeof createNetworkSchema> & { expectedVersion: unknown };

/**
 * Changes a network's name, description, kind, county and visibility, at
 * the version the form was opened at: its keepers. An ended network may
 * still be corrected (its history is read); its end stays.
 */
export async function changeNetwork({ ctx, networkId, input }: { ctx: Context; networkId: number; input: ChangeNetworkInput }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableNetwork(ctx, networkId, true);
    if (!canKeepNetwork(ctx.principal, network)) throw forbidden('coordinators');
    const { expectedVersion, ...fields } = input;
    const { county, ...data } = parseInput(createNetworkSchema, fields);
    const version = expectedVersionOf(expectedVersion);
    // Made internal, the network is its convener's and members' only: the keeper must still read it.
    requireReadableRecord(ctx, { visibility: data.visibility, organisationId: network.organisationId });
    const [before] = await ctx.db.select().from(networks).where(eq(networks.id, networkId));
    if (before!.version !== version) throw staleNetwork(before!.version, version, before);
    const [after] = await ctx.db
      .update(networks)
      .set({ ...data, countyCode: county ?? null, version: before!.version + 1, updatedAt: new Date() })
      .where(eq(networks.id, networkId))
      .returning();
    await audit(ctx, { action: 'network.change', entityType: 'network', entityId: networkId, before, after, organisationId: network.organisationId });
    return after!;
  });
}

export const endNetworkSchema = z.strictObject({
  /** The day it ended: today or earlier. */
  endedOn: z.iso.date('must be a day such as 2025-06-30'),
  expectedVersion: z.unknown(),
});
export type EndNetworkInput = z.input<typeof endNetworkSchema>;

/**
 * Ends a network on a day (today or earlier), at the version read: its
 * keepers. Nothing is removed: its members, meetings, minutes, notes and
 * documents stay, read as before; it takes no new members, meetings or
 * notes. Ending it twice is a conflict.
 */
export async function endNetwork({ ctx, networkId, input }: { ctx: Context; networkId: number; input: EndNetworkInput }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableNetwork(ctx, networkId, true);
    if (!canKeepNetwork(ctx.principal, network)) throw forbidden('coordinators');
    const { endedOn, expectedVersion } = parseInput(endNetworkSchema, input);
    const version = expectedVersionOf(expectedVersion);
    const [{ today }] = (await queryRows<{ today: string }>(ctx.db, sql`select (now() at time zone 'Europe/Stockholm')::date::text as today`)) as [{ today: string }];
    if (endedOn > today) throw invalid([{ field: 'endedOn', message: `is after today (${today}): end the network when it has ended` }]);
    const [before] = await ctx.db.select().from(networks).where(eq(networks.id, networkId));
    if (before!.endedOn) throw new DomainError('CONFLICT', `The network ended already, on ${before!.endedOn}`, [], before);
    if (before!.version !== version) throw staleNetwork(before!.version, version, before);
    const [after] = await ctx.db.update(networks).set({ endedOn, version: before!.version + 1, updatedAt: new Date() }).where(eq(networks.id, networkId)).returning();
    await audit(ctx, { action: 'network.end', entityType: 'network', entityId: networkId, before, after, organisationId: network.organisationId });
    return after!;
  });
}

export const reopenNetworkSchema = z.strictObject({ expectedVersion: z.unknown() });
export type ReopenNetworkInput = z.input<typeof reopenNetworkSchema>;

/**
 * Reopens an ended network, at the version read: its keepers. It takes new
 * members, meetings and notes again; the day it had ended stays in the
 * history (the audit entry's before). Reopening one that is not ended is a
 * conflict.
 */
export async function reopenNetwork({ ctx, networkId, input }: { ctx: Context; networkId: number; input: ReopenNetworkInput }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableNetwork(ctx, networkId, true);
    if (!canKeepNetwork(ctx.principal, network)) throw forbidden('coordinators');
    const { expectedVersion } = parseInput(reopenNetworkSchema, input);
    const version = expectedVersionOf(expectedVersion);
    const [before] = await ctx.db.select().from(networks).where(eq(networks.id, networkId));
    if (!before!.endedOn) throw new DomainError('CONFLICT', 'The network is not ended: there is nothing to reopen', [], before);
    if (before!.version !== version) throw staleNetwork(before!.version, version, before);
    const [after] = await ctx.db.update(networks).set({ endedOn: null, version: before!.version + 1, updatedAt: new Date() }).where(eq(networks.id, networkId)).returning();
    await audit(ctx, { action: 'network.reopen', entityType: 'network', entityId: networkId, before, after, organisationId: network.organisationId });
    return after!;
  });
}

export const addMemberSchema = z.strictObject({ organisation: z.string().trim().min(1, 'choose an organisation').max(120, 'is longer than 120 characters') });

/** Adds an organisation (by its slug) to the network: its keepers. Adding a member twice is a conflict. */
export async function addNetworkMember({ ctx, networkId, input }: { ctx: Context; networkId: number; input: z.input<typeof addMemberSchema> }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableNetwork(ctx, networkId, true);
    if (!canKeepNetwork(ctx.principal, network)) throw forbidden('coordinators');
    requireOngoing(network);
    const { organisation } = parseInput(addMemberSchema, input);
    const [member] = await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.slug, organisation));
    if (!member) throw invalid([{ field: 'organisation', message: `no organisation '${organisation}'` }]);
    if (member.id === network.organisationId || network.memberIds.includes(member.id)) throw invalid([{ field: 'organisation', message: `${member.name} is a member already` }]);
    await ctx.db.insert(networkMembers).values({ networkId, organisationId: member.id });
    await audit(ctx, { action: 'network.add_member', entityType: 'network', entityId: networkId, after: { organisation, name: member.name }, organisationId: network.organisationId });
  });
}

/**
 * Removes a member organisation (by its slug): its keepers. Its people stop
 * reading the minutes, the notes and the meetings' documents at once (they
 * are read through the membership); its notes and documents stay with the
 * network. The convener is no member to remove.
 */
export async function removeNetworkMember({ ctx, networkId, input }: { ctx: Context; networkId: number; input: z.input<typeof addMemberSchema> }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableNetwork(ctx, networkId, true);
    if (!canKeepNetwork(ctx.principal, network)) throw forbidden('coordinators');
    const { organisation } = parseInput(addMemberSchema, input);
    const [member] = await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.slug, organisation));
    if (!member || !network.memberIds.includes(member.id)) throw invalid([{ field: 'organisation', message: `'${organisation}' is no member of the network that may be removed` }]);
    await ctx.db.delete(networkMembers).where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.organisationId, member.id)));
    await audit(ctx, { action: 'network.remove_member', entityType: 'network', entityId: networkId, before: { organisation, name: member.name }, organisationId: network.organisationId });
  });
}

export const meetingSchema = z.strictObject({
  /** When, at the precision known (EDTF); at least the year. */
  heldOn: z
    .string('write when the meeting is held')
    .trim()
    .min(1, 'write when the meeting is held')
    .pipe(
      fuzzyDateSchema.refine((v) => {
        try {
          return parseFuzzyDate(v).min !== null;
        } catch {
          return true; // the date's own problem is named already
        }
      }, 'write at least the year'),
    ),
  place: optionalText(300),
  agenda: optionalText(10000),
  minutes: optionalText(30000),
});
export type MeetingInput = z.input<typeof meetingSchema>;

const heldRange = (heldOn: string) => {
  const d = parseFuzzyDate(heldOn);
  return { heldOn: d.edtf, heldMin: d.min!, heldMax: d.max ?? d.min! };
};

/** Records a meeting of the network, its minutes too if written: its keepers. */
export async function addNetworkMeeting({ ctx, networkId, input }: { ctx: Context; networkId: number; input: MeetingInput }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableNetwork(ctx, networkId, true);
    if (!canKeepNetwork(ctx.principal, network)) throw forbidden('coordinators');
    requireOngoing(network);
    const { heldOn, ...data } = parseInput(meetingSchema, input);
    const [row] = await ctx.db.insert(networkMeetings).values({ ...data, ...heldRange(heldOn), networkId }).returning();
    await audit(ctx, { action: 'network.add_meeting', entityType: 'network_meeting', entityId: row!.id, after: row, organisationId: network.organisationId });
    return row!;
  });
}

/** Changes a meeting (its date, place, agenda and minutes), at the version the form was opened at: its keepers, while the network is ongoing. */
export async function changeNetworkMeeting({ ctx, networkId, meetingId, input }: { ctx: Context; networkId: number; meetingId: number; input: MeetingInput & { expectedVersion: unknown } }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableNetwork(ctx, networkId, true);
    if (!canKeepNetwork(ctx.principal, network)) throw forbidden('coordinators');
    requireOngoing(network);
    const { expectedVersion, ...fields } = input;
    const { heldOn, ...data } = parseInput(meetingSchema, fields);
    const version = expectedVersionOf(expectedVersion);
    const [before] = await ctx.db.select().from(networkMeetings).where(and(eq(networkMeetings.id, meetingId), eq(networkMeetings.networkId, networkId))).for('update');
    if (!before) throw notFound('meeting');
    if (before.version !== version) throw new DomainError('CONFLICT', 'The meeting was changed by someone else since the form was opened', [], before);
    const [after] = await ctx.db
      .update(networkMeetings)
      .set({ ...data, ...heldRange(heldOn), version: before.version + 1, updatedAt: new Date() })
      .where(eq(networkMeetings.id, meetingId))
      .returning();
    await audit(ctx, { action: 'network.change_meeting', entityType: 'network_meeting', entityId: meetingId, before, after, organisationId: network.organisationId });
    return after!;
  });
}

export const noteSchema = z.strictObject({ body: text(10000).min(1, 'write the note') });

/** Writes a note inside the network: its members' editors, coordinators and administrators. */
export async function addNetworkNote({ ctx, networkId, input }: { ctx: Context; networkId: number; input: z.input<typeof noteSchema> }) {
  return inTransaction(ctx, async (ctx) => {
    const network = await readableNetwork(ctx, networkId);
    if (!canWriteNetworkNote(ctx.principal, network)) throw forbidden('members');
    requireOngoing(network);
    const { body } = parseInput(noteSchema, input);
    const organisationId = ctx.principal.kind === 'anonymous' ? 0 : ctx.principal.organisationId;
    const [row] = await ctx.db.insert(networkNotes).values({ networkId, organisationId, writtenBy: principalLabel(ctx.principal), body }).returning();
    // The note's text stays out of the audit entry's after: the history is read more widely than the network.
    await audit(ctx, { action: 'network.add_note', entityType: 'network_note', entityId: row!.id, after: { networkId, length: body.length }, organisationId: network.organisationId });
    return row!;
  });
}

export interface NetworkSummary {
  id: number;
  name: string;
  kind: NetworkKind;
  county: string | null;
  visibility: Visibility;
  convener: string;
  members: number;
  nextMeeting: string | null;
  /** The day it ended, if it has. */
  endedOn: string | null;
}

/** The networks the caller may read, by name (at most 500). */
export async function listNetworks(ctx: Context): Promise<NetworkSummary[]> {
  return queryRows<NetworkSummary>(
    ctx.db,
    sql`select n.id, n.name, n.kind, n.county_code as county, n.visibility, o.name as convener, n.ended_on::text as "endedOn",
          (select count(*)::int + 1 from network_members m where m.network_id = n.id) as members,
          -- an ended network meets no more: a meeting recorded after its end is none to come
          (select mt.held_on from network_meetings mt where mt.network_id = n.id and n.ended_on is null and mt.held_max >= current_date order by mt.held_min limit 1) as "nextMeeting"
        from networks n join organisations o on o.id = n.organisation_id
        where ${canReadNetworkAlias(ctx.principal, 'n')}
        order by n.name, n.id limit 500`,
  );
}

export interface NetworkMeeting {
  id: number;
  heldOn: string;
  place: string | null;
  agenda: string | null;
  /** Members only: null for everyone else (and when none are written). */
  minutes: string | null;
  version: number;
  /** Members only, like the documents themselves: an empty list for everyone else. */
  documents: MeetingDocumentName[];
}

/** A meeting's document as a network's member reads it named: its bytes are at `address`. */
export interface MeetingDocumentName {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Who added it as the register wrote it down (their e-mail address), and their name as a page shows it. */
  addedBy: string;
  addedByName: string;
  address: string;
}

export interface Network {
  id: number;
  name: string;
  description: string | null;
  kind: NetworkKind;
  county: string | null;
  visibility: Visibility;
  version: number;
  /** The day it ended, if it has: it takes no new members, meetings or notes. */
  endedOn: string | null;
  convener: { slug: string; name: string };
  members: Array<{ slug: string; name: string }>;
  meetings: NetworkMeeting[];
  /** Members only: an empty list for everyone else. */
  notes: Array<{ id: number; organisation: string; writtenBy: string; writtenByName: string; body: string; createdAt: string }>;
  /** What the caller may do: keep (members, meetings, minutes) and write notes; whether they are of the network. */
  may: { keep: boolean; writeNotes: boolean; readInside: boolean };
}

/** A network as far as the caller may read it: NOT_FOUND when they may not read it at all. */
export async function getNetwork(ctx: Context, id: number): Promise<Network> {
  const network = await readableNetwork(ctx, id);
  const inside = isNetworkMember(ctx.principal, network);
  const [head] = await queryRows<Omit<Network, 'members' | 'meetings' | 'notes' | 'may'>>(
    ctx.db,
    sql`select n.id, n.name, n.description, n.kind, n.county_code as county, n.visibility, n.version, n.ended_on::text as "endedOn",
          json_build_object('slug', o.slug, 'name', o.name) as convener
        from networks n join organisations o on o.id = n.organisation_id where n.id = ${id}`,
  );
  const members = await queryRows<{ slug: string; name: string }>(
    ctx.db,
    sql`select o.slug, o.name from network_members m join organisations o on o.id = m.organisation_id where m.network_id = ${id} order by o.name`,
  );
  // Minutes, documents and notes are read in the query only for members: what is not selected cannot leak.
  const documents = inside
    ? sql`coalesce((select json_agg(json_build_object('id', d.id, 'fileName', d.file_name, 'mediaType', d.media_type, 'sizeBytes', d.size_bytes, 'sha256', d.sha256, 'addedBy', d.added_by, 'addedByName', ${personName(sql`d.added_by`)}, 'address', '/dokument/' || d.id) order by d.id)
          from documents d where d.network_meeting_id = mt.id), '[]'::json)`
    : sql`'[]'::json`;
  const meetings = await queryRows<NetworkMeeting>(
    ctx.db,
    sql`select mt.id, mt.held_on as "heldOn", mt.place, mt.agenda, ${inside ? sql`mt.minutes` : sql`null::text`} as minutes, mt.version, ${documents} as documents
        from network_meetings mt where mt.network_id = ${id} order by mt.held_min desc, mt.id desc`,
  );
  const notes = inside
    ? await queryRows<Network['notes'][number]>(
        ctx.db,
        sql`select nn.id, o.name as organisation, nn.written_by as "writtenBy", ${personName(sql`nn.written_by`)} as "writtenByName", nn.body, to_char(nn.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "createdAt"
            from network_notes nn join organisations o on o.id = nn.organisation_id where nn.network_id = ${id} order by nn.created_at desc, nn.id desc limit 200`,
      )
    : [];
  return {
    ...head!,
    members,
    meetings,
    notes,
    may: { keep: canKeepNetwork(ctx.principal, network), writeNotes: canWriteNetworkNote(ctx.principal, network), readInside: inside },
  };
}

/** One meeting of a network the caller may read (NOT_FOUND otherwise), its minutes for members only. */
export async function getNetworkMeeting(ctx: Context, networkId: number, meetingId: number): Promise<{ network: Network; meeting: NetworkMeeting }> {
  const network = await getNetwork(ctx, networkId);
  const meeting = network.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw notFound('meeting');
  return { network, meeting };
}

/** The organisations a keeper may add: every organisation not yet of the network (at most 2 000). */
export async function memberChoices(ctx: Context, networkId: number): Promise<Array<{ slug: string; name: string }>> {
  const network = await readableNetwork(ctx, networkId);
  if (!canKeepNetwork(ctx.principal, network)) return [];
  return queryRows(
    ctx.db,
    sql`select o.slug, o.name from organisations o where o.id <> ${network.organisationId} and not exists (select 1 from network_members m where m.network_id = ${networkId} and m.organisation_id = o.id) order by o.name limit 2000`,
  );
}

