// An agreement as its writer sees and sends it: the fields of create and
// change, with parties, places and parent by slug. What the edit form is
// filled with, what a conflict shows of the other person's save, and what
// the audit entry of a change holds before and after.
import { asc, eq } from 'drizzle-orm';
import { actors, agreementCounterparts, agreementParties, agreements, counterparts, type PartyRole, type Visibility } from '../../db/schema.ts';
import { requireRead, requireWrite } from '../access.ts';
import type { Context } from '../context.ts';
import type { PartyInput } from './references.ts';

export interface AgreementFields {
  kind: string;
  officialTitle: string | null;
  officialTitleLanguage: string | null;
  officialTitleEn: string | null;
  signedOn: string | null;
  term: string | null;
  renewalRule: string | null;
  termMonths: number | null;
  renewalMonths: number | null;
  noticeMonths: number | null;
  noticeDays: number | null;
  endsOn: string | null;
  themes: string[];
  themesEn: string[];
  funding: string | null;
  fundingEn: string | null;
  responsibleUnit: string | null;
  parent: string | null;
  summary: string | null;
  summaryEn: string | null;
  parties: PartyInput[];
  counterparts: string[];
  visibility: Visibility;
}

export const AGREEMENT_FIELDS = [
  'kind',
  'officialTitle',
  'officialTitleLanguage',
  'officialTitleEn',
  'signedOn',
  'term',
  'renewalRule',
  'termMonths',
  'renewalMonths',
  'noticeMonths',
  'noticeDays',
  'endsOn',
  'themes',
  'themesEn',
  'funding',
  'fundingEn',
  'responsibleUnit',
  'parent',
  'summary',
  'summaryEn',
  'parties',
  'counterparts',
  'visibility',
] as const satisfies ReadonlyArray<keyof AgreementFields>;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

type AgreementRow = typeof agreements.$inferSelect;

/** The agreement's fields as stored now (parties in a fixed order: role, then slug). */
export async function editableFields(ctx: Context, row: AgreementRow): Promise<AgreementFields> {
  const [parties, places, parent] = await Promise.all([
    ctx.db
      .select({ actor: actors.slug, role: agreementParties.role, note: agreementParties.note, noteEn: agreementParties.noteEn })
      .from(agreementParties)
      .innerJoin(actors, eq(actors.id, agreementParties.actorId))
      .where(eq(agreementParties.agreementId, row.id))
      .orderBy(asc(agreementParties.role), asc(actors.slug)),
    ctx.db
      .select({ slug: counterparts.slug })
      .from(agreementCounterparts)
      .innerJoin(counterparts, eq(counterparts.id, agreementCounterparts.counterpartId))
      .where(eq(agreementCounterparts.agreementId, row.id))
      .orderBy(asc(counterparts.id)),
    row.parentId === null ? Promise.resolve([]) : ctx.db.select({ slug: agreements.slug }).from(agreements).where(eq(agreements.id, row.parentId)),
  ]);
  return {
    kind: row.kind,
    officialTitle: row.officialTitle,
    officialTitleLanguage: row.officialTitleLanguage,
    officialTitleEn: row.officialTitleEn,
    signedOn: row.signedOn,
    term: row.term,
    renewalRule: row.renewalRule,
    termMonths: row.termMonths,
    renewalMonths: row.renewalMonths,
    noticeMonths: row.noticeMonths,
    noticeDays: row.noticeDays,
    endsOn: row.endsOn,
    themes: row.themes,
    themesEn: row.themesEn,
    funding: row.funding,
    fundingEn: row.fundingEn,
    responsibleUnit: row.responsibleUnit,
    parent: parent[0]?.slug ?? null,
    summary: row.summary,
    summaryEn: row.summaryEn,
    parties: parties.map((p) => ({ actor: p.actor, role: p.role as PartyRole, note: p.note, noteEn: p.noteEn })),
    counterparts: places.map((p) => p.slug),
    visibility: row.visibility,
  };
}

/** Whether two values of a field are the same; parties and places in any order. */
export function sameValue(field: AgreementField, a: unknown, b: unknown): boolean {
  const canonical = (v: unknown) => {
    if (field === 'parties') return JSON.stringify((v as PartyInput[]).map((p) => [p.actor, p.role, p.note ?? null, p.noteEn ?? null]).sort());
    if (field === 'counterparts') return JSON.stringify([...(v as string[])].sort());
    return JSON.stringify(v ?? null);
  };
  return canonical(a) === canonical(b);
}

/** An agreement to change: what its edit form shows. Not readable looks like absent; readable but not the writer's is FORBIDDEN. */
export async function agreementForEditing({ ctx, slug }: { ctx: Context; slug: string }) {
  const [row] = await ctx.db.select().from(agreements).where(eq(agreements.slug, slug));
  requireWrite(ctx, requireRead(ctx, row, 'agreement').organisationId);
  return { id: row!.id, slug: row!.slug, version: row!.version, organisationId: row!.organisationId, currentStatus: row!.currentStatus, partyLabel: row!.partyLabel, counterpartLabel: row!.counterpartLabel, fields: await editableFields(ctx, row!) };
}
export type AgreementForEditing = Awaited<ReturnType<typeof agreementForEditing>>;
