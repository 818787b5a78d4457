// Activities and follow-up in Chromium: an editor records a visit, raises two
// follow-up points, closes one, cites a source for the visit and removes it
// again, and finds the other point on their overview; every
// state of the page (empty, with errors, with points, English) and the
// overview and the yearly report pass axe-core (WCAG 2.1 AA); forms are
// sent by keyboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { check, enter, launchChromium, serveApp, signedInPage } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let base: string;
const AGREEMENT = 'goteborg--shanghai';
const PASSWORD = 'a long passphrase';
const EDITOR = 'uppfoljning@goteborg.se';

beforeAll(async () => {
  t = await openTestDatabase();
  await addUser({ ctx: systemCtx(t), input: { email: EDITOR, displayName: 'Ulla Uppföljare', organisation: 'ortsband', role: 'editor', password: PASSWORD } });
  const app = createApp(t.database);
  server = await serveApp(app);
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('activities and follow-up points', () => {
  it('records a visit with two points by keyboard, closes one, and shows the other on the overview', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/logga-in`);
    await page.fill('#sign-in-email', EDITOR);
    await page.fill('#sign-in-password', PASSWORD);
    await page.focus('#sign-in-password');
    await enter(page);

    // From the agreement's page by its link.
    await page.goto(`${base}/avtal/${AGREEMENT}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Aktiviteter och uppföljning' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Aktiviteter och uppföljning');
    await check(page, 'follow-up-empty');

    // A cost that is no number: named beside its field, what was typed kept.
    await page.selectOption('#activity-kind', 'visit_outgoing');
    await page.fill('#activity-title', 'Delegationsresa till Shanghai');
    await page.fill('#activity-date', '2026-05');
    await page.fill('#activity-costSek', 'femtio tusen');
    await page.focus('#activity-costSek');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#activity-costSek-error').innerText()).toMatch(/hela kr\b/);
    expect(await page.locator('#activity-title').inputValue()).toBe('Delegationsresa till Shanghai');
    await check(page, 'follow-up-activity-error');

    await page.fill('#activity-costSek', '52000');
    await page.focus('#activity-costSek');
    await enter(page);
    const heading = page.locator('h2', { hasText: 'Delegationsresa till Shanghai' });
    await heading.waitFor();
    const activityId = (await heading.getAttribute('id'))!.replace('aktivitet-', '');

    // Two points, each by its own form (opened by keyboard: the summary is a button).
    for (const [text, due] of [
      ['Skicka reserapporten till kommunstyrelsen', '2026-06-15'],
      ['Boka återbesök för Shanghais skolförvaltning', '2099-10-01'],
    ] as const) {
      await page.locator(`#aktivitet-${activityId}-avsnitt summary`).focus();
      await page.keyboard.press('Enter');
      await page.fill(`#point-${activityId}-text`, text);
      await page.fill(`#point-${activityId}-owner`, EDITOR);
      await page.fill(`#point-${activityId}-dueOn`, due);
      await page.focus(`#point-${activityId}-owner`);
      await enter(page);
      await page.locator('td', { hasText: text }).waitFor();
    }
    await check(page, 'follow-up-two-points');

    // Close the first as done, with a comment.
    const first = page.locator('tr', { hasText: 'Skicka reserapporten' });
    await first.locator('select').selectOption('done');
    await first.locator('input[name=comment]').fill('Skickad 2026-05-20');
    await first.locator('input[name=comment]').focus();
    await enter(page);
    expect(await page.locator('tr', { hasText: 'Skicka reserapporten' }).innerText()).toContain('Klar: Skickad 2026-05-20');
    await check(page, 'follow-up-one-closed');

    // Change the visit on its own page, reached by its link: a bad date first, named beside its field.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Ändra eller ta bort: Delegationsresa till Shanghai' }).click()]);
    expect(await page.locator('#change-title').inputValue()).toBe('Delegationsresa till Shanghai');
    await check(page, 'follow-up-activity-edit');
    await page.fill('#change-date', '2026-13');
    await page.focus('#change-date');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#change-date').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'follow-up-activity-edit-error');
    await page.fill('#change-date', '2026-05-04');
    await page.check('#change-chinesePlaces-0');
    await page.focus('#change-date');
    await enter(page);
    await page.locator('h2', { hasText: 'Delegationsresa till Shanghai' }).waitFor();
    expect(await page.locator(`#aktivitet-${activityId}`).innerText()).toMatch(/4 maj 2026/);
    expect(await page.locator(`#aktivitet-${activityId}-avsnitt`).innerText()).toContain('Platser:');

    // Cite a source for the visit on its edit page, by keyboard: sent with no source chosen first, named beside the field.
    await page.goto(`${base}/avtal/${AGREEMENT}/aktiviteter/${activityId}/andra`);
    expect(await page.locator('#cite-source').inputValue()).toBe('');
    await page.focus('#cite-passage');
    await page.keyboard.type('s. 3');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#cite-source').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#cite-passage').inputValue()).toBe('s. 3');
    await check(page, 'follow-up-activity-cite-error');
    await page.focus('#cite-source');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('#cite-source').inputValue();
    expect(chosen).not.toBe('');
    const title = (await page.locator(`#cite-source option[value="${chosen}"]`).innerText()).replace(/…$/, '');
    await page.focus('#cite-passage');
    await enter(page);
    expect(await page.locator('[role=status]').innerText()).toContain('Källan är citerad.');
    expect(await page.locator('.sources').innerText()).toContain('s. 3');
    await check(page, 'follow-up-activity-cited');
    // Shown with the visit on the activities page, linked to the source's own page.
    await page.goto(`${base}/avtal/${AGREEMENT}/aktiviteter`);
    expect(await page.locator(`#aktivitet-${activityId}-avsnitt .sources a[href="/kallor/${chosen}"]`).innerText()).toContain(title.slice(0, 40));
    // And removed again, by its button.
    await page.goto(`${base}/avtal/${AGREEMENT}/aktiviteter/${activityId}/andra`);
    await page.getByRole('button', { name: /^Ta bort citeringen av/ }).focus();
    await enter(page);
    expect(await page.locator('[role=status]').innerText()).toContain('Citeringen är borttagen.');
    expect(await page.locator('.sources').count()).toBe(0);

    await page.goto(`${base}/avtal/${AGREEMENT}/aktiviteter/${activityId}/andra?lang=en`);
    expect(await page.locator('h1').innerText()).toBe('Change the activity: Delegationsresa till Shanghai');
    await check(page, 'follow-up-activity-edit-en');
    await page.goto(`${base}/avtal/${AGREEMENT}/aktiviteter`);

    // The overview: the open one, not the closed one.
    await page.goto(`${base}/oversikt`);
    const mine = page.locator('table', { has: page.locator('caption', { hasText: 'Mina öppna uppföljningspunkter' }) });
    expect(await mine.innerText()).toContain('Boka återbesök för Shanghais skolförvaltning');
    expect(await page.content()).not.toContain('Skicka reserapporten');
    await check(page, 'follow-up-overview');

    // Invitations, from the overview by its link: a refused one named beside its field, then recorded.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Inbjudningar från Kina/ }).click()]);
    await check(page, 'invitations-empty');
    await page.fill('#invitation-subject', 'Zhejiang Investment Forum');
    await page.fill('#invitation-sender', 'Zhejiangs utrikesbyrå');
    await page.fill('#invitation-receivedOn', '2026-11-20');
    await page.fill('#invitation-eventDate', 'i vår');
    await page.focus('#invitation-eventDate');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#invitation-eventDate').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'invitations-error');
    await page.fill('#invitation-eventDate', '2027-03');
    await page.focus('#invitation-eventDate');
    await enter(page);
    await page.locator('h2', { hasText: 'Zhejiang Investment Forum' }).waitFor();
    await check(page, 'invitations-one');
    await page.goto(`${base}/inbjudningar?lang=en`);
    await check(page, 'invitations-en');
    await page.goto(`${base}/delegationer`);
    expect(await page.locator('h1').innerText()).toBe('Delegationer i samma område');
    await check(page, 'delegations');
    await page.goto(`${base}/delegationer?lang=en`);
    await check(page, 'delegations-en');
    await page.goto(`${base}/oversikt`);

    // The yearly report, from the overview by its link; its PDF and workbook are linked from it.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Årlig uppföljning/ }).click()]);
    expect(await page.locator('h1').innerText()).toMatch(/^Årlig uppföljning \d{4}: /);
    expect(await page.locator('#aktiviteter ~ table').first().innerText()).toContain('Delegationsresa till Shanghai');
    await check(page, 'follow-up-yearly-report');
    for (const name of ['Ladda ned som PDF (A4)', 'Ladda ned som Excel (XLSX)']) {
      const address = await page.getByRole('link', { name }).getAttribute('href');
      const download = await context.request.get(`${base}${address}`);
      expect(download.status(), name).toBe(200);
      expect((await download.body()).length, name).toBeGreaterThan(1000);
    }
    await page.goto(`${base}/oversikt/arsrapport?lang=en`);
    await check(page, 'follow-up-yearly-report-en');

    // In English too.
    await page.goto(`${base}/oversikt?lang=en`);
    expect(await page.locator('h1').innerText()).toBe('My follow-up');
    await check(page, 'follow-up-overview-en');
    await page.goto(`${base}/avtal/${AGREEMENT}/aktiviteter?lang=en`);
    expect(await page.locator('h1').innerText()).toBe('Activities and follow-up');
    await check(page, 'follow-up-en');
    await context.close();
  }, 360_000); // some forty pages, each checked by axe-core, on a shared machine

  it('reads without JavaScript', async () => {
    const { context, page } = await signedInPage(browser, base, EDITOR, PASSWORD, { javaScriptEnabled: false });
    await page.goto(`${base}/oversikt`);
    expect(await page.locator('h1').innerText()).toBe('Min uppföljning');
    await page.goto(`${base}/avtal/${AGREEMENT}/aktiviteter`);
    expect(await page.locator('#ny-aktivitet').innerText()).toBe('Registrera en aktivitet');
    await context.close();
  });
});
