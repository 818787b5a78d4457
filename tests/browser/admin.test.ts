// The administrators' forms in Chromium: axe-core on each form empty, filled
// and with errors, in Swedish and English; one form done by keyboard only.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { expectAccessible, launchChromium, SHOTS, summaryMessages } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: ServerType;
let browser: Browser;
let base: string;
let page: Page;

beforeAll(async () => {
  t = await openTestDatabase();
  await addUser({ ctx: systemCtx(t), input: { email: 'admin@ortsband.se', displayName: 'Ada Admin', organisation: 'ortsband', role: 'admin', password: 'a long passphrase' } });
  const app = createApp(t.database);
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/logga-in`);
  await page.fill('#sign-in-email', 'admin@ortsband.se');
  await page.fill('#sign-in-password', 'a long passphrase');
  await page.click('form[action="/logga-in"] button');
  await page.waitForURL(`${base}/konto`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

/** Tabs until the focused element matches `selector` (at most 80 stops). */
async function tabTo(selector: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached by Tab`);
}

async function check(name: string) {
  await page.screenshot({ path: `${SHOTS}/admin-${name}.png`, fullPage: true });
  await expectAccessible(page);
}

/** A form's three states: as opened, filled in, and sent with errors (which it shows beside the fields, keeping what was typed). */
async function threeStates(name: string, path: string, form: string, filled: Record<string, string>, bad: Record<string, string>, expectErrors: string[]) {
  await page.goto(`${base}${path}`);
  await check(`${name}-empty`);
  for (const [selector, value] of Object.entries(filled)) {
    if ((await page.locator(selector).evaluate((e) => e.tagName)) === 'SELECT') await page.selectOption(selector, value);
    else await page.fill(selector, value);
  }
  await check(`${name}-filled`);
  for (const [selector, value] of Object.entries(bad)) {
    if ((await page.locator(selector).evaluate((e) => e.tagName)) === 'SELECT') await page.selectOption(selector, value);
    else await page.fill(selector, value);
  }
  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector('.error-summary');
  for (const id of expectErrors) {
    expect(await page.locator(`.error-summary a[href="#${id}"]`).count()).toBe(1);
    expect(await page.locator(`#${id}`).getAttribute('aria-invalid')).toBe('true');
  }
  await check(`${name}-error`);
}

it('the admin menu and the lists pass axe-core, in Swedish and English', async () => {
  for (const path of ['/admin', '/admin/organisationer', '/admin/parter', '/admin/motparter', '/admin/avtalstyper', '/admin/parter?lang=en', '/admin/motparter?q=zhe&lang=en']) {
    await page.goto(`${base}${path}`);
    expect(await page.locator('nav[aria-label="Administration"]').count()).toBe(1);
    await check(path.replace(/[^a-z]+/g, '-'));
  }
});

it('organisations: empty, filled, with errors', async () => {
  await threeStates(
    'organisation',
    '/admin/organisationer',
    'form[action="/admin/organisationer"]',
    { '#organisation-name': 'Nationellt kunskapscentrum om Kina', '#organisation-slug': 'nkk' },
    { '#organisation-name': 'Kalix kontor', '#organisation-slug': 'Kalix Kontor', '#organisation-actor': 'Ingen sådan kommun' },
    ['organisation-slug'],
  );
  expect(await page.inputValue('#organisation-actor')).toBe('Ingen sådan kommun');
  // The form's own checks first, then the register's: a body not in it.
  await page.fill('#organisation-slug', 'kalix-kontor');
  await page.click('form[action="/admin/organisationer"] button[type="submit"]');
  await page.waitForSelector('.error-summary a[href="#organisation-actor"]');
  await check('organisation-error-actor');
});

it('a new Swedish party: empty, filled, with errors', async () => {
  await threeStates(
    'actor-new',
    '/admin/parter/ny',
    'form[action="/admin/parter/ny"]',
    { '#actor-name': 'Testeby kommun', '#actor-otherNames': 'Testby', '#actor-countyCode': '09', '#actor-existedFrom': '1971', '#actor-seatLat': '57.6', '#actor-seatLon': '18.3' },
    { '#actor-name': '', '#actor-existedFrom': '1971-13', '#actor-seatLat': 'norr' },
    ['actor-name', 'actor-existedFrom', 'actor-seatLat'],
  );
  expect(await page.inputValue('#actor-otherNames')).toBe('Testby');
});

