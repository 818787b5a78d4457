// Networks of bodies in Chromium, by keyboard: a coordinator starts a
// network (after an error), adds a member, records a meeting and writes a
// note; a member's editor reads the minutes; the public sees the network
// without them. Every page and form state passes axe-core (WCAG 2.1 AA) in
// both languages, and the pages read without JavaScript.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { check, enter, launchChromium, serveApp, signedInPage } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let base: string;
const PASSWORD = 'a long passphrase';
const COORDINATOR = 'samordnare@skane.example';
const MEMBER = 'redaktor@lund.example';

beforeAll(async () => {
  t = await openTestDatabase();
  const ctx = systemCtx(t);
  await addOrganisation({ ctx, input: { slug: 'skane-natverk', name: 'Region Skåne' } });
  await addOrganisation({ ctx, input: { slug: 'lund-natverk', name: 'Lunds kommun' } });
  await addUser({ ctx, input: { email: COORDINATOR, displayName: 'Sara Samordnare', organisation: 'skane-natverk', role: 'coordinator', password: PASSWORD } });
  await addUser({ ctx, input: { email: MEMBER, displayName: 'Rut Redaktör', organisation: 'lund-natverk', role: 'editor', password: PASSWORD } });
  server = await serveApp(createApp(t.database));
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('networks of bodies', () => {
  it('a coordinator starts a network, adds a member and a meeting by keyboard; members read the minutes, the public does not', async () => {
    const { context, page } = await signedInPage(browser, base, COORDINATOR, PASSWORD);
    await page.goto(`${base}/`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Nätverk' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Nätverk');
    await check(page, 'networks-empty');

    // No name: named beside the field, what was typed kept.
    await page.selectOption('#network-kind', 'regional');
    await page.selectOption('#network-county', '12');
    await page.fill('#network-description', 'Samordning av kontakterna med Guangdong');
    await page.focus('#network-description');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Starta nätverket');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#network-name-error').innerText()).toBe('Skriv nätverkets namn.');
    expect(await page.locator('#network-description').inputValue()).toBe('Samordning av kontakterna med Guangdong');
    await check(page, 'networks-error');
    await page.fill('#network-name', 'Region Skånes Kinanätverk');
    await page.selectOption('#network-visibility', 'public');
    await page.focus('#network-name');
    await enter(page);
    expect(await page.locator('h1').innerText()).toBe('Region Skånes Kinanätverk');
    await check(page, 'network-new');

    await page.selectOption('#member-organisation', 'lund-natverk');
    await page.focus('#member-organisation');
    await page.keyboard.press('Tab');
    await enter(page);
    await page.fill('#meeting-heldOn', 'i vår');
    await page.focus('#meeting-heldOn');
    await enter(page);
    await page.waitForSelector('.error-summary');
    await check(page, 'network-meeting-error');
    await page.fill('#meeting-heldOn', '2027-04-15');
    await page.fill('#meeting-place', 'Malmö');
    await page.fill('#meeting-agenda', 'Besöken från Guangdong under våren');
    await page.fill('#meeting-minutes', 'Beslöts att samla inbjudningarna.');
    await page.focus('#meeting-place');
    await enter(page);
    await page.fill('#note-body', 'Guangdongs delegation hör av sig till flera kommuner.');
    await page.focus('#note-body');
    await page.keyboard.press('Tab');
    await enter(page);
    expect(await page.locator('.note').innerText()).toContain('Guangdongs delegation');
    await check(page, 'network-full');
    const address = page.url().split('?')[0]!;
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /15 april 2027/ }).click()]);
    expect(await page.locator('body').innerText()).toContain('Beslöts att samla inbjudningarna.');
    await check(page, 'network-meeting');
    await page.goto(`${page.url().split('?')[0]}?lang=en`);
    await check(page, 'network-meeting-en');
    await page.goto(`${address}?lang=en`);
    await check(page, 'network-en');
    await page.goto(`${base}/natverk?lang=en`);
    await check(page, 'networks-en');
    await context.close();

    // A member's editor reads the minutes and the note, and may write a note.
    const member = await signedInPage(browser, base, MEMBER, PASSWORD);
    await member.page.goto(address);
    expect(await member.page.locator('.note').innerText()).toContain('Guangdongs delegation');
    expect(await member.page.locator('#note-body').count()).toBe(1);
    expect(await member.page.locator('#meeting-heldOn').count()).toBe(0);
    await check(member.page, 'network-member');
    await member.context.close();

    // The public, without JavaScript: the network, its members and agenda, no minutes or notes.
    const withoutScripts = await browser.newContext({ javaScriptEnabled: false });
    const plain = await withoutScripts.newPage();
    await plain.goto(address);
    const text = await plain.locator('body').innerText();
    expect(text).toContain('Lunds kommun');
    expect(text).toContain('Malmö');
    expect(text).not.toContain('Guangdongs delegation');
    const meeting = `${base}${await plain.getByRole('link', { name: /15 april 2027/ }).getAttribute('href')}`;
    await plain.goto(meeting);
    expect(await plain.locator('body').innerText()).toContain('Besöken från Guangdong');
    expect(await plain.locator('body').innerText()).not.toContain('Beslöts');
    await withoutScripts.close();
    // axe-core runs in the page: the public's pages with scripts.
    const anonymous = await browser.newContext();
    const page2 = await anonymous.newPage();
    await page2.goto(address);
    await check(page2, 'network-public');
    await page2.goto(meeting);
    await check(page2, 'network-meeting-public');
    for (const path of ['/samordning', '/samordning/region/region-skane?lang=en']) {
      await page2.goto(`${base}${path}`);
      await check(page2, `coordination${path.replaceAll(/[/?=]/g, '-')}`);
    }
    await anonymous.close();
  }, 300_000);
});
