// The API's OpenAPI 3.1 description. Query parameters and request bodies come
// from the same Zod schemas the verbs parse with, so the document cannot drift
// from them; a test compares its operations with the router's routes, both
// ways, and another lints it with Redocly's recommended rules. Every read
// answers GET and HEAD; a method an address does not take gets 405 with
// Allow. A parameter an address does not take is refused (400, naming it).
import { z } from 'zod';
import { listActorsSchema } from '../domain/actors/list.ts';
import { listAgreementsSchema } from '../domain/agreements/schemas.ts';
import { listCounterpartsSchema } from '../domain/counterparts/list.ts';
import { ERROR_CODES } from '../domain/errors.ts';
import { CONTACT_SURFACE_KINDS } from '../db/schema.ts';
import { STATUS_ORDER } from '../domain/statistics/by-status.ts';
import { RULE_IDS } from '../domain/statistics/rules.ts';
import { STATISTIC_TABLE_NAMES } from '../domain/statistics/tables.ts';
import { TABLES } from '../domain/transfer/exchange/format.ts';
import { HTTP_ERROR_CODES } from './errors.ts';
import { CHART_NAMES } from '../web/charts/statistics-charts.ts';
import { DATA_LICENCE } from '../domain/transfer/dcat.ts';
import { errorResponse, writeComponents, writePaths } from './openapi-writes.ts';
import { followUpComponents, followUpPaths } from './openapi-follow-up.ts';
import { decisionBasisComponents, decisionBasisPaths } from './openapi-decisions.ts';
import { contactSurfaceComponents, contactSurfacePaths } from './openapi-contact-surfaces.ts';
import { knowledgeComponents, knowledgePaths } from './openapi-knowledge.ts';
import { actionPlanComponents, actionPlanPaths } from './openapi-action-plans.ts';
import { coordinationComponents, coordinationPaths, networkComponents, networkPaths } from './openapi-coordination.ts';

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
const badParameter = errorResponse('A bad parameter, or one this address does not take: the body names it');
const notFoundResponse = errorResponse('No such record, or one the reader may not read');
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
/** A count per kind of contact surface. */
const kindCounts = { type: 'object', required: [...CONTACT_SURFACE_KINDS], properties: Object.fromEntries(CONTACT_SURFACE_KINDS.map((k) => [k, { type: 'integer', minimum: 0 }])) };
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
          quietAgreements: {
            type: 'object',
            description:
              "Public agreements in force (active) with no public sign of life (an activity, or an event that says the tie lives) for their organisation's quiet months (24 by default) on the day `on`, by kind and by the county of their Swedish parties (an agreement counts in each of its counties; county null: none)",
            required: ['on', 'total', 'byCounty', 'byKind'],
            properties: {
              on: { type: 'string', format: 'date' },
              total: { type: 'integer', minimum: 0 },
              byCounty: { type: 'array', items: { type: 'object', required: ['county', 'count'], properties: { county: { type: ['string', 'null'] }, count: { type: 'integer', minimum: 0 } } } },
              byKind: { type: 'array', items: { type: 'object', required: ['kind', 'count'], properties: { kind: { type: 'string' }, count: { type: 'integer', minimum: 0 } } } },
            },
          },
          contactSurfaces: {
            type: 'object',
            description:
              'Public contact surfaces per county (of the Swedish bodies they link) and per province (of the Chinese places they link), by kind; a surface counts once in each county and province it concerns',
            required: ['perCounty', 'perProvince'],
            properties: {
              perCounty: { type: 'array', items: { type: 'object', required: ['county', 'counts', 'total'], properties: { county: { type: 'string' }, counts: kindCounts, total: { type: 'integer', minimum: 0 } } } },
              perProvince: {
                type: 'array',
                items: { type: 'object', required: ['slug', 'name', 'counts', 'total'], properties: { slug: { type: 'string' }, name: { type: 'string' }, native: { type: ['string', 'null'] }, counts: kindCounts, total: { type: 'integer', minimum: 0 } } },
              },
            },
          },
          peakUnderEveryRule: {
            type: 'object',
            description: "What every counting rule counts in force at the end of the report's peak year (2016; the report says 49), by kind, and the agreements (by slug, at most 10 listed) that make a rule count differently from the report's rule",
            required: ['year', 'rules'],
            properties: {
              year: { type: 'integer' },
              rules: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['rule', 'byKind', 'total', 'statusDiffers', 'statusDiffersCount', 'pairsCountedTwice', 'pairsCountedTwiceCount'],
                  properties: {
                    rule: { type: 'string', enum: RULE_IDS },
                    byKind: { type: 'object', additionalProperties: { type: 'integer' } },
                    total: { type: 'integer', minimum: 0 },
                    statusDiffers: {
                      type: 'array',
                      items: { type: 'object', required: ['slug', 'kind', 'inForce'], properties: { slug: { type: 'string' }, kind: { type: 'string' }, inForce: { type: 'boolean' } } },
                    },
                    statusDiffersCount: { type: 'integer', minimum: 0 },
                    pairsCountedTwice: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
                    pairsCountedTwiceCount: { type: 'integer', minimum: 0 },
                  },
                },
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

type Responses = Record<number, unknown>;

/** A read: GET (and HEAD), open to everyone; with a key, lists and records are read with its holder's rights. Any parameter it does not take is a 400. */
const read = (operationId: string, summary: string, responses: Responses, parameters?: unknown[]) => ({
  get: { operationId, summary, ...(parameters ? { parameters } : {}), responses: { ...responses, 400: badParameter } },
});

/** Paths that answer several methods (a list and its create) hold each. */
function merge(...groups: Array<Record<string, Record<string, unknown>>>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const group of groups) for (const [path, item] of Object.entries(group)) paths[path] = { ...paths[path], ...item };
  return paths;
}

