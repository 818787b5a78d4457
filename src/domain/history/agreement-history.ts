// An agreement's history, read from the audit log: its own entries (made,
// changed, every status event) and those of what is recorded under it
// (quotations, discrepancies, activities, action plans). Who, when, what,
// the values before and after each field, and the comment given with the save.
//
// For signed-in people only: the log names the people who wrote. An entry
// about a row the reader may not read (another organisation's internal
// event on a shared agreement) is left out, by the same rule as the page.
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { agreements, type Visibility } from '../../db/schema.ts';
import { canRead, requireRead } from '../access.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: number;
  at: Date;
  /** How the writer is known: their e-mail address, or the loader's name ("seed", "import"). */
  who: string;
  /** Their name, when they have an account. */
  name: string | null;
  action: string;
  entityType: string;
  entityId: number;
  changes: FieldChange[];
  comment: string | null;
  /** The agreement's version this entry made, where the entry tells it. */
  version: number | null;
}

// Caches and bookkeeping that every save moves: not what anyone changed.
const NOT_FIELDS = new Set([
  'id',
  'agreementId',
  'organisationId',
  'createdAt',
  'updatedAt',
  'version',
  'currentStatus',
  'establishedMin',
  'establishedYear',
  'lastEventOn',
  'partyLabel',
  'counterpartLabel',
  'partyKinds',
  'partyCounties',
  'placeIds',
  'searchText',
  'parentId',
  'dateMin',
  'dateMax',
  'datePrecision',
  'eventId',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A status event's entry holds {event, reasons, sources}: its fields are the event's, with the reasons and sources beside them. */
function flatten(value: unknown): Record<string, unknown> {
  if (!isObject(value)) return {};
  if (isObject(value.event)) {
    const { event, ...rest } = value;
    return { ...event, ...rest };
  }
  return value;
}

function changesOf(before: unknown, after: unknown): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !NOT_FIELDS.has(f));
  return fields
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after) && !(isEmpty(c.before) && isEmpty(c.after)));
}

const isEmpty = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The agreement version an entry made: a change says it after, a status event before (one less). */
function versionOf(action: string, before: unknown, after: unknown): number | null {
  if (action === 'agreement.create') return 1;
  if (action === 'agreement.change' && isObject(after) && typeof after.version === 'number') return after.version;
  if (action.startsWith('status.') && isObject(before) && typeof before.version === 'number') return before.version + 1;
  return null;
}

/** The row an entry is about has a visibility of its own (an event, a quotation): the reader must be allowed it too. */
function readableEntry(ctx: Context, entityType: string, after: unknown): boolean {
  // An agreement's entry is read with its event; an action plan's with the plan (its goals have no visibility of their own).
  const inner = entityType === 'agreement' ? 'event' : entityType === 'action_plan' ? 'plan' : null;
  const row = inner ? (isObject(after) && isObject(after[inner]) ? after[inner] : null) : isObject(after) ? after : null;
  if (!row || typeof row.visibility !== 'string' || typeof row.organisationId !== 'number') return true;
  return canRead(ctx.principal, { visibility: row.visibility as Visibility, organisationId: row.organisationId });
}

interface AuditRow {
  id: number;
  at: Date | string;
  who: string;
  name: string | null;
  action: string;
  entityType: string;
  entityId: number;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** The history of an agreement, newest first. Anonymous visitors and those who may not read it get NOT_FOUND. */
export async function agreementHistory({ ctx, slug, limit = 500 }: { ctx: Context; slug: string; limit?: number }) {
  if (ctx.principal.kind === 'anonymous') throw notFound('agreement');
  const [row] = await ctx.db
    .select({ id: agreements.id, slug: agreements.slug, version: agreements.version, visibility: agreements.visibility, organisationId: agreements.organisationId, partyLabel: agreements.partyLabel, counterpartLabel: agreements.counterpartLabel })
    .from(agreements)
    .where(eq(agreements.slug, slug));
  const agreement = requireRead(ctx, row, 'agreement');
  const rows = await queryRows<AuditRow>(
    ctx.db,
    sql`select l.id::int as id, l.at, l.actor_label as who, u.display_name as name, l.action, l.entity_type as "entityType", l.entity_id as "entityId",
          l.before, l.after, l.reason
        from audit_log l left join users u on u.email = l.actor_label
        where (l.entity_type = 'agreement' and l.entity_id = ${agreement.id})
           or (l.entity_type = 'quotation' and l.entity_id in (select id from quotations where agreement_id = ${agreement.id}))
           or (l.entity_type = 'discrepancy' and l.entity_id in (select id from discrepancies where agreement_id = ${agreement.id}))
           or (l.entity_type = 'activity' and l.entity_id in (select id from activities where agreement_id = ${agreement.id}))
           or (l.entity_type = 'action_plan' and l.entity_id in (select id from action_plans where agreement_id = ${agreement.id}))
           -- What was removed from it (audit_log_removed_idx).
           or (l.action in ('activity.remove', 'action_plan.remove') and coalesce(l.before->>'agreementId', l.before->'plan'->>'agreementId') = ${String(agreement.id)})
        order by l.id desc limit ${limit}`,
  );
  const parse = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
  const entries: HistoryEntry[] = rows
    .map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) }))
    // A removal has no after: the row as it was says who may read it.
    .filter((r) => readableEntry(ctx, r.entityType, r.after ?? r.before))
    .map((r) => ({
      id: r.id,
      at: new Date(r.at),
      who: r.who,
      name: r.name,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      // An event is added, never changed: what it says is all after; its "before" holds only the agreement's version and status.
      changes: changesOf(r.action.startsWith('status.') ? null : r.before, r.after),
      comment: r.reason,
      version: versionOf(r.action, r.before, r.after),
    }));
  return { agreement: { slug: agreement.slug, version: agreement.version, organisationId: agreement.organisationId, partyLabel: agreement.partyLabel, counterpartLabel: agreement.counterpartLabel }, entries };
}
export type AgreementHistory = Awaited<ReturnType<typeof agreementHistory>>;
