// The writes in the OpenAPI description (openapi.ts): each verb's request body
// is its own Zod schema, as JSON Schema; every refusal the edge and the verbs
// give (writes.ts) is listed with its status.
import { z } from 'zod';
import { changeAgreementSchema, createAgreementSchema } from '../domain/agreements/schemas.ts';
import { changeCitationSchema, changeSourceFields, citeSourceSchema, createSourceSchema, removeCitationSchema } from '../domain/sources/schemas.ts';
import { recordEventSchema } from '../domain/status/schemas.ts';
import { DATE_FORMS } from '../domain/dates.ts';
import { MAX_BODY_BYTES } from './json-body.ts';

export const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** A verb's input as JSON Schema (what a client sends; defaults filled in by the verb). */
export function inputSchema(schema: z.ZodType, description: string) {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...json, description };
}

export const DATES = `Dates are EDTF at the precision the source gives: ${DATE_FORMS.en}.`;

export const slugParam = { name: 'slug', in: 'path', required: true, description: "The agreement's slug", schema: { type: 'string', pattern: '^[a-z0-9]+(-{1,2}[a-z0-9]+)*$', maxLength: 120 } };

const body = (schema: string) => ({ required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });

const location = { Location: { description: 'Where the record is read', schema: { type: 'string' } } };

/** The refusals every write can give, and those of writes to a record the path names. */
const REFUSALS = {
  400: errorResponse('A field is missing or wrong, names something the register does not have, or the body is not a JSON object in UTF-8: `problems` names each field (dotted: parties.0.actor)'),
  401: {
    ...errorResponse('No access key, or one that is unknown, expired or revoked (a browser session does not write through the API)'),
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="ortsband"', schema: { type: 'string' } } },
  },
  403: errorResponse("A read-only key, or a person who may not change this organisation's records (a reader, a coordinator, an editor of another organisation)"),
  413: errorResponse(`A body larger than ${MAX_BODY_BYTES} bytes`),
  415: errorResponse('A body that is not sent as Content-Type: application/json (UTF-8)'),
};
const ON_RECORD = {
  404: errorResponse('No such agreement, or one the key holder may not read'),
  409: errorResponse('The agreement was changed since the version sent (expectedVersion), or the change contradicts its state: `current` holds the version stored now'),
};

const citationParam = { name: 'id', in: 'path', required: true, description: "The citation's id, as POST /api/agreements/{slug}/citations answered it", schema: { type: 'integer', minimum: 1 } };
const sourceSlugParam = { ...slugParam, description: "The source's slug" };
const ON_CITATION = {
  404: errorResponse('No such agreement, or one the key holder may not read; or no such citation of it (on it or on one of its events)'),
  409: ON_RECORD[409],
};

/** A write; `answer` is what a success gives: 201 (made, with Location) unless told 200 (changed), as `schema` (JSON Schema). */
export function write(
  operationId: string,
  summary: string,
  description: string,
  requestSchema: string,
  answer: string,
  refusals: Record<number, unknown>,
  parameters?: unknown[],
  status: 200 | 201 = 201,
  schema: object = { type: 'object' },
) {
  return {
    operationId,
    summary,
    description,
    security: [{ accessKey: [] }],
    ...(parameters ? { parameters } : {}),
    requestBody: body(requestSchema),
    responses: { [status]: { description: answer, ...(status === 201 ? { headers: location } : {}), content: { 'application/json': { schema } } }, ...REFUSALS, ...refusals },
  };
}

