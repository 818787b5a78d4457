// English pages show English for what they once showed only in Swedish: the
// passages citations quote (as Ortsband's translation, the original kept),
// themes and funding, official titles (marked with their language),
// discrepancy values, the reference-data sources' titles, and a permanent
// link that keeps the page's language. The Swedish pages stay as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { changeAgreement } from '../../src/domain/agreements/change.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
});
afterAll(async () => t?.close());

const page = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

describe('English texts on English pages', () => {
  it("an agreement's page gives the passages in English, marked as Ortsband's translation, with the Swedish original marked as Swedish", async () => {
    const en = await page('/avtal/borlange--wuhan?lang=en');
    expect(en).toContain('<span class="passage-en">The golden era</span>');
    expect(en).toMatch(/<summary>Ortsband’s translation; the original<\/summary><q lang="sv">Den gyllene eran<\/q>/);
    expect(en).toContain('<span class="passage-en">Appendix, row 4</span>');
    const sv = await page('/avtal/borlange--wuhan');
    expect(sv).toContain(' – Den gyllene eran');
    expect(sv).not.toContain('The golden era');
    expect(sv).not.toContain('passage-en');
  });

  it("an agreement's page gives its themes and funding in English, and the Swedish page in Swedish", async () => {
    const en = await page('/avtal/borlange--wuhan--kp?lang=en');
    expect(en).toContain('<dd>waste management, environment, democracy</dd>');
    expect(await page('/avtal/borlange--wuhan--kp')).toContain('<dd>avfallshantering, miljö, demokrati</dd>');
    const funding = await page('/avtal/kalix--lanzhou--kp?lang=en');
    expect(funding).toContain('some support from Sveriges Kommuner och Landsting');
    expect(funding).not.toContain('visst stöd från');
    expect(await page('/avtal/kalix--lanzhou--kp')).toContain('visst stöd från Sveriges Kommuner och Landsting');
  });

  it('the list marks an official title with its language and gives its English on English pages; the Swedish list shows the title alone', async () => {
    const en = await page('/avtal?lang=en&q=Bollnäs');
    expect(en).toContain('<td><span lang="sv">samarbetsöverenskommelse</span><span class="hint"> (cooperation arrangement)</span></td>');
    const sv = await page('/avtal?q=Bollnäs');
    expect(sv).toContain('<td>samarbetsöverenskommelse</td>');
    // An English title on a Swedish page is marked as English.
    expect(await page('/avtal?q=Dalarna')).toContain('<span lang="en">friendly cooperation</span>');
    const detail = await page('/avtal/bollnas--heze?lang=en');
    expect(detail).toContain('<span lang="sv">samarbetsöverenskommelse</span><span class="hint"> (cooperation arrangement)</span>');
  });

  it('a discrepancy shows its values in English on an English page, in Swedish on the Swedish one', async () => {
    const en = await page('/avtal/goteborg--shanghai--2003?lang=en');
    expect(en).toContain('In the register <strong>two years</strong>');
    expect(en).toContain('<strong>three years</strong>');
    const sv = await page('/avtal/goteborg--shanghai--2003');
    expect(sv).toContain('<strong>två år</strong>');
    expect(sv).not.toContain('two years');
  });

  it("a reference-data source's page and the sources it is cited in have its English title on English pages", async () => {
    const en = await page('/kallor/scb-codes?lang=en');
    expect(en).toContain('<h1>SCB: municipality and county codes (reference data, not from the seeds)</h1>');
    expect(en).toContain('<dd lang="sv">SCB: kommun- och länskoder (referensdata, inte från underlaget)</dd>');
    const sv = await page('/kallor/scb-codes');
    expect(sv).toContain('<h1>SCB: kommun- och länskoder (referensdata, inte från underlaget)</h1>');
    expect(sv).not.toContain('municipality and county codes');
    const actor = await page('/parter/kalix?lang=en');
    expect(actor).toContain('>SCB: municipality and county codes (reference data, not from the seeds)</a>');
    expect(actor).toContain('<span class="passage-en">municipality code and county code</span>');
    expect(await page('/parter/kalix')).toContain('>SCB: kommun- och länskoder (referensdata, inte från underlaget)</a> – kommunkod och länskod');
  });

  it("the statistics page gives the report's passages and Ortsband's translation of its words in English", async () => {
    const en = await page('/statistik?lang=en');
    expect(en).toContain('<q lang="sv">Sedan 2017 har dock 21 samarbeten avslutats</q>');
    expect(en).toContain('<span class="hint">(Summary)</span>');
    expect(en).toContain('Ortsband’s translation: “Since 2017, however, 21 cooperations have been ended”');
    const sv = await page('/statistik');
    expect(sv).toContain('<q lang="sv">Sedan 2017 har dock 21 samarbeten avslutats</q> <span class="hint">(Sammanfattning)</span>');
    expect(sv).not.toContain('Since 2017, however');
  });

  it("an English agreement page's permanent link is the English address", async () => {
    expect(await page('/avtal/kalix--lanzhou--kp?lang=en')).toContain('Permanent link: <a href="/avtal/kalix--lanzhou--kp?lang=en">/avtal/kalix--lanzhou--kp?lang=en</a>');
    expect(await page('/avtal/kalix--lanzhou--kp')).toContain('Permanent länk: <a href="/avtal/kalix--lanzhou--kp">/avtal/kalix--lanzhou--kp</a>');
  });
});

