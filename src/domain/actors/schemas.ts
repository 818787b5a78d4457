import { z } from 'zod';
import { ACTOR_KINDS, SUCCESSION_KINDS, VISIBILITIES } from '../../db/schema.ts';
import { isCounty, NO_SUCH_COUNTY } from '../counties.ts';
import { fuzzyDateSchema } from '../dates.ts';
import { citationSchema, slugSchema } from '../sources/schemas.ts';
import { ENGLISH_NEEDS_NOTE, englishTranslatesNote } from '../validate.ts';

/** What an actor's record says about the body; creating and changing it take the same fields. */
const actorFields = {
  name: z.string().trim().min(1, 'write the name').max(300, 'must be at most 300 characters'),
  /** Names it is also known by, found by search: exonyms such as Gothenburg. */
  otherNames: z.array(z.string().trim().min(1).max(300, 'must be at most 300 characters')).max(20, 'at most 20 other names').default([]),
  kind: z.enum(ACTOR_KINDS, { error: 'choose one of the kinds' }),
  municipalityCode: z.string().regex(/^\d{4}$/, 'must be SCB\'s 4-digit kommunkod').nullish(),
  countyCode: z
    .string()
    .regex(/^\d{2}$/, 'must be SCB\'s 2-digit länskod')
    .refine(isCounty, NO_SUCH_COUNTY)
    .nullish(),
  existedFrom: fuzzyDateSchema.nullish(),
  existedTo: fuzzyDateSchema.nullish(),
  seatLat: z.number({ error: 'must be a number, e.g. 57.71' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').nullish(),
  seatLon: z.number({ error: 'must be a number, e.g. 11.97' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180').nullish(),
  /** An editorial note, in Swedish, and its English. */
  note: z.string().max(5000, 'must be at most 5000 characters').nullish(),
  noteEn: z.string().max(5000, 'must be at most 5000 characters').nullish(),
  visibility: z.enum(VISIBILITIES, { error: 'choose public, shared or internal' }).default('public'),
};

const codeMatchesCounty = (a: { municipalityCode?: string | null; countyCode?: string | null }) => !a.municipalityCode || !a.countyCode || a.municipalityCode.startsWith(a.countyCode);
const CODE_IN_COUNTY = { message: 'a kommunkod starts with the länskod of its county', path: ['municipalityCode'] };
/** A seat is a point: both coordinates or neither. */
const wholeSeat = (a: { seatLat?: number | null; seatLon?: number | null }) => (a.seatLat == null) === (a.seatLon == null);
const SEAT_NEEDS_BOTH = { message: 'give both latitude and longitude, or neither', path: ['seatLon'] };

export const createActorSchema = z
  .object({
    slug: slugSchema,
    ...actorFields,
    sources: z.array(citationSchema).max(50).default([]),
    /** Why, for the history (the audit entry's reason). */
    comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
  })
  .refine(codeMatchesCounty, CODE_IN_COUNTY)
  .refine(wholeSeat, SEAT_NEEDS_BOTH)
  .refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);

/**
 * A change states the whole record as it is to be (a form's fields), the
 * version it was read at and, optionally, why.
 */
export const changeActorSchema = z
  .strictObject({
    ...actorFields,
    /** The version the form was opened at; an actor changed since is a conflict. */
    version: z.coerce.number().int().positive().optional(),
    comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
  })
  .refine(codeMatchesCounty, CODE_IN_COUNTY)
  .refine(wholeSeat, SEAT_NEEDS_BOTH)
  .refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE);
export type ChangeActorInput = z.input<typeof changeActorSchema>;

export const createSuccessionSchema = z.object({
  predecessor: slugSchema,
  successor: slugSchema,
  kind: z.enum(SUCCESSION_KINDS, { error: 'choose renamed, merged or took over' }),
  date: fuzzyDateSchema.nullish(),
  note: z.string().max(5000).nullish(),
  noteEn: z.string().max(5000).nullish(),
  sources: z.array(citationSchema).max(50).default([]),
  comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
}).refine(englishTranslatesNote, ENGLISH_NEEDS_NOTE)
  .refine((s) => s.predecessor !== s.successor, { message: 'a body cannot succeed itself', path: ['successor'] });