export function writePaths() {
  return {
    '/api/agreements': {
      post: write(
        'createAgreement',
        "Create an agreement of the key holder's organisation",
        `Parties, counterparts, kind and parent are named by their slugs; an unknown one is a 400 naming the field. The agreement's status comes from the status events recorded after. ${DATES}`,
        'CreateAgreement',
        'The agreement, as GET /api/agreements/{slug} gives it to the key holder',
        { 409: errorResponse('An agreement with this slug exists already') },
      ),
    },
    '/api/agreements/{slug}': {
      patch: write(
        'changeAgreement',
        "Change an agreement's fields: those sent change, the others stay",
        `Parties and counterparts, when sent, replace the lists as a whole; \`null\` clears a field that may be empty. Send the agreement's version you read as expectedVersion: if someone changed it since, the answer is 409 with the agreement as stored now (\`current\`: version and fields) and nothing is written. A change that changes nothing writes nothing. ${DATES}`,
        'ChangeAgreement',
        'The agreement, as GET /api/agreements/{slug} gives it to the key holder, with its new version',
        ON_RECORD,
        [slugParam],
        200,
      ),
    },
    '/api/agreements/{slug}/events': {
      post: write(
        'recordStatusEvent',
        'Record a status event (established, renewed, dormant, paused, resumed, partly ended, ended)',
        `Events are appended, never changed; the agreement's status is derived from them. Send the agreement's version you read as expectedVersion: if someone changed it since, the answer is 409 and nothing is written. ${DATES}`,
        'RecordStatusEvent',
        "The event, and the agreement's new version and status",
        ON_RECORD,
        [slugParam],
      ),
    },
    '/api/agreements/{slug}/citations': {
      post: write(
        'citeSource',
        'Cite a source on the agreement, or on one of its status events, with the passage',
        "The source is named by its slug (POST /api/sources makes one); `on` is `agreement` or the id of one of the agreement's events. Send the agreement's version you read as expectedVersion.",
        'CiteSource',
        "The citation, and the agreement's new version",
        ON_RECORD,
        [slugParam],
      ),
    },
    '/api/agreements/{slug}/citations/{id}': {
      patch: write(
        'changeCitation',
        "Change the passage of a citation on the agreement or on one of its status events",
        "Send the agreement's version you read as expectedVersion: if someone changed it since, the answer is 409 and nothing is written. The agreement's version moves.",
        'ChangeCitation',
        "The citation, and the agreement's new version",
        ON_CITATION,
        [slugParam, citationParam],
        200,
      ),
      delete: write(
        'removeCitation',
        'Remove a citation from the agreement or one of its status events; the source stays',
        "Send the agreement's version you read as expectedVersion (and a comment as reason, kept in the history): if someone changed it since, the answer is 409 and nothing is removed.",
        'RemoveCitation',
        "The agreement's new version",
        ON_CITATION,
        [slugParam, citationParam],
        200,
      ),
    },
    '/api/sources/{slug}': {
      patch: write(
        'changeSource',
        "Change a source of the key holder's organisation: the fields sent change, the others stay",
        `Send the source's version you read as expectedVersion: if someone changed it since, the answer is 409 with the source as stored now (\`current\`) and nothing is written. A confidential source is never public. ${DATES}`,
        'ChangeSource',
        'The source as stored now, with its new version',
        { 404: errorResponse('No such source, or one the key holder may not read'), 409: errorResponse('The source was changed since the version sent (expectedVersion): `current` holds it as stored now') },
        [sourceSlugParam],
        200,
      ),
    },
    '/api/sources': {
      post: write(
        'createSource',
        "Create a source of the key holder's organisation (a decision protocol, an agreement text, an article, a link, an archive reference)",
        `A confidential source (an interview given in confidence) is never public. ${DATES}`,
        'CreateSource',
        'The source',
        { 409: errorResponse('A source with this slug exists already') },
      ),
    },
  };
}

export function writeComponents() {
  return {
    CreateAgreement: inputSchema(createAgreementSchema, 'A new agreement'),
    ChangeAgreement: inputSchema(changeAgreementSchema, "A change of an agreement's fields, with the version it was read at"),
    RecordStatusEvent: inputSchema(recordEventSchema, 'A status event of the agreement'),
    CreateSource: inputSchema(createSourceSchema, 'A new source'),
    CiteSource: inputSchema(citeSourceSchema, "A citation of a source on the agreement or one of its events"),
    ChangeCitation: inputSchema(changeCitationSchema, "A citation's passage, with the agreement's version it was read at"),
    RemoveCitation: inputSchema(removeCitationSchema, "A citation's removal: a comment, and the agreement's version it was read at"),
    ChangeSource: inputSchema(changeSourceFields.partial(), "The fields of a source to change, with the version it was read at"),
  };
}