it("changing a party and recording its successor: filled and with errors, in English", async () => {
  await threeStates(
    'actor-change',
    '/admin/parter/kalix/andra?lang=en',
    'form[action="/admin/parter/kalix/andra?lang=en"]',
    { '#actor-note': 'Kalix in Norrbotten.', '#actor-comment': 'Checked against SCB' },
    { '#actor-municipalityCode': '25', '#actor-noteEn': 'Only English', '#actor-note': '' },
    ['actor-municipalityCode', 'actor-noteEn'],
  );
  await page.goto(`${base}/admin/parter/kalix/andra`);
  await page.selectOption('#succession-kind', 'merged');
  await page.fill('#succession-date', '2019-13-45');
  await page.click('form[action="/admin/parter/kalix/efterfoljd"] button[type="submit"]');
  await page.waitForSelector('.error-summary');
  expect(await page.locator('.error-summary a[href="#succession-other"]').count()).toBe(1);
  expect(await page.locator('.error-summary a[href="#succession-date"]').count()).toBe(1);
  await check('succession-error');
});

it('a new place and a moved one: empty, filled, with errors', async () => {
  await threeStates(
    'place-new',
    '/admin/motparter/ny',
    'form[action="/admin/motparter/ny"]',
    { '#place-nameLatin': 'Kunshan', '#place-nameNative': '昆山市', '#place-namePinyin': 'Kūnshān', '#place-level': 'county_city', '#place-parent': 'suzhou', '#place-lat': '31.38', '#place-lon': '120.98' },
    { '#place-parent': 'no-such-place', '#place-lon': '' },
    ['place-lon'],
  );
  expect(await page.inputValue('#place-nameNative')).toBe('昆山市');
  await threeStates(
    'place-change',
    '/admin/motparter/jiangsu/andra',
    'form[action="/admin/motparter/jiangsu/andra"]',
    { '#place-otherNames': 'Kiangsu' },
    { '#place-parent': 'suzhou' },
    ['place-parent'],
  );
  expect((await summaryMessages(page))[0]).toBe('Suzhou ligger i Jiangsu: en ort kan inte ligga i sig själv.');
});

it('kinds of agreement: renamed with errors, and one added by keyboard only', async () => {
  await threeStates('kind-rename', '/admin/avtalstyper/vanort/andra', 'form[action="/admin/avtalstyper/vanort/andra"]', { '#rename-comment': 'Kortare' }, { '#rename-nameSv': '', '#rename-nameEn': '' }, ['rename-nameSv', 'rename-nameEn']);

  // By keyboard: from the menu to the form, a mistake, the summary's link to the field, the fix.
  await page.goto(`${base}/admin`);
  await tabTo('main a[href="/admin/avtalstyper"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/admin/avtalstyper`);
  await check('kinds-empty');
  await tabTo('#kind-code');
  await page.keyboard.type('Projekt avtal');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Projektavtal');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Project agreement');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // Nej → Ja
  await page.keyboard.press('Tab'); // to the comment: Enter there sends the form
  await check('kinds-filled');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary');
  expect((await summaryMessages(page))[0]).toBe('Använd små bokstäver a–z, siffror och understreck, till exempel projektavtal.');
  await check('kinds-error');
  await tabTo('.error-summary a');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => location.hash)).toBe('#kind-code');
  if (!(await page.evaluate(() => document.activeElement?.id === 'kind-code'))) await tabTo('#kind-code');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('projektavtal');
  await page.keyboard.press('Enter');
  await page.waitForSelector('p.notice[role="status"]');
  expect(await page.locator('table').innerText()).toContain('Projektavtal');
  expect(await page.locator('table').innerText()).toMatch(/projektavtal\s+Projektavtal\s+Project agreement\s+Ja/);
  await check('kinds-saved');
});
