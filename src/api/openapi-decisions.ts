// A decision's basis in the OpenAPI description (openapi.ts): the routes of
// decisions.ts. The request body is the verb's Zod schema; the answer is
// described as getDecisionBasis (domain/decisions/basis.ts) gives it.
import { EVENT_TYPES, RISK_LEVELS } from '../db/schema.ts';
import { DECISION_KINDS } from '../domain/decisions/kinds.ts';
import { RISK_AREAS, riskFieldsOf, saveDecisionBasisSchema } from '../domain/decisions/schemas.ts';
import { NO_KEY } from './openapi-follow-up.ts';
import { errorResponse, inputSchema, slugParam, write } from './openapi-writes.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: ['string', 'null'] };
const kronor = { type: ['integer', 'null'], minimum: 0, description: 'Whole kronor' };

const eventParam = { name: 'id', in: 'path', required: true, description: "The decision's status event id (established, resumed, renewed, paused, partly ended or ended), as GET /api/agreements/{slug} lists its events", schema: { type: 'integer', minimum: 1 } };

const notHers = errorResponse("No such agreement or decision (an event that is no decision is none), or one whose bases the key holder may not read: only the agreement's own organisation reads them");

/** The risk grading: each area's level and why (a high level always says why). */
const riskGrading = Object.fromEntries(
  RISK_AREAS.flatMap((area) => {
    const { level, justification } = riskFieldsOf(area);
    return [
      [level, { type: 'string', enum: [...RISK_LEVELS], description: `The risk graded for ${area} (not_assessed until someone grades it)` }],
      [justification, { ...text, description: `Why that level for ${area}: always given when the level is high` }],
    ];
  }),
);

const DecisionBasisVersion = {
  type: 'object',
  description: 'One saved version of the basis: what its writers wrote, and the register as their organisation read it on the day it was saved (`register`), kept as it was',
  required: ['id', 'version', 'purpose', 'securityAdviceSought', ...RISK_AREAS.map((area) => riskFieldsOf(area).level), 'register', 'savedBy', 'savedByName', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    version: { type: 'integer', minimum: 1, description: 'Send the newest one as expectedVersion when saving the next' },
    purpose: { type: 'string' },
    expectedBenefit: text,
    costsSoFarSek: kronor,
    costsPlannedSek: kronor,
    costsNote: text,
    counterpartDescription: text,
    democracyHumanRights: text,
    securityAdviceSought: { type: 'boolean' },
    securityAdviceFrom: { ...text, description: 'Whom the advice was sought from: named when sought, null when not' },
    personalData: text,
    exportControl: text,
    ...riskGrading,
    comment: { ...text, description: 'Why this version, in its writer’s words' },
    savedBy: { type: 'string', description: 'The e-mail address of the person who saved it' },
    savedByName: { type: 'string', description: 'Their name (the address where no account has it)' },
    createdAt: { type: 'string', format: 'date-time' },
    register: {
      type: 'object',
      description: "What the register said when the version was saved: `readOn` (the day), `activity` (the agreement's activities and costs in each of the last five years, the current one up to `through`, the day it was read; the latest activity and the next planned one) and `peers` (other Swedish agreements with the same counterpart or a place in its province, their status, endings and pauses with reasons and quotations; at most 200, with the total)",
      required: ['readOn', 'activity', 'peers'],
      properties: { readOn: { type: 'string', format: 'date' }, activity: { type: 'object' }, peers: { type: 'object' } },
    },
  },
};

const DecisionBasis = {
  type: 'object',
  description: "A decision's basis with every saved version, newest first (none before the first save)",
  required: ['agreement', 'decision', 'versions'],
  properties: {
    agreement: {
      type: 'object',
      required: ['id', 'slug', 'title'],
      properties: { id: { type: 'integer' }, slug: { type: 'string' }, title: { type: 'string' }, officialTitle: text, organisationId: { type: 'integer' }, visibility: { type: 'string' } },
    },
    decision: {
      type: 'object',
      required: ['id', 'type', 'kind', 'date'],
      properties: {
        id: { type: 'integer' },
        type: { type: 'string', enum: [...EVENT_TYPES] },
        kind: { type: 'string', enum: [...DECISION_KINDS], description: 'What the decision does: starts, renews, pauses or ends the agreement' },
        date: { type: 'string', description: 'EDTF, at the precision known' },
        decidingBody: text,
        reference: text,
        caseNumber: text,
      },
    },
    versions: { type: 'array', items: ref('DecisionBasisVersion') },
  },
};

export function decisionBasisPaths() {
  const path = '/api/agreements/{slug}/decisions/{id}/basis';
  return {
    [path]: {
      get: {
        operationId: 'getDecisionBasis',
        summary: "A decision's basis, every version newest first: the agreement's own organisation only",
        description: "Any key (read or write) or a signed-in session of a person of the agreement's organisation. A basis is never public: without a key the answer is 401; anyone else (another organisation's people, its administrators and coordinators too) gets 404, as for a decision that is not there.",
        security: [{ accessKey: [] }],
        parameters: [slugParam, eventParam],
        responses: {
          200: { description: 'The basis', content: { 'application/json': { schema: ref('DecisionBasis') } } },
          400: errorResponse('A parameter this address does not take: the body names it'),
          401: NO_KEY,
          404: notHers,
        },
      },
      put: write(
        'saveDecisionBasis',
        "Save a new version of a decision's basis, as the decision basis page saves it",
        "Every save is a new version (1, 2, …); none is changed. Send the whole text and the version you read as expectedVersion (0 before the first): if someone saved since, the answer is 409 with the version stored now (`current.version`) and nothing is written. The register's part is not sent: it is read when saved, as the agreement's organisation reads the register, and kept with the version. Security advice: when sought (`securityAdviceSought: true`) name whom from; when not, leave it out. The risk grading: each area's level (`risk…Level`: not_assessed, low, moderate or high; left out, not_assessed) with a short justification (`risk…Justification`), which a high level must have. The agreement's editors and administrators save; its readers and coordinators get 403, another organisation's editors 403 and its administrators 404.",
        'SaveDecisionBasis',
        'The basis as GET gives it, the new version first',
        { 404: notHers, 409: errorResponse('The basis was saved since the version sent (expectedVersion): `current.version` is the one stored now') },
        [slugParam, eventParam],
        200,
        ref('DecisionBasis'),
      ),
    },
  };
}

export function decisionBasisComponents() {
  return {
    SaveDecisionBasis: inputSchema(saveDecisionBasisSchema, 'A new version of the basis, with the version it was read at (0 before the first)'),
    DecisionBasis,
    DecisionBasisVersion,
  };
}
