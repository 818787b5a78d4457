// The knowledge base in Chromium: the list, an article and an earlier
// version of it, the lessons of the register, and the article's form empty,
// refused and saved by keyboard, pass axe-core (WCAG 2.1 AA) in Swedish
// and English; a new article is written, changed, withdrawn and put back
// in force by keyboard.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { check, enter, launchChromium, serveApp, signedInPage, summaryMessages } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let base: string;
const PASSWORD = 'a long passphrase';
const COORDINATOR = 'samordnare@lansstyrelsen.se';

beforeAll(async () => {
  t = await openTestDatabase();
  await addOrganisation({ ctx: systemCtx(t), input: { slug: 'lansstyrelsen-kunskap', name: 'Länsstyrelsen' } });
  await addUser({ ctx: systemCtx(t), input: { email: COORDINATOR, displayName: 'Sara Samordnare', organisation: 'lansstyrelsen-kunskap', role: 'coordinator', password: PASSWORD } });
  server = await serveApp(createApp(t.database));
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('the knowledge base in the browser', () => {
  it('reads the guidance and the lessons in both languages', { timeout: 180_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const lang of ['', '?lang=en']) {
      await page.goto(`${base}/kunskap${lang}`);
      await check(page, `knowledge-list${lang ? '-en' : ''}`);
      await page.goto(`${base}/kunskap/infor-beslut${lang}`);
      await check(page, `knowledge-article${lang ? '-en' : ''}`);
      await page.goto(`${base}/kunskap/lardomar${lang}`);
      expect(await page.locator('table').innerText()).toMatch(lang ? /Democracy and human rights in China\s+\d+/ : /Demokrati och mänskliga rättigheter i Kina\s+\d+/);
      await check(page, `knowledge-lessons${lang ? '-en' : ''}`);
    }
    await context.close();
  });

  it('a coordinator changes an article by keyboard, refused first, and the earlier version stays readable', { timeout: 180_000 }, async () => {
    const { context, page } = await signedInPage(browser, base, COORDINATOR, PASSWORD);
    await page.goto(`${base}/kunskap/folj-upp-avtalen`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Ändra artikeln' }).click()]);
    await check(page, 'knowledge-form');
    await page.fill('#article-reviewOn', '2027-02-30');
    await page.fill('#article-titleSv', '');
    await page.focus('#article-titleSv');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await summaryMessages(page)).toEqual(['Skriv rubriken på svenska.', 'Skriv ett datum som 2027-03-31.']);
    await check(page, 'knowledge-form-errors');
    await page.fill('#article-titleSv', 'Följ upp avtalen varje år');
    await page.fill('#article-reviewOn', '2027-12-31');
    await page.fill('#article-owner', COORDINATOR);
    await page.focus('#article-owner');
    await enter(page);
    expect(await page.locator('h1').innerText()).toBe('Följ upp avtalen varje år');
    expect(await page.locator('[role="status"]').innerText()).toContain('sparad som en ny version');
    await check(page, 'knowledge-article-saved');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Version 1' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Följ upp avtalen');
    await check(page, 'knowledge-article-version-1');
    await page.goto(`${base}/kunskap/folj-upp-avtalen/andra?lang=en`);
    await page.fill('#article-bodyEn', '');
    await page.focus('#article-titleEn');
    await enter(page);
    await page.waitForSelector('.error-summary');
    await check(page, 'knowledge-form-errors-en');
    await context.close();
  });

  it('a coordinator writes a new article by keyboard, refused first, changes it, withdraws it and puts it back in force', { timeout: 180_000 }, async () => {
    const { context, page } = await signedInPage(browser, base, COORDINATOR, PASSWORD);
    await page.goto(`${base}/kunskap`);
    await page.getByRole('link', { name: 'Skriv en ny artikel' }).focus();
    await enter(page);
    expect(await page.locator('h1').innerText()).toBe('Skriv en ny artikel');
    expect(await page.inputValue('#article-owner')).toBe(COORDINATOR);
    await check(page, 'knowledge-new-form');
    await page.fill('#article-slug', 'Inför Besök');
    await page.fill('#article-titleSv', 'Inför ett besök från Kina');
    await page.fill('#article-bodySv', 'Fråga länsstyrelsen.\n\n- Vem kommer?\n- Varför?');
    await page.fill('#article-titleEn', 'Before a visit from China');
    await page.fill('#article-reviewOn', '2027-09-30');
    // The topic's checkbox by keyboard: Space checks it.
    await page.focus('#article-topic-new_agreement');
    await page.keyboard.press('Space');
    await page.focus('#article-titleEn');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await summaryMessages(page)).toEqual(['Använd små bokstäver a–z, siffror och bindestreck.', 'Skriv texten på engelska.']);
    // What was typed is kept, the checkbox too.
    expect(await page.isChecked('#article-topic-new_agreement')).toBe(true);
    await check(page, 'knowledge-new-form-errors');
    await page.fill('#article-slug', 'infor-besok');
    await page.fill('#article-bodyEn', 'Ask the county board.');
    await page.focus('#article-bodyEn');
    await page.keyboard.press('Tab');
    await enter(page);
    expect(await page.locator('h1').innerText()).toBe('Inför ett besök från Kina');
    expect(await page.locator('[role="status"]').innerText()).toContain('Artikeln är sparad');
    expect(await page.locator('main li').allInnerTexts()).toContain('Vem kommer?');
    await check(page, 'knowledge-new-article');

    await page.getByRole('link', { name: 'Ändra artikeln' }).focus();
    await enter(page);
    await page.fill('#article-titleSv', 'Inför ett besök från Kina: tre frågor');
    await page.focus('#article-titleSv');
    await enter(page);
    expect(await page.locator('h1').innerText()).toBe('Inför ett besök från Kina: tre frågor');
    expect(await page.locator('#historik + ol li').count()).toBe(2);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Version 1' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Inför ett besök från Kina');

    await page.goto(`${base}/kunskap/infor-besok/andra?lang=en`);
    await check(page, 'knowledge-change-form-en');
    await page.getByRole('button', { name: 'Withdraw the article' }).focus();
    await enter(page);
    expect(await page.locator('[role="status"]').innerText()).toContain('withdrawn');
    expect(await page.locator('[role="note"]').first().innerText()).toContain('no longer guidance in force');
    await check(page, 'knowledge-withdrawn-en');
    await page.goto(`${base}/kunskap`);
    expect(await page.locator('h2:has-text("Indragna artiklar") + p + ul').innerText()).toContain('Inför ett besök från Kina: tre frågor');
    await check(page, 'knowledge-list-withdrawn');

    // Put back in force from its page, by keyboard, in Swedish and then read in English.
    await page.goto(`${base}/kunskap/infor-besok`);
    await check(page, 'knowledge-withdrawn-reinstate-button');
    await page.getByRole('button', { name: 'Återinför artikeln' }).focus();
    await enter(page);
    expect(await page.locator('[role="status"]').innerText()).toContain('Artikeln är gällande igen.');
    expect(await page.locator('main').innerText()).not.toContain('drogs tillbaka');
    expect(await page.getByRole('link', { name: 'Ändra artikeln' }).count()).toBe(1);
    await check(page, 'knowledge-reinstated');
    await page.goto(`${base}/kunskap/infor-besok?lang=en&klart=reinstated`);
    expect(await page.locator('[role="status"]').innerText()).toContain('in force again');
    await check(page, 'knowledge-reinstated-en');
    await page.goto(`${base}/kunskap`);
    expect(await page.locator('main').innerText()).not.toContain('Indragna artiklar');
    await context.close();
  });
});
