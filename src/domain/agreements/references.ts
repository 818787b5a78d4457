// What an agreement refers to by slug (its kind, parties, places and parent
// agreement), looked up once for create and change: every slug that is not
// there, or that the writer may not read, is a problem naming its field.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { actors, agreementKinds, agreements, counterparts, type PartyRole } from '../../db/schema.ts';
import { canReadRow } from '../access.ts';
import type { Context } from '../context.ts';
import { invalid, type FieldProblem } from '../errors.ts';

export interface PartyInput {
  actor: string;
  role: PartyRole;
  note: string | null;
  noteEn: string | null;
}

export interface ResolvedReferences {
  actorIds: Map<string, number>;
  placeIds: Map<string, number>;
  /** The parent agreement's id: null for none, undefined when not asked for. */
  parentId: number | null | undefined;
}

/**
 * Finds the ids of what an agreement refers to. `linked`: what the agreement
 * refers to already, kept even where the writer may not read it (a change
 * does not drop a party it cannot see; it cannot add one either).
 * `self`: the agreement being changed, which may not be its own ancestor.
 */
export async function resolveReferences(
  ctx: Context,
  refs: { kind?: string; parties?: PartyInput[]; counterparts?: string[]; parent?: string | null },
  options: { self?: number; linked?: { actors: string[]; places: string[]; parent: string | null } } = {},
): Promise<ResolvedReferences> {
  const problems: FieldProblem[] = [];
  const { linked } = options;
  if (refs.kind !== undefined) {
    const [kind] = await ctx.db.select({ code: agreementKinds.code }).from(agreementKinds).where(eq(agreementKinds.code, refs.kind));
    if (!kind) problems.push({ field: 'kind', message: `no agreement kind '${refs.kind}'` });
  }

  const actorIds = new Map<string, number>();
  if (refs.parties?.length) {
    const slugs = [...new Set(refs.parties.map((p) => p.actor))];
    const rows = await ctx.db
      .select({ id: actors.id, slug: actors.slug })
      .from(actors)
      .where(and(inArray(actors.slug, slugs), or(canReadRow(ctx.principal, actors.visibility, actors.organisationId), linked?.actors.length ? inArray(actors.slug, linked.actors) : undefined)));
    for (const r of rows) actorIds.set(r.slug, r.id);
    const seen = new Set<string>();
    refs.parties.forEach((p, i) => {
      if (!actorIds.has(p.actor)) problems.push({ field: `parties.${i}.actor`, message: `no actor '${p.actor}'` });
      else if (seen.has(`${p.actor}|${p.role}`)) problems.push({ field: `parties.${i}.actor`, message: `'${p.actor}' is given twice with the same role` });
      seen.add(`${p.actor}|${p.role}`);
    });
  }

  const placeIds = new Map<string, number>();
  if (refs.counterparts?.length) {
    const rows = await ctx.db
      .select({ id: counterparts.id, slug: counterparts.slug })
      .from(counterparts)
      .where(
        and(
          inArray(counterparts.slug, [...new Set(refs.counterparts)]),
          or(canReadRow(ctx.principal, counterparts.visibility, counterparts.organisationId), linked?.places.length ? inArray(counterparts.slug, linked.places) : undefined),
        ),
      );
    for (const r of rows) placeIds.set(r.slug, r.id);
    const seen = new Set<string>();
    refs.counterparts.forEach((slug, i) => {
      if (!placeIds.has(slug)) problems.push({ field: `counterparts.${i}`, message: `no counterpart '${slug}'` });
      else if (seen.has(slug)) problems.push({ field: `counterparts.${i}`, message: `'${slug}' is given twice` });
      seen.add(slug);
    });
  }

  let parentId: number | null | undefined;
  if (refs.parent === null) parentId = null;
  else if (refs.parent !== undefined) {
    const readable = canReadRow(ctx.principal, agreements.visibility, agreements.organisationId);
    const [p] = await ctx.db
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.slug, refs.parent), linked?.parent === refs.parent ? sql`true` : readable));
    if (!p) problems.push({ field: 'parent', message: `no agreement '${refs.parent}'` });
    else if (options.self !== undefined && (await isAncestorOrSelf(ctx, options.self, p.id))) {
      problems.push({ field: 'parent', message: `'${refs.parent}' lies under this agreement (or is it): an agreement cannot be its own parent` });
    } else parentId = p.id;
  }

  if (problems.length) throw invalid(problems);
  return { actorIds, placeIds, parentId };
}

/** Whether `candidate` is `self` or lies under it: making it the parent of `self` would close a cycle. */
async function isAncestorOrSelf(ctx: Context, self: number, candidate: number): Promise<boolean> {
  // `union` (not `union all`) stops on a cycle already stored.
  const rows = await queryRows<{ hit: number }>(
    ctx.db,
    sql`with recursive up(id, parent_id) as (
          select id, parent_id from agreements where id = ${candidate}
          union select a.id, a.parent_id from agreements a join up on a.id = up.parent_id)
        select 1 as hit from up where id = ${self} limit 1`,
  );
  return rows.length > 0;
}
