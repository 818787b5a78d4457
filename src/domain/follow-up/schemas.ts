import { z } from 'zod';
import { FOLLOW_UP_STATES } from '../../db/schema.ts';
import { isoDaySchema } from '../dates.ts';
import { reasonSchema } from '../documents/schemas.ts';

/** A point raised at an activity: what is to be done, by whom (an editor of the organisation, by e-mail address) and by when. */
export const addFollowUpPointSchema = z.strictObject({
  text: z.string('write what is to be done').trim().min(1, 'write what is to be done').max(2000, 'is longer than 2000 characters'),
  owner: z.string('give the e-mail address of the person responsible').trim().toLowerCase().max(254, 'is longer than 254 characters').pipe(z.email('must be the e-mail address of a person in the organisation, e.g. namn@kommun.se')),
  dueOn: isoDaySchema,
  reason: reasonSchema,
});
export type AddFollowUpPointInput = z.input<typeof addFollowUpPointSchema>;

/** Done or dropped, with a comment; or open again. Carries the version the page showed. */
export const closeFollowUpPointSchema = z.strictObject({
  state: z.enum(FOLLOW_UP_STATES, 'must be open, done or dropped'),
  comment: z.string().trim().max(2000, 'is longer than 2000 characters').transform((v) => v || null).nullish(),
  expectedVersion: z.coerce.number('must be a version number').int().positive().optional(),
});
export type CloseFollowUpPointInput = z.input<typeof closeFollowUpPointSchema>;
