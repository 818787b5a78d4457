import { eq, inArray } from 'drizzle-orm';
import {
  actors,
  agreementCounterparts,
  agreementKinds,
  agreementParties,
  agreements,
  counterparts,
} from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid, type FieldProblem } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { parseInput } from '../validate.ts';
import { refreshLabelCaches, refreshStatusCaches } from './refresh-caches.ts';
import { createAgreementSchema, type CreateAgreementInput } from './schemas.ts';

/** Creates an agreement with its parties; its status comes from events recorded after. */
export async function createAgreement({ ctx, input, organisationId }: { ctx: Context; input: CreateAgreementInput; organisationId: number }) {
  requireWrite(ctx, organisationId);
  const { parties, counterparts: places, parent, sources, ...data } = parseInput(createAgreementSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const problems: FieldProblem[] = [];
    const [kind] = await ctx.db.select().from(agreementKinds).where(eq(agreementKinds.code, data.kind));
    if (!kind) problems.push({ field: 'kind', message: `no agreement kind '${data.kind}'` });
    const actorRows = await ctx.db.select({ id: actors.id, slug: actors.slug }).from(actors).where(inArray(actors.slug, parties.map((p) => p.actor)));
    parties.forEach((p, i) => {
      if (!actorRows.some((a) => a.slug === p.actor)) problems.push({ field: `parties.${i}.actor`, message: `no actor '${p.actor}'` });
    });
    const placeRows = await ctx.db.select({ id: counterparts.id, slug: counterparts.slug }).from(counterparts).where(inArray(counterparts.slug, places));
    places.forEach((slug, i) => {
      if (!placeRows.some((c) => c.slug === slug)) problems.push({ field: `counterparts.${i}`, message: `no counterpart '${slug}'` });
    });
    let parentId: number | null = null;
    if (parent) {
      const [p] = await ctx.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.slug, parent));
      if (!p) problems.push({ field: 'parent', message: `no agreement '${parent}'` });
      else parentId = p.id;
    }
    if (problems.length) throw invalid(problems);
    const clash = await ctx.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.slug, data.slug));
    if (clash.length) throw conflict(`an agreement '${data.slug}' exists already`);

    const [row] = await ctx.db.insert(agreements).values({ ...data, parentId, organisationId }).returning();
    const id = row!.id;
    await ctx.db.insert(agreementParties).values(
      parties.map((p) => ({ agreementId: id, actorId: actorRows.find((a) => a.slug === p.actor)!.id, role: p.role, note: p.note ?? null, noteEn: p.noteEn ?? null })),
    );
    await ctx.db.insert(agreementCounterparts).values(placeRows.map((c) => ({ agreementId: id, counterpartId: c.id })));
    await cite(ctx, 'agreement', id, sources);
    await refreshLabelCaches(ctx, id);
    await refreshStatusCaches(ctx, id);
    await audit(ctx, { action: 'agreement.create', entityType: 'agreement', entityId: id, after: { ...row, parties, counterparts: places }, organisationId });
    return row!;
  });
}
