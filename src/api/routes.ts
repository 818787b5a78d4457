// The JSON API: parse the request, call a verb, map errors (errors.ts).
import { PassThrough, Readable } from 'node:stream';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { getActor } from '../domain/actors/get.ts';
import { listActors } from '../domain/actors/list.ts';
import { getAgreement } from '../domain/agreements/get.ts';
import { listAgreements } from '../domain/agreements/list.ts';
import type { Context } from '../domain/context.ts';
import { getCounterpart } from '../domain/counterparts/get.ts';
import { listCounterparts, listPlaceOptions } from '../domain/counterparts/list.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { statisticsOverview } from '../domain/statistics/overview.ts';
import { RULE_IDS } from '../domain/statistics/rules.ts';
import { STATISTIC_TABLE_NAMES, type StatisticTable } from '../domain/statistics/tables.ts';
import { dcatCatalogue } from '../domain/transfer/dcat.ts';
import { writePublicRegister } from '../domain/transfer/export-json.ts';
import { writeCsv, writeJson, writeXlsx } from '../domain/transfer/exchange/export.ts';
import type { TableName } from '../domain/transfer/exchange/format.ts';
import { templateCsv, writeTemplateXlsx } from '../domain/transfer/exchange/template.ts';
import { env } from '../env.ts';
import { parseInput } from '../domain/validate.ts';
import { todayInStockholm } from '../web/format.ts';
import { singleQuery } from '../http/query.ts';
import { toCsv } from './csv.ts';
import { svgToPng } from '../web/charts/to-png.ts';
import { errorBody, HTTP_STATUS } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { listAgreementsSchema } from '../domain/agreements/schemas.ts';
import { mapContent } from '../domain/maps/ties.ts';
import { MAX_SINGLE_TIES, renderTiesMap } from '../web/maps/ties-map.tsx';
import { buildChart, CHART_NAMES, provinceNamer, type ChartName } from '../web/charts/statistics-charts.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** `sep=semicolon` for Excel with Swedish settings, which splits CSV on semicolons. */
export const separatorQuerySchema = z.strictObject({ sep: z.enum(['comma', 'semicolon']).default('comma') });

/** A download written by `write` as it is read: memory stays flat however large the register. */
function streamed(name: string, type: string, write: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).then(
    () => out.end(),
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return new Response(Readable.toWeb(out) as ReadableStream, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` } });
}

export const ruleQuerySchema = z.strictObject({ rule: z.enum(RULE_IDS).default('report'), lang: z.enum(['sv', 'en']).optional() });

function imageResponse(svg: string, format: 'svg' | 'png', name: string) {
  const body = format === 'png' ? new Uint8Array(svgToPng(svg)) : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
  const type = format === 'png' ? 'image/png' : 'image/svg+xml; charset=utf-8';
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}.${format}"` } });
}

