// Activities and follow-up points in the OpenAPI description (openapi.ts):
// the routes of follow-up.ts and the reading of an agreement's activities.
// Request bodies are the verbs' Zod schemas; the answers are described field
// by field, as the lists in domain/follow-up/list.ts give them.
import { ACTIVITY_KINDS, FOLLOW_UP_STATES, FUNDING_SOURCES, VISIBILITIES } from '../db/schema.ts';
import { changeActivitySchema, removeActivitySchema } from '../domain/activities/change.ts';
import { citeActivitySourceSchema } from '../domain/activities/cite.ts';
import { createActivitySchema } from '../domain/activities/create.ts';
import { addFollowUpPointSchema, closeFollowUpPointSchema } from '../domain/follow-up/schemas.ts';
import { PlanCitation } from './openapi-action-plans.ts';
import { DATES, errorResponse, inputSchema, slugParam, write } from './openapi-writes.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: ['string', 'null'] };
const day = { type: 'string', format: 'date' };

const activityParam = { name: 'id', in: 'path', required: true, description: "The activity's id, as GET /api/agreements/{slug}/activities lists it", schema: { type: 'integer', minimum: 1 } };
const pointParam = { name: 'id', in: 'path', required: true, description: "The follow-up point's id, as GET /api/agreements/{slug}/activities lists it", schema: { type: 'integer', minimum: 1 } };

/** A read that is a person's, asked without a key: 401 (follow-up.ts's `someone`). */
export const NO_KEY = {
  ...errorResponse('No access key, or one that is unknown, expired or revoked'),
  headers: { 'WWW-Authenticate': { description: 'Bearer realm="ortsband"', schema: { type: 'string' } } },
};

const noAgreement = errorResponse('No such agreement, or one the key holder may not read');
const noActivity = errorResponse('No such agreement, or one the key holder may not read; or no activity of that id recorded under it');
const staleActivity = errorResponse('The activity was changed since the version sent (expectedVersion): `current` holds it as stored now');
const activityCitationParam = { name: 'citation', in: 'path', required: true, description: "The citation's id, as the activity's sources list it", schema: { type: 'integer', minimum: 1 } };
const AT_ACTIVITY_VERSION = "Send the activity's version you read as expectedVersion: if someone changed it (or its sources) since, the answer is 409 with the activity as stored now (`current`) and nothing is written.";

/** What the reader gets of an activity and its points. */
const FollowUpPoint = {
  type: 'object',
  description: "A follow-up point: what is to be done, by whom and by when, and whether it was done. Read only by the agreement's organisation's people and administrators",
  required: ['id', 'activityId', 'text', 'ownerName', 'ownerEmail', 'dueOn', 'state', 'stateComment', 'version'],
  properties: {
    id: { type: 'integer' },
    activityId: { type: 'integer' },
    text: { type: 'string' },
    ownerName: { type: 'string' },
    ownerEmail: { type: 'string', format: 'email' },
    dueOn: day,
    state: { type: 'string', enum: [...FOLLOW_UP_STATES] },
    stateComment: text,
    version: { type: 'integer', minimum: 1, description: 'Send it as expectedVersion when changing the point' },
  },
};

const amount = { type: ['integer', 'null'], minimum: 0 };
const headcount = { type: ['integer', 'null'], minimum: 0, description: 'How many of the group took part' };

/** A source cited for an activity: the fields of a plan's citation (openapi-action-plans.ts), the id its own. */
const ActivityCitation = {
  ...PlanCitation,
  description: 'A source cited for the activity. Only the sources the reader may read; the documents attached to a source are read through it (GET /api/sources/{slug})',
  properties: { ...PlanCitation.properties, id: { type: 'integer', description: "The citation's id: DELETE /api/agreements/{slug}/activities/{id}/citations/{citation} and the activity's edit page remove it by this id" } },
};