describe('the English of the shipped data', () => {
  it("every passage cited from a source not in English has Ortsband's English", async () => {
    const missing = await queryRows<{ slug: string; passage: string }>(
      t.database.db,
      sql`select s.slug, c.passage from citations c join sources s on s.id = c.source_id where s.language <> 'en' and c.passage is not null and c.passage_en is null`,
    );
    expect(missing).toEqual([]);
  });

  it('every official title has its language, and every Swedish one its English', async () => {
    const rows = await queryRows<{ slug: string; official_title_language: string | null; official_title_en: string | null }>(
      t.database.db,
      sql`select slug, official_title_language, official_title_en from agreements where official_title is not null`,
    );
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => !r.official_title_language)).toEqual([]);
    expect(rows.filter((r) => r.official_title_language === 'sv' && !r.official_title_en)).toEqual([]);
  });

  it('every agreement with themes or funding has their English', async () => {
    const rows = await queryRows<{ slug: string }>(
      t.database.db,
      sql`select slug from agreements where (cardinality(themes) > 0 and cardinality(themes_en) <> cardinality(themes)) or (funding is not null and funding_en is null)`,
    );
    expect(rows).toEqual([]);
  });
});

describe('English beside the Swedish is checked', () => {
  it("themes in English must match the themes one for one, on create and on a change", async () => {
    const ctx = systemCtx(t);
    const organisationId = (await t.database.db.query.organisations.findFirst())!.id;
    const slug = uniqueSlug('english-themes');
    const base = { slug, kind: 'vanort', parties: ['kalix'], counterparts: ['lanzhou'] };
    await expect(createAgreement({ ctx, organisationId, input: { ...base, themes: ['skola', 'idrott'], themesEn: ['school'] } })).rejects.toMatchObject({
      code: 'VALIDATION',
      problems: [expect.objectContaining({ field: 'themesEn' })],
    });
    const made = await createAgreement({ ctx, organisationId, input: { ...base, themes: ['skola', 'idrott'], themesEn: ['school', 'sport'], funding: 'Kommunen', fundingEn: 'The municipality' } });
    expect(made.themesEn).toEqual(['school', 'sport']);
    const error = await changeAgreement({ ctx, slug, input: { themes: ['skola'], expectedVersion: made.version } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems[0]?.field).toBe('themesEn');
    const changed = await changeAgreement({ ctx, slug, input: { themes: ['skola'], themesEn: ['school'], expectedVersion: made.version } });
    expect(changed.changed).toEqual(['themes', 'themesEn']);
  });
});
