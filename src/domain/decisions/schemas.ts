import { z } from 'zod';
// Whole kronor, as the activities' costs are kept, with the same messages.
import { kronor } from '../activities/create.ts';

const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);
/** A free text that may be left empty: empty is none. */
const optionalText = (max: number) => text(max).transform((v) => v || null).nullish();

/** What the people preparing the decision write; the register's part is computed, not sent. */
export const saveDecisionBasisSchema = z
  .object({
    purpose: text(10000).min(1, 'write the purpose of the agreement and what the decision is to achieve'),
    expectedBenefit: optionalText(10000),
    costsSoFarSek: kronor,
    costsPlannedSek: kronor,
    costsNote: optionalText(5000),
    counterpartDescription: optionalText(10000),
    democracyHumanRights: optionalText(10000),
    securityAdviceSought: z.boolean({ error: 'say whether security advice was sought (yes or no)' }),
    securityAdviceFrom: optionalText(1000),
    personalData: optionalText(10000),
    exportControl: optionalText(10000),
    /** The version of the basis the writer saw: 0 before the first. Another one is a conflict, not a lost edit. */
    expectedVersion: z.number({ error: 'must be the version number the form was opened at' }).int().min(0),
    /** Why this version, in the writer's words: kept with it and in the audit entry. */
    comment: optionalText(2000),
  })
  .strict()
  .refine((b) => !b.securityAdviceSought || !!b.securityAdviceFrom, { message: 'name whom the security advice was sought from', path: ['securityAdviceFrom'] })
  .refine((b) => b.securityAdviceSought || !b.securityAdviceFrom, { message: 'security advice was not sought: leave whom it was sought from empty, or answer yes', path: ['securityAdviceFrom'] });
export type SaveDecisionBasisInput = z.input<typeof saveDecisionBasisSchema>;

/** The fields a person writes, in the order of the form and the annex. */
export const DECISION_BASIS_FIELDS = [
  'purpose',
  'expectedBenefit',
  'costsSoFarSek',
  'costsPlannedSek',
  'costsNote',
  'counterpartDescription',
  'democracyHumanRights',
  'securityAdviceSought',
  'securityAdviceFrom',
  'personalData',
  'exportControl',
] as const;
export type DecisionBasisField = (typeof DECISION_BASIS_FIELDS)[number];
