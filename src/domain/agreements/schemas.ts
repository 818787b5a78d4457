import { z } from 'zod';
import { ACTOR_KINDS, PARTY_ROLES, STATUSES, VISIBILITIES } from '../../db/schema.ts';
import { fuzzyDateSchema, isoDaySchema } from '../dates.ts';
import { citationSchema, languageSchema, slugSchema } from '../sources/schemas.ts';
import { ENGLISH_NEEDS_NOTE, englishTranslatesNote } from '../validate.ts';

const partySchema = z.union([
  slugSchema.transform((actor) => ({ actor, role: 'party' as const, note: null, noteEn: null })),
  z
    .object({ actor: slugSchema, role: z.enum(PARTY_ROLES).default('party'), note: z.string().max(1000).nullish(), noteEn: z.string().max(1000).nullish() })
    .refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE),
]);

/** A whole number of months, as the database's CHECK holds it. */
function months(what: string, min: number, max: number) {
  const error = 'must be a whole number of months';
  return z
    .number({ error })
    .int(error)
    .min(min, `must be ${min} or more months`)
    .max(max, `must be at most ${max} months`)
    .nullish()
    .describe(`The ${what} in months`);
}

// The fields an agreement is made of, as one writes them; create gives them
// defaults, a change takes any of them (an absent one stays as it is).
const agreementFields = {
  kind: z.string().min(1).max(60),
  officialTitle: z.string().trim().max(2000).nullish(),
  /** The language the official title is in (two letters), and its English where it is not English. */
  officialTitleLanguage: languageSchema.nullish(),
  officialTitleEn: z.string().trim().max(2000).nullish(),
  signedOn: fuzzyDateSchema.nullish(),
  term: z.string().max(200).nullish(),
  renewalRule: z.string().max(2000).nullish(),
  /** The term and renewal as numbers, where the source states them exactly (agreements/renewal-dates.ts reckons from them). */
  termMonths: months('term', 1, 1200),
  renewalMonths: months('renewal', 1, 1200),
  noticeMonths: months('notice', 0, 1200),
  noticeDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(0, 'must be 0 or more days')
    .max(36500, 'must be at most 36500 days')
    .nullish()
    .describe('Notice before a renewal in days (or noticeMonths; not both)'),
  endsOn: fuzzyDateSchema.nullish(),
  themes: z.array(z.string().trim().min(1).max(200)).max(50),
  /** The themes in English: one for each theme, in the same order, or none. */
  themesEn: z.array(z.string().trim().min(1).max(200)).max(50),
  funding: z.string().max(2000).nullish(),
  fundingEn: z.string().max(2000).nullish(),
  responsibleUnit: z.string().max(500).nullish(),
  parent: slugSchema.nullish(),
  summary: z.string().max(10000).nullish(),
  summaryEn: z.string().max(10000).nullish(),
  parties: z
    .array(partySchema)
    .min(1, 'an agreement has at least one Swedish party')
    .max(50)
    .refine((list) => list.length === 0 || list.some((p) => p.role === 'party'), 'one party must have the role "party"'),
  counterparts: z.array(slugSchema).min(1, 'an agreement has at least one counterpart').max(50),
  visibility: z.enum(VISIBILITIES),
};

/**
 * What is wrong with an agreement's English beside its Swedish: the themes'
 * English must match the themes one for one, and English needs its Swedish.
 * Checked on create, and on a change after the given fields are merged.
 */
export function englishProblems(a: { themes: string[]; themesEn: string[]; funding?: string | null; fundingEn?: string | null; officialTitle?: string | null; officialTitleEn?: string | null; officialTitleLanguage?: string | null }): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  if (a.themesEn.length && a.themesEn.length !== a.themes.length) problems.push(['themesEn', `must have one English theme for each theme (${a.themes.length}), in the same order, or none`]);
  if (a.fundingEn && !a.funding) problems.push(['fundingEn', 'English funding needs the funding it translates']);
  if ((a.officialTitleEn || a.officialTitleLanguage) && !a.officialTitle) problems.push([a.officialTitleEn ? 'officialTitleEn' : 'officialTitleLanguage', 'needs the official title']);
  return problems;
}

