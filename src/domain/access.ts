// Who may read and change what: the one place. Every verb calls these first.
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Visibility } from '../db/schema.ts';
import type { Context, Principal } from './context.ts';
import { DomainError, invalid, notFound } from './errors.ts';

/**
 * The SQL condition for rows a principal may read: public ones, shared ones
 * for signed-in public bodies, and internal ones of their own organisation.
 * A confidential source is never public (a CHECK constraint of migration
 * 0018), so this one rule keeps it out of public answers too.
 */
export function canReadRow(principal: Principal, visibility: AnyPgColumn | SQL, organisationId: AnyPgColumn | SQL): SQL {
  if (principal.kind === 'anonymous') return sql`${visibility} = 'public'`;
  if (principal.kind === 'system') return sql`true`;
  return readableBySignedIn(visibility, organisationId, principal.organisationId);
}

const readableBySignedIn = (visibility: AnyPgColumn | SQL, organisationId: AnyPgColumn | SQL, reader: number | Placeholder): SQL =>
  sql`(${visibility} in ('public','shared') or ${organisationId} = ${reader})`;

/**
 * Rows of alias `alias` that every reader of the principal's kind may read: the
 * public's public ones, every signed-in person's public and shared ones, all for
 * the system. What canReadAlias adds for one signed-in person is their
 * organisation's internal rows.
 */
export const canReadAliasAsEveryReaderOfKind = (principal: Principal, alias: string): SQL =>
  principal.kind === 'anonymous' ? sql.raw(`${alias}.visibility = 'public'`) : principal.kind === 'system' ? sql`true` : sql.raw(`${alias}.visibility in ('public', 'shared')`);

/** canReadAlias for a signed-in person whose organisation is a prepared statement's parameter: one statement for every reader. */
export const canReadAliasAsSignedIn = (alias: string, reader: Placeholder): SQL => readableBySignedIn(sql.raw(`${alias}.visibility`), sql.raw(`${alias}.organisation_id`), reader);

/** Rows of table alias `alias` (its visibility and organisation_id) that the principal may read. */
export const canReadAlias = (principal: Principal, alias: string): SQL =>
  canReadRow(principal, sql.raw(`${alias}.visibility`), sql.raw(`${alias}.organisation_id`));

/** Whoever reads the public register: the pages, the API, the exports. */
export const PUBLIC_READER: Principal = { kind: 'anonymous' };

/**
 * The SQL condition for rows of table alias `row` that everyone who may read
 * the agreement `agreement` may read: what the agreement's cached columns
 * (labels, search text, places, status, status periods and day deltas;
 * refresh-caches.ts) are computed from. A public agreement's caches come from
 * public rows only, so that a public answer read from them holds nothing
 * that is not public; a shared one's from public and shared rows; an
 * internal one's also from internal rows of its own organisation. Every
 * reader of an agreement may read all its cache was made of
 * (docs/visibility.md).
 */
export function readableByEveryReaderOf(agreement: string, row: string): SQL {
  const [av, ao, rv, ro] = [`${agreement}.visibility`, `${agreement}.organisation_id`, `${row}.visibility`, `${row}.organisation_id`].map((c) => sql.raw(c));
  return sql`(${rv} = 'public' or (${rv} = 'shared' and ${av} <> 'public') or (${rv} = 'internal' and ${av} = 'internal' and ${ro} = ${ao}))`;
}

export function canRead(principal: Principal, record: { visibility: Visibility; organisationId: number }): boolean {
  if (principal.kind === 'system') return true;
  if (record.visibility === 'public') return true;
  if (principal.kind === 'anonymous') return false;
  return record.visibility === 'shared' || record.organisationId === principal.organisationId;
}

/** Raises NOT_FOUND for records the principal may not read: not allowed looks like absent. */
export function requireRead<T extends { visibility: Visibility; organisationId: number }>(
  ctx: Context,
  record: T | undefined,
  what: string,
): T {
  if (!record || !canRead(ctx.principal, record)) throw notFound(what);
  return record;
}

/** Whether the principal may change the records of the organisation: its editors, administrators and the system. */
export function canWrite(principal: Principal, organisationId: number): boolean {
  if (principal.kind === 'system') return true;
  return principal.kind === 'user' && (principal.role === 'admin' || (principal.role === 'editor' && principal.organisationId === organisationId));
}

