import { z } from 'zod';
import { COUNTERPART_LEVELS, VISIBILITIES } from '../../db/schema.ts';
import { citationSchema, slugSchema } from '../sources/schemas.ts';
import { ENGLISH_NEEDS_NOTE, englishTranslatesNote } from '../validate.ts';

/** What a place's record says; creating and changing it take the same fields. */
const counterpartFields = {
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').default('CN'),
  nameLatin: z.string().trim().min(1, 'write the name in Latin letters').max(300, 'must be at most 300 characters'),
  nameNative: z.string().trim().max(300, 'must be at most 300 characters').nullish(),
  /** With tone marks, e.g. Sūzhōu. */
  namePinyin: z.string().trim().max(300, 'must be at most 300 characters').nullish(),
  /** Names it is also known by, found by search: exonyms and older romanisations such as Kanton. */
  otherNames: z.array(z.string().trim().min(1).max(300, 'must be at most 300 characters')).max(20, 'at most 20 other names').default([]),
  level: z.enum(COUNTERPART_LEVELS, { error: 'choose one of the levels' }),
  /** The slug of the place it lies in; none for a top-level place. */
  parent: slugSchema.nullish(),
  lat: z.number({ error: 'must be a number, e.g. 31.30' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').nullish(),
  lon: z.number({ error: 'must be a number, e.g. 120.62' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180').nullish(),
  /** An editorial note, in Swedish, and its English. */
  note: z.string().max(5000, 'must be at most 5000 characters').nullish(),
  noteEn: z.string().max(5000, 'must be at most 5000 characters').nullish(),
  visibility: z.enum(VISIBILITIES, { error: 'choose public, shared or internal' }).default('public'),
  /** Why, for the history (the audit entry's reason). */
  comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
};

/** A place is a point: both coordinates or neither. */
const wholePoint = (c: { lat?: number | null; lon?: number | null }) => (c.lat == null) === (c.lon == null);
const POINT_NEEDS_BOTH = { message: 'give both latitude and longitude, or neither', path: ['lon'] };

export const createCounterpartSchema = z
  .object({ slug: slugSchema, ...counterpartFields, sources: z.array(citationSchema).max(50).default([]) })
  .refine(wholePoint, POINT_NEEDS_BOTH)
  .refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);

/** A change states the whole record as it is to be, the version it was read at and, optionally, why. */
export const changeCounterpartSchema = z
  .strictObject({
    ...counterpartFields,
    // Unchanged when not given (the form does not ask: places move between countries rarely).
    countryCode: counterpartFields.countryCode.removeDefault().optional(),
    version: z.coerce.number().int().positive().optional(),
  })
  .refine(wholePoint, POINT_NEEDS_BOTH)
  .refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);
export type ChangeCounterpartInput = z.input<typeof changeCounterpartSchema>;
