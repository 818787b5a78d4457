// Finding and reading the public register as people meet it: search of
// several words, filter values that name nothing, pages past the end, link
// texts that name what they open, share-friendly URLs, the parties of an
// agreement in order, dates at the precision the sources give, and the
// count per current status.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
});
afterAll(async () => t?.close());

const page = async (path: string) => {
  const response = await app.request(path);
  return { status: response.status, html: await response.text(), location: response.headers.get('location') };
};
const json = async <T,>(path: string) => {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as T };
};
type List = { rows: Array<{ slug: string; status: string }>; total: number; pages: number };
type ApiError = { error: { code: string; problems: Array<{ field: string; message: string }> } };
/** The number of results a list page says it shows. */
const resultCount = (html: string) => {
  const count = /<p role="status">(\d+) (träffar|träff|results?)\b/.exec(html)?.[1];
  if (count === undefined) throw new Error('the page says no number of results');
  return Number(count);
};
const rowsOf = (html: string) => html.match(/<tr>/g)?.length ?? 0;

describe('a search of several words', () => {
  it.each(['Kronoberg Suzhou', 'Region Kronoberg – Suzhou', 'suzhou kronoberg', 'Växjö Jiangsu', '苏州 Kronoberg'])('"%s" finds Region Kronoberg – Suzhou', async (q) => {
    const { body } = await json<List>(`/api/agreements?q=${encodeURIComponent(q)}`);
    expect(body.rows.map((r) => r.slug)).toEqual(['region-kronoberg--suzhou']);
    expect(await page(`/avtal?q=${encodeURIComponent(q)}`).then((p) => p.html)).toContain('href="/avtal/region-kronoberg--suzhou"');
  });

  it('every word must match: a word that is nowhere finds nothing', async () => {
    expect((await json<List>(`/api/agreements?q=${encodeURIComponent('Kronoberg Shanghai')}`)).body.total).toBe(0);
    expect((await json<List>(`/api/agreements?q=${encodeURIComponent('Kronoberg zzzz')}`)).body.total).toBe(0);
  });

  it('finds the parties and places lists by several words too', async () => {
    const actors = (await json<Array<{ slug: string }>>(`/api/actors?q=${encodeURIComponent('Region Kronoberg')}`)).body;
    expect(actors.map((a) => a.slug)).toContain('region-kronoberg');
    const places = (await json<Array<{ slug: string }>>(`/api/counterparts?q=${encodeURIComponent('Suzhou 苏州')}`)).body;
    expect(places.map((p) => p.slug)).toContain('suzhou');
  });
});

