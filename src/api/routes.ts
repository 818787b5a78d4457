// The JSON API: parse the request, call a verb, map errors (errors.ts).
import type { Writable } from 'node:stream';
import { Hono, type Context as HonoContext } from 'hono';
import { PUBLIC_READER } from '../domain/access.ts';
import { principalOf } from '../http/session.ts';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { getActor } from '../domain/actors/get.ts';
import { listActors, listActorsSchema } from '../domain/actors/list.ts';
import { getAgreement } from '../domain/agreements/get.ts';
import { listAgreements } from '../domain/agreements/list.ts';
import type { Context } from '../domain/context.ts';
import { getCounterpart } from '../domain/counterparts/get.ts';
import { listCounterparts, listCounterpartsSchema, listPlaceOptions } from '../domain/counterparts/list.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { quietOverview, statisticsOverview } from '../domain/statistics/overview.ts';
import { surfacesPerCounty, surfacesPerProvince } from '../domain/contact-surfaces/counts.ts';
import { RULE_IDS } from '../domain/statistics/rules.ts';
import { STATISTIC_TABLE_NAMES, type StatisticTable } from '../domain/statistics/tables.ts';
import { dcatCatalogue } from '../domain/transfer/dcat.ts';
import { writePublicRegister } from '../domain/transfer/export-json.ts';
import { write, writeCsv, writeJson, writeXlsx } from '../domain/transfer/exchange/export.ts';
import type { TableName } from '../domain/transfer/exchange/format.ts';
import { templateCsv, writeTemplateXlsx } from '../domain/transfer/exchange/template.ts';
import { env } from '../env.ts';
import { parseInput } from '../domain/validate.ts';
import { todayInStockholm } from '../web/format.ts';
import { accepts, type HttpEnv, type QuerySpec } from '../http/query.ts';
import type { ResponseCache } from '../http/response-cache.ts';
import { collectGarbage } from '../http/collect-garbage.ts';
import { exportFiles, type ExportFiles } from '../http/export-files.ts';
import { peopleHeaders, toCsv } from './csv.ts';
import { svgToPng } from '../web/charts/to-png.ts';
import { COUNTIES, label } from '../web/i18n.ts';
import { errorBody, HTTP_STATUS } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { writeRoutes } from './writes.ts';
import { followUpRoutes } from './follow-up.ts';
import { actionPlanRoutes } from './action-plans.ts';
import { decisionBasisApiRoutes } from './decisions.ts';
import { contactSurfaceApiRoutes } from './contact-surfaces.ts';
import { knowledgeApiRoutes } from './knowledge.ts';
import { networkApiRoutes } from './networks.ts';
import { coordinationApiRoutes } from './coordination.ts';
import { findAgreementBySlug } from '../domain/agreements/find-by-slug.ts';
import { activitiesOfAgreement } from '../domain/follow-up/list.ts';
import { actionPlansOfAgreement } from '../domain/action-plans/list.ts';
import { getSource } from '../domain/sources/get.ts';
import { documentsOfSource } from '../domain/documents/read.ts';
import { listAgreementsSchema } from '../domain/agreements/schemas.ts';
import { mapContent } from '../domain/maps/ties.ts';
import { MAX_SINGLE_TIES, renderTiesMap } from '../web/maps/ties-map.tsx';
import { buildChart, CHART_NAMES, provinceNamer, type ChartName } from '../web/charts/statistics-charts.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** `sep=semicolon` for Excel with Swedish settings, which splits CSV on semicolons. */
export const separatorQuerySchema = z.strictObject({ sep: z.enum(['comma', 'semicolon']).default('comma') });
const csvOptionsSchema = separatorQuerySchema.extend({ lang: z.enum(['sv', 'en']).optional() });
/** A CSV download's separator, and the language of its headers when it is for people. */
function csvOptions(query: { sep?: unknown; lang?: unknown }): { delimiter: ',' | ';'; language?: 'sv' | 'en' } {
  const { sep, lang } = parseInput(csvOptionsSchema, query);
  return { delimiter: sep === 'semicolon' ? ';' : ',', language: lang };
}
/** The list's CSV for programs: the list's own field names. */
const AGREEMENT_CSV = ['slug', 'partyLabel', 'counterpartLabel', 'kind', 'officialTitle', 'establishedYear', 'status'];

