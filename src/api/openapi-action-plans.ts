// Action plans in the OpenAPI description (openapi.ts): the reading of the
// plans that serve an agreement, with their goals and each goal's progress,
// described field by field as domain/action-plans/list.ts gives them.
import { GOAL_ASSESSMENTS, VISIBILITIES } from '../db/schema.ts';
import { errorResponse, slugParam } from './openapi-writes.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: ['string', 'null'] };

const GoalActivity = {
  type: 'object',
  description: 'An activity serving the goal: its progress. Only the activities the reader may read',
  required: ['id', 'goalId', 'title', 'date', 'costSek', 'agreementSlug'],
  properties: {
    id: { type: 'integer' },
    goalId: { type: 'integer' },
    title: { type: 'string' },
    date: { type: 'string', description: 'EDTF, at the precision known' },
    costSek: { type: ['integer', 'null'], minimum: 0 },
    agreementSlug: { type: 'string', description: 'The agreement the activity belongs to (the plan may serve several)' },
  },
};

const PlanGoal = {
  type: 'object',
  description: 'A goal in one thematic area, with how it is measured, what is planned for it and, after the review, what came of it',
  required: ['id', 'theme', 'goal', 'assessment', 'activities'],
  properties: {
    id: { type: 'integer', description: 'As an activity names the goal it serves (actionPlanGoalId)' },
    theme: { type: 'string' },
    themeEn: text,
    goal: { type: 'string' },
    goalEn: text,
    indicator: text,
    plannedActivities: text,
    followUp: text,
    outcome: text,
    assessment: { type: 'string', enum: [...GOAL_ASSESSMENTS] },
    assessmentNote: text,
    activities: { type: 'array', items: ref('GoalActivity'), description: 'The earliest first' },
  },
};

const ActionPlan = {
  type: 'object',
  description: "An action plan serving the agreement: its own agreement's, or another's that also serves this one",
  required: ['id', 'title', 'periodFrom', 'periodTo', 'visibility', 'organisationId', 'version', 'serves', 'goals'],
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    titleEn: text,
    periodFrom: { type: 'string', description: 'EDTF' },
    periodTo: { type: 'string', description: 'EDTF' },
    note: text,
    noteEn: text,
    responsibleUnit: text,
    budgetSek: { type: ['integer', 'null'], minimum: 0 },
    reviewedOn: { type: ['string', 'null'], format: 'date' },
    reviewNote: text,
    visibility: { type: 'string', enum: [...VISIBILITIES] },
    organisationId: { type: 'integer' },
    version: { type: 'integer', minimum: 1 },
    serves: {
      type: 'array',
      description: 'The agreements it serves that the reader may read, the one it was made for first',
      items: { type: 'object', required: ['slug', 'partyLabel', 'counterpartLabel'], properties: { slug: { type: 'string' }, partyLabel: { type: 'string' }, counterpartLabel: { type: 'string' } } },
    },
    goals: { type: 'array', items: ref('PlanGoal'), description: 'In their order in the plan' },
  },
};

export function actionPlanPaths() {
  return {
    '/api/agreements/{slug}/action-plans': {
      get: {
        operationId: 'listActionPlans',
        summary: 'The action plans that serve the agreement, the earliest period first, with their goals and the activities serving each',
        description: 'Without a key, the public plans and activities only. With a key, those its holder may read.',
        parameters: [slugParam],
        responses: {
          200: { description: 'The plans', content: { 'application/json': { schema: { type: 'array', items: ref('ActionPlan') } } } },
          400: errorResponse('A parameter this address does not take: the body names it'),
          404: errorResponse('No such agreement, or one the reader may not read'),
        },
      },
    },
  };
}

export function actionPlanComponents() {
  return { ActionPlan, PlanGoal, GoalActivity };
}
