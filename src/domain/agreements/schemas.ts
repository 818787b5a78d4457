import { z } from 'zod';
import { PARTY_ROLES, VISIBILITIES } from '../../db/schema.ts';
import { fuzzyDateSchema } from '../dates.ts';
import { citationSchema, slugSchema } from '../sources/schemas.ts';

const partySchema = z.union([
  slugSchema.transform((actor) => ({ actor, role: 'party' as const, note: null })),
  z.object({ actor: slugSchema, role: z.enum(PARTY_ROLES).default('party'), note: z.string().max(1000).nullish() }),
]);

export const createAgreementSchema = z.object({
  slug: slugSchema,
  kind: z.string().min(1).max(60),
  officialTitle: z.string().trim().max(2000).nullish(),
  signedOn: fuzzyDateSchema.nullish(),
  term: z.string().max(200).nullish(),
  renewalRule: z.string().max(2000).nullish(),
  endsOn: fuzzyDateSchema.nullish(),
  themes: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  funding: z.string().max(2000).nullish(),
  responsibleUnit: z.string().max(500).nullish(),
  parent: slugSchema.nullish(),
  summary: z.string().max(10000).nullish(),
  parties: z
    .array(partySchema)
    .min(1, 'an agreement has at least one Swedish party')
    .max(50)
    .refine((list) => list.some((p) => p.role === 'party'), 'one party must have the role "party"'),
  counterparts: z.array(slugSchema).min(1, 'an agreement has at least one counterpart').max(50),
  visibility: z.enum(VISIBILITIES).default('public'),
  sources: z.array(citationSchema).max(50).default([]),
});
export type CreateAgreementInput = z.input<typeof createAgreementSchema>;
