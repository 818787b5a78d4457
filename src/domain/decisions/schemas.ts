import { z } from 'zod';
import { RISK_LEVELS } from '../../db/schema.ts';
// Whole kronor, as the activities' costs are kept, with the same messages.
import { kronor } from '../activities/create.ts';

const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);
/** A free text that may be left empty: empty is none. */
const optionalText = (max: number) => text(max).transform((v) => v || null).nullish();

/**
 * The risk grading's areas, in the order of the form and the annex: the four
 * the basis asks about in free text, and two the national China centre's
 * report gives as reasons bodies ended or paused cooperation (seed 001,
 * "Lokal frost i relationerna": a worsened view of China that officials now
 * have to defend ties against, and the state's threats of economic
 * sanctions set against the economic benefits the report says a decision
 * weighs).
 */
export const RISK_AREAS = ['democracyHumanRights', 'security', 'personalData', 'exportControl', 'reputation', 'finances'] as const;
export type RiskArea = (typeof RISK_AREAS)[number];
export type RiskLevelField = `risk${Capitalize<RiskArea>}Level`;
export type RiskJustificationField = `risk${Capitalize<RiskArea>}Justification`;

/** An area's two fields: its level and the justification. */
export function riskFieldsOf(area: RiskArea): { level: RiskLevelField; justification: RiskJustificationField } {
  const name = `risk${area.charAt(0).toUpperCase()}${area.slice(1)}` as `risk${Capitalize<RiskArea>}`;
  return { level: `${name}Level`, justification: `${name}Justification` };
}

/** Every field of the grading, each area's level then its justification. */
export const RISK_FIELDS = RISK_AREAS.flatMap((area) => {
  const { level, justification } = riskFieldsOf(area);
  return [level, justification];
}) as Array<RiskLevelField | RiskJustificationField>;

/** A level left out is not assessed: the grading is asked for, not required. */
function riskGradingShape() {
  const level = z.enum(RISK_LEVELS, { error: `must be one of ${RISK_LEVELS.join(', ')}` }).default('not_assessed');
  const shape = {} as Record<RiskLevelField, typeof level> & Record<RiskJustificationField, ReturnType<typeof optionalText>>;
  for (const area of RISK_AREAS) {
    const fields = riskFieldsOf(area);
    shape[fields.level] = level;
    shape[fields.justification] = optionalText(2000);
  }
  return shape;
}

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
    ...riskGradingShape(),
    /** The version of the basis the writer saw: 0 before the first. Another one is a conflict, not a lost edit. */
    expectedVersion: z.number({ error: 'must be the version number the form was opened at' }).int().min(0),
    /** Why this version, in the writer's words: kept with it and in the audit entry. */
    comment: optionalText(2000),
  })
  .strict()
  .refine((b) => !b.securityAdviceSought || !!b.securityAdviceFrom, { message: 'name whom the security advice was sought from', path: ['securityAdviceFrom'] })
  .refine((b) => b.securityAdviceSought || !b.securityAdviceFrom, { message: 'security advice was not sought: leave whom it was sought from empty, or answer yes', path: ['securityAdviceFrom'] })
  // Also when another field has a problem: every problem of the form is named at once, not one round after another.
  .superRefine(
    (b, ctx) => {
      for (const area of RISK_AREAS) {
        const { level, justification } = riskFieldsOf(area);
        if (b[level] === 'high' && !(typeof b[justification] === 'string' && b[justification].trim())) ctx.addIssue({ code: 'custom', message: 'say why the risk is high', path: [justification] });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
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