const Activity = {
  type: 'object',
  description: 'A visit, meeting, project, exchange or event under the agreement',
  required: ['id', 'kind', 'title', 'date', 'visibility', 'sources', 'points'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: [...ACTIVITY_KINDS] },
    title: { type: 'string' },
    titleEn: text,
    date: { type: 'string', description: 'EDTF, at the precision known' },
    participants: { ...text, description: 'Who took part, by name: personal data, null for anonymous readers' },
    participantsEn: { ...text, description: 'The same in English: null for anonymous readers' },
    delegationName: { ...text, description: "An incoming delegation's own name: null for anonymous readers" },
    delegationPersons: { type: 'array', items: { type: 'string' }, description: 'The persons leading it, as written (李明, Li Ming): personal data, empty for anonymous readers' },
    purpose: text,
    purposeEn: text,
    outcome: text,
    outcomeEn: text,
    costSek: { type: ['integer', 'null'], minimum: 0, description: 'The whole cost; with a breakdown, the sum of its categories' },
    costTravelSek: amount,
    costHospitalitySek: amount,
    costProjectSek: amount,
    costOtherSek: amount,
    funding: { type: 'array', items: { type: 'string', enum: [...FUNDING_SOURCES] } },
    participantsPoliticians: headcount,
    participantsOfficials: headcount,
    participantsCompanies: headcount,
    participantsEducation: headcount,
    participantsStudents: headcount,
    visibility: { type: 'string', enum: [...VISIBILITIES] },
    actionPlanGoalId: { type: ['integer', 'null'], description: 'The action-plan goal it serves (GET /api/agreements/{slug}/action-plans), where the reader may read its plan' },
    version: { type: 'integer', minimum: 1, description: 'Send it as expectedVersion when changing or removing the activity' },
    agreements: {
      type: 'array',
      description: 'The agreements it serves that the reader may read, the one it is recorded under first',
      items: {
        type: 'object',
        required: ['slug', 'name', 'partyLabel', 'counterpartLabel'],
        properties: { slug: { type: 'string' }, name: { type: 'string' }, partyLabel: { type: 'string' }, counterpartLabel: { type: 'string' } },
      },
    },
    places: {
      type: 'array',
      description: 'Where it took place: Swedish bodies (kind swedish, a slug of /api/actors) and Chinese places (kind chinese, a slug of /api/counterparts)',
      items: {
        type: 'object',
        required: ['kind', 'slug', 'name', 'nameNative'],
        properties: { kind: { type: 'string', enum: ['swedish', 'chinese'] }, slug: { type: 'string' }, name: { type: 'string' }, nameNative: text },
      },
    },
    sources: { type: 'array', items: ref('ActivityCitation'), description: 'The sources cited for it that the reader may read, the oldest citation first' },
    points: { type: 'array', items: ref('FollowUpPoint'), description: "Its follow-up points, the earliest due first: empty for the public and for other organisations' people" },
  },
};

const OpenFollowUpPoint = {
  allOf: [
    ref('FollowUpPoint'),
    {
      type: 'object',
      required: ['agreementSlug', 'partyLabel', 'counterpartLabel', 'activityTitle', 'activityDate', 'overdue'],
      properties: {
        agreementSlug: { type: 'string' },
        partyLabel: { type: 'string' },
        counterpartLabel: { type: 'string' },
        activityTitle: { type: 'string' },
        activityDate: { type: 'string' },
        overdue: { type: 'boolean', description: 'Due before today (the day in Stockholm)' },
      },
    },
  ],
};

const OpenFollowUp = {
  type: 'object',
  required: ['mine', 'organisation', 'mineOpen', 'mineOverdue', 'organisationOpen', 'organisationOverdue'],
  properties: {
    mine: { type: 'array', items: ref('OpenFollowUpPoint'), description: "The key holder's own open points, the earliest due first (at most 200)" },
    organisation: { type: 'array', items: ref('OpenFollowUpPoint'), description: "Their organisation's open points, the earliest due first (at most 200)" },
    mineOpen: { type: 'integer', minimum: 0, description: "The key holder's open points in all, in their organisation's agreements" },
    mineOverdue: { type: 'integer', minimum: 0 },
    organisationOpen: { type: 'integer', minimum: 0 },
    organisationOverdue: { type: 'integer', minimum: 0 },
  },
};

