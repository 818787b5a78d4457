import { z } from 'zod';

const names = {
  nameSv: z.string().trim().min(1, 'write the Swedish name').max(200, 'must be at most 200 characters'),
  nameEn: z.string().trim().min(1, 'write the English name').max(200, 'must be at most 200 characters'),
  /** Why, for the history (the audit entry's reason). */
  comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
};

export const addAgreementKindSchema = z.strictObject({
  // The code agreements, imports and the API name the kind by: it never changes once made.
  code: z.string().trim().min(1, 'write a code').max(60, 'must be at most 60 characters').regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores, e.g. projektavtal'),
  ...names,
  /** A time-limited kind (like kommunalt partnerskap) is not counted as expired when its term runs out: the report's rule. */
  timeLimited: z.boolean({ error: 'say whether the kind is time-limited' }),
});

export const renameAgreementKindSchema = z.strictObject(names);