/**
 * A large public download, made once per data version and read from its file
 * by every client at its own pace (http/export-files.ts); no-store, and never
 * through the response cache. `key`: the download and its parameters;
 * `version`: for one that does not change with the register.
 */
function streamed(c: HonoContext<HttpEnv>, downloads: ExportFiles, key: string, name: string, type: string, write: (out: Writable) => Promise<unknown>, version?: number) {
  const headers = { ...downloadHeaders(name, type), 'cache-control': 'no-store' };
  // HEAD: the headers, and no build that nobody would read.
  if (c.req.method === 'HEAD') return new Response(null, { headers });
  return new Response(downloads.read(key, version ?? c.get('dataVersion') ?? 0, write), { headers });
}
const downloadHeaders = (name: string, type: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}"` });

export const ruleQuerySchema = z.strictObject({ rule: z.enum(RULE_IDS).default('report'), lang: z.enum(['sv', 'en']).optional() });

function imageResponse(svg: string, format: 'svg' | 'png', name: string) {
  const body = format === 'png' ? new Uint8Array(svgToPng(svg)) : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
  const type = format === 'png' ? 'image/png' : 'image/svg+xml; charset=utf-8';
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}.${format}"` } });
}

const csvResponse = (body: string, name: string) =>
  new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` } });

/** The query each API route reads: the JSON API refuses parameters it does not know, naming them. */
const keys = (schema: { shape: object }) => Object.keys(schema.shape);
const strict = (names: readonly string[], slug?: QuerySpec['slug']): QuerySpec => ({ names, unknown: 'refuse', slug });
export const API_QUERIES = {
  none: strict([]),
  agreements: strict(keys(listAgreementsSchema)),
  actors: strict(keys(listActorsSchema)),
  counterparts: strict(keys(listCounterpartsSchema)),
  rule: strict(keys(ruleQuerySchema)),
  map: strict([...keys(listAgreementsSchema), 'lang']),
  agreementsCsv: strict([...keys(listAgreementsSchema), 'lang', 'sep']),
  ruleCsv: strict([...keys(ruleQuerySchema), 'sep']),
  separator: strict(keys(separatorQuerySchema)),
} as const;

export interface RouteOptions {
  cache: ResponseCache;
  /** The site's public origin, for absolute URLs (http/public-url.ts). */
  origin: (c: HonoContext) => string;
}

export function apiRoutes(database: Database, { cache, origin }: RouteOptions) {
  // Lists and records read with the rights of the key's holder (or as the
  // public without a key); statistics, maps, exports and the catalogue are
  // of the public register for everyone (open data).
  const ctx: Context = { db: database.db, principal: PUBLIC_READER };
  const readerCtx = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });
  const api = new Hono<HttpEnv>();
  const q = API_QUERIES;
  const downloads = exportFiles({ afterLargeBuild: collectGarbage });
  // The list's CSV per filters: at most 64 files kept, the least recently read removed first.
  const listFiles = exportFiles({ maxFinished: 64 });
  api.onError((error, c) => {
    if (error instanceof DomainError) return c.json(errorBody(error), HTTP_STATUS[error.code]);
    throw error;
  });

  api.get('/openapi.json', accepts(q.none), cache, (c) => c.json(openApiDocument({ serverUrl: origin(c) })));
  api.get('/agreements', accepts(q.agreements), cache, async (c) => c.json(await listAgreements({ ctx: readerCtx(c), input: c.var.query })));
  // `lang`: headers for people in that language, with each code's name beside it; `sep=semicolon` for Excel with Swedish settings.
  // Made once per data version and filters into a file, as the large
  // downloads are (at the benchmark's scale the whole list is 9 MB, past what
  // the response cache keeps, and 20 clients at once were 20 lists read and
  // written: +628 MB). Through the cache still, which keeps the small ones
  // (a filtered list) and passes the others on as they are read. The build
  // is awaited until its first bytes, so that a refused filter is a 400.
  api.get('/agreements.csv', accepts(q.agreementsCsv), cache, async (c) => {
    const { page: _page, pageSize: _pageSize, sep, lang, ...filters } = c.var.query;
    const { delimiter, language } = csvOptions({ sep, lang });
    const headers = downloadHeaders('ortsband-avtal.csv', 'text/csv; charset=utf-8');
    if (c.req.method === 'HEAD') return new Response(null, { headers });
    const body = await listFiles.readWhenBegun(`agreements.csv?${JSON.stringify({ ...filters, sep, lang })}`, c.get('dataVersion') ?? 0, async (out) => {
      const list = await listAgreements({ ctx, input: filters, all: true });
      const rows = list.rows as unknown as Array<Record<string, unknown>>;
      if (!language) return write(out, toCsv(AGREEMENT_CSV, rows, { delimiter }));
      const columns = ['slug', 'partyLabel', 'counterpartLabel', 'kindName', 'kind', 'officialTitle', 'establishedYear', 'statusName', 'status'];
      const named = rows.map((r) => ({ ...r, kindName: label(language, 'kind', String(r.kind)), statusName: label(language, 'status', String(r.status)) }));
      return write(out, toCsv(columns, named, { delimiter, headers: peopleHeaders(language, columns) }));
    });
    return new Response(body, { headers });
  });
  api.get('/agreements/:slug', accepts(strict([], 'agreement')), cache, async (c) => c.json(await getAgreement({ ctx: readerCtx(c), slug: c.req.param('slug') })));
  // Its activities the reader may read, newest first; their follow-up points for the agreement's organisation only (canReadFollowUp), never for the public.
  api.get('/agreements/:slug/activities', accepts(strict([], 'agreement')), cache, async (c) => {
    const reader = readerCtx(c);
    return c.json(await activitiesOfAgreement(reader, await findAgreementBySlug(reader, c.req.param('slug'))));
  });
  // The action plans serving it that the reader may read, with their goals and the readable activities serving each.
  api.get('/agreements/:slug/action-plans', accepts(strict([], 'agreement')), cache, async (c) => {
    const reader = readerCtx(c);
    return c.json(await actionPlansOfAgreement(reader, await findAgreementBySlug(reader, c.req.param('slug'))));
  });
  api.get('/actors', accepts(q.actors), cache, async (c) => c.json(await listActors({ ctx: readerCtx(c), input: c.var.query })));
  api.get('/actors/:slug', accepts(strict([], 'actor')), cache, async (c) => c.json(await getActor({ ctx: readerCtx(c), slug: c.req.param('slug') })));
  api.get('/counterparts', accepts(q.counterparts), cache, async (c) => c.json(await listCounterparts({ ctx: readerCtx(c), input: c.var.query })));
  api.get('/counterparts/:slug', accepts(strict([], 'counterpart')), cache, async (c) => c.json(await getCounterpart({ ctx: readerCtx(c), slug: c.req.param('slug') })));
  /** A source, with the documents kept with it that the reader may download (each at its /dokument/{id} address). */
  api.get('/sources/:slug', accepts(strict([], 'source')), cache, async (c) => {
    const ctx = readerCtx(c);
    const source = await getSource({ ctx, slug: c.req.param('slug') });
    const documents = (await documentsOfSource({ ctx, source })).map((d) => ({ id: d.id, fileName: d.fileName, mediaType: d.mediaType, sizeBytes: d.sizeBytes, public: d.public, address: `/dokument/${d.id}` }));
    return c.json({ ...source, documents });
  });
  api.get('/statistics', accepts(q.rule), cache, async (c) => {
    const { rule } = parseInput(ruleQuerySchema, c.var.query);
    const today = todayInStockholm();
    const [overview, quietAgreements, perCounty, perProvince] = await Promise.all([
      statisticsOverview(ctx, rule, Number(today.slice(0, 4)), today),
      quietOverview(ctx, today),
      surfacesPerCounty(ctx),
      surfacesPerProvince(ctx),
    ]);
    return c.json({ ...overview, quietAgreements, contactSurfaces: { perCounty, perProvince } });
  });
  api.get('/statistics/:file{[a-z-]+\\.csv}', accepts(q.ruleCsv), cache, async (c) => {
    const { sep, ...rest } = c.var.query;
    const { rule, lang } = parseInput(ruleQuerySchema, rest);
    const { delimiter, language } = csvOptions({ sep, lang });
    const name = c.req.param('file').replace(/\.csv$/, '');
    if (!(STATISTIC_TABLE_NAMES as string[]).includes(name)) throw notFound('statistic');
    const s = await statisticsOverview(ctx, rule, Number(todayInStockholm().slice(0, 4)), todayInStockholm());
    // For people: headers in their language, and a name beside each code (a county's beside 14).
    const provinceName = name === 'by-province' && language ? provinceNamer(await listPlaceOptions({ ctx, maxDepth: 0 })) : (slug: string) => slug;
    const csv = (columns: string[], rows: Array<Record<string, unknown>>, naming?: { column: string; name: (row: Record<string, unknown>) => string }) => {
      if (!language) return toCsv(columns, rows, { delimiter });
      const withName = naming ? [columns[0]!, naming.column, ...columns.slice(1)] : columns;
      const named = naming ? rows.map((r) => ({ ...r, [naming.column]: naming.name(r) })) : rows;
      return toCsv(withName, named, { delimiter, headers: peopleHeaders(language, withName, (k) => label(language, 'kind', k)) });
    };
    const byKey = (rows: unknown, name: (key: string) => string) => csv(['key', 'established', 'inForce', 'ended'], rows as Array<Record<string, unknown>>, { column: 'name', name: (r) => name(String(r.key)) });
    const tables: Record<StatisticTable, () => string> = {
      'in-force': () => csv(['year', ...s.kinds, 'total'], s.inForce.map((y) => ({ year: y.year, ...y.byKind, total: y.total }))),
      changes: () => csv(['year', 'ended', 'endedBySwedishSide', 'endedByCounterpart', 'endedSideUnknown', 'paused'], s.changes.map((y) => ({ ...y, year: y.year ?? 'unknown' }))),
      'by-county': () => byKey(s.byCounty, (code) => COUNTIES[code] ?? code),
      'by-province': () => byKey(s.byProvince, provinceName),
      'by-actor-kind': () => byKey(s.byActorKind, (kind) => label(language ?? 'sv', 'actorKind', kind)),
      'per-decade': () => csv(['decade', ...s.kinds, 'total'], s.perDecade.map((d) => ({ decade: d.decade, ...d.byKind, total: d.total }))),
      reasons: () => csv(['code', 'total', 'decision_maker', 'representative', 'opposition'], s.reasons.rows.map((r) => ({ code: r.code, total: r.total, ...r.byStatedBy })), { column: 'reasonName', name: (r) => label(language ?? 'sv', 'reason', String(r.code)) }),
    };
    const make = tables[name as StatisticTable];
    return csvResponse(make(), `ortsband-${name}-${rule}.csv`);
  });
  api.get('/statistics/:file{[a-z-]+\\.(svg|png)}', accepts(q.rule), cache, async (c) => {
    const query = parseInput(ruleQuerySchema, c.var.query);
    const [name, format] = c.req.param('file').split('.') as [ChartName, 'svg' | 'png'];
    if (!CHART_NAMES.includes(name)) throw notFound('chart');
    const s = await statisticsOverview(ctx, query.rule, Number(todayInStockholm().slice(0, 4)), todayInStockholm());
    // Only the provinces' chart names places: the others need not read them.
    const provinceName = name === 'by-province' ? provinceNamer(await listPlaceOptions({ ctx, maxDepth: 0 })) : (slug: string) => slug;
    const chart = buildChart(name, s, query.lang ?? 'sv', provinceName);
    return imageResponse(chart.svg, format, `ortsband-${name}-${query.rule}`);
  });
  api.get('/maps/:file{ties\\.(svg|png)}', accepts(q.map), cache, async (c) => {
    const format = c.req.param('file').endsWith('.png') ? 'png' : 'svg';
    const { lang, ...input } = c.var.query;
    const list = parseInput(listAgreementsSchema, input);
    const language = lang === 'en' ? 'en' : 'sv';
    const title = list.on ? (language === 'sv' ? `Banden den ${list.on}` : `The ties on ${list.on}`) : language === 'sv' ? 'Banden i dag' : 'The ties today';
    const map = renderTiesMap({ lang: language, id: 'map', title, content: await mapContent({ ctx, input, maxTies: MAX_SINGLE_TIES }) });
    return imageResponse(map.svg, format, `ortsband-karta-${list.on ?? 'i-dag'}`);
  });
  // Large downloads: made once per data version (see streamed()).
  api.get('/export.json', accepts(q.none), (c) => streamed(c, downloads, 'export.json', 'ortsband-register.json', 'application/json; charset=utf-8', (out) => writePublicRegister(ctx, out)));
  // The exchange format (the columns the import reads), streamed.
  api.get('/exchange/:file{(sources|actors|counterparts|agreements|action_plans|activities|contact_surfaces|knowledge_articles|knowledge_article_versions)\\.csv}', accepts(q.separator), (c) => {
    const { sep } = parseInput(separatorQuerySchema, c.var.query);
    const table = c.req.param('file').replace(/\.csv$/, '') as TableName;
    return streamed(c, downloads, `exchange/${table}.csv?sep=${sep}`, `ortsband-${table}.csv`, 'text/csv; charset=utf-8', (out) => writeCsv(ctx, table, out, sep === 'semicolon' ? ';' : ','));
  });
  api.get('/exchange/register.xlsx', accepts(q.none), (c) => streamed(c, downloads, 'exchange/register.xlsx', 'ortsband.xlsx', XLSX_TYPE, (out) => writeXlsx(ctx, out)));
  api.get('/exchange/register.json', accepts(q.none), (c) => streamed(c, downloads, 'exchange/register.json', 'ortsband.json', 'application/json; charset=utf-8', (out) => writeJson(ctx, out)));
  api.get('/exchange/template.xlsx', accepts(q.none), (c) => streamed(c, downloads, 'exchange/template.xlsx', 'ortsband-mall.xlsx', XLSX_TYPE, (out) => writeTemplateXlsx(out), 0)); // the same at every version
  api.get('/exchange/template/:file{(sources|actors|counterparts|agreements|action_plans|activities|contact_surfaces|knowledge_articles|knowledge_article_versions)\\.csv}', accepts(q.separator), cache, (c) => {
    const { sep } = parseInput(separatorQuerySchema, c.var.query);
    const table = c.req.param('file').replace(/\.csv$/, '') as TableName;
    return csvResponse(templateCsv(table, sep === 'semicolon' ? ';' : ','), `ortsband-mall-${table}.csv`);
  });
  // Absolute URLs from the site's public address (PUBLIC_URL), never from
  // the Host header a client chose.
  api.get('/dcat.jsonld', accepts(q.none), cache, async (c) => {
    const catalogue = await dcatCatalogue(ctx, { baseUrl: origin(c), today: todayInStockholm(), contactEmail: env().CONTACT_EMAIL });
    return c.body(JSON.stringify(catalogue, null, 2), 200, { 'content-type': 'application/ld+json; charset=utf-8' });
  });
  api.route('/', writeRoutes(database));
  api.route('/', followUpRoutes(database));
  api.route('/', actionPlanRoutes(database));
  api.route('/', contactSurfaceApiRoutes(database, { cache }));
  api.route('/', knowledgeApiRoutes(database, { cache }));
  api.route('/', networkApiRoutes(database));
  api.route('/', decisionBasisApiRoutes(database));
  api.route('/', coordinationApiRoutes(database, cache));
  return api;
}
