import { z } from 'zod';
import { END_MODES, EVENT_TYPES, REASON_CODES, REASON_STATED_BY, SIDES, VISIBILITIES } from '../../db/schema.ts';
import { fuzzyDateSchema } from '../dates.ts';
import { citationSchema } from '../sources/schemas.ts';

export const reasonSchema = z.object({
  code: z.enum(REASON_CODES),
  statedBy: z.enum(REASON_STATED_BY).default('decision_maker'),
  text: z.string().max(5000).nullish(),
  textEn: z.string().max(5000).nullish(),
}).refine((r) => r.code !== 'other' || (r.text && r.text.trim().length > 0), {
  message: 'a reason coded "other" needs its text',
  path: ['text'],
});

// Endings and pauses are decided (or come about by non-renewal, expiry, fading out).
const ENDING_TYPES = new Set(['ended', 'partly_ended', 'paused']);
const SIDED_TYPES = new Set(['ended', 'partly_ended', 'paused', 'resumed', 'established']);

export const recordEventSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    date: fuzzyDateSchema,
    side: z.enum(SIDES).nullish(),
    mode: z.enum(END_MODES).nullish(),
    decidingBody: z.string().max(500).nullish(),
    reference: z.string().max(200).nullish(),
    caseNumber: z.string().max(200).nullish(),
    note: z.string().max(10000).nullish(),
    noteEn: z.string().max(10000).nullish(),
    reasons: z.array(reasonSchema).max(20).default([]),
    visibility: z.enum(VISIBILITIES).default('public'),
    sources: z.array(citationSchema).max(50).default([]),
    /** The agreement version the writer saw; a different one is a conflict, not a lost edit. */
    expectedVersion: z.number().int().positive().nullish(),
    /** Why, in the writer's words: the audit entry's reason. */
    comment: z.string().trim().max(2000).nullish(),
  })
  .refine((e) => !e.mode || ENDING_TYPES.has(e.type), { message: 'only an ending or a pause has a mode', path: ['mode'] })
  .refine((e) => !e.side || SIDED_TYPES.has(e.type), { message: 'this kind of event has no side', path: ['side'] });
export type RecordEventInput = z.input<typeof recordEventSchema>;
