// The HTTP layer: every page kind answers, the API serves its data, and the
// response cache answers repeated reads. The edge (headers, errors, bad
// input) is tested in http-edge.test.ts, generated bad requests over every
// route in bad-requests.test.ts, downloads through a real server in
// downloads.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { ROUTE_ACCESS } from '../../src/http/route-access.ts';
import { TABLES } from '../../src/domain/transfer/exchange/format.ts';
import { createActor } from '../../src/domain/actors/create.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { statisticsOverview } from '../../src/domain/statistics/overview.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
});
afterAll(async () => t?.close());

describe('pages', () => {
  it('offers every CSV for people in both separators, with headers in the page\'s language and names beside codes; programs keep the plain CSV', async () => {
    const plain = (await (await app.request('/api/agreements.csv')).text()).replace(/^\uFEFF/, '');
    expect(plain.split('\r\n')[0]).toBe('slug,partyLabel,counterpartLabel,kind,officialTitle,establishedYear,status');
    const people = (await (await app.request('/api/agreements.csv?lang=sv&sep=semicolon')).text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(people[0]).toBe('Adress i registret;Svensk part;Motpart;Avtalsform;Avtalsform (kod);Officiell benämning;Etablerat år;Status;Status (kod)');
    expect(people.find((line) => line.startsWith('goteborg--shanghai;'))).toMatch(/;Vänortssamarbete;vanort;.*;Delvis avslutat;partly_ended$/);
    const county = (await (await app.request('/api/statistics/by-county.csv?lang=en')).text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(county[0]).toBe('Code,Name,Established,In force,Ended');
    expect(county.find((line) => line.startsWith('14,'))).toMatch(/^14,Västra Götalands län,/);
    const reasons = (await (await app.request('/api/statistics/reasons.csv?lang=sv&sep=semicolon')).text()).split('\r\n');
    expect(reasons[0]).toContain('Skäl (kod);Skäl;Totalt');
    expect((await app.request('/api/statistics/reasons.csv?sep=tab')).status).toBe(400);
    const list = await (await app.request('/avtal?kind=vanort')).text();
    expect(list).toContain('href="/api/agreements.csv?kind=vanort&amp;lang=sv&amp;sep=semicolon"');
    const stats = await (await app.request('/statistik?lang=en')).text();
    expect(stats).toContain('href="/api/statistics/reasons.csv?rule=report&amp;lang=en"');
  });

  it("an agreement's page says as of when its status is known, and its permanent link keeps the page's language", async () => {
    const sv = await (await app.request('/avtal/goteborg--shanghai')).text();
    expect(sv).toMatch(/<span class="hint beside"> enligt källor till och med 20\d\d<\/span>/);
    expect(sv).toContain('Permanent länk: <a href="/avtal/goteborg--shanghai">/avtal/goteborg--shanghai</a>');
    const en = await (await app.request('/avtal/goteborg--shanghai?lang=en')).text();
    expect(en).toMatch(/ according to sources up to 20\d\d/);
    expect(en).toContain('Permanent link: <a href="/avtal/goteborg--shanghai?lang=en">/avtal/goteborg--shanghai?lang=en</a>');
  });

  it('party and place pages, the start page, the statistics and their charts say as of when statuses are known and where the sources end', async () => {
    // Göteborg–Shanghai: its latest event is of 2020, the report that gives it is of 2022.
    const detail = (await (await app.request('/api/agreements/goteborg--shanghai')).json()) as { statusKnownUntil: number };
    expect(detail.statusKnownUntil).toBe(2022);
    expect(await (await app.request('/avtal/goteborg--shanghai')).text()).toContain('<span class="hint beside"> enligt källor till och med 2022</span>');
    for (const path of ['/parter/goteborg', '/motparter/shanghai']) {
      const html = await (await app.request(path)).text();
      expect(html, path).toContain('<th scope="col" class="num">Enligt källor till och med</th>');
      const row = html.slice(html.indexOf('href="/avtal/goteborg--shanghai"'));
      expect(row.slice(0, row.indexOf('</tr>')), path).toContain('<td class="num">2022</td>');
    }
    expect(await (await app.request('/parter/goteborg?lang=en')).text()).toContain('According to sources up to');
    const home = await (await app.request('/')).text();
    expect(home).toContain('Registrets källor slutar 2022.');
    expect(home).toMatch(/<strong>\d+<\/strong><a href="\/avtal\?status=in_force">pågående enligt källor till och med 2022<\/a>/);
    const stats = await (await app.request('/statistik')).text();
    expect(stats).toContain('<p id="sources-end">Registrets källor slutar 2022.');
    const chart = await (await app.request('/api/statistics/in-force.svg')).text();
    expect(chart).toContain('Registrets källor slutar 2022: åren efter visar den status som de senaste källorna anger.');
    expect(chart).toContain('Källorna slutar</text>');
    const byCounty = await (await app.request('/api/statistics/by-county.svg?lang=en')).text();
    expect(byCounty).toContain('Statuses according to sources up to 2022.');
  });

  it("a party's and a place's page list the activities of their agreements, each with its agreement", async () => {
    const kalix = await (await app.request('/parter/kalix')).text();
    const section = kalix.slice(kalix.indexOf('<section aria-labelledby="activities">'));
    expect(section).toContain('FN-konferens om transporter: Kalix presenterar en öst–västlig järnvägsförbindelse');
    expect(section).toContain('href="/avtal/');
    const guangdong = await (await app.request('/motparter/guangdong?lang=en')).text();
    expect(guangdong.slice(guangdong.indexOf('<section aria-labelledby="activities">'))).toContain('contribution to Friendship park');
    const api = (await (await app.request('/api/actors/kalix')).json()) as { activities: { total: number; rows: Array<{ title: string }> } };
    expect(api.activities.total).toBe(api.activities.rows.length);
    expect(api.activities.rows.map((r) => r.title)).toContain('Resor till Kina med lokala företag från olika branscher');
  });

  it('every page links to the page about the register and the accessibility statement, which says how to report a barrier and names the supervising agency', async () => {
    const home = await (await app.request('/avtal')).text();
    expect(home).toContain('<a href="/om">Om registret</a>');
    expect(home).toContain('<a href="/tillganglighet">Tillgänglighet</a>');
    const statement = await (await app.request('/tillganglighet')).text();
    for (const words of ['WCAG 2.1', 'Rapportera brister', 'Myndigheten för digital förvaltning', 'Kända brister']) expect(statement).toContain(words);
    const about = await (await app.request('/om')).text();
    for (const words of ['Vem som för det', 'Så citerar du registret', 'Rapportera ett fel', 'href="/statistik#statements"']) expect(about).toContain(words);
  });

  it('the statistics page shows how every counting rule reaches or misses the report\'s 49 in 2016, naming the agreements that differ', async () => {
    const { peakUnderEveryRule: peak, inForce } = await statisticsOverview(t.anonymous, 'report', 2026, '2026-05-01');
    const of = (rule: string) => peak.rules.find((r) => r.rule === rule)!;
    expect(peak.year).toBe(2016);
    expect(of('report')).toMatchObject({ total: 50, byKind: { vanort: 41, kommunalt_partnerskap: 9 }, statusDiffersCount: 0 });
    // The earliest-date rule reaches 49 in all, but with 40 twinnings: one twinning ended "2002/2022" counts from 2002.
    expect(of('earliest-date')).toMatchObject({ total: 49, byKind: { vanort: 40, kommunalt_partnerskap: 9 }, statusDiffersCount: 1 });
    expect(of('earliest-date').statusDiffers[0]).toMatchObject({ kind: 'vanort', inForce: false });
    expect(of('per-agreement').total).toBe(50 + of('per-agreement').pairsCountedTwice.reduce((n, pair) => n + pair.length - 1, 0));
    // The same totals as the in-force series computes them, rule by rule.
    for (const r of peak.rules) {
      const series = (await statisticsOverview(t.anonymous, r.rule, 2026, '2026-05-01')).inForce.find((y) => y.year === 2016)!;
      expect(r.total, r.rule).toBe(series.total);
    }
    expect(inForce.find((y) => y.year === 2016)!.total).toBe(50);
    const html = await (await app.request('/statistik')).text();
    expect(html).toContain('<h2 id="peak-rules">Talet 49 under varje räkneregel</h2>');
    const row = html.slice(html.indexOf('id="peak-earliest-date"'), html.indexOf('</tr>', html.indexOf('id="peak-earliest-date"')));
    expect(row).toContain(`href="/avtal/${of('earliest-date').statusDiffers[0]!.slug}"`);
    expect(row).toContain('(pågår inte under denna regel)');
    expect(await (await app.request('/statistik?lang=en')).text()).toContain('The number 49 under each counting rule');
  });

  it('the start page says what its figures count, and links to why the register counts 50 where the report says 49', async () => {
    const home = await (await app.request('/')).text();
    expect(home).toContain('Vad talen räknar');
    expect(home).toContain('<a href="/statistik#statement-total-peak-2016">varför registret räknar 50</a>');
    expect(home).toContain('href="/avtal?on=2016-12-31&amp;status=in_force"');
    expect(await (await app.request('/statistik')).text()).toContain('id="statement-total-peak-2016"');
    expect(await (await app.request('/?lang=en')).text()).toContain('why the register counts 50');
  });

  it.each(['/', '/avtal', '/avtal?lang=en', '/avtal/goteborg--shanghai', '/parter', '/parter/kalix', '/motparter', '/motparter/zhejiang', '/statistik', '/statistik?rule=per-agreement', '/oppna-data', '/om', '/tillganglighet?lang=en'])(
    '%s answers 200 with HTML in the right language',
    async (path) => {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(path.includes('lang=en') ? '<html lang="en">' : '<html lang="sv">');
    },
  );

  it('every page is a standards-mode HTML document', async () => {
    for (const path of ['/', '/avtal/borlange--wuhan', '/avtal/no-such-thing']) expect((await (await app.request(path)).text()).startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('shows an English reader the English texts, and a quotation in its own words with the translation named as such', async () => {
    const sv = await (await app.request('/avtal/borlange--wuhan')).text();
    expect(sv).toContain('bjöd Borlängebor på kräftfest');
    expect(sv).not.toContain('crayfish');
    const en = await (await app.request('/avtal/borlange--wuhan?lang=en')).text();
    expect(en).toContain('invited people from Borlänge to a crayfish party');
    expect(en).toContain('The municipal council approved a motion from Moderaterna');
    expect(en).toContain('<blockquote lang="sv">Kina är en socialistisk folkrepublik');
    expect(en).toContain('Ortsband’s translation: “China is a socialist people&#39;s republic');
    expect(en).not.toContain('bjöd Borlängebor');
    // A deciding body is named as the sources name it, marked as Swedish.
    expect(en).toContain('Decided by: <span lang="sv">Kommunfullmäktige, Borlänge kommun</span>');
  });

  it('links every citation to its source\'s page, and a source that is online to its address, with the source named', async () => {
    const address = 'https://www.svt.se/nyheter/lokalt/vasterbotten/skelleftea-och-tongling-gar-skilda-vagar';
    const online = /<a href="(https:[^"]+)" rel="external"[^>]*>(på webben|online)<span class="visually-hidden">: <span[^>]*>([^<]+)<\/span><\/span><\/a>/g;
    for (const [path, internal] of [['/avtal/skelleftea--tongling', '/kallor/fn35-skelleftea-media'], ['/avtal/skelleftea--tongling?lang=en', '/kallor/fn35-skelleftea-media?lang=en']] as const) {
      const html = await (await app.request(path)).text();
      const links = [...html.matchAll(online)].map((m) => [m[1], m[3]]);
      expect(links, path).toContainEqual([address, 'Skellefteå och Tongling går skilda vägar']);
      // The page in Ortsband, the title marked Swedish on an English page.
      expect(html).toMatch(new RegExp(`<a href="${internal.replace('?', '\\?')}"( lang="sv")?>Skellefteå och Tongling går skilda vägar</a>`));
    }
    // On the other pages that cite: an event's, an actor's and a place's sources.
    expect(await (await app.request('/avtal/goteborg--shanghai')).text()).toContain('href="https://sverigesradio.se/artikel/7458148" rel="external"');
    expect(await (await app.request('/parter/vaxjo')).text()).toContain('<a href="/kallor/seed002-kronoberg">Länsstyrelsens och Regionförbundets Kinasamarbete växlas upp</a>');
    expect(await (await app.request('/motparter/guangxi?lang=en')).text()).toContain('href="/kallor/nkk2022?lang=en"');
    // The source's own page: its address, or plainly none, with its publisher.
    const source = await (await app.request('/kallor/fn35-skelleftea-media')).text();
    expect(source).toContain(`<a href="${address}" rel="external">`);
    const none = await (await app.request('/kallor/seed003-skane')).text();
    expect(none).toContain('Ortsband känner ingen webbadress till källan. Den ges ut av Region Skåne.');
    expect(await (await app.request('/kallor/seed003-skane?lang=en')).text()).toContain('Ortsband knows no web address for this source. It is published by Region Skåne.');
    expect((await app.request('/kallor/no-such-source')).status).toBe(404);
  });

  it("shows an actor's and a place's editorial note in the reader's language", async () => {
    expect(await (await app.request('/parter/malmo')).text()).toContain('Kallar sig Malmö stad (rapportens fotnot 52).');
    const english = await (await app.request('/parter/malmo?lang=en')).text();
    expect(english).toContain('Calls itself Malmö stad (the report&#39;s footnote 52).');
    expect(english).toContain('1 agreement. Each bar shows');
    const succession = await (await app.request('/parter/region-skane')).text();
    expect(succession).toContain('Region Skåne förvaltar nu det avtal med Guangdong');
    expect(await (await app.request('/parter/region-skane?lang=en')).text()).toContain('Region Skåne now manages the agreement with Guangdong');
    expect(await (await app.request('/motparter/qufu')).text()).toContain('Bilagan placerar den direkt under Shandong');
    expect(await (await app.request('/motparter/qufu?lang=en')).text()).toContain('The appendix places it directly under Shandong');
    // And the note on a party's part in an agreement.
    expect(await (await app.request('/avtal/region-kronoberg--suzhou')).text()).toContain('(medfinansiär) – Medfinansierade Kinasatsningen 2011–2014.');
    const party = await (await app.request('/avtal/region-kronoberg--suzhou?lang=en')).text();
    expect(party).toContain('(co-financier) – Co-financed the China initiative 2011–2014.');
    expect(party).not.toContain('Medfinansierade');
  });

  it('marks a source title in another language than the page as that language', async () => {
    const sv = await (await app.request('/avtal/kalix--lanzhou--kp')).text();
    expect(sv).toContain('<a href="/kallor/seed000-kalix" lang="en">Developing contacts in China (case study, Municipality of Kalix)</a>');
    expect(sv).not.toContain('lang="sv">Lokal frost');
    const en = await (await app.request('/avtal/kalix--lanzhou--kp?lang=en')).text();
    expect(en).toContain('<a href="/kallor/seed000-kalix?lang=en">Developing contacts in China (case study, Municipality of Kalix)</a>');
    expect(en).toContain('<a href="/kallor/nkk2022?lang=en" lang="sv">Lokal frost i relationerna');
    // On the pages of actors and places too, which read their sources apart; a title Ortsband wrote
    // itself (the reference data's) has its English there instead.
    expect(await (await app.request('/parter/kalix?lang=en')).text()).toContain('>Coordinates of towns and cities (reference data, not from the seeds)</a>');
  });

  it("escapes what the page shell shows of a record and of the URL", async () => {
    const org = (await t.database.db.query.organisations.findFirst())!;
    const slug = uniqueSlug('escaped');
    await createActor({ ctx: systemCtx(t), organisationId: org.id, input: { slug, name: 'A & "B" <C>', kind: 'other' } });
    const html = await (await app.request(`/parter/${slug}`)).text();
    expect(html).toContain('<title>A &amp; &quot;B&quot; &lt;C&gt; – Ortsband</title>');
    expect(html).not.toContain('<C>');
    // The language switch keeps the query, as an attribute.
    const list = await (await app.request('/avtal?q=%26%22%3Cx')).text();
    expect(list).toContain('href="/avtal?q=%26%22%3Cx&amp;lang=en" lang="en" hreflang="en"');
  });

  it('marks a Swedish text that has no English as Swedish on an English page', async () => {
    const org = (await t.database.db.query.organisations.findFirst())!;
    const slug = uniqueSlug('untranslated');
    await createAgreement({ ctx: systemCtx(t), organisationId: org.id, input: { slug, kind: 'vanort', parties: ['kalix'], counterparts: ['lanzhou'], summary: 'Bara på svenska.' } });
    const en = await (await app.request(`/avtal/${slug}?lang=en`)).text();
    expect(en).toContain('<span lang="sv">Bara på svenska.</span>');
  });

  it('an unknown agreement is a 404 page', async () => {
    expect((await app.request('/avtal/no-such-thing')).status).toBe(404);
  });

  it('the statistics page lists the report\'s statements beside the register\'s numbers', async () => {
    const html = await (await app.request('/statistik')).text();
    expect(html).toContain('Sedan 2017 har dock 21 samarbeten avslutats');
    expect(html).toContain('statement-total-peak-2016');
  });
});

describe('API', () => {
  it('serves an OpenAPI document naming every list parameter', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, { get: { parameters?: Array<{ name: string }> } }> };
    const names = doc.paths['/api/agreements']!.get.parameters!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['q', 'actorKind', 'county', 'status', 'kind', 'place', 'establishedFrom', 'establishedTo', 'on', 'sort', 'page', 'pageSize']));
  });

  it('describes every route of the API in the OpenAPI document, and nothing the router does not have', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    // A parameter by any name is a parameter: {meetingId} in the document is :meeting in the router.
    const shape = (route: string) => route.replace(/\{[^/}]+\}|:[A-Za-z]+/g, '{}');
    // The file routes match their names by a pattern; the document names the files they serve.
    const files: Record<string, string[]> = {
      'GET /api/statistics/:file{[a-z-]+\\.csv}': ['GET /api/statistics/{name}.csv'],
      'GET /api/statistics/:file{[a-z-]+\\.(svg|png)}': ['GET /api/statistics/{name}.svg', 'GET /api/statistics/{name}.png'],
      'GET /api/maps/:file{ties\\.(svg|png)}': ['GET /api/maps/ties.svg', 'GET /api/maps/ties.png'],
      [`GET /api/exchange/:file{(${TABLES.join('|')})\\.csv}`]: ['GET /api/exchange/{table}.csv'],
      [`GET /api/exchange/template/:file{(${TABLES.join('|')})\\.csv}`]: ['GET /api/exchange/template/{table}.csv'],
    };
    const described = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => shape(`${method.toUpperCase()} ${path}`)));
    const routed = Object.keys(ROUTE_ACCESS)
      .filter((route) => route.split(' ')[1]!.startsWith('/api/'))
      .flatMap((route) => (files[route] ?? [route]).map(shape));
    expect(routed.filter((route) => !described.includes(route)), 'routes the OpenAPI document does not describe').toEqual([]);
    expect(described.filter((route) => !routed.includes(route)), 'described routes the router does not have').toEqual([]);
  });

  it('exports the register as CSV with a row per agreement, formulas neutralised', async () => {
    const csv = await (await app.request('/api/agreements.csv')).text();
    const { total } = (await (await app.request('/api/agreements?pageSize=1')).json()) as { total: number };
    expect(total).toBeGreaterThanOrEqual(58); // the shipped agreements, and any other test made
    expect(csv.trim().split('\r\n')).toHaveLength(1 + total);
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
  });

  it('the statistics API gives the report\'s 21 endings since 2017', async () => {
    const body = (await (await app.request('/api/statistics')).json()) as { statements: Array<{ statement: { id: string }; computed: number }> };
    expect(body.statements.find((s) => s.statement.id === 'ended-since-2017')?.computed).toBe(21);
  });

  it('never returns a speaker\'s name', async () => {
    const body = await (await app.request('/api/export.json')).text();
    expect(body).not.toContain('Annamaria Hedlund');
  });
});

