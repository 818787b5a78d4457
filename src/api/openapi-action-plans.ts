// Action plans in the OpenAPI description (openapi.ts): the reading of the
// plans that serve an agreement, with their goals, each goal's progress and
// the plan's sources, described field by field as domain/action-plans/list.ts
// gives them; and the writes of action-plans.ts, whose request bodies are
// the verbs' Zod schemas.
import { GOAL_ASSESSMENTS, VISIBILITIES } from '../db/schema.ts';
import {
  changeActionPlanSchema,
  changeGoalSchema,
  citePlanSourceSchema,
  createActionPlanSchema,
  goalSchema,
  linkActivitySchema,
  removePlanPartSchema,
  reviewActionPlanSchema,
} from '../domain/action-plans/schemas.ts';
import { DATES, errorResponse, inputSchema, slugParam, write } from './openapi-writes.ts';

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

export const PlanCitation = {
  type: 'object',
  description: 'A source cited for the plan. Only the sources the reader may read',
  required: ['id', 'sourceSlug', 'title', 'titleEn', 'language', 'kind', 'url', 'published', 'archiveReference', 'passage', 'passageEn', 'seedFile'],
  properties: {
    id: { type: 'integer', description: "The citation's id: DELETE /api/agreements/{slug}/action-plans/{id}/citations/{citation} removes it" },
    sourceSlug: { type: 'string', description: 'As GET /api/sources/{slug} reads the source' },
    title: { type: 'string' },
    titleEn: text,
    language: { type: 'string', description: 'The language the source is written in (ISO 639-1)' },
    kind: { type: 'string' },
    url: text,
    published: { ...text, description: 'EDTF' },
    archiveReference: text,
    passage: text,
    passageEn: text,
    seedFile: { ...text, description: 'The seed document the shipped data took it from' },
  },
};

const ActionPlan = {
  type: 'object',
  description: "An action plan serving the agreement: its own agreement's, or another's that also serves this one",
  required: ['id', 'title', 'periodFrom', 'periodTo', 'visibility', 'organisationId', 'version', 'serves', 'goals', 'sources'],
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
    version: { type: 'integer', minimum: 1, description: 'Moved by every change to the plan, its goals, its review and its sources: send it as expectedVersion' },
    serves: {
      type: 'array',
      description: 'The agreements it serves that the reader may read, the one it was made for first',
      items: { type: 'object', required: ['slug', 'partyLabel', 'counterpartLabel'], properties: { slug: { type: 'string' }, partyLabel: { type: 'string' }, counterpartLabel: { type: 'string' } } },
    },
    goals: { type: 'array', items: ref('PlanGoal'), description: 'In their order in the plan' },
    sources: { type: 'array', items: ref('PlanCitation'), description: 'The oldest citation first' },
  },
};

const planParam = { name: 'id', in: 'path', required: true, description: "The plan's id, as GET /api/agreements/{slug}/action-plans lists it", schema: { type: 'integer', minimum: 1 } };
const goalParam = { name: 'goal', in: 'path', required: true, description: "The goal's id, as the plan lists it", schema: { type: 'integer', minimum: 1 } };
const citationParam = { name: 'citation', in: 'path', required: true, description: "The citation's id, as the plan's sources list it", schema: { type: 'integer', minimum: 1 } };
const activityParam = { name: 'id', in: 'path', required: true, description: "The activity's id, as GET /api/agreements/{slug}/activities lists it", schema: { type: 'integer', minimum: 1 } };