describe('filter values that name nothing, and pages past the end', () => {
  it.each(['%', '_', '-', '%_', '–'])('a page searched for "%s" says there is nothing to search for, and shows no result as a match', async (q) => {
    const { status, html } = await page(`/avtal?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(html).toContain('innehåller inga bokstäver eller siffror');
    // What the person typed stays in the search field.
    expect(html).toContain(`name="q" value="${q}"`);
  });

  it('the API refuses a search with nothing to search for, naming q', async () => {
    for (const q of ['%', '_', '-']) {
      const { status, body } = await json<ApiError>(`/api/agreements?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(400);
      expect(body.error.problems[0]!.field).toBe('q');
    }
    expect((await app.request('/api/actors?q=%25')).status).toBe(400);
    expect((await app.request('/api/counterparts?q=-')).status).toBe(400);
  });

  it('a county and a place that do not exist are told the same way: a page says so and lists without them', async () => {
    const all = resultCount((await page('/avtal')).html);
    const county = await page('/avtal?county=99');
    const place = await page('/avtal?place=nowhere');
    for (const [p, words] of [
      [county, 'Det finns inget län med koden 99'],
      [place, 'Det finns ingen ort ”nowhere”'],
    ] as const) {
      expect(p.status).toBe(200);
      expect(p.html).toContain(words);
      expect(resultCount(p.html)).toBe(all);
    }
    expect((await page('/avtal?county=99&lang=en')).html).toContain('There is no county with the code 99');
    expect((await page('/avtal?place=nowhere&lang=en')).html).toContain('There is no place “nowhere”');
  });

  it('a kind of agreement the register does not keep is told the same way, not shown as an empty list', async () => {
    const all = resultCount((await page('/avtal')).html);
    for (const path of ['/avtal?kind=foo', '/avtal?kind=foo&lang=en']) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html, path).toMatch(/Det finns ingen avtalsform ”foo” i registret|There is no kind of agreement “foo” in the register/);
      expect(resultCount(html), path).toBe(all);
    }
    const vanort = resultCount((await page('/avtal?kind=vanort')).html);
    expect(vanort).toBeGreaterThan(0);
    expect(vanort).toBeLessThan(all);
    const map = await page('/karta?kind=foo');
    expect(map.status).toBe(200);
    expect(map.html).toContain('Det finns ingen avtalsform ”foo” i registret. Kartan visas utan val av avtalsform.');
  });

  it('the API refuses both the same way: 400 naming the parameter', async () => {
    for (const [path, field] of [
      ['/api/agreements?county=99', 'county'],
      ['/api/agreements?place=nowhere', 'place'],
      ['/api/agreements?kind=foo', 'kind'],
      ['/api/maps/ties.svg?kind=foo', 'kind'],
      ['/api/agreements.csv?county=99', 'county'],
      ['/api/actors?county=99', 'county'],
    ] as const) {
      const { status, body } = await json<ApiError>(path);
      expect(status, path).toBe(400);
      expect(body.error.problems.map((p) => p.field), path).toEqual([field]);
    }
  });

  it('a page past the end shows the last page and says so; the API says how many pages there are', async () => {
    const { status, html } = await page('/avtal?page=99999&pageSize=20');
    expect(status).toBe(200);
    expect(html).toContain('Sidan 99999 finns inte');
    const last = await page('/avtal?page=3&pageSize=20');
    expect(html).toContain('Sida 3 av 3');
    expect(rowsOf(html)).toBe(rowsOf(last.html));
    expect(rowsOf(html)).toBeGreaterThan(1);
    expect((await page('/avtal?page=99999&lang=en')).html).toContain('There is no page 99999');
    const api = await json<ApiError>('/api/agreements?page=99999');
    expect(api.status).toBe(400);
    expect(api.body.error.problems[0]!.field).toBe('page');
  });

  it('the lists of parties and places and the map say so the same way', async () => {
    expect((await page('/parter?q=%25')).html).toContain('innehåller inga bokstäver eller siffror');
    expect((await page('/motparter?q=-')).html).toContain('innehåller inga bokstäver eller siffror');
    expect((await page('/parter?county=99')).html).toContain('Det finns inget län med koden 99');
    const map = await page('/karta?place=nowhere&county=99');
    expect(map.status).toBe(200);
    expect(map.html).toContain('Det finns ingen ort ”nowhere”');
    expect(map.html).toContain('Det finns inget län med koden 99');
  });
});