/**
 * What is wrong with an agreement's term, renewal and notice together (the
 * database's CHECKs, named by field): a renewal and a notice run from the
 * end of a term, and a notice is in months or in days.
 */
export function termProblems(a: { termMonths?: number | null; renewalMonths?: number | null; noticeMonths?: number | null; noticeDays?: number | null }): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const has = (v: number | null | undefined) => v !== null && v !== undefined;
  if (!has(a.termMonths)) {
    if (has(a.renewalMonths)) problems.push(['termMonths', 'a renewal needs the term it follows']);
    else if (has(a.noticeMonths) || has(a.noticeDays)) problems.push(['termMonths', 'a notice period needs the term it ends']);
  }
  if (has(a.noticeMonths) && has(a.noticeDays)) problems.push(['noticeDays', 'give the notice in months or in days, not both']);
  return problems;
}

/** Why a change was made, in the writer's words: the audit entry's reason, shown in the history. */
export const commentSchema = z.string().trim().max(2000).nullish();

/** Paths under /avtal/ that are pages, not agreements. */
const RESERVED_SLUGS = new Set(['ny']);

export const createAgreementSchema = z.object({
  slug: slugSchema.refine((slug) => !RESERVED_SLUGS.has(slug), 'is the address of a page; choose another'),
  ...agreementFields,
  themes: agreementFields.themes.default([]),
  themesEn: agreementFields.themesEn.default([]),
  visibility: agreementFields.visibility.default('public'),
  sources: z.array(citationSchema).max(50).default([]),
  comment: commentSchema,
}).superRefine((a, ctx) => {
  const problem = [...englishProblems(a), ...termProblems(a)];
  for (const [field, message] of problem) ctx.addIssue({ code: 'custom', path: [field], message });
});
export type CreateAgreementInput = z.input<typeof createAgreementSchema>;

export const changeAgreementSchema = z.strictObject({
  ...z.object(agreementFields).partial().shape,
  /** The version the writer saw; another one is a conflict, not a lost edit. */
  expectedVersion: z.number({ error: 'must be the version the form was opened at' }).int().positive(),
  comment: commentSchema,
});
export type ChangeAgreementInput = z.input<typeof changeAgreementSchema>;


export const LIST_SORTS = ['actor', '-actor', 'counterpart', '-counterpart', 'established', '-established', 'status'] as const;
export const STATUS_FILTERS = [...STATUSES, 'in_force'] as const;

/** The list's filters, as they arrive in a URL: every page and the API parse them here. */
export const listAgreementsSchema = z.strictObject({
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  actorKind: z.enum(ACTOR_KINDS).optional(),
  county: z.string().regex(/^\d{2}$/, 'must be a 2-digit länskod, e.g. 14').optional(),
  status: z.enum(STATUS_FILTERS).optional(),
  kind: z.string().regex(/^[a-z_]{1,60}$/, 'must be an agreement kind code, e.g. vanort').optional(),
  place: slugSchema.optional(),
  establishedFrom: z.coerce.number({ error: 'must be a year' }).int('must be a year').min(1900).max(2100).optional(),
  establishedTo: z.coerce.number({ error: 'must be a year' }).int('must be a year').min(1900).max(2100).optional(),
  on: isoDaySchema.optional(),
  sort: z.enum(LIST_SORTS).default('actor'),
  page: z.coerce.number({ error: 'must be a whole number from 1' }).int('must be a whole number from 1').min(1, 'must be 1 or more').max(100_000).default(1),
  pageSize: z.coerce.number({ error: 'must be a whole number from 1 to 100' }).int().min(1).max(100).default(50),
});
export type ListAgreementsInput = z.input<typeof listAgreementsSchema>;
export type ListAgreementsQuery = z.infer<typeof listAgreementsSchema>;
