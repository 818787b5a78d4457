// Action plans in Chromium: an editor makes a plan, adds two goals, records
// an activity that serves one of them, and reviews the plan, all by keyboard;
// every state of the page (empty, with errors, with goals and progress,
// reviewed, a stale review, English) and the public agreement page pass
// axe-core (WCAG 2.1 AA); without JavaScript the forms work too.
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
const AGREEMENT = 'goteborg--shanghai';
const PASSWORD = 'a long passphrase';
const EDITOR = 'handlingsplan@goteborg.se';

beforeAll(async () => {
  t = await openTestDatabase();
  await addUser({ ctx: systemCtx(t), input: { email: EDITOR, displayName: 'Hanna Handläggare', organisation: 'ortsband', role: 'editor', password: PASSWORD } });
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

async function signIn(page: Page) {
  await page.goto(`${base}/logga-in`);
  await page.fill('#sign-in-email', EDITOR);
  await page.fill('#sign-in-password', PASSWORD);
  await page.focus('#sign-in-password');
  await enter(page);
}

/** Opens a form's details by keyboard: its summary is a button. */
async function open(page: Page, summary: string) {
  await page.locator('summary', { hasText: summary }).focus();
  await page.keyboard.press('Enter');
}

describe('action plans', () => {
  it('makes a plan with two goals by keyboard, links an activity, reviews it, in both languages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page);

    await page.goto(`${base}/avtal/${AGREEMENT}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Handlingsplaner' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Handlingsplaner');
    await check(page, 'action-plans-empty');

    // A budget that is no number and a period that ends before it begins: each named beside its field.
    await page.fill('#plan-title', 'Handlingsplan Göteborg–Shanghai 2026–2028');
    await page.fill('#plan-periodFrom', '2026');
    await page.fill('#plan-periodTo', '2025');
    await page.fill('#plan-responsibleUnit', 'Stadsledningskontoret, internationella enheten');
    await page.fill('#plan-budgetSek', 'en halv miljon');
    await page.selectOption('#plan-visibility', 'public');
    await page.focus('#plan-budgetSek');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#plan-budgetSek-error').innerText()).toMatch(/hela kr\b/);
    expect(await page.locator('#plan-periodTo-error').innerText()).toMatch(/sluta innan den börjar/);
    expect(await page.locator('#plan-title').inputValue()).toBe('Handlingsplan Göteborg–Shanghai 2026–2028');
    await check(page, 'action-plans-plan-error');

    await page.fill('#plan-periodTo', '2028');
    await page.fill('#plan-budgetSek', '500000');
    await page.focus('#plan-budgetSek');
    await enter(page);
    const heading = page.locator('h2', { hasText: 'Handlingsplan Göteborg–Shanghai' });
    await heading.waitFor();
    const planId = (await heading.getAttribute('id'))!.replace('plan-', '');

    // Two goals, each by its form: the first refused once for want of its thematic area.
    await open(page, 'Lägg till ett mål');
    await page.fill(`#goal-${planId}-goal`, 'Fler elevutbyten mellan gymnasieskolorna');
    await page.locator('button', { hasText: 'Lägg till målet' }).focus();
    await enter(page);
    expect(await page.locator(`#goal-${planId}-theme-error`).innerText()).toMatch(/tematiska området/);
    await check(page, 'action-plans-goal-error');
    for (const [theme, goal, indicator] of [
      ['Utbildning', 'Fler elevutbyten mellan gymnasieskolorna', 'Antal elever i utbyte per år'],
      ['Miljö och energi', 'Erfarenhetsutbyte om fjärrvärme', 'Antal studiebesök'],
    ] as const) {
      if (!(await page.locator(`#goal-${planId}-theme`).isVisible())) await open(page, 'Lägg till ett mål');
      await page.fill(`#goal-${planId}-theme`, theme);
      await page.fill(`#goal-${planId}-goal`, goal);
      await page.fill(`#goal-${planId}-indicator`, indicator);
      await page.fill(`#goal-${planId}-plannedActivities`, 'Två resor per år');
      await page.locator('button', { hasText: 'Lägg till målet' }).focus();
      await enter(page);
      await page.locator('td', { hasText: goal }).waitFor();
    }
    await check(page, 'action-plans-two-goals');

    // An activity that serves the first goal, recorded on the activities page.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Aktiviteter och uppföljning' }).first().click()]);
    await page.selectOption('#activity-kind', 'exchange');
    await page.fill('#activity-title', 'Elevutbyte med Shanghai');
    await page.fill('#activity-date', '2026-10');
    await page.fill('#activity-costSek', '64000');
    await page.selectOption('#activity-actionPlanGoalId', { label: 'Handlingsplan Göteborg–Shanghai 2026–2028 (2026–2028): Utbildning: Fler elevutbyten mellan gymnasieskolorna' });
    await check(page, 'action-plans-activity-form');
    await page.focus('#activity-costSek');
    await enter(page);
    await page.locator('h2', { hasText: 'Elevutbyte med Shanghai' }).waitFor();
    expect(await page.getByText("Handlingsplanens mål: Utbildning").count()).toBe(1);

    // The goal shows it as its progress.
    await page.goto(`${base}/avtal/${AGREEMENT}/handlingsplaner`);
    const first = page.locator('tr', { hasText: 'Fler elevutbyten' });
    expect(await first.innerText()).toContain('Elevutbyte med Shanghai');
    expect(await first.innerText()).toContain('64');

    // The review: a day, each goal's outcome and assessment, the conclusions.
    await open(page, 'Följ upp planen');
    const review = page.locator(`form[action$="/handlingsplaner/${planId}/uppfoljning"]`);
    await review.locator('input[name=reviewedOn]').fill('2028-12-10');
    const goals = review.locator('fieldset');
    await goals.nth(0).locator('textarea').fill('72 elever i utbyte');
    await goals.nth(0).locator('select').selectOption('met');
    await goals.nth(1).locator('textarea').fill('Ett studiebesök');
    await goals.nth(1).locator('select').selectOption('partly_met');
    await goals.nth(1).locator('input[type=text]').fill('Resorna ställdes in under 2027');
    await review.locator('textarea[name=reviewNote]').fill('Skolutbytet fungerar; energisamarbetet behöver nya kontakter.');
    await check(page, 'action-plans-review-form');
    await review.locator('button').focus();
    await enter(page);
    expect(await page.locator('tr', { hasText: 'Erfarenhetsutbyte om fjärrvärme' }).innerText()).toContain('Delvis uppnått');
    expect(await page.locator('tr', { hasText: 'Fler elevutbyten' }).innerText()).toContain('Uppnått');
    await check(page, 'action-plans-reviewed');

    // A review sent from a page opened before someone else's change: 409, the page as it is now, the typed text kept.
    const stale = await context.newPage();
    await stale.goto(`${base}/avtal/${AGREEMENT}/handlingsplaner`);
    await open(page, 'Lägg till ett mål');
    await page.fill(`#goal-${planId}-theme`, 'Kultur');
    await page.fill(`#goal-${planId}-goal`, 'Ett körutbyte');
    await page.locator('button', { hasText: 'Lägg till målet' }).focus();
    await enter(page);
    await open(stale, 'Följ upp planen');
    const staleReview = stale.locator(`form[action$="/handlingsplaner/${planId}/uppfoljning"]`);
    await staleReview.locator('textarea[name=reviewNote]').fill('Ett sent omdöme');
    await staleReview.locator('button').focus();
    await enter(stale);
    expect(await stale.locator('.notice[role=alert]').innerText()).toContain('Någon annan ändrade handlingsplanen');
    await check(stale, 'action-plans-stale');
    await stale.close();

    // Change the plan's budget by keyboard; a budget in words first, named beside its field.
    await page.goto(`${base}/avtal/${AGREEMENT}/handlingsplaner`);
    await open(page, 'Ändra eller ta bort planen');
    await open(page, 'Ändra eller ta bort målet: Kultur');
    await check(page, 'action-plans-change-forms');
    await page.fill(`#change-${planId}-budgetSek`, 'en miljon');
    await page.focus(`#change-${planId}-budgetSek`);
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator(`#change-${planId}-budgetSek`).getAttribute('aria-invalid')).toBe('true');
    await check(page, 'action-plans-change-error');
    await page.fill(`#change-${planId}-budgetSek`, '1000000');
    await page.focus(`#change-${planId}-budgetSek`);
    await enter(page);
    expect(await page.locator('.notice').first().innerText()).toContain('Handlingsplanen är ändrad.');
    expect(await page.locator(`#plan-${planId}-avsnitt`).innerText()).toMatch(/1\s000\s000 kr/);

    // A source cited for the plan by keyboard, with its passage; then its title in English.
    await open(page, 'Citera en källa för planen');
    await page.selectOption(`#cite-${planId}-source`, 'nkk2022');
    await page.fill(`#cite-${planId}-passage`, 's. 14');
    await check(page, 'action-plans-cite-form');
    await page.focus(`#cite-${planId}-passage`);
    await enter(page);
    expect(await page.locator('.notice').first().innerText()).toContain('Källan är citerad.');
    expect(await page.locator(`#plan-${planId}-avsnitt .sources`).innerText()).toContain('s. 14');
    await open(page, 'Ta bort en citering');
    await check(page, 'action-plans-cited');
    await open(page, 'Ändra eller ta bort planen');
    await page.fill(`#change-${planId}-titleEn`, 'Action plan Gothenburg–Shanghai 2026–2028');
    await page.focus(`#change-${planId}-titleEn`);
    await enter(page);
    expect(await page.locator('.notice').first().innerText()).toContain('Handlingsplanen är ändrad.');

    // In English.
    await page.goto(`${base}/avtal/${AGREEMENT}/handlingsplaner?lang=en`);
    expect(await page.locator('h1').innerText()).toBe('Action plans');
    expect(await page.locator(`#plan-${planId}`).innerText()).toContain('Action plan Gothenburg–Shanghai 2026–2028');
    expect(await page.locator('tr', { hasText: 'Erfarenhetsutbyte om fjärrvärme' }).innerText()).toContain('Environment and energy');
    await check(page, 'action-plans-en');

    // The public agreement page: the public plan, its goals and their assessments.
    const publicContext = await browser.newContext();
    const visitor = await publicContext.newPage();
    await visitor.goto(`${base}/avtal/${AGREEMENT}`);
    expect(await visitor.locator('section', { hasText: 'Handlingsplan Göteborg–Shanghai' }).innerText()).toContain('Delvis uppnått');
    await check(visitor, 'action-plans-public');
    await visitor.goto(`${base}/avtal/${AGREEMENT}?lang=en`);
    expect(await visitor.locator('section', { hasText: 'Action plan Gothenburg–Shanghai' }).innerText()).toContain('Partly met');
    await check(visitor, 'action-plans-public-en');
    await publicContext.close();
    await context.close();
  });

  it('works without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/logga-in`);
    await page.fill('#sign-in-email', EDITOR);
    await page.fill('#sign-in-password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await page.goto(`${base}/avtal/${AGREEMENT}/handlingsplaner`);
    await page.fill('#plan-title', 'Plan utan JavaScript');
    await page.fill('#plan-periodFrom', '2027');
    await page.fill('#plan-periodTo', '2029');
    await Promise.all([page.waitForNavigation(), page.locator('button', { hasText: 'Spara handlingsplanen' }).click()]);
    const heading = page.locator('h2', { hasText: 'Plan utan JavaScript' });
    await heading.waitFor();
    const planId = (await heading.getAttribute('id'))!.replace('plan-', '');
    await page.locator(`#plan-${planId}-avsnitt summary`, { hasText: 'Lägg till ett mål' }).click();
    await page.fill(`#goal-${planId}-theme`, 'Turism');
    await page.fill(`#goal-${planId}-goal`, 'Fler besökare');
    await Promise.all([page.waitForNavigation(), page.locator(`#plan-${planId}-avsnitt button`, { hasText: 'Lägg till målet' }).click()]);
    expect(await page.locator('tr', { hasText: 'Fler besökare' }).innerText()).toContain('Inte bedömt');
    await context.close();
  });
});