describe('the response cache', () => {
  it('answers a repeated read from the cache until something is written', async () => {
    const { recordStatusEvent } = await import('../../src/domain/status/record-event.ts');
    const url = '/api/agreements?q=mora&pageSize=100';
    const first = await app.request(url);
    const second = await app.request(url);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(await first.text());

    const ctx = systemCtx(t);
    const org = (await t.database.db.query.organisations.findFirst())!;
    const slug = uniqueSlug('cache');
    const a = await createAgreement({ ctx, organisationId: org.id, input: { slug, kind: 'vanort', parties: ['mora'], counterparts: ['jilin'] } });
    await recordStatusEvent({ ctx, agreementId: a.id, input: { type: 'established', date: '2024' } });
    const third = await app.request(url);
    expect(third.headers.get('x-cache')).toBe('miss');
    expect(await third.text()).toContain(slug);
  });

  it('sends a kept answer gzipped to clients that accept it, and 304 to one that has it', async () => {
    const { gunzipSync } = await import('node:zlib');
    const url = '/api/statistics/in-force.svg';
    const plain = await app.request(url);
    const body = Buffer.from(await plain.arrayBuffer());
    const etag = plain.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const packed = await app.request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(packed.headers.get('x-cache')).toBe('hit');
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toBe('accept-encoding');
    const wire = Buffer.from(await packed.arrayBuffer());
    expect(wire.length).toBeLessThan(body.length / 2);
    expect(gunzipSync(wire).equals(body)).toBe(true);

    const unpacked = await app.request(url, { headers: { 'accept-encoding': 'identity' } });
    expect(unpacked.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await unpacked.arrayBuffer()).equals(body)).toBe(true);

    const revalidated = await app.request(url, { headers: { 'if-none-match': `"other", ${etag}` } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
    expect((await app.request(url, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });
});

describe('maps', () => {
  it('places every party and counterpart of the shipped data, and says which it cannot', async () => {
    const html = await (await app.request('/karta')).text();
    expect(html).not.toContain('Kunde inte placeras');
    const svg = await (await app.request('/api/maps/ties.svg?status=in_force')).text();
    expect(svg).toMatch(/^<\?xml/);
    expect((svg.match(/<a href="\/parter\//g) ?? []).length).toBeGreaterThan(20);
  });

  it('serves charts and maps as PNG', async () => {
    for (const url of ['/api/statistics/in-force.png', '/api/maps/ties.png?on=2016-12-31']) {
      const response = await app.request(url);
      expect(response.headers.get('content-type'), url).toBe('image/png');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    }
  });

  it('serves every chart as SVG with its title and summary', async () => {
    for (const name of ['in-force', 'changes', 'reasons', 'by-county', 'by-province', 'per-decade']) {
      const response = await app.request(`/api/statistics/${name}.svg?rule=per-agreement&lang=en`);
      expect(response.status, name).toBe(200);
      const svg = await response.text();
      expect(svg).toContain('<title id="chart-');
      expect(svg).toContain('<desc id="chart-');
    }
  });
});