export function followUpPaths() {
  return {
    '/api/agreements/{slug}/activities': {
      get: {
        operationId: 'listActivities',
        summary: "The agreement's activities, newest first, with their follow-up points for those who may read them",
        description:
          "Without a key, the public activities only, as the agreement's record gives them, and never a follow-up point. With a key, the activities its holder may read; the points only for the people of the agreement's organisation and administrators.",
        parameters: [slugParam],
        responses: {
          200: { description: 'The activities', content: { 'application/json': { schema: { type: 'array', items: ref('Activity') } } } },
          400: errorResponse('A parameter this address does not take: the body names it'),
          404: noAgreement,
        },
      },
      post: write(
        'createActivity',
        "Record an activity under an agreement of the key holder's organisation",
        `Sources are cited by their slugs. ${DATES}`,
        'CreateActivity',
        'The activity, as GET /api/agreements/{slug}/activities lists it',
        { 404: noAgreement },
        [slugParam],
        201,
        ref('Activity'),
      ),
    },
    '/api/agreements/{slug}/activities/{id}': {
      put: write(
        'changeActivity',
        'Change an activity recorded under the agreement, as a whole',
        `Send every field, as createActivity takes them (its sources and follow-up points stay), with the activity's version you read as expectedVersion: if someone changed it since, the answer is 409 with the activity as stored now (\`current\`) and nothing is written. The activity may not move past the due day of its follow-up points. ${DATES}`,
        'ChangeActivity',
        'The activity as GET /api/agreements/{slug}/activities lists it, with its new version',
        { 404: noActivity, 409: staleActivity },
        [slugParam, activityParam],
        200,
        ref('Activity'),
      ),
      delete: write(
        'removeActivity',
        'Remove an activity recorded under the agreement, with its follow-up points',
        "Send the activity's version you read as expectedVersion (and a comment as reason, kept in the history): if someone changed it since, the answer is 409 and nothing is removed.",
        'RemoveActivity',
        'The id of the activity removed',
        { 404: noActivity, 409: staleActivity },
        [slugParam, activityParam],
        200,
        { type: 'object', required: ['removed'], properties: { removed: { type: 'integer' } } },
      ),
    },
    '/api/agreements/{slug}/activities/{id}/citations': {
      post: write(
        'citeActivitySource',
        'Cite a source for an activity recorded under the agreement',
        `The source by its slug (one the key holder may read), with the passage and its English. It is the last of the answer's \`sources\`. ${AT_ACTIVITY_VERSION}`,
        'CiteActivitySource',
        'The activity as GET /api/agreements/{slug}/activities lists it, with its new version',
        { 404: noActivity, 409: staleActivity },
        [slugParam, activityParam],
        201,
        ref('Activity'),
      ),
    },
    '/api/agreements/{slug}/activities/{id}/citations/{citation}': {
      delete: write(
        'removeActivityCitation',
        'Remove a source cited for an activity recorded under the agreement',
        `The source stays in the register, and so do its other citations. ${AT_ACTIVITY_VERSION}`,
        'RemoveActivity',
        'The activity as GET /api/agreements/{slug}/activities lists it, with its new version',
        { 404: errorResponse('No such agreement, or one the key holder may not read; or no activity of that id recorded under it, or no such citation of it'), 409: staleActivity },
        [slugParam, activityParam, activityCitationParam],
        200,
        ref('Activity'),
      ),
    },
    '/api/agreements/{slug}/activities/{id}/follow-up-points': {
      post: write(
        'addFollowUpPoint',
        'Raise a follow-up point at one of the agreement\'s activities',
        "The owner is the e-mail address of an active editor or administrator of the agreement's organisation; the point is due no earlier than the activity's first possible day (YYYY-MM-DD).",
        'AddFollowUpPoint',
        'The point',
        { 404: errorResponse('No such agreement, or one the key holder may not read; or no such activity of it') },
        [slugParam, activityParam],
        201,
        ref('FollowUpPoint'),
      ),
    },
    '/api/agreements/{slug}/follow-up-points/{id}': {
      patch: write(
        'changeFollowUpPoint',
        'Mark a follow-up point done or dropped, with a comment, or open again',
        "Send the point's version you read as expectedVersion: if someone changed it since, the answer is 409 with the point as stored now (`current`) and nothing is written.",
        'ChangeFollowUpPoint',
        'The point as stored now, with its new version',
        {
          404: errorResponse('No such agreement, or one the key holder may not read; or no such follow-up point of it'),
          409: errorResponse('The point was changed since the version sent (expectedVersion): `current` holds it as stored now'),
        },
        [slugParam, pointParam],
        200,
        ref('FollowUpPoint'),
      ),
    },
    '/api/follow-up': {
      get: {
        operationId: 'getOwnFollowUp',
        summary: "The key holder's open follow-up points and their organisation's, as the overview page shows them",
        description: 'Any key (read or write). Follow-up points are never public: without a key the answer is 401.',
        security: [{ accessKey: [] }],
        responses: {
          200: { description: 'The open points', content: { 'application/json': { schema: ref('OpenFollowUp') } } },
          400: errorResponse('A parameter this address does not take: the body names it'),
          401: NO_KEY,
        },
      },
    },
  };
}

export function followUpComponents() {
  return {
    CreateActivity: inputSchema(createActivitySchema, 'A new activity'),
    ChangeActivity: inputSchema(changeActivitySchema, "An activity as it is to be, with the version it was read at; `reason` is a comment kept in the history"),
    RemoveActivity: inputSchema(removeActivitySchema, "The version the activity was read at; `reason` is a comment kept in the history"),
    CiteActivitySource: inputSchema(citeActivitySourceSchema, "A source cited for the activity, at the activity's version it was read"),
    AddFollowUpPoint: inputSchema(addFollowUpPointSchema, 'A new follow-up point: what, who (an e-mail address) and by when; `reason` is a comment kept in the history'),
    ChangeFollowUpPoint: inputSchema(closeFollowUpPointSchema, "A point's new state and comment, with the version it was read at"),
    Activity,
    ActivityCitation,
    FollowUpPoint,
    OpenFollowUpPoint,
    OpenFollowUp,
  };
}
