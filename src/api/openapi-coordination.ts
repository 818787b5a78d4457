// Networks of bodies and the coordinators' overviews in the OpenAPI description (openapi.ts), described
// field by field as domain/coordination/networks.ts gives them.
import { z } from 'zod';
import { CONTACT_SURFACE_KINDS, NETWORK_KINDS, RISK_LEVELS, VISIBILITIES } from '../db/schema.ts';
import { DOCUMENT_MAX_BYTES } from '../db/schema.ts';
import { addMemberSchema, changeNetworkSchema, endNetworkSchema, meetingSchema, reopenNetworkSchema } from '../domain/coordination/networks.ts';
import { RISK_AREAS } from '../domain/decisions/schemas.ts';
import { DATES, errorResponse, inputSchema, write } from './openapi-writes.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: ['string', 'null'] };
const organisation = { type: 'object', required: ['slug', 'name'], properties: { slug: { type: 'string' }, name: { type: 'string' } } };
const meetingParam = { name: 'meetingId', in: 'path', required: true, description: "The meeting's id, as GET /api/networks/{id} lists it", schema: { type: 'integer', minimum: 1 } };
const documentParam = { name: 'documentId', in: 'path', required: true, description: "The document's id, as the meeting lists it", schema: { type: 'integer', minimum: 1 } };
const idParam = { name: 'id', in: 'path', required: true, description: "The network's id", schema: { type: 'integer', minimum: 1 } };

const NetworkSummary = {
  type: 'object',
  description: 'A network as the list gives it',
  required: ['id', 'name', 'kind', 'county', 'visibility', 'convener', 'members', 'nextMeeting', 'endedOn'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    kind: { type: 'string', enum: [...NETWORK_KINDS] },
    county: { ...text, description: "The länskod of the county it serves: a county's network has one, the others may" },
    visibility: { type: 'string', enum: [...VISIBILITIES] },
    convener: { type: 'string', description: 'The name of the convening organisation' },
    members: { type: 'integer', minimum: 1, description: 'Member organisations, the convener included' },
    nextMeeting: { ...text, description: 'EDTF: the next meeting not yet past, if one is recorded and the network has not ended' },
    endedOn: { ...text, format: 'date', description: 'The day the network ended, if it has' },
  },
};

const NetworkMeetingDocument = {
  type: 'object',
  description: "A meeting's document as the network's members read it named",
  required: ['id', 'fileName', 'mediaType', 'sizeBytes', 'sha256', 'addedBy', 'address'],
  properties: {
    id: { type: 'integer' },
    fileName: { type: 'string' },
    mediaType: { type: 'string', enum: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] },
    sizeBytes: { type: 'integer', minimum: 1 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    addedBy: { type: 'string', description: 'The e-mail address of the person who added it' },
    addedByName: { type: 'string', description: 'Their name (the address where no account has it); in a meeting\'s list' },
    address: { type: 'string', description: 'Where a browser downloads its bytes: /dokument/{id} (a program: GET /api/networks/{id}/meetings/{meetingId}/documents/{documentId})' },
  },
};

const NetworkMeeting = {
  type: 'object',
  required: ['id', 'heldOn', 'place', 'agenda', 'minutes', 'version', 'documents'],
  properties: {
    id: { type: 'integer' },
    heldOn: { type: 'string', description: 'EDTF, at the precision known' },
    place: text,
    agenda: text,
    minutes: { ...text, description: "For the network's members only: null for everyone else" },
    version: { type: 'integer', minimum: 1 },
    documents: {
      type: 'array',
      description: "The meeting's documents (agenda, minutes and the like as files), for the network's members only: an empty list for everyone else",
      items: ref('NetworkMeetingDocument'),
    },
  },
};

