// Editing in Chromium: an editor signs in with a password, makes an
// agreement by keyboard alone (finding its party by SCB code and its
// counterpart by pinyin), records its ending with a reason and a source, and
// an anonymous visitor then finds it in the list, on the map and in the
// statistics. Two editors meet a conflict. axe-core checks every form empty,
// filled and with errors.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { expectAccessible, launchChromium, SHOTS, summaryMessages } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: ServerType;
let browser: Browser;
let base: string;
let ortsband: number;
const PASSWORD = 'a long passphrase';
// Found by the anonymous visitor's searches: no shipped agreement has it.
const TITLE = 'Avtal om vänortssamarbete Linköping–Hangzhou Ortsbandtest';

beforeAll(async () => {
  t = await openTestDatabase();
  for (const [email, name] of [['anna@linkoping.se', 'Anna Andersson'], ['bo@linkoping.se', 'Bo Berg']]) {
    await addUser({ ctx: systemCtx(t), input: { email: email!, displayName: name!, organisation: 'ortsband', role: 'editor', password: PASSWORD } });
  }
  ortsband = (await t.database.db.query.organisations.findFirst({ where: (o, { eq }) => eq(o.slug, 'ortsband') }))!.id;
  const app = createApp(t.database);
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached by Tab`);
}

/** Presses Enter on what has focus and waits for the page it sends to. */
const enter = (page: Page) => Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
const click = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/logga-in`);
  await page.fill('#sign-in-email', email);
  await page.fill('#sign-in-password', PASSWORD);
  await click(page, 'button[type=submit]');
  expect(page.url()).toBe(`${base}/konto`);
  return { context, page };
}

/** The row index of a choice whose hidden field holds `value`. */
const rowOf = (page: Page, prefix: string, key: string, value: string) =>
  page.evaluate(([p, k, v]) => [...document.querySelectorAll<HTMLInputElement>(`input[type=hidden][name^="${p}."][name$=".${k}"]`)].find((i) => i.value === v)?.name.split('.')[1], [prefix, key, value] as const);

/** Ended in 2021 in the statistics' table of endings, as the public sees it. */
async function endedIn2021(page: Page) {
  await page.goto(`${base}/statistik`);
  const cell = await page.locator('section[aria-labelledby="changes"] tbody tr', { has: page.locator('th', { hasText: /^2021$/ }) }).locator('td').first().textContent();
  return Number(cell ?? 0);
}

