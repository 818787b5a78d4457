// The edge of the HTTP application: headers on every answer, errors with a
// body in the client's format and language, 405 with Allow, nothing a client
// sends reaching the database unchecked, a cache keyed on what a route reads
// and bounded in bytes, and an OpenAPI document that lists exactly the API's
// operations and passes Redocly's linter.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/http/headers.ts';
import { createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import { createNetwork } from '../../src/domain/coordination/networks.ts';
import { organisationIdOf } from '../../src/domain/accounts/list-organisations.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { methodRoutesOf, sampleUrls } from '../support/routes.ts';

const execFileAsync = promisify(execFile);

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database, undefined, { publicUrl: 'https://ortsband.example.se' });
  // A public network, the first: what the sample id of /api/networks/{id} names.
  const organisationId = await organisationIdOf(t.database.db, 'ortsband');
  await createNetwork({ ctx: { db: t.database.db, principal: { kind: 'system', label: 'test', organisationId } }, input: { name: 'Ett offentligt nätverk', kind: 'national', visibility: 'public' } });
  // A public contact surface, the first (id 1, the sample id of a path): its API address answers 200.
  await createContactSurface({ ctx: systemCtx(t), organisationId, input: { kind: 'trade', title: 'Ett handelsbolag', actors: ['kalix'], visibility: 'public' } });
});
afterAll(async () => t?.close());

describe('headers', () => {
  it('every kind of answer carries the security headers', async () => {
    const etag = (await app.request('/api/statistics/in-force.svg')).headers.get('etag')!;
    const answers = [
      await app.request('/'),
      await app.request('/avtal?lang=en'),
      await app.request('/api/agreements'),
      await app.request('/api/agreements'), // a cache hit
      await app.request('/api/statistics/in-force.svg', { headers: { 'if-none-match': etag } }), // 304
      await app.request('/api/exchange/agreements.csv'),
      await app.request('/avtal/no-such-thing'),
      await app.request('/api/agreements?nope=1'),
      await app.request('/avtal', { method: 'POST' }),
      await app.request('/assets/site.css'),
    ];
    expect(answers[3]!.headers.get('x-cache')).toBe('hit');
    expect(answers[4]!.status).toBe(304);
    for (const response of answers) {
      expect(response.headers.get('content-security-policy'), response.url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      await response.body?.cancel();
    }
  });

  it('the policy allows what the pages use: no script, styles from the site or inline', async () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    for (const path of ['/', '/avtal', '/avtal/goteborg--shanghai', '/parter/kalix', '/motparter', '/motparter/zhejiang', '/statistik', '/karta', '/oppna-data']) {
      const html = await (await app.request(path)).text();
      expect(html, path).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      for (const [, url] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) expect(url!.startsWith('/'), path).toBe(true);
    }
  });
});