const Network = {
  type: 'object',
  required: ['id', 'name', 'description', 'kind', 'county', 'visibility', 'version', 'endedOn', 'convener', 'members', 'meetings', 'notes'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    description: text,
    kind: { type: 'string', enum: [...NETWORK_KINDS] },
    county: text,
    visibility: { type: 'string', enum: [...VISIBILITIES] },
    version: { type: 'integer', minimum: 1, description: 'Send it as expectedVersion when changing or ending the network' },
    endedOn: { ...text, format: 'date', description: 'The day the network ended, if it has: it takes no new members, meetings, meeting changes, meeting documents or notes' },
    convener: organisation,
    members: { type: 'array', items: organisation, description: 'The member organisations besides the convener, by name' },
    meetings: { type: 'array', items: ref('NetworkMeeting'), description: 'The latest first' },
    notes: {
      type: 'array',
      description: "Notes shared inside the network, the latest first: for its members only, an empty list for everyone else",
      items: {
        type: 'object',
        required: ['id', 'organisation', 'writtenBy', 'writtenByName', 'body', 'createdAt'],
        properties: { id: { type: 'integer' }, organisation: { type: 'string' }, writtenBy: { type: 'string', description: 'The e-mail address of the person who wrote it' }, writtenByName: { type: 'string', description: 'Their name (the address where no account has it)' }, body: { type: 'string' }, createdAt: { type: 'string', description: 'Stockholm time, YYYY-MM-DD HH:MM' } },
      },
    },
  },
};

const notFound = errorResponse('No such network, or one the key holder may not read');
const notKeeper = errorResponse("A read-only key, or a person who is not one of the network's keepers (the convening organisation's coordinators, and administrators)");
const stale = errorResponse('The network was changed since the version sent (expectedVersion), or it has ended: `current` holds it as stored now');
const ended = errorResponse('The network has ended: it takes no new members, meetings or meeting documents (`current` holds it)');
const networkAnswer = { description: 'The network, as GET /api/networks/{id} gives it to the key holder', content: { 'application/json': { schema: ref('Network') } } };

/** A write that answers 204 with no body, and whose JSON body may be left out. */
function answeredEmpty(operation: ReturnType<typeof write>) {
  const { 201: _made, ...refusals } = operation.responses as Record<number, unknown>;
  return { ...operation, requestBody: { ...operation.requestBody, required: false }, responses: { 204: { description: 'Removed: no body' }, ...refusals } };
}

