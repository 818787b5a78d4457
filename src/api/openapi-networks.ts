// Networks of bodies in the OpenAPI description (openapi.ts), described
// field by field as domain/coordination/networks.ts gives them.
import { NETWORK_KINDS, VISIBILITIES } from '../db/schema.ts';
import { errorResponse } from './openapi-writes.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: ['string', 'null'] };
const organisation = { type: 'object', required: ['slug', 'name'], properties: { slug: { type: 'string' }, name: { type: 'string' } } };
const idParam = { name: 'id', in: 'path', required: true, description: "The network's id", schema: { type: 'integer', minimum: 1 } };

const NetworkSummary = {
  type: 'object',
  description: 'A network as the list gives it',
  required: ['id', 'name', 'kind', 'county', 'visibility', 'convener', 'members', 'nextMeeting'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    kind: { type: 'string', enum: [...NETWORK_KINDS] },
    county: { ...text, description: 'The länskod of the county it serves, if any' },
    visibility: { type: 'string', enum: [...VISIBILITIES] },
    convener: { type: 'string', description: 'The name of the convening organisation' },
    members: { type: 'integer', minimum: 1, description: 'Member organisations, the convener included' },
    nextMeeting: { ...text, description: 'EDTF: the next meeting not yet past, if one is recorded' },
  },
};

const NetworkMeeting = {
  type: 'object',
  required: ['id', 'heldOn', 'place', 'agenda', 'minutes', 'version'],
  properties: {
    id: { type: 'integer' },
    heldOn: { type: 'string', description: 'EDTF, at the precision known' },
    place: text,
    agenda: text,
    minutes: { ...text, description: "For the network's members only: null for everyone else" },
    version: { type: 'integer', minimum: 1 },
  },
};

const Network = {
  type: 'object',
  required: ['id', 'name', 'description', 'kind', 'county', 'visibility', 'version', 'convener', 'members', 'meetings', 'notes'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    description: text,
    kind: { type: 'string', enum: [...NETWORK_KINDS] },
    county: text,
    visibility: { type: 'string', enum: [...VISIBILITIES] },
    version: { type: 'integer', minimum: 1 },
    convener: organisation,
    members: { type: 'array', items: organisation, description: 'The member organisations besides the convener, by name' },
    meetings: { type: 'array', items: ref('NetworkMeeting'), description: 'The latest first' },
    notes: {
      type: 'array',
      description: "Notes shared inside the network, the latest first: for its members only, an empty list for everyone else",
      items: {
        type: 'object',
        required: ['id', 'organisation', 'writtenBy', 'body', 'createdAt'],
        properties: { id: { type: 'integer' }, organisation: { type: 'string' }, writtenBy: { type: 'string' }, body: { type: 'string' }, createdAt: { type: 'string', description: 'Stockholm time, YYYY-MM-DD HH:MM' } },
      },
    },
  },
};

export function networkPaths() {
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
    },
  };
}

export function networkComponents() {
  return { Network, NetworkSummary, NetworkMeeting };
}
