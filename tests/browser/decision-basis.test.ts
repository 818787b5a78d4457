// The decision basis in Chromium, by keyboard and without JavaScript: an
// editor ends an agreement, which opens its basis; a basis without its
// purpose or an answer on security advice is refused with the fields named,
// and one graded a high risk without a justification names the
// justification; filled (the risk grading by Tab and the arrow keys), it is
// saved as version 1 with what peers decided, and printed as
// an A4 annex whose text (pdftotext) holds the answers and the Chinese
// names; without JavaScript a second version is saved. Every state of the
// page passes axe-core, in Swedish and English.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { check, enter, launchChromium, serveApp, signedInPage, SHOTS, summaryMessages } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let base: string;
const PASSWORD = 'a long passphrase';
const EDITOR = 'beslut@kalix.se';
const SLUG = 'kalix--hangzhou-beslutstest';

/** Tab from where the focus is until `selector` has it. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached by Tab`);
}

beforeAll(async () => {
  t = await openTestDatabase();
  const ctx = systemCtx(t);
  await addUser({ ctx, input: { email: EDITOR, displayName: 'Beata Beslutsberedare', organisation: 'ortsband', role: 'editor', password: PASSWORD } });
  const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
  const made = await createAgreement({ ctx, organisationId: org!.id, input: { slug: SLUG, kind: 'vanort', officialTitle: 'Vänortsavtal mellan Kalix och Hangzhou', parties: ['kalix'], counterparts: ['hangzhou'] } });
  await recordStatusEvent({ ctx, agreementId: made.id, input: { type: 'established', date: '2014-05' } });
  server = await serveApp(createApp(t.database));
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('the decision basis in the browser', () => {
  it('ends an agreement, fills its basis by keyboard, prints it, and saves a second version without JavaScript', { timeout: 240_000 }, async () => {
    const { context, page } = await signedInPage(browser, base, EDITOR, PASSWORD);

    // The ending: recording it opens its basis.
    await page.goto(`${base}/avtal/${SLUG}/handelse`);
    await page.fill('#e-date', '2026-11-24');
    await page.selectOption('#e-side', 'swedish');
    await page.selectOption('#e-mode', 'decision');
    await page.fill('#e-decidingBody', 'Kommunfullmäktige');
    await page.fill('#e-reference', '§ 118');
    await page.focus('button[value="save"]');
    await enter(page);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/avtal/${SLUG}/beslut/\\d+$`));
    const path = new URL(page.url()).pathname;
    expect(await page.locator('[role="status"]').innerText()).toContain('Beslutet är registrerat');
    expect(await page.locator('h1').innerText()).toBe('Beslutsunderlag: beslut att avsluta');
    // What peers decided: the shipped Lund–Hangzhou agreement, in the same city.
    expect(await page.locator('table').nth(1).innerText()).toContain('Lunds kommun – Hangzhou 杭州市');
    await check(page, 'decision-basis-empty');

    // Nothing filled: the purpose and the answer on security advice are named.
    await page.locator('#basis-purpose').focus();
    await tabTo(page, 'button[type="submit"]');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await summaryMessages(page)).toEqual(['Skriv avtalets syfte och vad beslutet ska uppnå.', 'Svara ja eller nej: har säkerhetsråd inhämtats?']);
    expect(await page.locator('.error-summary a').nth(1).getAttribute('href')).toBe('#basis-securityAdviceSought-ja');
    await check(page, 'decision-basis-errors');

    // Filled by keyboard: the text fields, a cost, the answer (a radio by Space), whom.
    await page.locator('#basis-purpose').focus();
    await page.keyboard.type('Samarbetet har inte lett till utbyten sedan 2019.');
    await tabTo(page, '#basis-costsSoFarSek');
    await page.keyboard.type('45000');
    await tabTo(page, '#basis-democracyHumanRights');
    await page.keyboard.type('Läget för mänskliga rättigheter har försämrats.');
    await tabTo(page, '#basis-securityAdviceSought-ja');
    await page.keyboard.press('Space');
    await tabTo(page, '#basis-securityAdviceFrom');
    await page.keyboard.type('Säkerhetspolisen');
    await tabTo(page, '#basis-exportControl');
    await page.keyboard.type('Ingen teknik berörs.');
    // The risk grading by keyboard: Tab reaches an area's checked level, the arrow keys choose another.
    await tabTo(page, '#basis-riskDemocracyHumanRightsLevel-not_assessed');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#basis-riskDemocracyHumanRightsLevel-high').isChecked()).toBe(true);
    await tabTo(page, '#basis-riskSecurityLevel-not_assessed');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, '#basis-riskSecurityJustification');
    await page.keyboard.type('Säkerhetspolisen avrådde från att dela elevuppgifter.');
    await check(page, 'decision-basis-filled');
    // High without a justification: refused, the justification named, the rest kept.
    await tabTo(page, 'button[type="submit"]');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await summaryMessages(page)).toEqual(['Skriv varför risken är hög.']);
    expect(await page.locator('.error-summary a').innerText()).toBe('Demokrati och mänskliga rättigheter: skriv varför risken är hög.');
    // The focus is on the summary, below the saved version's tables: the next Tab reaches its link.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#basis-riskDemocracyHumanRightsJustification');
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#basis-riskDemocracyHumanRightsJustification');
    expect(await page.locator('#basis-riskSecurityLevel-moderate').isChecked()).toBe(true);
    expect(await page.locator('#basis-riskDemocracyHumanRightsJustification').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'decision-basis-risk-errors');
    await page.locator('#basis-riskDemocracyHumanRightsJustification').focus();
    await page.keyboard.type('Motparten deltar i övervakningen av uigurer.');
    await tabTo(page, 'button[type="submit"]');
    await enter(page);
    expect(new URL(page.url()).search).toBe('?sparat=1');
    expect(await page.locator('[role="status"]').innerText()).toContain('sparat som en ny version');
    expect(await page.locator('#version-visad').innerText()).toBe('Version 1');
    const grading = await page.locator('table').first().innerText();
    for (const words of ['Riskbedömning', 'Hög', 'Motparten deltar i övervakningen av uigurer.', 'Måttlig', 'Inte bedömd']) expect(grading, words).toContain(words);
    await check(page, 'decision-basis-saved');

    // The same in English, and its refusal.
    await page.goto(`${base}${path}?lang=en`);
    expect(await page.locator('h1').innerText()).toBe('Decision basis: decision to end');
    await check(page, 'decision-basis-en');
    await page.fill('#basis-purpose', '');
    await page.fill('#basis-costsSoFarSek', 'fyrtiofem tusen');
    await page.focus('#basis-costsSoFarSek');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await summaryMessages(page)).toContain('Must be a whole number of SEK, 0 or more');
    expect(await page.locator('.error-summary a').allInnerTexts()).toContain('Costs so far: must be a whole number of SEK, 0 or more');
    await check(page, 'decision-basis-en-errors');

    // The annex, by its link: A4, with the answers and the Chinese names.
    await page.goto(`${base}${path}`);
    const link = page.getByRole('link', { name: 'Skriv ut version 1 som bilaga (PDF, A4)' });
    const response = await page.request.get(`${base}${await link.getAttribute('href')}`);
    expect(response.status()).toBe(200);
    const file = `${SHOTS}/decision-basis-annex.pdf`;
    await writeFile(file, await response.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['Bilaga till protokollet', 'Beslut att avsluta', 'Kommunfullmäktige', '§ 118', 'Samarbetet har inte lett till utbyten sedan 2019.', '45 000 kr', 'Säkerhetspolisen', 'Lunds kommun – Hangzhou 杭州市', '浙江省', 'Riskbedömning', 'Motparten deltar i övervakningen av uigurer.', 'Säkerhetspolisen avrådde från att dela elevuppgifter.']) {
      expect(text, words).toContain(words);
    }
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    // To look at: pdftoppm -png tmp/screenshots/decision-basis-annex.pdf tmp/screenshots/decision-basis-annex
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, `${SHOTS}/decision-basis-annex`]);

    // The agreement is ended, and its page links to the basis.
    await page.goto(`${base}/avtal/${SLUG}`);
    expect(await page.locator('.status').first().innerText()).toBe('Avslutat');
    expect(await page.locator(`a[href="${path}"]`).count()).toBe(1);
    // The coordinators' overview counts the organisation's basis by risk area and level (not assessed, low, moderate, high).
    await page.goto(`${base}/samordning`);
    const counts = page.locator('#riskbedomningar ~ table').first();
    expect(await counts.locator('tr', { hasText: 'Demokrati och mänskliga rättigheter' }).locator('td').allInnerTexts()).toEqual(['0', '0', '0', '1']);
    expect(await counts.locator('tr', { hasText: 'Säkerhet' }).locator('td').allInnerTexts()).toEqual(['0', '0', '1', '0']);
    await check(page, 'coordination-risk-gradings');
    await page.goto(`${base}/samordning/lan/25?lang=en`);
    expect(await page.locator('#riskbedomningar').innerText()).toBe("Risk gradings in your organisation's decision bases");
    expect(await page.locator('#riskbedomningar + p').innerText()).toContain('Decision bases: 1, the latest version of each.');
    await check(page, 'coordination-risk-gradings-en');
    await context.close();

    // Without JavaScript: a second version, the first kept.
    const plain = await signedInPage(browser, base, EDITOR, PASSWORD, { javaScriptEnabled: false });
    await plain.page.goto(`${base}${path}`);
    await plain.page.fill('#basis-purpose', 'Samarbetet avslutas enligt fullmäktiges beslut.');
    await Promise.all([plain.page.waitForNavigation(), plain.page.locator('button', { hasText: 'Spara ny version' }).click()]);
    expect(await plain.page.locator('#version-visad').innerText()).toBe('Version 2');
    expect(await plain.page.locator('#versioner').locator('xpath=..').locator('li').count()).toBe(2);
    await plain.context.close();
  });
});