export function networkPaths() {
  const onNetwork = (refusals: Record<number, unknown>) => ({ 403: notKeeper, 404: notFound, ...refusals });
  return {
    '/api/networks': {
      get: {
        operationId: 'listNetworks',
        summary: 'The networks of bodies the reader may read, by name',
        description: "Without a key, the public networks. With a key, also the shared ones and those the holder's organisation is a member of.",
        responses: {
          200: { description: 'The networks', content: { 'application/json': { schema: { type: 'array', items: ref('NetworkSummary') } } } },
          400: errorResponse('A parameter this address does not take: the body names it'),
        },
      },
    },
    '/api/networks/{id}': {
      get: {
        operationId: 'getNetwork',
        summary: 'A network with its members and meetings; its minutes and notes for its members only',
        parameters: [idParam],
        responses: {
          200: { description: 'The network', content: { 'application/json': { schema: ref('Network') } } },
          400: errorResponse('A parameter this address does not take: the body names it'),
          404: errorResponse('No such network, or one the reader may not read'),
        },
      },
      patch: write(
        'changeNetwork',
        "Change a network's name, description, kind, county and visibility: those sent change, the others stay",
        "The network's keepers only. Send the network's version you read as expectedVersion: if someone changed it since, the answer is 409 with the network as stored now (`current`) and nothing is written. An ended network may still be corrected.",
        'ChangeNetwork',
        networkAnswer.description,
        onNetwork({ 409: stale }),
        [idParam],
        200,
        ref('Network'),
      ),
    },
    '/api/networks/{id}/end': {
      post: write(
        'endNetwork',
        'End a network on a day (today or earlier)',
        'The network\'s keepers only, at the version read (expectedVersion). Nothing is removed: its members, meetings, minutes, notes and documents stay, read as before; it takes no new members, meetings, meeting changes, meeting documents or notes. Ending it twice is 409.',
        'EndNetwork',
        networkAnswer.description,
        onNetwork({ 409: stale }),
        [idParam],
        200,
        ref('Network'),
      ),
    },
    '/api/networks/{id}/reopen': {
      post: write(
        'reopenNetwork',
        'Reopen an ended network',
        "The network's keepers only, at the version read (expectedVersion). It takes new members, meetings and notes again; the day it had ended stays in its history. Reopening a network that is not ended is 409.",
        'ReopenNetwork',
        networkAnswer.description,
        onNetwork({ 409: errorResponse('The network is not ended, or was changed since the version sent (expectedVersion): `current` holds it as stored now') }),
        [idParam],
        200,
        ref('Network'),
      ),
    },
    '/api/networks/{id}/meetings/{meetingId}/documents': {
      post: {
        ...write(
          'addNetworkMeetingDocument',
          "Add a document (an agenda, minutes and the like as a file) to a network's meeting",
          `The network's members who write notes (its members' editors, coordinators and administrators). Sent as multipart/form-data, as the meeting's page sends it: the file in the part \`file\` (a PDF, PNG, JPEG or TIFF of at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB, its type read from its bytes and agreeing with its name and declared type), a comment for the history in \`reason\`. A file that is missing, empty, too large or of another type, or one of a name the meeting holds already, is refused naming \`file\`, and nothing is stored. An ended network's meetings take no documents (409). The document is read by the network's members only.`,
          'NetworkMeetingDocumentUpload',
          "The document, as GET /api/networks/{id} lists it under its meeting, with `download`: where its bytes are read (also in Location)",
          {
            403: errorResponse("A read-only key, or a person who is not of the network's members"),
            404: errorResponse('No such network or meeting of it, or a network the key holder may not read'),
            409: errorResponse('The network has ended: its meetings take no documents until its keepers reopen it'),
            413: errorResponse(`A file larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB: \`problems\` names \`file\``),
            415: errorResponse('A body that is not sent as Content-Type: multipart/form-data'),
          },
          [idParam, meetingParam],
          201,
          { allOf: [ref('NetworkMeetingDocument'), { type: 'object', required: ['download'], properties: { download: { type: 'string' } } }] },
        ),
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                additionalProperties: false,
                properties: { file: { type: 'string', format: 'binary', description: 'The document: a PDF, PNG, JPEG or TIFF' }, reason: { type: 'string', maxLength: 2000, description: 'A comment for the history (optional)' } },
              },
            },
          },
        },
      },
    },
    '/api/networks/{id}/meetings/{meetingId}/documents/{documentId}': {
      get: {
        operationId: 'getNetworkMeetingDocument',
        summary: "A meeting's document, its bytes: for the network's members only",
        description: "Read with a key (or a browser session): without one, 401. To anyone who is not of the network's members the document is as absent as one that is not there (404).",
        security: [{ accessKey: [] }],
        parameters: [idParam, meetingParam, documentParam],
        responses: {
          401: errorResponse('No access key (or browser session): a meeting\'s documents are never public'),
          200: { description: 'The bytes, as an attachment with its name, its type, its SHA-256 as ETag; never kept by a shared cache', content: { 'application/pdf': {}, 'image/png': {}, 'image/jpeg': {}, 'image/tiff': {} } },
          400: errorResponse('A parameter this address does not take: the body names it'),
          404: errorResponse("No such network, meeting or document of it, or one the reader may not read (the network's members only)"),
        },
      },
      delete: answeredEmpty(
        write(
          'removeNetworkMeetingDocument',
          "Remove a document of a network's meeting",
          "The network's keepers, and the members of the organisation that added it. The body may be left out, or be a JSON object with a comment for the history (`reason`). The history keeps what the document was (its name, type, size and SHA-256), not its bytes.",
          'RemoveNetworkMeetingDocument',
          'Removed',
          { 403: errorResponse('A read-only key, or a person who may not remove this document'), 404: errorResponse('No such network, meeting or document of it, or one the key holder may not read') },
          [idParam, meetingParam, documentParam],
        ),
      ),
    },
    '/api/networks/{id}/members': {
      post: write('addNetworkMember', 'Add a member organisation, by its slug', "The network's keepers only. An organisation that is a member already (the convener too) is a 400 naming the field.", 'NetworkMember', networkAnswer.description, onNetwork({ 409: ended }), [idParam], 201, ref('Network')),
      delete: write(
        'removeNetworkMember',
        'Remove a member organisation, by its slug',
        "The network's keepers only. Its people stop reading the minutes, notes and meeting documents at once; what they wrote stays with the network. An organisation that is no member (the convener too) is a 400 naming the field.",
        'NetworkMember',
        networkAnswer.description,
        onNetwork({}),
        [idParam],
        200,
        ref('Network'),
      ),
    },
    '/api/networks/{id}/meetings': {
      post: write('addNetworkMeeting', 'Record a meeting of the network, its minutes too if written', `The network's keepers only. ${DATES} At least the year.`, 'NetworkMeetingInput', 'The meeting, as GET /api/networks/{id} lists it', onNetwork({ 409: ended }), [idParam], 201, ref('NetworkMeeting')),
    },
  };
}

