// What every browser test shares: Debian's Chromium started as the machine
// allows it (headless, no sandbox as root, no background networking on a
// closed network), the screenshots' folder, and axe-core's WCAG 2.1 AA check.
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { readEnv } from '../../src/env.ts';

export const SHOTS = 'tmp/screenshots';

export async function launchChromium(): Promise<Browser> {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: readEnv().CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Zero axe-core violations of WCAG 2.1 A and AA on the page as it is now. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

/** The app served on a free port of 127.0.0.1 for the browser, and how to stop it. */
export async function serveApp(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<{ base: string; close(): Promise<void> }> {
  const { serve } = await import('@hono/node-server');
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A new browser context signed in with an address and password on /logga-in; `page` is on the page the sign-in leads to. */
export async function signedInPage(browser: Browser, base: string, email: string, password: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${base}/logga-in`);
  await page.fill('#sign-in-email', email);
  await page.fill('#sign-in-password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return { context, page };
}

/** A screenshot of the whole page, to look at (tmp/screenshots/<name>.png), then axe-core on it. */
export async function check(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await expectAccessible(page);
}

/** Sends the form that holds the focused field by pressing Enter, and waits for the page it leads to. */
export async function enter(page: Page) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/**
 * The error summary's messages, each entry checked to name its field first
 * ("Titel: skriv titeln."): the name taken off and the first letter raised,
 * as the message reads beside its field.
 */
export async function summaryMessages(page: Page): Promise<string[]> {
  const entries = await page.locator('.error-summary a').allInnerTexts();
  for (const entry of entries) expect(entry).toMatch(/^[^:]+: \S/);
  return entries.map((entry) => {
    const message = entry.slice(entry.indexOf(': ') + 2);
    return message.charAt(0).toUpperCase() + message.slice(1);
  });
}