/** The document; `serverUrl` is the site's public origin (http/public-url.ts). */
export function openApiDocument({ serverUrl }: { serverUrl: string }) {
  const listParameters = queryParameters(listAgreementsSchema);
  const chart = () => [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: [...CHART_NAMES] } }, ruleParam, langParam] as unknown[];
  const reads = {
    '/api/openapi.json': read('getOpenApiDocument', 'This description of the API (OpenAPI 3.1)', { 200: json('The OpenAPI document') }),
    '/api/agreements': read('listAgreements', 'List agreements (search, filters, point in time)', { 200: json('A page of agreements') }, listParameters),
    '/api/agreements.csv': read(
      'listAgreementsCsv',
      'Every matching agreement as CSV (same filters, no paging); with lang, headers for people in that language and each code\'s name beside it',
      { 200: file('CSV, UTF-8 with BOM', 'text/csv') },
      [...listParameters, { ...langParam, schema: { type: 'string', enum: ['sv', 'en'] } }, sepParam],
    ),
    '/api/agreements/{slug}': read('getAgreement', 'One agreement with its timeline, reasons, quotations and sources', { 200: json('The agreement'), 404: notFoundResponse }, [slugParam]),
    '/api/actors': read('listActors', 'Swedish parties', { 200: json('Actors') }, queryParameters(listActorsSchema)),
    '/api/actors/{slug}': read('getActor', 'One Swedish party with its agreements', { 200: json('The actor'), 404: notFoundResponse }, [slugParam]),
    '/api/counterparts': read('listCounterparts', 'Foreign counterparts in their hierarchy', { 200: json('Counterparts') }, queryParameters(listCounterpartsSchema)),
    '/api/counterparts/{slug}': read('getCounterpart', 'One counterpart with every agreement inside it', { 200: json('The counterpart'), 404: notFoundResponse }, [slugParam]),
    '/api/sources/{slug}': read('getSource', 'One source (a confidential one is never public), with the documents kept with it that the reader may download (`documents`: id, fileName, mediaType, sizeBytes, public, address)', { 200: json('The source and its documents'), 404: notFoundResponse }, [slugParam]),
    '/api/statistics': read('getStatistics', "Every statistic under a counting rule, with the report's statements", { 200: statisticsResponse }, [ruleParam, langParam]),
    '/api/statistics/{name}.csv': read(
      'getStatisticCsv',
      "One statistic as CSV; with lang, headers for people in that language and each code's name beside it",
      { 200: file('CSV', 'text/csv'), 404: notFoundResponse },
      [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: STATISTIC_TABLE_NAMES } }, ruleParam, { ...langParam, schema: { type: 'string', enum: ['sv', 'en'] } }, sepParam],
    ),
    '/api/statistics/{name}.svg': read('getChartSvg', 'One chart as SVG, with its title and a summary in words', { 200: file('SVG', 'image/svg+xml'), 404: notFoundResponse }, chart()),
    '/api/statistics/{name}.png': read('getChartPng', 'One chart as PNG', { 200: file('PNG', 'image/png'), 404: notFoundResponse }, chart()),
    '/api/maps/ties.svg': read('getTiesMapSvg', "The ties between Swedish parties and Chinese places as a map (the list's filters)", { 200: file('SVG', 'image/svg+xml') }, [...listParameters, langParam]),
    '/api/maps/ties.png': read('getTiesMapPng', 'The map of ties as PNG', { 200: file('PNG', 'image/png') }, [...listParameters, langParam]),
    '/api/export.json': read('exportRegister', 'The whole public register as JSON, streamed', { 200: json('Actors, counterparts and agreements with their events, and the contact surfaces') }),
    '/api/exchange/{table}.csv': read('getExchangeTableCsv', 'One table of the exchange format (the columns the import reads) as CSV, streamed', { 200: file('CSV, UTF-8 with BOM', 'text/csv') }, [tableParam, sepParam]),
    '/api/exchange/register.xlsx': read('getExchangeWorkbook', 'Every table of the exchange format as one workbook, streamed', { 200: file('XLSX', XLSX) }),
    '/api/exchange/register.json': read('getExchangeJson', 'Every table of the exchange format as JSON, streamed', { 200: json(`{ format, version, ${TABLES.join(', ')} }`) }),
    '/api/exchange/template.xlsx': read('getTemplateWorkbook', 'An empty workbook to fill in for an import', { 200: file('XLSX', XLSX) }),
    '/api/exchange/template/{table}.csv': read('getTemplateTableCsv', 'An empty table to fill in for an import', { 200: file('CSV', 'text/csv') }, [tableParam, sepParam]),
    '/api/dcat.jsonld': read('getDcatCatalogue', 'The open data described as a DCAT-AP-SE catalogue: the dataset, every download and this API, with their licence', {
      200: { description: 'JSON-LD (dcat:Catalog)', content: { 'application/ld+json': { schema: { type: 'object' } } } },
    }),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ortsband API',
      version: '1',
      description:
        "The register of Swedish municipalities', regions' and county boards' agreements with Chinese counterparts. Without a key it reads the public register (no personal data). " +
        'With a personal access key (made on the account page, sent as `Authorization: Bearer <key>`) lists and records are read with the rights of its holder, and a key with the scope `write` changes the records of its holder\'s organisation. ' +
        'A browser session is not a key: it does not write through the API.',
      license: { name: 'CC BY 4.0 (the data)', url: DATA_LICENCE.replace(/^http:/, 'https:') },
    },
    servers: [{ url: serverUrl, description: 'This installation' }],
    // Reads need no key; a key makes them read with its holder's rights. Writes say their own.
    security: [{}, { accessKey: [] }],
    paths: merge(reads, writePaths(), followUpPaths(), actionPlanPaths(), contactSurfacePaths(), knowledgePaths(), networkPaths(), coordinationPaths(), decisionBasisPaths()),
    components: {
      securitySchemes: {
        accessKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ortsband_ and 43 characters',
          description: 'A personal access key, made and revoked on the account page; the scope read or write, with an expiry. The register keeps only its SHA-256.',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'problems'],
              properties: {
                code: { type: 'string', enum: [...ERROR_CODES, ...HTTP_ERROR_CODES] },
                message: { type: 'string' },
                problems: {
                  description: 'Each field (dotted for nested input: events.2.date), query parameter or header at fault, with what is wrong',
                  type: 'array',
                  items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
                },
                current: { description: 'With CONFLICT: the record as stored now, at least its version', type: 'object' },
              },
            },
          },
        },
        ...writeComponents(),
        ...followUpComponents(),
        ...actionPlanComponents(),
        ...contactSurfaceComponents(),
        ...knowledgeComponents(),
        ...networkComponents(),
        ...coordinationComponents(),
        ...decisionBasisComponents(),
      },
    },
  };
}