it('makes an agreement by keyboard alone, records its ending, and the public sees it', async () => {
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  const endedBefore = await endedIn2021(visitor);

  const { context, page } = await signedIn('anna@linkoping.se');
  await page.goto(`${base}/avtal/ny`);
  await page.screenshot({ path: `${SHOTS}/agreement-new.png`, fullPage: true });
  await expectAccessible(page);

  // Saved empty: the errors, the summary first.
  await tabTo(page, 'button[value="save"]');
  await enter(page);
  expect(await summaryMessages(page)).toEqual(['Välj minst en svensk part.', 'Välj minst en motpart.']);
  await page.screenshot({ path: `${SHOTS}/agreement-new-error.png`, fullPage: true });
  await expectAccessible(page);

  // The party by its SCB code: Enter in the search field searches.
  await tabTo(page, '#actor-q');
  await page.keyboard.type('0580');
  await enter(page);
  const party = await rowOf(page, 'party', 'actor', 'linkoping');
  expect(party).toBeDefined();
  await tabTo(page, `#party-${party}-keep`);
  await page.keyboard.press('Space');
  // The counterpart by pinyin without tones.
  await tabTo(page, '#place-q');
  await page.keyboard.type('Hangzhou');
  await enter(page);
  expect(await page.locator(`#party-${party}-keep`).isChecked()).toBe(true);
  const place = await rowOf(page, 'place', 'slug', 'hangzhou');
  expect(await page.locator(`label[for="place-${place}-keep"]`).innerText()).toContain('杭州市');
  expect(await page.locator(`label[for="place-${place}-keep"]`).innerText()).toContain('Zhejiang');
  await tabTo(page, `#place-${place}-keep`);
  await page.keyboard.press('Space');
  await tabTo(page, '#f-officialTitle');
  await page.keyboard.type(TITLE);
  await tabTo(page, '#f-signedOn');
  await page.keyboard.type('2018-09');
  await tabTo(page, '#f-comment');
  await page.keyboard.type('Från kommunstyrelsens protokoll');
  await page.screenshot({ path: `${SHOTS}/agreement-new-filled.png`, fullPage: true });
  await expectAccessible(page);
  await tabTo(page, 'button[value="save"]');
  await enter(page);
  const saved = new URL(page.url());
  expect(saved.pathname).toMatch(/^\/avtal\/linkoping-hangzhou-vanort/);
  const slug = saved.pathname.split('/')[2]!;

  // Its ending, with a reason and a source.
  await page.goto(`${base}/avtal/${slug}/handelse`);
  await page.screenshot({ path: `${SHOTS}/event-new.png`, fullPage: true });
  await expectAccessible(page);
  await page.fill('#e-date', '2021-02-30');
  await page.selectOption('#reason-0-code', 'other');
  await click(page, 'button[value="save"]');
  expect(await summaryMessages(page)).toEqual([
    expect.stringContaining('”2021-02-30” är inget datum (2021-02 har 28 dagar)'),
    'Skälet ”annat” behöver en text.',
  ]);
  expect(await page.inputValue('#e-date')).toBe('2021-02-30');
  await page.screenshot({ path: `${SHOTS}/event-error.png`, fullPage: true });
  await expectAccessible(page);
  await page.fill('#e-date', '2021-03-02');
  await page.selectOption('#e-side', 'swedish');
  await page.selectOption('#e-mode', 'decision');
  await page.fill('#e-decidingBody', 'Kommunstyrelsen');
  await page.fill('#e-reference', '§ 45');
  await page.fill('#e-caseNumber', 'KS 2021/12');
  await page.selectOption('#reason-0-code', 'democracy_human_rights');
  await page.fill('#reason-0-text', 'Utvecklingen i Xinjiang');
  await page.fill('#source-q', 'nkk2022');
  await click(page, 'button[value="find-sources"]');
  const source = await rowOf(page, 'source', 'slug', 'nkk2022');
  await page.check(`#source-${source}-keep`);
  await page.fill(`#source-${source}-passage`, 's. 12');
  expect(await page.inputValue('#e-caseNumber')).toBe('KS 2021/12');
  await page.screenshot({ path: `${SHOTS}/event-filled.png`, fullPage: true });
  await expectAccessible(page);
  await click(page, 'button[value="save"]');
  // An ending is a decision: its basis opens (tests/browser/decision-basis.test.ts fills one).
  expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/avtal/${slug}/beslut/\\d+$`));
  await page.goto(`${base}/avtal/${slug}`);
  expect(await page.locator('#timeline ~ ol.timeline').innerText()).toContain('Kommunstyrelsen');

  await page.goto(`${base}/avtal/${slug}/historik`);
  await page.screenshot({ path: `${SHOTS}/history.png`, fullPage: true });
  await expectAccessible(page);
  expect(await page.locator('ol.history').innerText()).toContain('Från kommunstyrelsens protokoll');
  await context.close();

  // The public: the list, the map, the statistics.
  await visitor.goto(`${base}/avtal?q=${encodeURIComponent('Ortsbandtest')}`);
  expect(await visitor.locator(`a[href="/avtal/${slug}"]`).count()).toBeGreaterThan(0);
  await visitor.goto(`${base}/avtal/${slug}`);
  expect(await visitor.locator('.status').first().innerText()).toBe('Avslutat');
  await visitor.goto(`${base}/karta?q=Ortsbandtest&on=2021-06-30`);
  expect(await visitor.locator('figcaption').first().innerText()).toContain('1 band');
  expect(await endedIn2021(visitor)).toBe(endedBefore + 1);
  await anonymous.close();
});

it('meets a conflict between two editors and loses nothing typed', async () => {
  const { slug } = await createAgreement({ ctx: systemCtx(t), organisationId: ortsband, input: { slug: 'linkoping-guangzhou-konfliktprov', kind: 'vanort', parties: ['linkoping'], counterparts: ['guangzhou'] } });
  const anna = await signedIn('anna@linkoping.se');
  const bo = await signedIn('bo@linkoping.se');
  await anna.page.goto(`${base}/avtal/${slug}/andra`);
  await bo.page.goto(`${base}/avtal/${slug}/andra`);
  await expectAccessible(anna.page);
  await bo.page.fill('#f-term', 'fem år');
  await bo.page.fill('#f-comment', 'Förlängt');
  await click(bo.page, 'button[value="save"]');
  expect(new URL(bo.page.url()).pathname).toBe(`/avtal/${slug}`);

  await anna.page.fill('#f-term', 'tre år');
  await anna.page.fill('#f-funding', 'Kommunens internationella budget');
  await click(anna.page, 'button[value="save"]');
  expect(await anna.page.locator('#conflict h2').innerText()).toBe('Någon annan har sparat under tiden');
  expect(await anna.page.locator('#conflict').innerText()).toContain('Bo Berg');
  expect(await anna.page.locator('#conflict tbody').innerText()).toMatch(/Löptid\s+tre år\s+fem år/);
  expect(await anna.page.inputValue('#f-term')).toBe('tre år');
  expect(await anna.page.inputValue('#f-funding')).toBe('Kommunens internationella budget');
  await anna.page.screenshot({ path: `${SHOTS}/agreement-conflict.png`, fullPage: true });
  await expectAccessible(anna.page);
  // Sent again, knowingly: Anna's values are saved.
  await click(anna.page, 'button[value="save"]');
  expect(new URL(anna.page.url()).pathname).toBe(`/avtal/${slug}`);
  await anna.page.goto(`${base}/avtal/${slug}/historik`);
  expect(await anna.page.locator('ol.history > li').first().innerText()).toMatch(/fem år[\s\S]*tre år/);

  // Signing out ends it: the forms send the visitor to sign in.
  await anna.page.goto(`${base}/konto`);
  await click(anna.page, 'form[action="/logga-ut"] button');
  await anna.page.goto(`${base}/avtal/${slug}/andra`);
  expect(new URL(anna.page.url()).pathname).toBe('/logga-in');
  await anna.context.close();
  await bo.context.close();
});

it('works in English, and without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/logga-in`);
  await page.fill('#sign-in-email', 'bo@linkoping.se');
  await page.fill('#sign-in-password', PASSWORD);
  await click(page, 'button[type=submit]');
  await page.goto(`${base}/avtal/ny?lang=en`);
  expect(await page.locator('h1').innerText()).toBe('New agreement');
  await page.fill('#place-q', '杭州');
  await click(page, 'button[value="find-places"]');
  expect(await page.locator('.choice-list').innerText()).toContain('Hangzhou 杭州市 (Hángzhōu), prefecture-level city in Zhejiang');
  await page.fill('#place-q', 'Hángzhōu');
  await click(page, 'button[value="find-places"]');
  expect(await page.locator('.choice-list').innerText()).toContain('杭州市');
  await context.close();
});
