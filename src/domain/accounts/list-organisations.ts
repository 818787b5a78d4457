import { asc, count, eq, sql } from 'drizzle-orm';
import { actors, organisations, users } from '../../db/schema.ts';
import { requireAdmin } from '../access.ts';
import { queryRows, type Executor } from '../../db/client.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';

/** Every organisation with the body it is (if any) and how many users it has. */
export async function listOrganisations({ ctx }: { ctx: Context }) {
  requireAdmin(ctx);
  return ctx.db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, actorSlug: actors.slug, actorName: actors.name, users: count(users.id) })
    .from(organisations)
    .leftJoin(actors, eq(actors.id, organisations.actorId))
    .leftJoin(users, eq(users.organisationId, organisations.id))
    .groupBy(organisations.id, actors.slug, actors.name)
    .orderBy(asc(organisations.slug));
}

/** How many months without a sign of life make an agreement of the organisation quiet (reminders/due.ts). */
export async function quietAfterMonthsOf(db: Executor, organisationId: number): Promise<number> {
  const [row] = await db.select({ months: organisations.quietAfterMonths }).from(organisations).where(eq(organisations.id, organisationId));
  if (!row) throw notFound('organisation');
  return row.months;
}

/** An organisation's id by its slug. */
export async function organisationIdOf(db: Executor, slug: string): Promise<number> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw notFound('organisation');
  return row.id;
}

/** An organisation's name by id ('' when there is none): who keeps a record, as pages and mail name it. */
export async function organisationName(db: Executor, organisationId: number): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db, sql`select name from organisations where id = ${organisationId}`);
  return row?.name ?? '';
}
