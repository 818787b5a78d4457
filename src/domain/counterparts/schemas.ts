import { z } from 'zod';
import { COUNTERPART_LEVELS, VISIBILITIES } from '../../db/schema.ts';
import { citationSchema, slugSchema } from '../sources/schemas.ts';
import { ENGLISH_NEEDS_NOTE, englishTranslatesNote } from '../validate.ts';

export const createCounterpartSchema = z.object({
  slug: slugSchema,
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').default('CN'),
  nameLatin: z.string().trim().min(1).max(300),
  nameNative: z.string().trim().max(300).nullish(),
  namePinyin: z.string().trim().max(300).nullish(),
  /** Names it is also known by, found by search: exonyms and older romanisations such as Kanton. */
  otherNames: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  level: z.enum(COUNTERPART_LEVELS),
  parent: slugSchema.nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lon: z.number().min(-180).max(180).nullish(),
  /** An editorial note, in Swedish, and its English. */
  note: z.string().max(5000).nullish(),
  noteEn: z.string().max(5000).nullish(),
  visibility: z.enum(VISIBILITIES).default('public'),
  sources: z.array(citationSchema).max(50).default([]),
}).refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);
