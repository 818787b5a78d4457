// The fields that name a delegation, on an incoming visit and on an
// invitation alike: its own name and its leading persons (personal data,
// read by signed-in people only: access.ts, canReadParticipantNames).
import { z } from 'zod';

export const delegationFields = {
  /** The delegation's own name, as it calls itself ("Shanghai Municipal Trade Delegation"). */
  delegationName: z.string().trim().max(500, 'is longer than 500 characters').transform((v) => v || null).nullish(),
  /** The persons who lead it, one name each, in the script they are written in (李明, Li Ming). */
  delegationPersons: z
    .array(z.string('write a name').trim().min(1, 'write a name, or leave the line out').max(300, 'is longer than 300 characters'), 'must be a list of names')
    .max(20, 'lists more than 20 persons')
    .default([]),
};
