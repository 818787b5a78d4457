// Signing in with a local password in Chromium, by keyboard only; axe-core
// on the form empty, with errors, and on the account page.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchChromium, SHOTS, summaryMessages } from '../support/browser.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: ServerType;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await openTestDatabase();
  await addUser({ ctx: systemCtx(t), input: { email: 'anna@linkoping.se', displayName: 'Anna Andersson', organisation: 'ortsband', role: 'editor', password: 'a long passphrase' } });
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

/** Tabs until the focused element matches `selector` (at most 40 stops). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached by Tab`);
}

it('signs in with a wrong and then the right password, and out again, by keyboard', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await tabTo(page, 'a[href="/logga-in"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/logga-in`);
  await page.screenshot({ path: `${SHOTS}/sign-in.png`, fullPage: true });
  await expectAccessible(page);

  await tabTo(page, '#sign-in-email');
  await page.keyboard.type('anna@linkoping.se');
  await page.keyboard.press('Tab');
  await page.keyboard.type('not the password');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary');
  expect((await summaryMessages(page))[0]).toBe('E-postadressen eller lösenordet är fel.');
  expect(await page.inputValue('#sign-in-email')).toBe('anna@linkoping.se');
  await page.screenshot({ path: `${SHOTS}/sign-in-error.png`, fullPage: true });
  await expectAccessible(page);

  await page.focus('#sign-in-password');
  await page.keyboard.type('a long passphrase');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/konto`);
  expect(await page.locator('dl.facts').innerText()).toContain('Anna Andersson');
  await page.screenshot({ path: `${SHOTS}/account.png`, fullPage: true });
  await expectAccessible(page);

  // An access key: the form with an error, then made and shown once.
  await tabTo(page, 'form[action="/konto/nycklar"] button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary');
  expect((await summaryMessages(page))[0]).toContain('Ge nyckeln ett namn');
  await page.screenshot({ path: `${SHOTS}/account-key-error.png`, fullPage: true });
  await expectAccessible(page);
  await page.locator('.error-summary a').first().focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('key-name');
  await page.keyboard.type('Import från ärendesystemet');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#new-key');
  expect(await page.inputValue('#new-key')).toMatch(/^ortsband_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await page.goto(`${base}/konto`);
  await expectAccessible(page);

  await tabTo(page, 'form[action="/logga-ut"] button');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/logga-in?utloggad=1`);
  expect(await page.locator('[role=status]').innerText()).toBe('Du är utloggad.');
  await page.goto(`${base}/konto`);
  expect(page.url()).toBe(`${base}/logga-in?tillbaka=%2Fkonto`);
  await context.close();
});

it('reads and signs in without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/logga-in?lang=en`);
  await page.fill('#sign-in-email', 'anna@linkoping.se');
  await page.fill('#sign-in-password', 'a long passphrase');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  expect(page.url()).toBe(`${base}/konto?lang=en`);
  // axe-core runs as a script, so it checks the same pages in the test above.
  expect(await page.locator('h1').innerText()).toBe('Your account');
  await context.close();
});
