// A decision basis: read it (every version, and what the register says
// now) and save a new version. A save never changes an earlier version; it
// freezes the register's part as the saver's organisation reads it then,
// so that each version's annex prints what that version stood on.
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { agreements, decisionBases, statusEvents, type EventType } from '../../db/schema.ts';
import { requireDecisionBasisRead, requireRead, requireWrite } from '../access.ts';
import { personName } from '../accounts/person-name.ts';
import { audit } from '../audit.ts';
import { inTransaction, principalLabel, type Context } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { decisionKindOf, type DecisionKind } from './kinds.ts';
import { peerDecisions, type PeerDecisions } from './peer-decisions.ts';
import { recentActivity, type RecentActivity } from './recent-activity.ts';
import { saveDecisionBasisSchema, type SaveDecisionBasisInput } from './schemas.ts';
import { lockedForKeeper } from '../agreements/keeper-lock.ts';

/** What the register says, as a basis froze it (or as it is now). */
export interface RegisterFacts {
  /** The day it was read (Stockholm). */
  readOn: string;
  activity: RecentActivity;
  peers: PeerDecisions;
}

/** `savedBy`: the saver's e-mail address, as the audit keeps it; `savedByName`: their name, as pages and the annex print it. */
export type BasisVersion = Omit<typeof decisionBases.$inferSelect, 'register' | 'eventId' | 'agreementId' | 'organisationId'> & { register: RegisterFacts; savedByName: string };

export interface DecisionBasis {
  agreement: { id: number; slug: string; title: string; officialTitle: string | null; organisationId: number; visibility: string };
  decision: { id: number; type: EventType; kind: DecisionKind; date: string; decidingBody: string | null; reference: string | null; caseNumber: string | null };
  /** Newest first; empty before the first save. */
  versions: BasisVersion[];
}

/** The agreement and its decision event, readable by the caller, whose basis the caller may read; NOT_FOUND otherwise. */
async function decisionOf(ctx: Context, where: { slug: string } | { agreementId: number }, eventId: number) {
  const [agreement] = await ctx.db
    .select({ id: agreements.id, slug: agreements.slug, officialTitle: agreements.officialTitle, partyLabel: agreements.partyLabel, counterpartLabel: agreements.counterpartLabel, organisationId: agreements.organisationId, visibility: agreements.visibility })
    .from(agreements)
    .where('slug' in where ? eq(agreements.slug, where.slug) : eq(agreements.id, where.agreementId));
  requireRead(ctx, agreement, 'agreement');
  requireDecisionBasisRead(ctx, agreement!);
  const [event] = Number.isSafeInteger(eventId) && eventId > 0 ? await ctx.db.select().from(statusEvents).where(and(eq(statusEvents.id, eventId), eq(statusEvents.agreementId, agreement!.id))) : [];
  const kind = event ? decisionKindOf(event.type) : null;
  if (!kind) throw notFound('decision');
  requireRead(ctx, event, 'decision');
  const a = agreement!;
  return {
    agreement: { id: a.id, slug: a.slug, officialTitle: a.officialTitle, organisationId: a.organisationId, visibility: a.visibility, title: a.partyLabel && a.counterpartLabel ? `${a.partyLabel} – ${a.counterpartLabel}` : a.slug },
    decision: { id: event!.id, type: event!.type, kind: kind!, date: event!.date, decidingBody: event!.decidingBody, reference: event!.reference, caseNumber: event!.caseNumber },
  };
}

/** What the register says now about the agreement, as the caller reads it. */
export async function registerFacts(ctx: Context, agreementId: number, today: string): Promise<RegisterFacts> {
  const [activity, peers] = await Promise.all([recentActivity(ctx, agreementId, today), peerDecisions(ctx, agreementId)]);
  return { readOn: today, activity, peers };
}

const versionsOf = async (ctx: Context, eventId: number): Promise<BasisVersion[]> => {
  const rows = await ctx.db.select({ ...getTableColumns(decisionBases), savedByName: personName(decisionBases.savedBy) }).from(decisionBases).where(eq(decisionBases.eventId, eventId)).orderBy(desc(decisionBases.version));
  return rows.map(({ eventId: _e, agreementId: _a, organisationId: _o, register, ...row }) => ({ ...row, register: register as RegisterFacts }));
};

/** The basis of a decision with every version, newest first. */
export async function getDecisionBasis({ ctx, slug, eventId }: { ctx: Context; slug: string; eventId: number }): Promise<DecisionBasis> {
  const found = await decisionOf(ctx, { slug }, eventId);
  return { ...found, versions: await versionsOf(ctx, found.decision.id) };
}

/** Saves the basis as a new version; `expectedVersion` is the one the writer saw (0: none yet). */
export async function saveDecisionBasis({ ctx, slug, eventId, input, today }: { ctx: Context; slug: string; eventId: number; input: SaveDecisionBasisInput; today: string }) {
  const { agreement, decision } = await decisionOf(ctx, { slug }, eventId);
  requireWrite(ctx, agreement.organisationId);
  const { expectedVersion, ...fields } = parseInput(saveDecisionBasisSchema, input);
  return inTransaction(ctx, async (ctx) => {
    // A basis is its keeper's, which a hand-over refuses to take along: the keeper read again, the row locked against one.
    const { organisationId } = await lockedForKeeper(ctx, agreement.id);
    // The event row is the lock: two savers number their versions one after the other.
    await ctx.db.select({ id: statusEvents.id }).from(statusEvents).where(eq(statusEvents.id, decision.id)).for('update');
    const [latest] = await ctx.db.select({ version: sql<number>`coalesce(max(${decisionBases.version}), 0)::int` }).from(decisionBases).where(eq(decisionBases.eventId, decision.id));
    const current = latest?.version ?? 0;
    if (expectedVersion !== current) {
      throw conflict(`the decision basis was saved by someone else (version ${current}, you saw ${expectedVersion})`, { version: current });
    }
    const register = await registerFacts(ctx, agreement.id, today);
    const [row] = await ctx.db
      .insert(decisionBases)
      .values({ ...fields, eventId: decision.id, agreementId: agreement.id, version: current + 1, register, savedBy: principalLabel(ctx.principal), organisationId })
      .returning();
    await audit(ctx, {
      action: 'decision_basis.save',
      entityType: 'decision_basis',
      entityId: row!.id,
      before: current ? { eventId: decision.id, version: current } : undefined,
      after: { ...fields, eventId: decision.id, agreementId: agreement.id, version: current + 1 },
      reason: fields.comment ?? undefined,
      organisationId: agreement.organisationId,
    });
    return row!;
  });
}