describe('errors', () => {
  it('a record that does not exist is a 404 in the format asked for', async () => {
    const api = await app.request('/api/agreements/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const page = await app.request('/avtal/no-such-thing');
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Sidan finns inte');
    // The way on: the list, the start page, a search.
    expect(html).toContain('href="/avtal"');
    expect(html).toContain('href="/"');
    expect(html).toContain('<form method="get" action="/avtal" role="search">');
  });

  it('an error page is in English on English pages and for browsers that prefer English', async () => {
    for (const [path, headers] of [
      ['/avtal/no-such-thing?lang=en', {}],
      ['/avtal/no-such-thing', { 'accept-language': 'en-GB,en;q=0.9' }],
      ['/avtal/no-such-thing', { 'accept-language': 'de, en;q=0.5' }],
    ] as const) {
      const html = await (await app.request(path, { headers })).text();
      expect(html, `${path} ${JSON.stringify(headers)}`).toContain('<html lang="en">');
      expect(html).toContain('Page not found');
    }
    for (const language of ['sv-SE,sv;q=0.9,en;q=0.8', 'fr', '']) {
      const html = await (await app.request('/avtal/no-such-thing', { headers: { 'accept-language': language } })).text();
      expect(html, language).toContain('<html lang="sv">');
    }
    expect(await (await app.request('/avtal/no-such-thing?lang=sv', { headers: { 'accept-language': 'en' } })).text()).toContain('Sidan finns inte');
  });

  it("offers a signed-out reader of a page not found the way to sign in and back, the same for every address", async () => {
    const unknown = await (await app.request('/natverk/999999/moten/999999')).text();
    const missing = await (await app.request('/avtal/no-such-thing')).text();
    expect(unknown).toContain('href="/logga-in?tillbaka=%2Fnatverk%2F999999%2Fmoten%2F999999"');
    expect(missing).toContain('href="/logga-in?tillbaka=%2Favtal%2Fno-such-thing"');
    const words = (html: string) => html.replace(/tillbaka=[^"]*/g, '').replace(/<title>[^<]*<\/title>/, '').replaceAll(' aria-current="page"', '');
    expect(words(unknown).replaceAll('/natverk/999999/moten/999999', '')).toEqual(words(missing).replaceAll('/avtal/no-such-thing', ''));
  });

  it('a bad parameter on a page is explained in plain words in the page language, with the way on', async () => {
    const sv = await app.request('/avtal?page=0');
    expect(sv.status).toBe(400);
    const html = await sv.text();
    expect(html).toContain('<strong>Sida</strong> ska vara ett heltal från 1 till 100 000 (du angav ”0”).');
    expect(html).not.toContain('must be');
    expect(html).toContain('visa sidan utan val');
    const en = await (await app.request('/avtal?page=0&lang=en')).text();
    expect(en).toContain('<strong>Page</strong> must be a whole number from 1 to 100,000 (you gave “0”).');
    expect(en).toContain('href="/avtal?lang=en"');
  });

  it('a problem between two parameters is told as it is, not as a range the value is within', async () => {
    const sv = await (await app.request('/avtal?establishedFrom=2010&establishedTo=2000')).text();
    expect(sv).toContain('<strong>Etablerat till år</strong> får inte vara före etablerat från år (du angav ”2000”).');
    const en = await (await app.request('/avtal?establishedFrom=2010&establishedTo=2000&lang=en')).text();
    expect(en).toContain('<strong>Established to year</strong> must not be before the established from year (you gave “2000”).');
    expect(await (await app.request('/karta?kind=Foo')).text()).toContain('<strong>Avtalsform</strong> ska vara ett av alternativen i formuläret');
  });

  it('a wrong method is 405 with Allow, as JSON on the API and as a page elsewhere', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const api = await app.request('/api/actors', { method });
      expect(api.status, method).toBe(405);
      expect(api.headers.get('allow')).toBe('GET, HEAD');
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
      const page = await app.request('/avtal/goteborg--shanghai', { method });
      expect(page.status).toBe(405);
      expect(page.headers.get('allow')).toBe('GET, HEAD');
      expect(await page.text()).toContain('Adressen kan bara läsas');
    }
    // An address that also takes a write says so.
    const put = await app.request('/api/agreements', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, HEAD');
    const options = await app.request('/statistik', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD');
    // A path no route has stays 404, whatever the method.
    expect((await app.request('/nowhere', { method: 'POST' })).status).toBe(404);
    expect((await app.request('/avtal', { method: 'HEAD' })).status).toBe(200);
  });

  it('a failure on our side is a 500 page on pages and JSON on the API, each with a body', async () => {
    // A real failure: the database is closed under the app.
    const broken = await openTestDatabase();
    const brokenApp = createApp(broken.database);
    await broken.close();
    const page = await brokenApp.request('/avtal/goteborg--shanghai?lang=en');
    expect(page.status).toBe(500);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Something went wrong on our side');
    const api = await brokenApp.request('/api/agreements/goteborg--shanghai');
    expect(api.status).toBe(500);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('INTERNAL');
  });

  it('NUL and control bytes in a path or a parameter never reach the database: 404 or 400 with a body', async () => {
    for (const path of ['/avtal/%00', '/parter/%00', '/motparter/%00', '/api/agreements/%00', '/api/actors/%00', '/api/counterparts/%00', '/avtal/a%00b', '/avtal/%0A', '/avtal/%C0%AF']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect((await response.text()).length, path).toBeGreaterThan(0);
    }
    for (const path of ['/avtal?q=%00', '/api/agreements?q=a%00b', '/api/agreements?q=%1B', '/avtal?q=%C2%85', '/api/actors?q=%FF%FE', '/avtal?place=%00', '/api/agreements?%00=1']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(400);
      expect((await response.text()).length).toBeGreaterThan(0);
    }
    expect(await (await app.request('/api/agreements?q=a%00b')).text()).toContain('"field":"q"');
  });

  it('a path beginning // never yields a link off the site', async () => {
    for (const path of ['//evil.example', '//evil.example/avtal', '///evil.example/', '/\\evil.example']) {
      const html = await (await app.request(`http://localhost${path}`)).text();
      expect(html, path).not.toMatch(/href="\/\/|href="\\|href="https?:\/\/evil/);
    }
  });
});

describe('parameters', () => {
  it('pages ignore parameters they do not read (shared links), the API refuses them by name', async () => {
    for (const path of ['/avtal', '/statistik', '/karta', '/parter', '/motparter', '/', '/avtal/goteborg--shanghai', '/oppna-data']) {
      const response = await app.request(`${path}${path.includes('?') ? '&' : '?'}utm_source=newsletter&fbclid=IwAR0abc`);
      expect(response.status, path).toBe(200);
      await response.body?.cancel();
    }
    const api = await app.request('/api/agreements?utm_source=newsletter');
    expect(api.status).toBe(400);
    const body = (await api.json()) as { error: { problems: Array<{ field: string; message: string }> } };
    expect(body.error.problems).toEqual([{ field: 'utm_source', message: expect.stringContaining('is not a parameter of this address; it takes q,') }]);
  });

  it('accepts UTF-8 in a query, encoded or as a script sends it', async () => {
    const encoded = await (await app.request('/api/agreements?q=%E8%98%AD%E5%B7%9E')).json();
    const raw = await (await app.request('/api/agreements?q=蘭州')).json();
    expect(raw).toEqual(encoded);
    expect((await app.request('/avtal?q=兰州')).status).toBe(200);
  });

  it('keys the cache on what the route reads: not on parameters it ignores, their order, or the Host header', async () => {
    const first = await app.request('/avtal?q=mora&status=in_force&utm_source=a');
    expect(first.headers.get('x-cache')).toBe('miss');
    const text = await first.text();
    for (const [path, headers] of [
      ['/avtal?status=in_force&q=mora&utm_source=b', {}],
      ['/avtal?fbclid=x&q=mora&status=in_force', {}],
      ['/avtal?q=mora&status=in_force', { host: 'other.example' }],
    ] as const) {
      const again = await app.request(`http://localhost${path}`, { headers });
      expect(again.headers.get('x-cache'), path).toBe('hit');
      expect(await again.text()).toBe(text);
    }
    // A form's empty fields send the browser on to the address without them, which the cache then answers.
    const sent = await app.request('/avtal?q=mora&status=in_force&kind=');
    expect(sent.status).toBe(302);
    expect(sent.headers.get('location')).toBe('/avtal?q=mora&status=in_force');
  });

  it('bounds the cache in bytes, not only in entries', async () => {
    const small = createApp(t.database, undefined, { cache: { maxTotalBytes: 300_000 } });
    for (let i = 0; i < 60; i++) await (await small.request(`/api/agreements?pageSize=${1 + i}`)).arrayBuffer();
    const { entries, bytes } = small.responseCache.stats();
    expect(bytes).toBeLessThanOrEqual(300_000);
    expect(bytes).toBeGreaterThan(100_000);
    expect(entries).toBeLessThan(60);
  });
});

describe('the OpenAPI document', () => {
  const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
  type Operation = { parameters?: Array<{ name: string; in: string; schema: { enum?: string[] } }>; security?: Array<Record<string, unknown>> };

  it("lists exactly the router's API operations, both ways", async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };
    const templates = Object.entries(doc.paths).map(([template, item]) => {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[a-z]+\}/gi, '[^/]+')}$`);
      return { template, pattern, item };
    });
    const routes = methodRoutesOf(app).filter((r) => r.path.startsWith('/api/'));
    expect(routes.length).toBeGreaterThanOrEqual(22);
    // Every route of the router is in the document, with its method…
    const undocumented: string[] = [];
    const documented = new Set<string>();
    // A URL of the router's own samples per operation (tests/support/routes.ts), for path parameters other than a slug.
    const sampled = new Map<string, string>();
    for (const { method, path } of routes) {
      for (const url of sampleUrls(path)) {
        const match = templates.find((t) => t.pattern.test(url) && t.item[method.toLowerCase() as (typeof METHODS)[number]]);
        if (match) {
          documented.add(`${method.toLowerCase()} ${match.template}`);
          sampled.set(`${method.toLowerCase()} ${match.template}`, url);
        }
        else undocumented.push(`${method} ${path} (${url})`);
      }
    }
    expect(undocumented).toEqual([]);
    // …and every operation of the document answers through the router: a read
    // with 200, a write or a read that needs a key (sent without one) with 401.
    const operations = templates.flatMap(({ template, item }) => METHODS.filter((m) => item[m]).map((method) => ({ template, method, operation: item[method]! })));
    expect(operations.map((o) => `${o.method} ${o.template}`).filter((o) => !documented.has(o))).toEqual([]);
    for (const { template, method, operation } of operations) {
      let url = template;
      for (const p of operation.parameters?.filter((p) => p.in === 'path') ?? []) url = url.replace(`{${p.name}}`, p.schema.enum?.[0] ?? sampleUrls(`/api/${template.split('/')[2]}/:${p.name}`)[0]!.split('/').at(-1)!);
      if (template.startsWith('/api/networks/') || template.startsWith('/api/coordination/')) url = sampled.get(`${method} ${template}`) ?? url;
      const response = await app.request(url, { method: method.toUpperCase() });
      const needsKey = operation.security !== undefined && !operation.security.some((requirement) => Object.keys(requirement).length === 0);
      expect(response.status, `${method} ${url}`).toBe(method === 'get' && !needsKey ? 200 : 401);
      await response.body?.cancel();
    }
  });

  it('passes `redocly lint` with the recommended rules: no error, no warning', async () => {
    const text = await (await app.request('/api/openapi.json')).text();
    const dir = await mkdtemp(join(tmpdir(), 'ortsband-openapi-'));
    try {
      await writeFile(join(dir, 'openapi.json'), text);
      const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');
      // The linter's telemetry and update check are off: nothing leaves the machine.
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
      const run = await execFileAsync(process.execPath, [cli, 'lint', join(dir, 'openapi.json'), '--config', 'redocly.yaml', '--format', 'json'], { env }).catch(
        (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
      );
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }> };
      expect(report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

