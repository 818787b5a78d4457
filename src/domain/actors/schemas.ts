import { z } from 'zod';
import { ACTOR_KINDS, SUCCESSION_KINDS, VISIBILITIES } from '../../db/schema.ts';
import { fuzzyDateSchema } from '../dates.ts';
import { citationSchema, slugSchema } from '../sources/schemas.ts';
import { ENGLISH_NEEDS_NOTE, englishTranslatesNote } from '../validate.ts';

export const createActorSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1).max(300),
  /** Names it is also known by, found by search: exonyms such as Gothenburg. */
  otherNames: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  kind: z.enum(ACTOR_KINDS),
  municipalityCode: z.string().regex(/^\d{4}$/, 'must be SCB\'s 4-digit kommunkod').nullish(),
  countyCode: z.string().regex(/^\d{2}$/, 'must be SCB\'s 2-digit länskod').nullish(),
  existedFrom: fuzzyDateSchema.nullish(),
  existedTo: fuzzyDateSchema.nullish(),
  seatLat: z.number().min(-90).max(90).nullish(),
  seatLon: z.number().min(-180).max(180).nullish(),
  /** An editorial note, in Swedish, and its English. */
  note: z.string().max(5000).nullish(),
  noteEn: z.string().max(5000).nullish(),
  visibility: z.enum(VISIBILITIES).default('public'),
  sources: z.array(citationSchema).max(50).default([]),
}).refine((a) => !a.municipalityCode || !a.countyCode || a.municipalityCode.startsWith(a.countyCode), {
  message: 'a kommunkod starts with the länskod of its county',
  path: ['municipalityCode'],
}).refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);

export const createSuccessionSchema = z.object({
  predecessor: slugSchema,
  successor: slugSchema,
  kind: z.enum(SUCCESSION_KINDS),
  date: fuzzyDateSchema.nullish(),
  note: z.string().max(5000).nullish(),
  noteEn: z.string().max(5000).nullish(),
  sources: z.array(citationSchema).max(50).default([]),
}).refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);
