// The API's OpenAPI 3.1 description. Query parameters come from the same Zod
// schemas the verbs parse with, so the document cannot drift from them.
import { z } from 'zod';
import { listActorsSchema } from '../domain/actors/list.ts';
import { listAgreementsSchema } from '../domain/agreements/schemas.ts';
import { listCounterpartsSchema } from '../domain/counterparts/list.ts';
import { RULE_IDS } from '../domain/statistics/rules.ts';
import { STATISTIC_TABLE_NAMES } from '../domain/statistics/tables.ts';
import { CHART_NAMES } from '../web/charts/statistics-charts.ts';

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    schema: z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }),
  }));
}

const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const ruleParam = { name: 'rule', in: 'query', required: false, schema: { type: 'string', enum: RULE_IDS, default: 'report' } };
const errorResponse = {
  description: 'A bad parameter: the body names it',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ortsband API',
      version: '1',
      description:
        "The public register of Swedish municipalities', regions' and county boards' agreements with Chinese counterparts. Only public records are returned; no personal data.",
    },
    paths: {
      '/api/agreements': { get: { summary: 'List agreements (search, filters, point in time)', parameters: queryParameters(listAgreementsSchema), responses: { 200: json('A page of agreements'), 400: errorResponse } } },
      '/api/agreements.csv': { get: { summary: 'Every matching agreement as CSV (same filters, no paging)', parameters: queryParameters(listAgreementsSchema), responses: { 200: { description: 'CSV, UTF-8 with BOM', content: { 'text/csv': {} } }, 400: errorResponse } } },
      '/api/agreements/{slug}': { get: { summary: 'One agreement with its timeline, reasons, quotations and sources', parameters: [slugParam], responses: { 200: json('The agreement'), 404: errorResponse } } },
      '/api/actors': { get: { summary: 'Swedish parties', parameters: queryParameters(listActorsSchema), responses: { 200: json('Actors'), 400: errorResponse } } },
      '/api/actors/{slug}': { get: { summary: 'One Swedish party with its agreements', parameters: [slugParam], responses: { 200: json('The actor'), 404: errorResponse } } },
      '/api/counterparts': { get: { summary: 'Foreign counterparts in their hierarchy', parameters: queryParameters(listCounterpartsSchema), responses: { 200: json('Counterparts'), 400: errorResponse } } },
      '/api/counterparts/{slug}': { get: { summary: 'One counterpart with every agreement inside it', parameters: [slugParam], responses: { 200: json('The counterpart'), 404: errorResponse } } },
      '/api/statistics': { get: { summary: "Every statistic under a counting rule, with the report's statements", parameters: [ruleParam], responses: { 200: json('Statistics'), 400: errorResponse } } },
      '/api/statistics/{name}.csv': {
        get: {
          summary: 'One statistic as CSV',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: STATISTIC_TABLE_NAMES } }, ruleParam],
          responses: { 200: { description: 'CSV', content: { 'text/csv': {} } }, 400: errorResponse, 404: errorResponse },
        },
      },
      '/api/statistics/{name}.svg': {
        get: {
          summary: 'One chart as SVG, with its title and a summary in words',
          parameters: [
            { name: 'name', in: 'path', required: true, schema: { type: 'string', enum: [...CHART_NAMES] } },
            ruleParam,
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['sv', 'en'], default: 'sv' } },
          ],
          responses: { 200: { description: 'SVG', content: { 'image/svg+xml': {} } }, 400: errorResponse, 404: errorResponse },
        },
      },
      '/api/export.json': { get: { summary: 'The whole public register as JSON', responses: { 200: json('Actors, counterparts and agreements with their events') } } },
      '/api/dcat.jsonld': {
        get: {
          summary: 'The open data described as a DCAT-AP-SE catalogue: the dataset, every download and this API, with their licence',
          responses: { 200: { description: 'JSON-LD (dcat:Catalog)', content: { 'application/ld+json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string', enum: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'] },
                message: { type: 'string' },
                problems: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
  };
}
