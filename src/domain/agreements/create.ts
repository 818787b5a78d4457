import { eq } from 'drizzle-orm';
import { agreementCounterparts, agreementParties, agreements } from '../../db/schema.ts';
import { requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict } from '../errors.ts';
import { cite } from '../sources/cite.ts';
import { parseInput } from '../validate.ts';
import { resolveReferences } from './references.ts';
import { refreshLabelCaches, refreshStatusCaches } from './refresh-caches.ts';
import { createAgreementSchema, type CreateAgreementInput } from './schemas.ts';

/** Creates an agreement with its parties; its status comes from events recorded after. */
export async function createAgreement({ ctx, input, organisationId }: { ctx: Context; input: CreateAgreementInput; organisationId: number }) {
  requireWrite(ctx, organisationId);
  const { parties: given, counterparts: places, parent, sources, comment, ...data } = parseInput(createAgreementSchema, input);
  const parties = given.map((p) => ({ actor: p.actor, role: p.role, note: p.note ?? null, noteEn: p.noteEn ?? null }));
  return inTransaction(ctx, async (ctx) => {
    const refs = await resolveReferences(ctx, { kind: data.kind, parties, counterparts: places, parent: parent ?? null });
    const clash = await ctx.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.slug, data.slug));
    if (clash.length) throw conflict(`an agreement '${data.slug}' exists already`);

    const [row] = await ctx.db.insert(agreements).values({ ...data, parentId: refs.parentId ?? null, organisationId }).returning();
    const id = row!.id;
    await ctx.db.insert(agreementParties).values(parties.map((p) => ({ agreementId: id, actorId: refs.actorIds.get(p.actor)!, role: p.role, note: p.note, noteEn: p.noteEn })));
    await ctx.db.insert(agreementCounterparts).values(places.map((slug) => ({ agreementId: id, counterpartId: refs.placeIds.get(slug)! })));
    await cite(ctx, 'agreement', id, sources);
    await refreshLabelCaches(ctx, id);
    await refreshStatusCaches(ctx, id);
    await audit(ctx, {
      action: 'agreement.create',
      entityType: 'agreement',
      entityId: id,
      after: { ...row, parties, counterparts: places, parent: parent ?? null },
      reason: comment ?? undefined,
      organisationId,
    });
    return row!;
  });
}