export function networkComponents() {
  // A change takes the fields of a new network, each optional (those not sent stay), and the version read.
  const change = z.strictObject({ ...changeNetworkSchema.partial().shape, expectedVersion: z.int().min(1) });
  return {
    Network,
    NetworkSummary,
    NetworkMeeting,
    NetworkMeetingDocument,
    ReopenNetwork: inputSchema(z.strictObject({ ...reopenNetworkSchema.shape, expectedVersion: z.int().min(1) }), 'The version read, as expectedVersion'),
    RemoveNetworkMeetingDocument: inputSchema(z.strictObject({ reason: z.string().max(2000).optional() }), 'A comment for the history (optional)'),
    ChangeNetwork: inputSchema(change, 'The fields to change, with the version read as expectedVersion'),
    EndNetwork: inputSchema(z.strictObject({ ...endNetworkSchema.shape, expectedVersion: z.int().min(1) }), 'The day it ended (YYYY-MM-DD, today or earlier), with the version read as expectedVersion'),
    NetworkMember: inputSchema(addMemberSchema, "The organisation's slug"),
    NetworkMeetingInput: inputSchema(meetingSchema, 'When (EDTF, at least the year), where, the agenda and the minutes'),
  };
}

// The coordinators' overviews, as domain/coordination/overview/overview.ts gives them.
const Visit = {
  type: 'object',
  required: ['id', 'kind', 'date', 'dateMin', 'exactDay', 'title', 'titleEn', 'agreementSlug', 'partyLabel', 'counterpartLabel', 'visibility'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['visit_incoming'] },
    date: { type: 'string', description: 'EDTF' },
    dateMin: { type: 'string', format: 'date' },
    exactDay: { type: 'boolean' },
    title: { type: 'string' },
    titleEn: text,
    agreementSlug: { type: 'string' },
    partyLabel: { type: 'string' },
    counterpartLabel: { type: 'string' },
    visibility: { type: 'string', enum: [...VISIBILITIES] },
  },
};
const count = { type: 'integer', minimum: 0 };
const CoordinationOverview = {
  type: 'object',
  required: ['scope', 'reads', 'on', 'incoming', 'quiet', 'decisions', 'contactSurfaces', 'trends', 'riskGradings'],
  properties: {
    scope: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', enum: ['country', 'county', 'region'] }, county: { type: 'string', description: 'Länskod' }, name: { type: 'string' }, slug: { type: 'string', description: "The region's party" } },
    },
    reads: { type: 'string', enum: ['public', 'shared'], description: 'public without a key; with a key the shared records too, never an organisation’s internal ones' },
    on: { type: 'string', format: 'date' },
    incoming: { type: 'object', required: ['total', 'visits'], description: 'Incoming visits from today to six months ahead; the first 20', properties: { total: count, visits: { type: 'array', items: ref('OverviewVisit') } } },
    quiet: {
      type: 'object',
      required: ['total', 'agreements'],
      description: 'Agreements in force with no sign of life for their organisation’s quiet months; the 20 quiet the longest',
      properties: {
        total: count,
        agreements: {
          type: 'array',
          items: { type: 'object', required: ['slug', 'partyLabel', 'counterpartLabel', 'lastSign'], properties: { slug: { type: 'string' }, partyLabel: { type: 'string' }, counterpartLabel: { type: 'string' }, lastSign: { type: 'string', description: 'EDTF' } } },
        },
      },
    },
    decisions: {
      type: 'array',
      description: 'Endings, pauses and renewals of the last three years, the latest 20',
      items: {
        type: 'object',
        required: ['type', 'date', 'decidingBody', 'reference', 'agreementSlug', 'partyLabel', 'counterpartLabel', 'reasons'],
        properties: {
          type: { type: 'string', enum: ['ended', 'partly_ended', 'paused', 'renewed'] },
          date: { type: 'string', description: 'EDTF' },
          decidingBody: text,
          reference: text,
          agreementSlug: { type: 'string' },
          partyLabel: { type: 'string' },
          counterpartLabel: { type: 'string' },
          reasons: { type: 'array', items: { type: 'object', required: ['code', 'text', 'textEn'], properties: { code: { type: 'string' }, text, textEn: text } } },
        },
      },
    },
    contactSurfaces: { type: 'array', description: 'The contact surfaces the reader may read, in the scope (a Swedish body in its county), by kind; empty when none are recorded', items: { type: 'object', required: ['kind', 'count'], properties: { kind: { type: 'string', enum: [...CONTACT_SURFACE_KINDS] }, count } } },
    riskGradings: {
      type: ['object', 'null'],
      description:
        "How the reader's own organisation's decision bases in scope graded each risk area (the latest version of each basis). A decision basis is read by its organisation's people only, so other organisations' bases are never counted; null without a key",
      required: ['bases', 'areas'],
      properties: {
        bases: count,
        areas: {
          type: 'array',
          items: {
            type: 'object',
            required: ['area', 'levels'],
            properties: { area: { type: 'string', enum: [...RISK_AREAS] }, levels: { type: 'object', required: [...RISK_LEVELS], properties: Object.fromEntries(RISK_LEVELS.map((level) => [level, count])) } },
          },
        },
      },
    },
    trends: {
      type: 'array',
      description: 'The last eleven years, this one last',
      items: { type: 'object', required: ['year', 'established', 'ended', 'paused', 'incomingVisits'], properties: { year: { type: 'integer' }, established: count, ended: count, paused: count, incomingVisits: count } },
    },
  },
};

