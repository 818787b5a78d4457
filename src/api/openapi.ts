// The API's OpenAPI 3.1 description. Query parameters come from the same Zod
// schemas the verbs parse with, so the document cannot drift from them; a
// test compares its paths with the router's routes, both ways. Every address
// answers GET and HEAD; any other method gets 405 with Allow. A parameter an
// address does not take is refused (400, naming it).
import { z } from 'zod';
import { listActorsSchema } from '../domain/actors/list.ts';
import { listAgreementsSchema } from '../domain/agreements/schemas.ts';
import { listCounterpartsSchema } from '../domain/counterparts/list.ts';
import { ERROR_CODES } from '../domain/errors.ts';
import { STATUS_ORDER } from '../domain/statistics/by-status.ts';
import { RULE_IDS } from '../domain/statistics/rules.ts';
import { STATISTIC_TABLE_NAMES } from '../domain/statistics/tables.ts';
import { TABLES } from '../domain/transfer/exchange/format.ts';
import { HTTP_ERROR_CODES } from './errors.ts';
import { CHART_NAMES } from '../web/charts/statistics-charts.ts';

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    schema: z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }),
  }));
}

const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(-{1,2}[a-z0-9]+)*$', maxLength: 120 } };
const ruleParam = { name: 'rule', in: 'query', required: false, schema: { type: 'string', enum: RULE_IDS, default: 'report' } };
const langParam = { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['sv', 'en'], default: 'sv' } };
const sepParam = { name: 'sep', in: 'query', required: false, schema: { type: 'string', enum: ['comma', 'semicolon'], default: 'comma' }, description: 'semicolon for Excel with Swedish settings' };
const tableParam = { name: 'table', in: 'path', required: true, schema: { type: 'string', enum: [...TABLES] } };
const errorResponse = {
  description: 'A bad parameter, or one this address does not take: the body names it',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const notFoundResponse = { ...errorResponse, description: 'No such record' };
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
/** The statistics' answer; the count per current status is described field by field, the rest as objects. */
const statisticsResponse = {
  description: 'Statistics',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          byStatus: {
            type: 'array',
            description: 'Per current status of the public register: agreements (each on its own, as the list filtered by the status counts them) and counted cooperations under the rule',
            items: {
              type: 'object',
              required: ['status', 'agreements', 'counted'],
              properties: {
                status: { type: 'string', enum: [...STATUS_ORDER] },
                agreements: { type: 'integer', minimum: 0 },
                counted: { type: 'integer', minimum: 0 },
              },
            },
          },
        },
      },
    },
  },
};
const file = (description: string, type: string) => ({ description, content: { [type]: {} } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
      '/api/openapi.json': { get: { summary: 'This description of the API (OpenAPI 3.1)', responses: { 200: json('The OpenAPI document') } } },
      '/api/agreements': { get: { summary: 'List agreements (search, filters, point in time)', parameters: queryParameters(listAgreementsSchema), responses: { 200: json('A page of agreements'), 400: errorResponse } } },
      '/api/agreements.csv': { get: { summary: 'Every matching agreement as CSV (same filters, no paging)', parameters: queryParameters(listAgreementsSchema), responses: { 200: file('CSV, UTF-8 with BOM', 'text/csv'), 400: errorResponse } } },
      '/api/agreements/{slug}': { get: { summary: 'One agreement with its timeline, reasons, quotations and sources', parameters: [slugParam], responses: { 200: json('The agreement'), 404: notFoundResponse } } },
      '/api/actors': { get: { summary: 'Swedish parties', parameters: queryParameters(listActorsSchema), responses: { 200: json('Actors'), 400: errorResponse } } },
      '/api/actors/{slug}': { get: { summary: 'One Swedish party with its agreements', parameters: [slugParam], responses: { 200: json('The actor'), 404: notFoundResponse } } },
      '/api/counterparts': { get: { summary: 'Foreign counterparts in their hierarchy', parameters: queryParameters(listCounterpartsSchema), responses: { 200: json('Counterparts'), 400: errorResponse } } },
      '/api/counterparts/{slug}': { get: { summary: 'One counterpart with every agreement inside it', parameters: [slugParam], responses: { 200: json('The counterpart'), 404: notFoundResponse } } },
      '/api/statistics': { get: { summary: "Every statistic under a counting rule, with the report's statements", parameters: [ruleParam, langParam], responses: { 200: statisticsResponse, 400: errorResponse } } },
      '/api/statistics/{name}.csv': {
        get: {
          summary: 'One statistic as CSV',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: STATISTIC_TABLE_NAMES } }, ruleParam, langParam],
          responses: { 200: file('CSV', 'text/csv'), 400: errorResponse, 404: notFoundResponse },
        },
      },
      '/api/statistics/{name}.svg': {
        get: {
          summary: 'One chart as SVG, with its title and a summary in words',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: [...CHART_NAMES] } }, ruleParam, langParam],
          responses: { 200: file('SVG', 'image/svg+xml'), 400: errorResponse, 404: notFoundResponse },
        },
      },
      '/api/statistics/{name}.png': {
        get: {
          summary: 'One chart as PNG',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: [...CHART_NAMES] } }, ruleParam, langParam],
          responses: { 200: file('PNG', 'image/png'), 400: errorResponse, 404: notFoundResponse },
        },
      },
      '/api/maps/ties.svg': { get: { summary: "The ties between Swedish parties and Chinese places as a map (the list's filters)", parameters: [...queryParameters(listAgreementsSchema), langParam], responses: { 200: file('SVG', 'image/svg+xml'), 400: errorResponse } } },
      '/api/maps/ties.png': { get: { summary: 'The map of ties as PNG', parameters: [...queryParameters(listAgreementsSchema), langParam], responses: { 200: file('PNG', 'image/png'), 400: errorResponse } } },
      '/api/export.json': { get: { summary: 'The whole public register as JSON, streamed', responses: { 200: json('Actors, counterparts and agreements with their events') } } },
      '/api/exchange/{table}.csv': {
        get: { summary: 'One table of the exchange format (the columns the import reads) as CSV, streamed', parameters: [tableParam, sepParam], responses: { 200: file('CSV, UTF-8 with BOM', 'text/csv'), 400: errorResponse } },
      },
      '/api/exchange/register.xlsx': { get: { summary: 'Every table of the exchange format as one workbook, streamed', responses: { 200: file('XLSX', XLSX) } } },
      '/api/exchange/register.json': { get: { summary: 'Every table of the exchange format as JSON, streamed', responses: { 200: json('{ format, version, sources, actors, counterparts, agreements }') } } },
      '/api/exchange/template.xlsx': { get: { summary: 'An empty workbook to fill in for an import', responses: { 200: file('XLSX', XLSX) } } },
      '/api/exchange/template/{table}.csv': { get: { summary: 'An empty table to fill in for an import', parameters: [tableParam, sepParam], responses: { 200: file('CSV', 'text/csv'), 400: errorResponse } } },
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
                code: { type: 'string', enum: [...ERROR_CODES, ...HTTP_ERROR_CODES] },
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
