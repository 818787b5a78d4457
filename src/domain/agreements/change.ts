import { eq, sql } from 'drizzle-orm';
import { agreementCounterparts, agreementParties, agreements } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { AGREEMENT_FIELDS, editableFields, sameValue, type AgreementField, type AgreementFields } from './editable.ts';
import { resolveReferences } from './references.ts';
import { refreshLabelCaches, refreshStatusCaches, withdrawStatusPeriods } from './refresh-caches.ts';
import { changeAgreementSchema, englishProblems, termProblems, type ChangeAgreementInput } from './schemas.ts';

/** What a conflict carries: the agreement as the other person saved it. */
export interface SavedAgreement {
  version: number;
  fields: AgreementFields;
}

/**
 * Changes an agreement's fields; a field not given stays as it is. The
 * writer sends the version they saw: another one is a CONFLICT that carries
 * the agreement as it is now (SavedAgreement), so that the form can show the
 * other person's change beside the writer's. A save that changes nothing
 * writes nothing.
 */
export async function changeAgreement({ ctx, slug, input }: { ctx: Context; slug: string; input: ChangeAgreementInput }) {
  const { expectedVersion, comment, ...given } = parseInput(changeAgreementSchema, input);
  return inTransaction(ctx, async (ctx) => {
    // Locked: two writers of the same agreement save one after the other, and the second sees the first's version.
    const [row] = await ctx.db.select().from(agreements).where(eq(agreements.slug, slug)).for('update');
    requireWrite(ctx, requireRead(ctx, row, 'agreement').organisationId);
    const agreement = row!;
    const before = await editableFields(ctx, agreement);
    if (expectedVersion !== agreement.version) {
      const saved: SavedAgreement = { version: agreement.version, fields: before };
      throw conflict(`the agreement was changed by someone else (version ${agreement.version}, you saw ${expectedVersion})`, saved);
    }

    const parties = given.parties?.map((p) => ({ actor: p.actor, role: p.role, note: p.note ?? null, noteEn: p.noteEn ?? null }));
    const refs = await resolveReferences(
      ctx,
      { kind: given.kind, parties, counterparts: given.counterparts, parent: given.parent },
      { self: agreement.id, linked: { actors: before.parties.map((p) => p.actor), places: before.counterparts, parent: before.parent } },
    );
    const after: AgreementFields = { ...before };
    for (const field of AGREEMENT_FIELDS) {
      const value = field === 'parties' ? parties : given[field];
      if (value !== undefined) (after as unknown as Record<AgreementField, unknown>)[field] = value;
    }
    const english = [...englishProblems(after), ...termProblems(after)];
    if (english.length) throw invalid(english.map(([field, message]) => ({ field, message })));
    const changed = AGREEMENT_FIELDS.filter((f) => !sameValue(f, before[f], after[f]));
    if (!changed.length) return { agreement, changed };

    // The status periods were counted under the old visibility; take them out before it changes.
    if (changed.includes('visibility')) await withdrawStatusPeriods(ctx, agreement.id);
    const [updated] = await ctx.db
      .update(agreements)
      .set({
        kind: after.kind,
        officialTitle: after.officialTitle,
        officialTitleLanguage: after.officialTitleLanguage,
        officialTitleEn: after.officialTitleEn,
        signedOn: after.signedOn,
        term: after.term,
        renewalRule: after.renewalRule,
        termMonths: after.termMonths,
        renewalMonths: after.renewalMonths,
        noticeMonths: after.noticeMonths,
        noticeDays: after.noticeDays,
        endsOn: after.endsOn,
        themes: after.themes,
        themesEn: after.themesEn,
        funding: after.funding,
        fundingEn: after.fundingEn,
        responsibleUnit: after.responsibleUnit,
        ...(refs.parentId !== undefined ? { parentId: refs.parentId } : {}),
        summary: after.summary,
        summaryEn: after.summaryEn,
        visibility: after.visibility,
        version: sql`${agreements.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(agreements.id, agreement.id))
      .returning();
    if (changed.includes('parties')) {
      await ctx.db.delete(agreementParties).where(eq(agreementParties.agreementId, agreement.id));
      await ctx.db.insert(agreementParties).values(after.parties.map((p) => ({ agreementId: agreement.id, actorId: refs.actorIds.get(p.actor)!, role: p.role, note: p.note, noteEn: p.noteEn })));
    }
    if (changed.includes('counterparts')) {
      await ctx.db.delete(agreementCounterparts).where(eq(agreementCounterparts.agreementId, agreement.id));
      await ctx.db.insert(agreementCounterparts).values(after.counterparts.map((slug) => ({ agreementId: agreement.id, counterpartId: refs.placeIds.get(slug)! })));
    }
    // Labels follow the parties, places and title; the status caches are made of what every reader of the agreement may read, which its visibility decides.
    await refreshLabelCaches(ctx, agreement.id);
    await refreshStatusCaches(ctx, agreement.id);
    const pick = (fields: AgreementFields, version: number) => ({ ...Object.fromEntries(changed.map((f) => [f, fields[f]])), version });
    await audit(ctx, {
      action: 'agreement.change',
      entityType: 'agreement',
      entityId: agreement.id,
      before: pick(before, agreement.version),
      after: pick(after, updated!.version),
      reason: comment ?? undefined,
      organisationId: agreement.organisationId,
    });
    return { agreement: updated!, changed };
  });
}
