// The DCAT-AP-SE catalogue at /api/dcat.jsonld: a catalogue with the dataset
// and its distributions, every address in it answers, every distribution
// names its licence, and "modified" is the register's last change.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { DATA_LICENCE } from '../../src/domain/transfer/dcat.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database, undefined, { publicUrl: ORIGIN });
});
afterAll(async () => t?.close());

type Node = Record<string, unknown>;
const ORIGIN = 'http://ortsband.test';

async function catalogue(origin = ORIGIN) {
  const response = await app.request(`${origin}/api/dcat.jsonld`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
  return JSON.parse(await response.text()) as Node;
}
const ids = (value: unknown) => [value].flat().map((v) => (v as { '@id': string })['@id']);
const datasetOf = (doc: Node) => (doc['dcat:dataset'] as Node[])[0]!;
const distributionsOf = (doc: Node) => datasetOf(doc)['dcat:distribution'] as Node[];

const EXCHANGE = ['/api/exchange/agreements.csv', '/api/exchange/register.xlsx', '/api/exchange/register.json'];
const addressesOf = (doc: Node) =>
  distributionsOf(doc).flatMap((d) => [...ids(d['dcat:accessURL']), ...(d['dcat:downloadURL'] ? ids(d['dcat:downloadURL']) : [])]);

describe('the DCAT catalogue', () => {
  it('is JSON-LD with a catalogue holding the dataset and its distributions, every key under a prefix of its context', async () => {
    const doc = await catalogue();
    const context = doc['@context'] as Record<string, string>;
    expect(Object.keys(context)).toEqual(expect.arrayContaining(['dcat', 'dct', 'foaf', 'vcard', 'xsd']));
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['dcat:dataset']).toHaveLength(1);
    const dataset = datasetOf(doc);
    expect(dataset['@type']).toBe('dcat:Dataset');
    expect(dataset['dct:title']).toEqual(
      expect.arrayContaining([
        { '@value': 'Svenska offentliga aktörers samarbetsavtal med Kina', '@language': 'sv' },
        { '@value': "Swedish public bodies' agreements with China", '@language': 'en' },
      ]),
    );
    expect(ids(dataset['dcat:theme'])).toContain('http://publications.europa.eu/resource/authority/data-theme/GOVE');
    expect(ids(dataset['dct:spatial'])).toEqual([
      'http://publications.europa.eu/resource/authority/country/SWE',
      'http://publications.europa.eu/resource/authority/country/CHN',
    ]);
    const distributions = distributionsOf(doc);
    expect(distributions.length).toBeGreaterThanOrEqual(12);
    for (const d of distributions) expect(d['@type'], String(d['@id'])).toBe('dcat:Distribution');
    expect(ids((doc['dcat:service'] as Node[])[0]!['dcat:endpointDescription'])).toEqual([`${ORIGIN}/api/openapi.json`]);

    // Without a JSON-LD processor at hand: a key that is neither a keyword nor
    // prefix:name with a declared prefix would be dropped when expanded.
    const stray: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (!value || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === '@context') continue;
        if (!key.startsWith('@') && !(key.split(':')[0]! in context)) stray.push(key);
        if (key === '@type' && typeof inner === 'string' && !(inner.split(':')[0]! in context)) stray.push(`@type ${inner}`);
        walk(inner);
      }
    };
    walk(doc);
    expect(stray).toEqual([]);
  });

  it('offers the agreements CSV, the JSON export, every statistics CSV, the exchange exports and the API', async () => {
    const paths = addressesOf(await catalogue()).map((url) => new URL(url).pathname);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/agreements.csv',
        '/api/export.json',
        ...['in-force', 'changes', 'reasons', 'by-county', 'by-province', 'by-actor-kind', 'per-decade'].map((n) => `/api/statistics/${n}.csv`),
        ...EXCHANGE,
        '/api/agreements',
      ]),
    );
  });

  it('names the licence of every distribution and of the API: CC BY 4.0', async () => {
    const doc = await catalogue();
    for (const d of distributionsOf(doc)) expect(ids(d['dct:license']), String(d['@id'])).toEqual([DATA_LICENCE]);
    expect(ids((doc['dcat:service'] as Node[])[0]!['dct:license'])).toEqual([DATA_LICENCE]);
    expect(DATA_LICENCE).toMatch(/creativecommons\.org\/licenses\/by\/4\.0\/$/);
  });

  it('every access and download address of a distribution answers 200 through the app', async () => {
    const doc = await catalogue();
    const urls = [...new Set(addressesOf(doc))];
    expect(urls.length).toBeGreaterThanOrEqual(10);
    const failing: string[] = [];
    for (const url of [...urls, ...ids((doc['dcat:service'] as Node[])[0]!['dcat:endpointDescription'])]) {
      expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);
      const response = await app.request(url);
      if (response.status !== 200) failing.push(`${url}: ${response.status}`);
    }
    expect(failing).toEqual([]);
  }, 120_000);

  it('builds every address from the configured public address, whatever Host the request names', async () => {
    const response = await app.request(`${ORIGIN}/api/dcat.jsonld`, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
    const text = await response.text();
    expect(text).not.toContain('evil.example');
    expect(addressesOf(JSON.parse(text) as Node).every((url) => url.startsWith(`${ORIGIN}/api/`))).toBe(true);
    expect(JSON.stringify(await catalogue('https://evil.example'))).not.toContain('evil.example');
  });

  it('takes the address from X-Forwarded-Host and -Proto only behind a trusted proxy without PUBLIC_URL', async () => {
    const headers = { 'x-forwarded-host': 'data.example.se', 'x-forwarded-proto': 'https' };
    const proxied = createApp(t.database, undefined, { publicUrl: undefined, trustProxy: true });
    const doc = JSON.parse(await (await proxied.request('http://127.0.0.1/api/dcat.jsonld', { headers })).text()) as Node;
    expect(addressesOf(doc).every((url) => url.startsWith('https://data.example.se/api/'))).toBe(true);
    const untrusted = createApp(t.database, undefined, { publicUrl: undefined, trustProxy: false });
    expect(await (await untrusted.request('http://127.0.0.1/api/dcat.jsonld', { headers })).text()).not.toContain('data.example.se');
    // A forwarded host that is not a host name is not taken.
    const odd = await (await proxied.request('http://127.0.0.1/api/dcat.jsonld', { headers: { 'x-forwarded-host': 'evil.example/path@x' } })).text();
    expect(odd).not.toContain('evil.example');
  });

  it('gives the newest audit entry as modified, and a new one after a change', async () => {
    const newestAudit = async () => {
      const [row] = await queryRows<{ last: Date | string }>(t.database.db, sql`select max(at) as last from audit_log`);
      return new Date(row!.last).toISOString();
    };
    const modified = (doc: Node) => (datasetOf(doc)['dct:modified'] as { '@value': string })['@value'];
    const before = await catalogue();
    expect(modified(before)).toBe(await newestAudit());
    expect((before['dct:modified'] as { '@value': string })['@value']).toBe(await newestAudit());

    const { createAgreement } = await import('../../src/domain/agreements/create.ts');
    const org = (await t.database.db.query.organisations.findFirst())!;
    await createAgreement({ ctx: systemCtx(t), organisationId: org.id, input: { slug: uniqueSlug('dcat'), kind: 'vanort', parties: ['mora'], counterparts: ['jilin'] } });
    const after = await catalogue();
    expect(modified(after)).toBe(await newestAudit());
    expect(modified(after) > modified(before)).toBe(true);
  });

  it('is cached like every anonymous read until the register changes', async () => {
    await app.request(`${ORIGIN}/api/dcat.jsonld`);
    expect((await app.request(`${ORIGIN}/api/dcat.jsonld`)).headers.get('x-cache')).toBe('hit');
  });

  it('is named in the OpenAPI document and linked from the open-data page with the licence', async () => {
    const openapi = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain('/api/dcat.jsonld');
    for (const [path, words] of [
      ['/oppna-data', ['CC BY 4.0', 'Källa: Ortsband', 'Nationellt kunskapscentrum om Kina']],
      ['/oppna-data?lang=en', ['CC BY 4.0', 'Source: Ortsband', 'Swedish National China Centre']],
    ] as const) {
      const html = await (await app.request(path)).text();
      expect(html).toContain('<link rel="alternate" type="application/ld+json" href="/api/dcat.jsonld"');
      expect(html).toContain('href="/api/dcat.jsonld"');
      expect(html).toContain('https://creativecommons.org/licenses/by/4.0/');
      for (const word of words) expect(html, `${path}: ${word}`).toContain(word);
    }
  });
});