const overviewGet = (operationId: string, summary: string, parameters: unknown[]) => ({
  get: {
    operationId,
    summary,
    description: 'Without a key, of the public register. With a key, of the public and shared records (never an organisation’s internal ones).',
    parameters,
    responses: {
      200: { description: 'The overview', content: { 'application/json': { schema: ref('CoordinationOverview') } } },
      400: errorResponse('A parameter this address does not take: the body names it'),
      ...(parameters.length ? { 404: errorResponse('No such county or region') } : {}),
    },
  },
});

export function coordinationPaths() {
  return {
    '/api/coordination': overviewGet('getCoordinationOverview', "The coordinators' overview of all of Sweden", []),
    '/api/coordination/counties/{county}': overviewGet('getCountyCoordinationOverview', "The coordinators' overview of a county: agreements with a Swedish party in it", [
      { name: 'county', in: 'path', required: true, description: 'The länskod', schema: { type: 'string', pattern: '^[0-9]{2}$' } },
    ]),
    '/api/coordination/regions/{slug}': overviewGet('getRegionCoordinationOverview', "The coordinators' overview of a region: its county's, under its name", [
      { name: 'slug', in: 'path', required: true, description: "The region's slug as a Swedish party", schema: { type: 'string', maxLength: 120 } },
    ]),
  };
}

export function coordinationComponents() {
  return { CoordinationOverview, OverviewVisit: Visit };
}