describe('the list of agreements', () => {
  it('links each agreement by a text that names it, and each party and place to its own page', async () => {
    const { html } = await page('/avtal?q=kalmar');
    const links = [...html.matchAll(/<a href="(\/avtal\/[^"?]+)">([^<]+)<\/a>/g)].map(([, to, text]) => ({ to, text }));
    expect(links.length).toBeGreaterThanOrEqual(2);
    // No two links to different agreements read the same.
    const byText = new Map<string, Set<string>>();
    for (const l of links) byText.set(l.text!, (byText.get(l.text!) ?? new Set()).add(l.to!));
    for (const [text, targets] of byText) expect(targets.size, text).toBe(1);
    expect(html).toMatch(/<a href="\/parter\/region-kalmar[^"]*">Region Kalmar län<\/a>/);
    expect(html).toMatch(/<td class="place"><a href="\/motparter\//);
  });

  it('the same on a party page and a place page', async () => {
    for (const path of ['/parter/region-kalmar', '/motparter/zhejiang']) {
      const { html } = await page(path);
      const texts = [...html.matchAll(/<a href="\/avtal\/([^"?]+)">([^<]+)<\/a>/g)].map(([, slug, text]) => `${text}→${slug}`);
      const seen = new Map<string, string>();
      for (const pair of texts) {
        const [text, slug] = pair.split('→') as [string, string];
        expect(seen.get(text) ?? slug, `${path}: ${text}`).toBe(slug);
        seen.set(text, slug);
      }
    }
  });

  it('a filter form sent with empty fields is sent on to the address that carries only what is set', async () => {
    const sent = await app.request('/avtal?q=mora&actorKind=&county=&status=in_force&kind=&place=&establishedFrom=&establishedTo=&on=&sort=&lang=en');
    expect(sent.status).toBe(302);
    expect(sent.headers.get('location')).toBe('/avtal?q=mora&status=in_force&lang=en');
    for (const [path, clean] of [
      ['/parter?q=&county=14', '/parter?county=14'],
      ['/motparter?q=', '/motparter'],
      ['/karta?on=&status=ended&county=', '/karta?status=ended'],
      ['/statistik?rule=', '/statistik'],
    ] as const) {
      const response = await app.request(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get('location'), path).toBe(clean);
    }
  });

  it('links the CSV of exactly what is set, without a stray "?"', async () => {
    expect((await page('/avtal')).html).toContain('href="/api/agreements.csv?lang=sv"');
    expect((await page('/avtal?status=ended&page=2&pageSize=5')).html).toContain('href="/api/agreements.csv?status=ended&amp;lang=sv"');
    // A filter that was left out is not in the CSV's address either.
    expect((await page('/avtal?county=99&status=ended')).html).toContain('href="/api/agreements.csv?status=ended&amp;lang=sv&amp;sep=semicolon"');
  });
});

describe('the list of parties', () => {
  it('has a county filter', async () => {
    const { html } = await page('/parter');
    expect(html).toMatch(/<select id="a-county" name="county"/);
    const kronoberg = await page('/parter?county=07');
    expect(kronoberg.html).toContain('<option value="07" selected="">');
    expect(kronoberg.html).toContain('href="/parter/region-kronoberg"');
    expect(kronoberg.html).not.toContain('href="/parter/kalix"');
  });
});

describe('an agreement page', () => {
  it('names the main party first, then the others, each body once', async () => {
    const { html } = await page('/avtal/region-kronoberg--suzhou');
    const parties = html.slice(html.indexOf('<dt>Parter</dt>'), html.indexOf('</dd>', html.indexOf('<dt>Parter</dt>')));
    const names = [...parties.matchAll(/<a href="\/parter\/([^"]+)">/g)].map((m) => m[1]);
    expect(names[0]).toBe('region-kronoberg');
    expect(new Set(names).size).toBe(names.length);
    expect(names.indexOf('lst-kronoberg')).toBeGreaterThan(0);
    // Växjö kommun took part and co-financed: one entry with both roles.
    expect(parties).toMatch(/Växjö kommun<\/a> \(medfinansiär, deltagare\)/);
  });
});

describe('dates at the precision the sources give', () => {
  it('a timeline’s text alternative says "1997", not "1997-12-31"', async () => {
    for (const path of ['/parter/region-skane', '/motparter/guangdong', '/parter/kalix', '/parter/region-skane?lang=en']) {
      const { html } = await page(path);
      const titles = [...html.matchAll(/<rect [^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]!);
      expect(titles.length, path).toBeGreaterThan(0);
      for (const title of titles) expect(title, path).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('no page shows a day the sources do not give', { timeout: 120_000 }, async () => {
    const shipped = ['agreements', 'actors', 'counterparts', 'sources'].map((f) => readFileSync(new URL(`../../data/${f}.yaml`, import.meta.url), 'utf8')).join('\n');
    const agreements = (await json<List>('/api/agreements?pageSize=100')).body.rows.map((r) => `/avtal/${r.slug}`);
    const actors = (await json<Array<{ slug: string }>>('/api/actors')).body.map((a) => `/parter/${a.slug}`);
    const places = (await json<Array<{ slug: string }>>('/api/counterparts')).body.map((c) => `/motparter/${c.slug}`);
    expect(agreements.length).toBeGreaterThanOrEqual(58);
    for (const path of ['/', '/statistik', '/parter', '/motparter', '/avtal', '/karta', ...agreements, ...actors, ...places, '/parter/region-skane?lang=en']) {
      const { html } = await page(path);
      // A day a text of the register writes as its source does (a decision of 2019-12-10) may stand; no other.
      const text = html.replace(/<[^>]+>/g, ' ');
      const invented = (text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).filter((day) => !shipped.includes(day));
      expect(invented, path).toEqual([]);
    }
  });
});

describe('the count per current status', () => {
  const STATUSES = ['active', 'dormant', 'paused', 'partly_ended', 'ended', 'planned'] as const;
  it('the API gives, in one answer, what six list requests give', async () => {
    const { body } = await json<{ byStatus: Array<{ status: string; agreements: number }> }>('/api/statistics');
    expect(body.byStatus.map((s) => s.status)).toEqual([...STATUSES]);
    for (const { status, agreements } of body.byStatus) {
      const list = await json<List>(`/api/agreements?status=${status}&pageSize=1`);
      expect(agreements, status).toBe(list.body.total);
    }
    const all = await json<List>('/api/agreements?pageSize=1');
    expect(body.byStatus.reduce((n, s) => n + s.agreements, 0)).toBe(all.body.total);
  });

  it('the statistics page shows it, each number linked to its list', async () => {
    const { html } = await page('/statistik');
    expect(html).toContain('id="by-status"');
    for (const status of STATUSES) expect(html).toContain(`href="/avtal?status=${status}"`);
  });

  it('the OpenAPI document describes it', async () => {
    const doc = JSON.stringify(await (await app.request('/api/openapi.json')).json());
    expect(doc).toContain('byStatus');
  });
});
