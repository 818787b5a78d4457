// A contact surface's input, one schema for the form, the API and the
// exchange format: what it is (a coded kind), its titles and description,
// when (EDTF), the Swedish bodies and Chinese places it links (by slug or
// name), the sources it cites (by slug), and who may read it.
import { z } from 'zod';
import { CONTACT_SURFACE_KINDS, VISIBILITIES } from '../../db/schema.ts';
import { fuzzyDateSchema, parseFuzzyDate } from '../dates.ts';
import { reasonSchema } from '../documents/schemas.ts';
import { slugSchema } from '../sources/schemas.ts';

const text = (max: number) => z.string('must be text').trim().max(max, `is longer than ${max} characters`);
const optionalText = (max: number) => text(max).transform((v) => v || null).nullish();
const optionalDate = z.string('must be text').trim().transform((v) => v || null).pipe(fuzzyDateSchema.nullable()).nullish();
/** A register record named by its slug or its name, as a person writes it. */
const named = (what: string) => text(300).min(1, `write the ${what}`);

export const MAX_LINKS = 20;

export const contactSurfaceFields = z.object({
  kind: z.enum(CONTACT_SURFACE_KINDS, `must be one of ${CONTACT_SURFACE_KINDS.join(', ')}`),
  title: text(500).min(1, 'write the title'),
  titleEn: optionalText(500),
  description: optionalText(10_000),
  descriptionEn: optionalText(10_000),
  /** When it began or happened, at the precision known (EDTF). */
  date: optionalDate,
  /** When it ended, if it did (EDTF). */
  endDate: optionalDate,
  /** Swedish bodies of the register, by slug or name. */
  actors: z.array(named('name of a Swedish body'), 'must be a list').max(MAX_LINKS, `lists more than ${MAX_LINKS}`).default([]),
  /** Chinese places of the register, by slug or Latin name. */
  places: z.array(named('name of a Chinese place'), 'must be a list').max(MAX_LINKS, `lists more than ${MAX_LINKS}`).default([]),
  /** Sources it cites, by slug. */
  sources: z.array(slugSchema, 'must be a list').max(MAX_LINKS, `lists more than ${MAX_LINKS}`).default([]),
  visibility: z.enum(VISIBILITIES, 'must be one of public, shared, internal').default('shared'),
});

/** An English title or description translates the Swedish one; an end is not before the beginning. */
const consistent = (v: { titleEn?: string | null; description?: string | null; descriptionEn?: string | null; date?: string | null; endDate?: string | null }, ctx: z.RefinementCtx) => {
  if (v.descriptionEn && !v.description) ctx.addIssue({ code: 'custom', path: ['descriptionEn'], message: 'translates the description: write the Swedish description too' });
  if (v.date && v.endDate) {
    try {
      const [from, to] = [parseFuzzyDate(v.date), parseFuzzyDate(v.endDate)];
      if (from.min && to.max && to.max < from.min) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before the date it began' });
    } catch {
      // each date's own problem is already named by its field
    }
  }
};

export const createContactSurfaceSchema = contactSurfaceFields.superRefine(consistent);
export type CreateContactSurfaceInput = z.input<typeof createContactSurfaceSchema>;

/** The version the writer read: a whole number, or its digits as a form sends them (never an array or a boolean, which z.coerce would take). */
const version = z
  .union([z.number(), z.string().trim().regex(/^[0-9]{1,10}$/)], 'must be a version number')
  .transform(Number)
  .pipe(z.number().int('must be a version number').positive('must be a version number').max(2_147_483_647, 'must be a version number'));

/** A change names the version it was made at: a write that does not is refused, not taken as the latest. */
export const changeContactSurfaceSchema = contactSurfaceFields.extend({ reason: reasonSchema, expectedVersion: version }).superRefine(consistent);
export type ChangeContactSurfaceInput = z.input<typeof changeContactSurfaceSchema>;

export const removeContactSurfaceSchema = z.object({ reason: reasonSchema, expectedVersion: version });
export type RemoveContactSurfaceInput = z.input<typeof removeContactSurfaceSchema>;