const csvResponse = (body: string, name: string) =>
  new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` } });

export function apiRoutes(database: Database) {
  // The public API reads as an anonymous visitor: public records only.
  const ctx: Context = { db: database.db, principal: { kind: 'anonymous' } };
  const api = new Hono();
  api.onError((error, c) => {
    if (error instanceof DomainError) return c.json(errorBody(error), HTTP_STATUS[error.code]);
    throw error;
  });

  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.get('/agreements', async (c) => c.json(await listAgreements({ ctx, input: singleQuery(c) })));
  api.get('/agreements.csv', async (c) => {
    const list = await listAgreements({ ctx, input: singleQuery(c, ['page', 'pageSize']), all: true });
    const columns = ['slug', 'partyLabel', 'counterpartLabel', 'kind', 'officialTitle', 'establishedYear', 'status'];
    return csvResponse(toCsv(columns, list.rows as unknown as Array<Record<string, unknown>>), 'ortsband-avtal.csv');
  });
  api.get('/agreements/:slug', async (c) => c.json(await getAgreement({ ctx, slug: c.req.param('slug') })));
  api.get('/actors', async (c) => c.json(await listActors({ ctx, input: singleQuery(c) })));
  api.get('/actors/:slug', async (c) => c.json(await getActor({ ctx, slug: c.req.param('slug') })));
  api.get('/counterparts', async (c) => c.json(await listCounterparts({ ctx, input: singleQuery(c) })));
  api.get('/counterparts/:slug', async (c) => c.json(await getCounterpart({ ctx, slug: c.req.param('slug') })));
  api.get('/statistics', async (c) => {
    const { rule } = parseInput(ruleQuerySchema, singleQuery(c));
    return c.json(await statisticsOverview(ctx, rule, Number(todayInStockholm().slice(0, 4)), todayInStockholm()));
  });
  api.get('/statistics/:file{[a-z-]+\\.csv}', async (c) => {
    const { rule } = parseInput(ruleQuerySchema, singleQuery(c));
    const name = c.req.param('file').replace(/\.csv$/, '');
    const s = await statisticsOverview(ctx, rule, Number(todayInStockholm().slice(0, 4)), todayInStockholm());
    const tables: Record<StatisticTable, () => string> = {
      'in-force': () => toCsv(['year', ...s.kinds, 'total'], s.inForce.map((y) => ({ year: y.year, ...y.byKind, total: y.total }))),
      changes: () => toCsv(['year', 'ended', 'endedBySwedishSide', 'endedByCounterpart', 'endedSideUnknown', 'paused'], s.changes.map((y) => ({ ...y, year: y.year ?? 'unknown' }))),
      'by-county': () => toCsv(['key', 'established', 'inForce', 'ended'], s.byCounty as never),
      'by-province': () => toCsv(['key', 'established', 'inForce', 'ended'], s.byProvince as never),
      'by-actor-kind': () => toCsv(['key', 'established', 'inForce', 'ended'], s.byActorKind as never),
      'per-decade': () => toCsv(['decade', ...s.kinds, 'total'], s.perDecade.map((d) => ({ decade: d.decade, ...d.byKind, total: d.total }))),
      reasons: () => toCsv(['code', 'total', 'decision_maker', 'representative', 'opposition'], s.reasons.rows.map((r) => ({ code: r.code, total: r.total, ...r.byStatedBy }))),
    };
    if (!(STATISTIC_TABLE_NAMES as string[]).includes(name)) throw notFound('statistic');
    const make = tables[name as StatisticTable];
    return csvResponse(make(), `ortsband-${name}-${rule}.csv`);
  });
  api.get('/statistics/:file{[a-z-]+\\.(svg|png)}', async (c) => {
    const query = parseInput(ruleQuerySchema, singleQuery(c));
    const [name, format] = c.req.param('file').split('.') as [ChartName, 'svg' | 'png'];
    if (!CHART_NAMES.includes(name)) throw notFound('chart');
    const s = await statisticsOverview(ctx, query.rule, Number(todayInStockholm().slice(0, 4)), todayInStockholm());
    // Only the provinces' chart names places: the others need not read them.
    const provinceName = name === 'by-province' ? provinceNamer(await listPlaceOptions({ ctx, maxDepth: 0 })) : (slug: string) => slug;
    const chart = buildChart(name, s, query.lang ?? 'sv', provinceName);
    return imageResponse(chart.svg, format, `ortsband-${name}-${query.rule}`);
  });
  api.get('/maps/:file{ties\\.(svg|png)}', async (c) => {
    const format = c.req.param('file').endsWith('.png') ? 'png' : 'svg';
    const { lang, ...input } = singleQuery(c);
    const list = parseInput(listAgreementsSchema, input);
    const language = lang === 'en' ? 'en' : 'sv';
    const title = list.on ? (language === 'sv' ? `Banden den ${list.on}` : `The ties on ${list.on}`) : language === 'sv' ? 'Banden i dag' : 'The ties today';
    const map = renderTiesMap({ lang: language, id: 'map', title, content: await mapContent({ ctx, input, maxTies: MAX_SINGLE_TIES }) });
    return imageResponse(map.svg, format, `ortsband-karta-${list.on ?? 'i-dag'}`);
  });
  api.get('/export.json', () => streamed('ortsband-register.json', 'application/json; charset=utf-8', (out) => writePublicRegister(ctx, out)));
  // The exchange format (the columns the import reads), streamed.
  api.get('/exchange/:file{(sources|actors|counterparts|agreements)\\.csv}', (c) => {
    const { sep } = parseInput(separatorQuerySchema, singleQuery(c));
    const table = c.req.param('file').replace(/\.csv$/, '') as TableName;
    return streamed(`ortsband-${table}.csv`, 'text/csv; charset=utf-8', (out) => writeCsv(ctx, table, out, sep === 'semicolon' ? ';' : ','));
  });
  api.get('/exchange/register.xlsx', (c) => {
    singleQuery(c);
    return streamed('ortsband.xlsx', XLSX_TYPE, (out) => writeXlsx(ctx, out));
  });
  api.get('/exchange/register.json', (c) => {
    singleQuery(c);
    return streamed('ortsband.json', 'application/json; charset=utf-8', (out) => writeJson(ctx, out));
  });
  api.get('/exchange/template.xlsx', (c) => {
    singleQuery(c);
    return streamed('ortsband-mall.xlsx', XLSX_TYPE, (out) => writeTemplateXlsx(out));
  });
  api.get('/exchange/template/:file{(sources|actors|counterparts|agreements)\\.csv}', (c) => {
    const { sep } = parseInput(separatorQuerySchema, singleQuery(c));
    const table = c.req.param('file').replace(/\.csv$/, '') as TableName;
    return csvResponse(templateCsv(table, sep === 'semicolon' ? ';' : ','), `ortsband-mall-${table}.csv`);
  });
  // Absolute URLs from the origin the request came to, so the catalogue names
  // the addresses its reader can actually fetch.
  api.get('/dcat.jsonld', async (c) => {
    const catalogue = await dcatCatalogue(ctx, { baseUrl: new URL(c.req.url).origin, today: todayInStockholm(), contactEmail: env().CONTACT_EMAIL });
    return c.body(JSON.stringify(catalogue, null, 2), 200, { 'content-type': 'application/ld+json; charset=utf-8' });
  });
  return api;
}
