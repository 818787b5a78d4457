// The routes the router lists (Hono's app.routes), and URLs that reach each
// of them with real values for its path parameters: what the OpenAPI
// comparison and the generated bad requests walk, so that a new route is
// covered without being named in a test.
import { STATISTIC_TABLE_NAMES } from '../../src/domain/statistics/tables.ts';
import { TABLES } from '../../src/domain/transfer/exchange/format.ts';
import { CHART_NAMES } from '../../src/web/charts/statistics-charts.ts';

/** Every GET route's path, once (a route's edge, cache and handler are listed apart). */
export function routesOf(app: { routes: Array<{ method: string; path: string }> }): string[] {
  return [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))];
}

/** Every route the router answers, as `METHOD path` (middleware, method ALL, left out). */
export function methodRoutesOf(app: { routes: Array<{ method: string; path: string }> }): Array<{ method: string; path: string }> {
  const seen = new Map<string, { method: string; path: string }>();
  for (const { method, path } of app.routes) if (method !== 'ALL') seen.set(`${method} ${path}`, { method, path });
  return [...seen.values()];
}

export const apiRoutesOf = (app: { routes: Array<{ method: string; path: string }> }) => routesOf(app).filter((path) => path.startsWith('/api/'));

// Slugs of the shipped data, by the record a path names.
const SLUGS: Array<[RegExp, string]> = [
  [/\/(agreements|avtal)\//, 'goteborg--shanghai'],
  [/\/(counterparts|motparter)\//, 'zhejiang'],
  [/\/(actors|parter)\//, 'kalix'],
  [/\/sources\//, 'nkk2022'],
  // A guidance article the migration ships (0039).
  [/\/(kunskap|knowledge)\//, 'infor-beslut'],
  [/\/(regions|region)\//, 'region-skane'],
];
const FILE_WORDS = [...STATISTIC_TABLE_NAMES, ...CHART_NAMES, ...TABLES, 'ties'];

/** URLs that reach the route: each path parameter replaced by real values (every file name its pattern takes). */
export function sampleUrls(routePath: string): string[] {
  let urls = [routePath];
  for (const [whole, name, pattern] of routePath.matchAll(/:(\w+)(?:\{([^}]*)\})?/g)) {
    let values: string[];
    if (pattern) {
      const full = new RegExp(`^(?:${pattern})$`);
      values = FILE_WORDS.flatMap((word) => ['csv', 'svg', 'png'].map((ext) => `${word}.${ext}`)).filter((file) => full.test(file));
    } else if (name === 'slug') values = [SLUGS.find(([prefix]) => prefix.test(routePath))?.[1] ?? 'goteborg--shanghai'];
    // A source by its slug (the shipped one the editorial organisation keeps).
    else if (name === 'source') values = ['nkk2022'];
    // An invitation's token of the right shape that no invitation has.
    else if (name === 'token') values = ['A'.repeat(43)];
    // A county by its länskod.
    else if (name === 'county') values = ['12'];
    // A kind of agreement by its code.
    else if (name === 'code') values = ['vanort'];
    // A numeric id (an access key's, a document's, a goal's): the first one made.
    else if (name === 'id' || name === 'goal' || name === 'meeting' || name === 'meetingId' || name === 'document' || name === 'documentId' || name === 'citation') values = ['1'];
    // A version of a shipped article: its first, which every article has.
    else if (name === 'version') values = ['1'];
    else throw new Error(`no sample value for :${name} in ${routePath}`);
    if (!values.length) throw new Error(`no sample value matches ${whole} in ${routePath}`);
    urls = urls.flatMap((url) => values.map((value) => url.replace(whole, value)));
  }
  return [...new Set(urls)];
}