const noPlan = (what = '') => errorResponse(`No such agreement, or one the key holder may not read; or no such action plan${what} of it`);
const stale = errorResponse('The plan was changed since the version sent (expectedVersion): `current` holds the plan as stored now, as the list gives it');
const AT_VERSION = "Send the plan's version you read as expectedVersion: if someone changed the plan (or a goal, its review or its sources) since, the answer is 409 with the plan as stored now (`current`) and nothing is written.";
const THE_PLAN = 'The plan as GET /api/agreements/{slug}/action-plans lists it, with its new version';
const madeHere = ' A plan is changed on the agreement it was made for (the first of `serves`); on an agreement it also serves it is not found.';

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
      post: write(
        'createActionPlan',
        'Make an action plan for an agreement of the key holder\'s organisation',
        `A title, a period (its end not before its start), a responsible unit, a budget in whole kronor, a visibility, further agreements of the same Swedish party that it serves too (alsoServes, by slug), its goals per thematic area and its sources (by slug). A thematic area the register knows (education, culture, trade and business…), written in Swedish or English, is kept with both names; another is kept as written. ${DATES}`,
        'CreateActionPlan',
        THE_PLAN,
        { 404: noPlan() },
        [slugParam],
        201,
        ref('ActionPlan'),
      ),
    },
    '/api/agreements/{slug}/action-plans/{id}': {
      put: write(
        'changeActionPlan',
        'Change an action plan as a whole',
        `Send every field, as createActionPlan takes them without goals and sources (those are changed one by one). ${AT_VERSION} A plan may not stop serving an agreement whose activities serve its goals, nor begin after its review.${madeHere} ${DATES}`,
        'ChangeActionPlan',
        THE_PLAN,
        { 404: noPlan(), 409: stale },
        [slugParam, planParam],
        200,
        ref('ActionPlan'),
      ),
      delete: write(
        'removeActionPlan',
        'Remove an action plan with its goals',
        `${AT_VERSION} The activities linked to its goals stay, unlinked; the history keeps what it was.${madeHere}`,
        'RemovePlanPart',
        'The id of the plan removed',
        { 404: noPlan(), 409: stale },
        [slugParam, planParam],
        200,
        { type: 'object', required: ['removed'], properties: { removed: { type: 'integer' } } },
      ),
    },
    '/api/agreements/{slug}/action-plans/{id}/goals': {
      post: write(
        'addActionPlanGoal',
        'Add a goal to an action plan serving the agreement',
        'The goal is added last: it is the last of the answer\'s `goals`. The plan\'s version moves.',
        'ActionPlanGoal',
        THE_PLAN,
        { 404: noPlan() },
        [slugParam, planParam],
        201,
        ref('ActionPlan'),
      ),
    },
    '/api/agreements/{slug}/action-plans/{id}/goals/{goal}': {
      put: write('changeActionPlanGoal', 'Change a goal of an action plan as a whole', `${AT_VERSION}${madeHere}`, 'ChangeActionPlanGoal', THE_PLAN, { 404: noPlan(' or goal'), 409: stale }, [slugParam, planParam, goalParam], 200, ref('ActionPlan')),
      delete: write(
        'removeActionPlanGoal',
        'Remove a goal of an action plan',
        `${AT_VERSION} The activities linked to it stay, unlinked.${madeHere}`,
        'RemovePlanPart',
        THE_PLAN,
        { 404: noPlan(' or goal'), 409: stale },
        [slugParam, planParam, goalParam],
        200,
        ref('ActionPlan'),
      ),
    },
    '/api/agreements/{slug}/action-plans/{id}/review': {
      put: write(
        'reviewActionPlan',
        'Record the review of an action plan serving the agreement',
        `The review's day (YYYY-MM-DD, not before the period begins), its conclusions, and by goal id (\`goals\`: {"12": {...}}) each goal's outcome, assessment (met, partly_met, not_met, not_assessed) and a comment; a goal of another plan is a 400 naming goals.<id>. A review sent again replaces the one recorded. ${AT_VERSION}`,
        'ReviewActionPlan',
        THE_PLAN,
        { 404: noPlan(), 409: stale },
        [slugParam, planParam],
        200,
        ref('ActionPlan'),
      ),
    },
    '/api/agreements/{slug}/action-plans/{id}/citations': {
      post: write(
        'citeActionPlanSource',
        'Cite a source for an action plan',
        `The source by its slug (one the key holder may read), with the passage and its English. It is the last of the answer's \`sources\`. ${AT_VERSION}${madeHere}`,
        'CitePlanSource',
        THE_PLAN,
        { 404: noPlan(), 409: stale },
        [slugParam, planParam],
        201,
        ref('ActionPlan'),
      ),
    },
    '/api/agreements/{slug}/action-plans/{id}/citations/{citation}': {
      delete: write('removeActionPlanCitation', 'Remove a source cited for an action plan', `${AT_VERSION}${madeHere}`, 'RemovePlanPart', THE_PLAN, { 404: noPlan(' or citation'), 409: stale }, [slugParam, planParam, citationParam], 200, ref('ActionPlan')),
    },
    '/api/agreements/{slug}/activities/{id}/goal': {
      put: write(
        'linkActivityToGoal',
        'Set the action-plan goal an activity of the agreement serves, or none',
        'actionPlanGoalId: the id of a goal of a plan serving the agreement that the key holder may read (a goal of another plan is a 400 naming actionPlanGoalId), or null. The activity then shows as the goal\'s progress.',
        'LinkActivityToGoal',
        'The activity as GET /api/agreements/{slug}/activities lists it',
        { 404: errorResponse('No such agreement, or one the key holder may not read; or no such activity of it') },
        [slugParam, activityParam],
        200,
        ref('Activity'),
      ),
    },
  };
}

export function actionPlanComponents() {
  return {
    ActionPlan,
    PlanGoal,
    GoalActivity,
    PlanCitation,
    CreateActionPlan: inputSchema(createActionPlanSchema, 'A new action plan, with its goals and sources'),
    ChangeActionPlan: inputSchema(changeActionPlanSchema, 'An action plan as it is to be, with the version it was read at; `reason` is a comment kept in the history'),
    RemovePlanPart: inputSchema(removePlanPartSchema, "The plan's version it was read at; `reason` is a comment kept in the history"),
    ActionPlanGoal: inputSchema(goalSchema, 'A goal in a thematic area, with its indicator and planned activities'),
    ChangeActionPlanGoal: inputSchema(changeGoalSchema, "A goal as it is to be, at the plan's version it was read"),
    ReviewActionPlan: inputSchema(reviewActionPlanSchema, "The review, each goal's outcome by the goal's id, at the plan's version it was read"),
    CitePlanSource: inputSchema(citePlanSourceSchema, "A source cited for the plan, at the plan's version it was read"),
    LinkActivityToGoal: inputSchema(linkActivitySchema, 'The goal the activity serves, or null'),
  };
}