/** canWrite as an SQL condition on the rows of table alias `alias` (its organisation_id): what a form may offer to change. */
export function canWriteAlias(principal: Principal, alias: string): SQL {
  if (principal.kind === 'system' || (principal.kind === 'user' && principal.role === 'admin')) return sql`true`;
  if (principal.kind === 'user' && principal.role === 'editor') return sql`${sql.raw(`${alias}.organisation_id`)} = ${principal.organisationId}`;
  return sql`false`;
}

/** An editor changes only what belongs to their organisation. */
export function requireWrite(ctx: Context, organisationId: number): { organisationId: number } {
  if (canWrite(ctx.principal, organisationId)) return { organisationId };
  throw new DomainError('FORBIDDEN', 'You may not change records of this organisation');
}

/**
 * A record is made only as one its maker may read: an administrator of
 * another organisation may not read its internal records, so may not make
 * one they could then neither see nor change (VALIDATION on `visibility`).
 */
export function requireReadableRecord(ctx: Context, record: { visibility: Visibility; organisationId: number }): void {
  if (canRead(ctx.principal, record)) return;
  throw invalid([{ field: 'visibility', message: 'internal records are read by their own organisation only: choose shared or public' }]);
}

/** Organisations, users and reference data are an admin's (or the command line's). */
export function requireAdmin(ctx: Context): void {
  const p = ctx.principal;
  if (p.kind === 'system' || (p.kind === 'user' && p.role === 'admin')) return;
  throw new DomainError('FORBIDDEN', 'Only an administrator may do this');
}

/**
 * Only editors and administrators change anything: the first check of a verb
 * that finds its record by an id a reader could send (a document), so that a
 * reader is refused before being told whether the record exists.
 */
export function requireEditor(ctx: Context): void {
  const p = ctx.principal;
  if (p.kind === 'system' || (p.kind === 'user' && (p.role === 'editor' || p.role === 'admin'))) return;
  throw new DomainError('FORBIDDEN', 'Only an editor or an administrator may change records');
}

/**
 * A document is read with the record it belongs to (a source or an
 * agreement), and the public reads it only when an editor marked the
 * document public and the record is public too: a scanned protocol may name
 * people that the record's public fields leave out (docs/visibility.md).
 */
export function canReadDocument(principal: Principal, document: { public: boolean }, record: { visibility: Visibility; organisationId: number }): boolean {
  if (principal.kind === 'anonymous') return document.public && record.visibility === 'public';
  return canRead(principal, record);
}

/**
 * Contact persons are personal data: read only by the signed-in people of
 * the organisation that owns the agreement (any role) and by administrators,
 * never by the public, other organisations or coordinators elsewhere; not
 * allowed looks like absent. Call after `requireRead` of the agreement.
 */
export function requireContactsRead(ctx: Context, agreement: { organisationId: number }): void {
  if (!canReadContacts(ctx.principal, agreement)) throw notFound('contact persons');
}

export function canReadContacts(principal: Principal, agreement: { organisationId: number }): boolean {
  if (principal.kind === 'system') return true;
  return principal.kind === 'user' && (principal.role === 'admin' || principal.organisationId === agreement.organisationId);
}

/**
 * The names of the people who took part in an activity are personal data:
 * read by signed-in people only, never by the public (the head counts by
 * group are public with the activity).
 */
export const canReadParticipantNames = (principal: Principal): boolean => principal.kind !== 'anonymous';

/**
 * The columns of an activity the principal may not read: the caches kept
 * for matching only (the delegation's names normalised; every place it
 * concerns, by id and month, which counts and names the ids of places the
 * reader may not read), and for the public the names of people:
 * participants and the delegation with its leading persons.
 */
const ACTIVITY_CACHES = ['delegationKeys', 'placeIds', 'placeMonths'];
export const withheldActivityColumns = (principal: Principal): readonly string[] =>
  canReadParticipantNames(principal) ? ACTIVITY_CACHES : ['participants', 'participantsEn', 'delegationName', 'delegationPersons', ...ACTIVITY_CACHES];

/**
 * Follow-up points are the organisation's own work, read as its contact
 * persons are: by its signed-in people (any role) and administrators.
 */
export const canReadFollowUp = canReadContacts;

/**
 * A decision basis is the organisation's preparation of its own decision:
 * read by its signed-in people (any role) and the system only. Not by the
 * public, other organisations or coordinators, nor by administrators of
 * another organisation: what it froze of the register may hold the
 * organisation's internal records. Not allowed looks like absent.
 */
