// Contact surfaces in Chromium, by keyboard only: an editor opens the form
// from the list, is told of a bad date beside its field, adds a Confucius
// classroom in Kalix linked to Zhejiang, and finds it on its page and on the
// map's layer of contact surfaces, in the table beside the map. Every page
// and form state passes axe-core (WCAG 2.1 AA) in Swedish and English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { check, enter, launchChromium, serveApp } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let base: string;
const PASSWORD = 'a long passphrase';
const EDITOR = 'kontaktytor@kalix.se';

beforeAll(async () => {
  t = await openTestDatabase();
  await addUser({ ctx: systemCtx(t), input: { email: EDITOR, displayName: 'Kim Kontakt', organisation: 'ortsband', role: 'editor', password: PASSWORD } });
  server = await serveApp(createApp(t.database));
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

/** Types into the field by keyboard: focus, select what is there, type. */
async function type(page: Page, selector: string, text: string) {
  await page.focus(selector);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Follows a link by keyboard: focus it, press Enter. */
async function follow(page: Page, name: string | RegExp) {
  await page.getByRole('link', { name }).first().focus();
  await enter(page);
}

describe('contact surfaces in the browser', () => {
  it('adds a contact surface by keyboard and shows it on the map layer', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/logga-in`);
    await type(page, '#sign-in-email', EDITOR);
    await type(page, '#sign-in-password', PASSWORD);
    await enter(page);

    await page.goto(`${base}/kontaktytor`);
    await check(page, 'contact-surfaces-empty');
    await follow(page, 'Lägg till en kontaktyta');
    expect(await page.locator('h1').innerText()).toBe('Lägg till en kontaktyta');
    await check(page, 'contact-surface-form');

    await page.focus('#surface-kind');
    await page.keyboard.type('Konf');
    await type(page, '#surface-title', 'Konfuciusklassrum på Kalix gymnasium');
    await type(page, '#surface-date', 'hösten 2012');
    await type(page, '#surface-actors-0', 'Kalix kommun');
    await type(page, '#surface-places-0', 'zhejiang');
    await page.focus('#surface-visibility');
    await page.keyboard.type('Off');
    await page.focus('#surface-title');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#surface-date').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#surface-title').inputValue()).toBe('Konfuciusklassrum på Kalix gymnasium');
    await check(page, 'contact-surface-form-error');

    await type(page, '#surface-date', '2012');
    await enter(page);
    await page.locator('h1', { hasText: 'Konfuciusklassrum på Kalix gymnasium' }).waitFor();
    expect(await page.locator('dl.facts').innerText()).toContain('Konfuciusinstitut eller konfuciusklassrum');
    await check(page, 'contact-surface-page');
    await page.goto(`${base}${new URL(page.url()).pathname}?lang=en`);
    await check(page, 'contact-surface-page-en');

    // The map: its layer chosen by keyboard in the form, then the table beside the map.
    await page.goto(`${base}/karta`);
    await page.focus('#m-lager');
    await page.keyboard.type('Konf');
    await page.locator('form.filters button[type=submit]').focus();
    await enter(page);
    expect(new URL(page.url()).searchParams.get('lager')).toBe('confucius');
    const tables = page.locator('#map-surfaces-tables');
    expect(await tables.locator('tr', { hasText: 'Norrbottens län' }).locator('td').first().innerText()).toBe('1');
    expect(await tables.locator('tr', { hasText: 'Zhejiang' }).locator('td').first().innerText()).toBe('1');
    expect(await page.locator('#map-surfaces-title').count()).toBe(1);
    await check(page, 'contact-surfaces-map');
    // From the table to the list, filtered by the county and the kind.
    await follow(page, 'Norrbottens län');
    expect(await page.locator('table').innerText()).toContain('Konfuciusklassrum på Kalix gymnasium');
    await check(page, 'contact-surfaces-list');
    await page.goto(`${base}/kontaktytor?lang=en`);
    await check(page, 'contact-surfaces-list-en');
    await page.goto(`${base}/kontaktytor/ny?lang=en`);
    await check(page, 'contact-surface-form-en');
    await page.goto(`${base}/karta?lang=en`);
    await check(page, 'contact-surfaces-map-en');
  });
});
