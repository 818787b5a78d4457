// Inputs of the account verbs: organisations and the people who work for them.
import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { slugSchema } from '../sources/schemas.ts';

/** An e-mail address as the register keeps it: trimmed, in lower case. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((value) => value.toLowerCase())
  .pipe(z.email({ error: 'must be an e-mail address, e.g. namn@kommun.se' }));

export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

// NIST SP 800-63B: at least 8 characters, and allow long passphrases; 12 here
// since nothing else (no second factor) stands beside a local password.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { error: `must be at most ${PASSWORD_MAX} characters` });

export const addOrganisationSchema = z.strictObject({
  slug: slugSchema,
  name: z.string().trim().min(1, 'write the name').max(300, 'must be at most 300 characters'),
  /** The Swedish body this organisation is: an actor's slug, SCB municipality code or name. Absent for a national body. */
  actor: z.string().trim().min(1).max(300).optional(),
  /** Why, for the history (the audit entry's reason). */
  comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
});

export const addUserSchema = z.strictObject({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  /** The organisation's slug. */
  organisation: slugSchema,
  role: roleSchema,
  /** Optional: a person who signs in only through OpenID Connect has none. */
  password: passwordSchema.optional(),
});

export const changeUserSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
  /** The version the change was decided at (a form's); a user changed since is a conflict. */
  version: z.coerce.number().int().positive().optional(),
});
