// Action plans through the API: the verbs the browser's plans page uses
// (domain/action-plans), as JSON. The writes keep the order of writes.ts: a
// write key (401, 403), the right to change the agreement the path names
// (404, 403), then the body (415, 413, 400 naming the field), then the verb.
// Each answers the plan as GET /api/agreements/{slug}/action-plans lists it,
// with its new version; a stale expectedVersion is 409 with the plan as the
// API shows it now (`current`).
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../db/client.ts';
import { addActionPlanGoal } from '../domain/action-plans/add-goal.ts';
import { changeActionPlan, changeActionPlanGoal, removeActionPlan, removeActionPlanGoal } from '../domain/action-plans/change.ts';
import { citePlanSource, removePlanCitation } from '../domain/action-plans/cite.ts';
import { createActionPlan } from '../domain/action-plans/create.ts';
import { linkActivityToGoal } from '../domain/action-plans/link.ts';
import { actionPlansOfAgreement } from '../domain/action-plans/list.ts';
import { reviewActionPlan } from '../domain/action-plans/review.ts';
import {
  changeActionPlanSchema,
  changeGoalSchema,
  citePlanSourceSchema,
  createActionPlanSchema,
  goalSchema,
  linkActivitySchema,
  removePlanPartSchema,
  reviewActionPlanSchema,
  type ChangeActionPlanInput,
  type ChangeGoalInput,
  type CitePlanSourceInput,
  type CreateActionPlanInput,
  type GoalInput,
  type LinkActivityInput,
  type RemovePlanPartInput,
  type ReviewActionPlanInput,
} from '../domain/action-plans/schemas.ts';
import { findWritableAgreement } from '../domain/agreements/writable.ts';
import type { Context } from '../domain/context.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { activitiesOfAgreement } from '../domain/follow-up/list.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import { idOf, recordWrite, type WritableAgreement } from './record-write.ts';
import { readJsonObject } from './json-body.ts';
import { answerWriteError, fieldsOf, keyHolder, noQuery, noStore, writerCtx } from './writes.ts';

/** Where an agreement's plans are read. */
const plansAddress = (slug: string) => `/api/agreements/${slug}/action-plans`;

/** The plan as the API lists it to the writer. */
const planAsListed = async (ctx: Context, agreement: WritableAgreement, planId: number) => (await actionPlansOfAgreement(ctx, agreement, planId))[0];

export function actionPlanRoutes(database: Database) {
  const api = new Hono<HttpEnv>();
  api.onError(answerWriteError);
  const guards = [noStore, keyHolder, accepts(noQuery('agreement'))] as const;

  /** A write to a plan of the agreement (record-write.ts); answers the plan as listed. */
  const onPlan = recordWrite(database, { name: 'action plan', parts: ['goal', 'citation'], listed: planAsListed, address: plansAddress });

  /** Makes a plan for the agreement, with its goals and sources if sent. */
  api.post('/agreements/:slug/action-plans', ...guards, async (c) => {
    const ctx = writerCtx(database, c);
    const agreement = await findWritableAgreement(ctx, c.req.param('slug'));
    const input = (await readJsonObject(c, fieldsOf(createActionPlanSchema))) as CreateActionPlanInput;
    const plan = await createActionPlan({ ctx, agreementId: agreement.id, input });
    return c.json(await planAsListed(ctx, agreement, plan.id), 201, { location: plansAddress(agreement.slug) });
  });

  /** Changes a plan made for the agreement, as a whole (its goals and sources are changed one by one). */
  api.put('/agreements/:slug/action-plans/:id', ...guards, onPlan(changeActionPlanSchema, (ctx, agreement, planId, input: ChangeActionPlanInput) => changeActionPlan({ ctx, agreement, planId, input })));

  /** Removes a plan made for the agreement, with its goals; the activities linked to them stay, unlinked. */
  api.delete('/agreements/:slug/action-plans/:id', ...guards, async (c) => {
    const ctx = writerCtx(database, c);
    const agreement = await findWritableAgreement(ctx, c.req.param('slug'));
    const planId = idOf(c.req.param('id'));
    if (!planId) throw notFound('action plan');
    const input = (await readJsonObject(c, fieldsOf(removePlanPartSchema))) as RemovePlanPartInput;
    try {
      await removeActionPlan({ ctx, agreement, planId, input });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') throw new DomainError('CONFLICT', error.message, error.problems, await planAsListed(ctx, agreement, planId));
      throw error;
    }
    return c.json({ removed: planId }, 200);
  });

  /** Adds a goal last to a plan serving the agreement. */
  api.post('/agreements/:slug/action-plans/:id/goals', ...guards, onPlan(goalSchema, (ctx, agreement, planId, input: GoalInput) => addActionPlanGoal({ ctx, agreement, planId, input }), 201));

  const goalId = (c: HonoContext) => idOf(c.req.param('goal'));
  /** Changes one goal of a plan made for the agreement, as a whole, at the plan's version. */
  api.put(
    '/agreements/:slug/action-plans/:id/goals/:goal',
    ...guards,
    onPlan(changeGoalSchema, (ctx, agreement, planId, input: ChangeGoalInput, c) => changeActionPlanGoal({ ctx, agreement, planId, goalId: goalId(c), input })),
  );
  /** Removes one goal; the activities linked to it stay, unlinked. */
  api.delete(
    '/agreements/:slug/action-plans/:id/goals/:goal',
    ...guards,
    onPlan(removePlanPartSchema, (ctx, agreement, planId, input: RemovePlanPartInput, c) => removeActionPlanGoal({ ctx, agreement, planId, goalId: goalId(c), input })),
  );

  /** The review: its day and conclusions, and each goal's outcome and assessment by the goal's id. */
  api.put('/agreements/:slug/action-plans/:id/review', ...guards, onPlan(reviewActionPlanSchema, (ctx, agreement, planId, input: ReviewActionPlanInput) => reviewActionPlan({ ctx, agreement, planId, input })));

  /** Cites a source for a plan made for the agreement. */
  api.post('/agreements/:slug/action-plans/:id/citations', ...guards, onPlan(citePlanSourceSchema, (ctx, agreement, planId, input: CitePlanSourceInput) => citePlanSource({ ctx, agreement, planId, input }), 201));
  api.delete(
    '/agreements/:slug/action-plans/:id/citations/:citation',
    ...guards,
    onPlan(removePlanPartSchema, (ctx, agreement, planId, input: RemovePlanPartInput, c) => removePlanCitation({ ctx, agreement, planId, citationId: idOf(c.req.param('citation')), input })),
  );

  /** Sets the goal an activity of the agreement serves (or none); answers the activity as GET …/activities lists it. */
  api.put('/agreements/:slug/activities/:id/goal', ...guards, async (c) => {
    const ctx = writerCtx(database, c);
    const agreement = await findWritableAgreement(ctx, c.req.param('slug'));
    const activityId = idOf(c.req.param('id'));
    if (!activityId) throw notFound('activity');
    const input = (await readJsonObject(c, fieldsOf(linkActivitySchema))) as LinkActivityInput;
    await linkActivityToGoal({ ctx, agreement, activityId, input });
    const [activity] = await activitiesOfAgreement(ctx, agreement, activityId);
    return c.json(activity, 200, { location: `/api/agreements/${agreement.slug}/activities` });
  });

  return api;
}