export function canReadDecisionBasis(principal: Principal, agreement: { organisationId: number }): boolean {
  if (principal.kind === 'system') return true;
  return principal.kind === 'user' && principal.organisationId === agreement.organisationId;
}

export function requireDecisionBasisRead(ctx: Context, agreement: { organisationId: number }): void {
  if (!canReadDecisionBasis(ctx.principal, agreement)) throw notFound('decision basis');
}

/** The knowledge base's guidance is written, changed and withdrawn by coordinators and administrators (any organisation's): it is everyone's, and about coordination, which is the coordinators' work (docs/coordination.md). */
export function canEditKnowledge(principal: Principal): boolean {
  if (principal.kind === 'system') return true;
  return principal.kind === 'user' && (principal.role === 'coordinator' || principal.role === 'admin');
}

export function requireKnowledgeEditor(ctx: Context): void {
  if (!canEditKnowledge(ctx.principal)) throw new DomainError('FORBIDDEN', 'Only a coordinator or an administrator may change the guidance');
}

/**
 * A network of bodies (coordination/networks.ts) is kept by its convening
 * organisation's coordinators and by administrators: they add members and
 * record meetings and minutes. Its members are the people (any role) of the
 * convening organisation and of the member organisations; only they read
 * the minutes and the notes, administrators of other organisations
 * included (docs/coordination.md).
 */
export function canKeepNetwork(principal: Principal, network: { organisationId: number }): boolean {
  if (principal.kind === 'system') return true;
  return principal.kind === 'user' && (principal.role === 'admin' || (principal.role === 'coordinator' && principal.organisationId === network.organisationId));
}

/** Whether the principal is of the network: the convening organisation or a member (the system is everywhere). */
export function isNetworkMember(principal: Principal, network: { organisationId: number; memberIds: readonly number[] }): boolean {
  if (principal.kind === 'system') return true;
  return principal.kind === 'user' && (principal.organisationId === network.organisationId || network.memberIds.includes(principal.organisationId));
}

/** isNetworkMember as an SQL condition on the network of table alias `alias` (its id and organisation_id). */
export function isNetworkMemberAlias(principal: Principal, alias: string): SQL {
  if (principal.kind === 'system') return sql`true`;
  if (principal.kind === 'anonymous') return sql`false`;
  const [id, owner] = [`${alias}.id`, `${alias}.organisation_id`].map((c) => sql.raw(c));
  return sql`(${owner} = ${principal.organisationId} or exists (select 1 from network_members nm where nm.network_id = ${id} and nm.organisation_id = ${principal.organisationId}))`;
}

/** The networks the principal may read: by their visibility, and their own whatever it is. */
export const canReadNetworkAlias = (principal: Principal, alias: string): SQL => sql`(${canReadAlias(principal, alias)} or ${isNetworkMemberAlias(principal, alias)})`;

/** Members write notes, except readers: the same roles that change records elsewhere, and coordinators. */
export const canWriteNetworkNote = (principal: Principal, network: { organisationId: number; memberIds: readonly number[] }): boolean =>
  isNetworkMember(principal, network) && !(principal.kind === 'user' && principal.role === 'reader');

/**
 * A network meeting's documents (its agenda and minutes as files) are the
 * network's: read by its members only (isNetworkMember; never the public,
 * nor an administrator of another organisation), added by the members who
 * write notes, and removed by the network's keepers or by those members of
 * the organisation that added the document.
 */
export const canAddMeetingDocument = canWriteNetworkNote;
export function canRemoveMeetingDocument(principal: Principal, network: { organisationId: number; memberIds: readonly number[] }, document: { organisationId: number }): boolean {
  if (canKeepNetwork(principal, network)) return true;
  return canWriteNetworkNote(principal, network) && principal.kind === 'user' && principal.organisationId === document.organisationId;
}

/** Networks are made by coordinators (for their own organisation) and administrators. */
export function requireCoordinator(ctx: Context): void {
  const p = ctx.principal;
  if (p.kind === 'system' || (p.kind === 'user' && (p.role === 'coordinator' || p.role === 'admin'))) return;
  throw new DomainError('FORBIDDEN', 'Only a coordinator or an administrator may do this');
}

/**
 * Whoever reads the shared register and no organisation's internal records:
 * how the coordinators' overviews read for a signed-in person (of any role,
 * who reads shared records on every page anyway), so that one answer serves
 * them all and can be kept per data version. No organisation has id 0.
 */
export const SHARED_READER: Principal = { kind: 'user', subject: 'shared-reader', organisationId: 0, role: 'reader' };
