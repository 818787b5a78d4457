import { z } from 'zod';
import { reasonSchema } from '../documents/schemas.ts';

/** Free text that may be left empty (a form sends '' for an empty field). */
const optionalText = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`).transform((v) => v || null).nullish();

export const contactSchema = z.object({
  name: z.string('write the name').trim().min(1, 'write the name').max(200, 'is longer than 200 characters'),
  /** Their role or title at the body: "internationell strateg". */
  role: optionalText(200),
  email: z
    .string()
    .trim()
    .max(254)
    .transform((v) => v.toLowerCase())
    .pipe(z.union([z.literal(''), z.email('must be an e-mail address, e.g. namn@kommun.se')]))
    .transform((v) => v || null)
    .nullish(),
  phone: z
    .string()
    .trim()
    .max(40, 'is longer than 40 characters')
    .regex(/^(\+?[0-9][0-9 ()-]{4,38})?$/, 'must be a phone number: digits, spaces and + - ( ), e.g. 031-365 00 00')
    .transform((v) => v || null)
    .nullish(),
  reason: reasonSchema,
});
export type ContactInput = z.input<typeof contactSchema>;

/** A change carries the version the form was opened at. */
export const changeContactSchema = contactSchema.extend({ expectedVersion: z.coerce.number('must be a version number').int().positive().optional() });
export const removeContactSchema = z.object({ reason: reasonSchema, expectedVersion: z.coerce.number().int().positive().optional() });
