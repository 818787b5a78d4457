// Contact surfaces in the OpenAPI description (openapi.ts): the routes of
// contact-surfaces.ts. Request bodies are the verbs' Zod schemas; the
// answers are described field by field, as contact-surfaces/read.ts gives them.
import { z } from 'zod';
import { CONTACT_SURFACE_KINDS, VISIBILITIES } from '../db/schema.ts';
import { listContactSurfacesSchema } from '../domain/contact-surfaces/read.ts';
import { changeContactSurfaceSchema, createContactSurfaceSchema, removeContactSurfaceSchema } from '../domain/contact-surfaces/schemas.ts';
import { DATES, errorResponse, inputSchema, write } from './openapi-writes.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: ['string', 'null'] };
const idParam = { name: 'id', in: 'path', required: true, description: "The contact surface's id", schema: { type: 'integer', minimum: 1 } };
const notFound = errorResponse('No such contact surface, or one the reader may not read');
const stale = errorResponse('The contact surface was changed since the version sent (expectedVersion): `current` holds it as stored now');
const linked = {
  actors: { type: 'array', items: { type: 'object', required: ['slug', 'name', 'county'], properties: { slug: { type: 'string' }, name: { type: 'string' }, county: text } } },
  places: { type: 'array', items: { type: 'object', required: ['slug', 'name', 'native'], properties: { slug: { type: 'string' }, name: { type: 'string' }, native: text } } },
};
const rowProperties = {
  id: { type: 'integer' },
  kind: { type: 'string', enum: [...CONTACT_SURFACE_KINDS] },
  title: { type: 'string' },
  titleEn: text,
  date: { ...text, description: 'EDTF' },
  endDate: { ...text, description: 'EDTF' },
  visibility: { type: 'string', enum: [...VISIBILITIES] },
  organisationId: { type: 'integer' },
  ...linked,
};
const rowRequired = ['id', 'kind', 'title', 'titleEn', 'date', 'endDate', 'visibility', 'organisationId', 'actors', 'places'];

export function contactSurfaceComponents() {
  return {
    ContactSurfaceRow: { type: 'object', required: rowRequired, properties: rowProperties },
    ContactSurface: {
      type: 'object',
      required: [...rowRequired, 'description', 'descriptionEn', 'version', 'organisation', 'updatedAt', 'sources'],
      properties: {
        ...rowProperties,
        description: text,
        descriptionEn: text,
        version: { type: 'integer', minimum: 1, description: 'Send it as expectedVersion when changing or removing the surface' },
        organisation: { type: 'string' },
        updatedAt: { type: 'string' },
        sources: { type: 'array', items: { type: 'object', required: ['slug', 'title', 'url'], properties: { slug: { type: 'string' }, title: { type: 'string' }, url: text } } },
      },
    },
    CreateContactSurface: inputSchema(createContactSurfaceSchema, 'A contact surface: its Swedish bodies by slug or name, its Chinese places by slug or Latin name, its sources by slug'),
    ChangeContactSurface: inputSchema(changeContactSurfaceSchema, 'The contact surface as a whole, with the version read as expectedVersion'),
    RemoveContactSurface: inputSchema(removeContactSurfaceSchema, 'The version read as expectedVersion, and why (kept in the history)'),
  };
}

export function contactSurfacePaths() {
  const query = Object.entries(listContactSurfacesSchema.shape).map(([name, field]) => ({ name, in: 'query', required: false, schema: z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) }));
  return {
    '/api/contact-surfaces': {
      get: {
        operationId: 'listContactSurfaces',
        summary: 'Contact surfaces beyond the agreements, newest first, 50 a page, as far as the reader may read each',
        parameters: query,
        responses: {
          200: {
            description: 'One page of the list, with the total',
            content: { 'application/json': { schema: { type: 'object', required: ['query', 'total', 'rows', 'pages'], properties: { query: { type: 'object' }, total: { type: 'integer' }, pages: { type: 'integer' }, rows: { type: 'array', items: ref('ContactSurfaceRow') } } } } },
          },
          400: errorResponse('A bad parameter, or one this address does not take: the body names it'),
        },
      },
      post: write('createContactSurface', "Add a contact surface to the key holder's organisation", DATES, 'CreateContactSurface', 'The contact surface', {}, undefined, 201, ref('ContactSurface')),
    },
    '/api/contact-surfaces/{id}': {
      get: { operationId: 'getContactSurface', summary: 'One contact surface with its links and sources', parameters: [idParam], responses: { 200: { description: 'The contact surface', content: { 'application/json': { schema: ref('ContactSurface') } } }, 400: errorResponse('A parameter this address does not take'), 404: notFound } },
      put: write('changeContactSurface', 'Change a contact surface of the key holder’s organisation, as a whole', `Send every field, with the version read as expectedVersion: if someone changed it since, the answer is 409 with the surface as stored now. ${DATES}`, 'ChangeContactSurface', 'The contact surface with its new version', { 404: notFound, 409: stale }, [idParam], 200, ref('ContactSurface')),
      delete: write('removeContactSurface', 'Remove a contact surface of the key holder’s organisation, with its links and citations', 'Send the version read as expectedVersion: if someone changed it since, the answer is 409 and nothing is removed.', 'RemoveContactSurface', 'The id of the surface removed', { 404: notFound, 409: stale }, [idParam], 200, { type: 'object', required: ['removed'], properties: { removed: { type: 'integer' } } }),
    },
  };
}
