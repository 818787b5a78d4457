// Generated bad requests over every route the router lists (read from the
// app, so a new route is covered without being named here), at least 1,000
// per route, through app.fetch: NUL and control bytes in paths and
// parameters, raw and broken UTF-8, huge and repeated parameters, unknown
// parameters, wrong methods, odd Host and Accept-Language headers. None may
// answer 5xx; every error has a body in the client's format (JSON on the
// API, an HTML page elsewhere); a 405 says what is allowed; the API's 400
// names the parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { BROKEN_UTF8, generator } from '../support/generated.ts';
import { routesOf, sampleUrls } from '../support/routes.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
});
afterAll(async () => t?.close());

const PER_ROUTE = 1_000;

const hex = (n: number) => `%${n.toString(16).padStart(2, '0').toUpperCase()}`;
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => hex(i)), '%7F', '%C2%80', '%C2%85', '%C2%9F'];
const RAW_UTF8 = ['兰州', '蘭州', 'Göteborg', 'ÅÄÖ åäö', 'Ελλάδα', '🙂', 'مرحبا', '\u200b', 'e\u0301'];
const KNOWN = ['q', 'page', 'pageSize', 'status', 'kind', 'county', 'actorKind', 'place', 'on', 'sort', 'establishedFrom', 'establishedTo', 'rule', 'lang', 'sep'];
const UNKNOWN = ['utm_source', 'fbclid', 'gclid', 'x', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a[b]', 'q[]', '', ' ', 'Q', 'LANG'];
const BAD_VALUES: Record<string, string[]> = {
  status: ['gone', 'ENDED', '1', 'in force', 'active,ended'],
  page: ['-1', '0', '1.5', 'abc', '1e9', '99999999999999999999', 'NaN', 'Infinity'],
  pageSize: ['0', '101', '-5', 'x', '1000'],
  on: ['2019-13-45', '2019-02-30', '0000-01-01', '19-01-01', 'today', '2019/01/01'],
  county: ['1', '123', 'AB', '99x'],
  actorKind: ['city', 'KOMMUN', '"; drop table agreements; --'],
  establishedFrom: ['abc', '1800', '3000', '20.5'],
  establishedTo: ['x', '-2000'],
  sort: ['random', 'id desc', '-status'],
  kind: ['Vänort', 'a b', 'x'.repeat(100)],
  place: ['No Such', 'unknown-place', '../etc', 'a--b--c'],
  q: ['x'.repeat(300), 'ü'.repeat(300), '%', '_', "'", '\\'],
  rule: ['nope', 'REPORT'],
  lang: ['xx', 'EN', 'en-GB', 'sv,en'],
  sep: ['tab', ';'],
};
const BAD_SLUGS = ['%00', 'a%00b', '%0A', '%0D%0A', '..%2F..%2Fetc', '%2E%2E', 'x'.repeat(500), 'ÅÄÖ', '兰州', '%FF', 'UPPER', 'a_b', 'a---b', '-a', 'a-', '%20', 'a%2Fb', '%C0%AF', "'", 'no-such-thing'];
const METHODS = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const HOSTS = ['evil.example', '', 'a b', 'evil.example:99999', '[::1]', 'xn--evil-ub7a.example', '127.0.0.1', 'x'.repeat(1000), 'évil.example', 'localhost/../../'];
const LANGUAGES = ['en', 'en-GB,en;q=0.9', 'zh-CN', '*', 'sv;q=0', 'en;q=abc', ',,,', 'x'.repeat(500)];

interface Case {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The parameter whose problem an API 400 must name, when one parameter is at fault. */
  names?: string;
}

function cases(route: string, seed: number): Case[] {
  const { random, pick } = generator(seed);
  const urls = sampleUrls(route);
  const out: Case[] = [];
  const slugRoute = route.includes(':slug');
  for (let i = 0; i < PER_ROUTE; i++) {
    let url = pick(urls);
    const headers: Record<string, string> = {};
    let method = 'GET';
    let names: string | undefined;
    const param = (name: string, value: string) => `${url}${url.includes('?') ? '&' : '?'}${name}=${value}`;
    switch (i % 12) {
      case 0: {
        const name = pick(KNOWN);
        url = param(name, `a${pick(CONTROLS)}b`);
        names = name;
        break;
      }
      case 1:
        url = slugRoute ? route.replace(/:slug$/, pick(BAD_SLUGS)) : `${url.split('?')[0]}${pick(['%00', '/%00', '%0A', '/..%2F', '%C0%AF', '/x', '/'])}`;
        break;
      case 2:
        // Unencoded: app.fetch is given the string as a script would write it; the URL parser encodes it.
        url = param(pick(KNOWN), pick(RAW_UTF8));
        break;
      case 3: {
        const name = pick(KNOWN);
        url = param(name, `a${pick(BROKEN_UTF8)}`);
        break;
      }
      case 4: {
        const name = pick(KNOWN);
        url = random() < 0.5 ? param(name, 'x'.repeat(1_000 + Math.floor(random() * 20_000))) : param('n'.repeat(50 + Math.floor(random() * 2_000)), '1');
        break;
      }
      case 5: {
        const name = pick(KNOWN);
        const times = 2 + Math.floor(random() * 50);
        url = `${url}${url.includes('?') ? '&' : '?'}${Array.from({ length: times }, (_, k) => `${name}=${k % 2 ? 'a' : 'b'}`).join('&')}`;
        break;
      }
      case 6:
        url = param(encodeURIComponent(pick(UNKNOWN)), pick(['1', '', 'x', '%00']));
        break;
      case 7:
        method = pick(METHODS);
        break;
      case 8:
        headers.host = pick(HOSTS);
        break;
      case 9: {
        const name = pick(Object.keys(BAD_VALUES));
        url = param(name, encodeURIComponent(pick(BAD_VALUES[name]!)));
        names = name;
        break;
      }
      case 10:
        headers['accept-language'] = pick(LANGUAGES);
        url = param(pick(KNOWN), pick(['%00', '0', 'zz']));
        break;
      default: {
        // A little of everything at once.
        url = param(pick(UNKNOWN.filter(Boolean)), pick(RAW_UTF8));
        url = param(pick(KNOWN), `${pick(CONTROLS)}${pick(BROKEN_UTF8)}`);
        headers.host = pick(HOSTS);
        if (random() < 0.3) method = pick(METHODS);
      }
    }
    out.push({ url: url.startsWith('/') ? `http://localhost${url}` : url, method, headers, names });
  }
  return out;
}

describe('bad requests', () => {
  it(`at least ${PER_ROUTE} generated bad requests per route: no 5xx, every error with a body in the client's format`, async () => {
    const routes = routesOf(app);
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const failures: string[] = [];
    const counts = new Map<string, number>();
    let seed = 20261205;
    for (const route of routes) {
      for (const c of cases(route, seed++)) {
        let request: Request;
        try {
          request = new Request(c.url, { method: c.method, headers: c.headers, body: c.method === 'POST' || c.method === 'PUT' || c.method === 'PATCH' ? 'x=1' : undefined });
        } catch (error) {
          failures.push(`${route}: could not make the request ${c.url.slice(0, 80)}: ${String(error)}`);
          continue;
        }
        const response = await app.fetch(request);
        counts.set(route, (counts.get(route) ?? 0) + 1);
        const where = `${route}: ${c.method} ${c.url.slice(0, 100)} ${JSON.stringify(c.headers).slice(0, 60)} → ${response.status}`;
        if (response.status >= 500) failures.push(where);
        if (response.status < 400) {
          await response.body?.cancel();
          continue;
        }
        const text = await response.text();
        if (!text.length) failures.push(`${where}: empty body`);
        const api = new URL(request.url).pathname.startsWith('/api/');
        if (response.status === 405 && !response.headers.get('allow')) failures.push(`${where}: no Allow`);
        if (api) {
          let code: unknown;
          try {
            code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
          } catch {
            code = undefined;
          }
          if (typeof code !== 'string') failures.push(`${where}: not a JSON error: ${text.slice(0, 80)}`);
          if (response.status === 400 && c.names && !text.includes(`"field":"${c.names}"`)) failures.push(`${where}: does not name ${c.names}: ${text.slice(0, 200)}`);
        } else if (!response.headers.get('content-type')?.startsWith('text/html') || !text.includes('<h1>')) failures.push(`${where}: not an HTML page`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    for (const route of routes) expect(counts.get(route), route).toBeGreaterThanOrEqual(PER_ROUTE);
  }, 900_000);

  it('a URL longer than 16,384 characters is refused with 400 and a body', async () => {
    const response = await app.request(`/api/agreements?q=${'a'.repeat(17_000)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('(url)');
  });
});
