import { z } from 'zod';
import { SOURCE_KINDS, VISIBILITIES } from '../../db/schema.ts';
import { fuzzyDateSchema } from '../dates.ts';
import { ENGLISH_NEEDS_NOTE, englishTranslatesNote } from '../validate.ts';

export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-{1,2}[a-z0-9]+)*$/, 'must be lower-case letters, digits and dashes');

/** A language as two letters (ISO 639-1): sv, en, zh. */
export const languageSchema = z.string().regex(/^[a-z]{2}$/, 'must be a language as two lower-case letters, such as sv, en or zh');

/** A source's fields as kept; the English note needs the Swedish one (the refinement below). */
const sourceFields = z.object({
  slug: slugSchema,
  kind: z.enum(SOURCE_KINDS, 'must be one of the kinds'),
  title: z.string('write the title').trim().min(1, 'write the title').max(2000, 'is longer than 2000 characters'),
  /** The title in English, where the source is not English. */
  titleEn: z.string().trim().max(2000, 'is longer than 2000 characters').transform((v) => v || null).nullish(),
  /** The language the source is written in. */
  language: languageSchema.default('sv'),
  author: z.string().max(500).nullish(),
  publisher: z.string().max(500).nullish(),
  published: fuzzyDateSchema.nullish(),
  url: z.url('must be a web address, e.g. https://www.kommun.se/protokoll').max(2000, 'is longer than 2000 characters').nullish(),
  archiveReference: z.string().max(200).nullish(),
  retrievedOn: fuzzyDateSchema.nullish(),
  seedFile: z.string().max(200).nullish(),
  seedPassage: z.string().max(500).nullish(),
  confidential: z.boolean().default(false),
  /** An editorial note in Swedish, and its English. */
  note: z.string().max(5000).nullish(),
  noteEn: z.string().max(5000).nullish(),
  visibility: z.enum(VISIBILITIES, 'must be one of public, shared, internal').default('public'),
  /** The editor's comment on the change, kept in the audit log. */
  reason: z.string().trim().max(2000).transform((v) => v || null).nullish(),
});
export const createSourceSchema = sourceFields.refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);

/**
 * A source changed in the browser or over the API: what an editor keeps
 * (not its slug, nor where the shipped data found it), every field as it is
 * to be, at the version the form was opened at.
 */
export const changeSourceFields = sourceFields.omit({ slug: true, seedFile: true, seedPassage: true, retrievedOn: true }).extend({
  language: languageSchema,
  confidential: z.boolean(),
  visibility: z.enum(VISIBILITIES, 'must be one of public, shared, internal'),
  expectedVersion: z.coerce.number('must be a version number').int().positive().optional(),
});
export const changeSourceSchema = changeSourceFields.refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);
export type ChangeSourceInput = z.input<typeof changeSourceSchema>;

/** A fact's reference to a source, by the source's slug, with the passage. */
export const citationSchema = z.object({
  source: slugSchema,
  passage: z.string().max(1000).nullish(),
  /** Ortsband's English of the passage, where the passage is not English; it needs the passage. */
  passageEn: z.string().max(1000).nullish(),
}).refine((c) => !c.passageEn || c.passage, { message: 'an English passage needs the passage it translates', path: ['passageEn'] });
export type CitationInput = z.infer<typeof citationSchema>;

/** Cites a source on an agreement or on one of its status events, with the passage. */
export const citeSourceSchema = z.object({
  source: slugSchema,
  /** `agreement`, or the id of one of the agreement's status events. */
  on: z.union([z.literal('agreement'), z.coerce.number().int().positive()], 'choose the agreement or one of its events'),
  passage: z.string().trim().max(1000, 'is longer than 1000 characters').transform((v) => v || null).nullish(),
  /** Ortsband's English of the passage, where the source is not English. */
  passageEn: z.string().trim().max(1000, 'is longer than 1000 characters').transform((v) => v || null).nullish(),
  reason: z.string().trim().max(2000).transform((v) => v || null).nullish(),
  /** The agreement's version the form was opened at. */
  expectedVersion: z.coerce.number().int().positive().optional(),
});
export type CiteSourceInput = z.input<typeof citeSourceSchema>;

/** A citation's passage changed, at the agreement's version the form was opened at. */
export const changeCitationSchema = citeSourceSchema.pick({ passage: true, passageEn: true, reason: true, expectedVersion: true });
export type ChangeCitationInput = z.input<typeof changeCitationSchema>;
/** A citation removed: the comment and the version only. */
export const removeCitationSchema = citeSourceSchema.pick({ reason: true, expectedVersion: true });
