// Delegation warnings in Chromium: body B has an incoming visit led by Li
// Ming; an editor of body A records, by keyboard, an incoming delegation led
// by "li ming" a few days later (first with a name too long, named beside
// its field). The warning shows on both sides: beside A's visit and on A's
// page of delegations, and on B's. Every state passes axe-core (WCAG 2.1 AA)
// in Swedish and English.
import type { Browser } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { check, enter, launchChromium, serveApp, signedInPage } from '../support/browser.ts';
import { daysFromToday } from '../support/days.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let base: string;
const PASSWORD = 'a long passphrase';
const EDITOR_A = 'redaktor@varning-a.se';
const EDITOR_B = 'redaktor@varning-b.se';
let agreementA = '';
let agreementB = '';

beforeAll(async () => {
  t = await openTestDatabase();
  const ctx = systemCtx(t);
  for (const [slug, name, email, display] of [
    ['varning-a', 'Varnings kommun A', EDITOR_A, 'Anna A'],
    ['varning-b', 'Varnings kommun B', EDITOR_B, 'Bengt B'],
  ] as const) {
    await addOrganisation({ ctx, input: { slug, name } });
    await addUser({ ctx, input: { email, displayName: display, organisation: slug, role: 'editor', password: PASSWORD } });
  }
  const orgId = async (slug: string) => (await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = ${slug}`))[0]!.id;
  // Different places: only the person makes the overlap.
  const a = await createAgreement({ ctx, organisationId: await orgId('varning-a'), input: { slug: 'varning-a--hangzhou', kind: 'vanort', parties: ['kalix'], counterparts: ['hangzhou'] } });
  const b = await createAgreement({ ctx, organisationId: await orgId('varning-b'), input: { slug: 'varning-b--tianjin', kind: 'vanort', parties: ['kalix'], counterparts: ['tianjin'] } });
  agreementA = a.slug;
  agreementB = b.slug;
  await createActivity({ ctx, agreementId: b.id, input: { kind: 'visit_incoming', title: 'Besök från Tianjins handelskammare', date: daysFromToday(20), visibility: 'shared', delegationPersons: ['Li Ming', '王伟'] } });
  // And a meeting of B's with the same person, five days before A's visit (recorded below): shown beside the meeting.
  await createActivity({ ctx, agreementId: b.id, input: { kind: 'meeting', title: 'Möte med Li Mings delegation', date: daysFromToday(18), visibility: 'shared', delegationPersons: ['LI MING'] } });
  server = await serveApp(createApp(t.database));
  base = server.base;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('delegation warnings', () => {
  it('an incoming delegation recorded by keyboard that meets another body’s is shown on both sides', async () => {
    const { context, page } = await signedInPage(browser, base, EDITOR_A, PASSWORD);
    await page.goto(`${base}/avtal/${agreementA}/aktiviteter`);
    await check(page, 'delegation-form');

    // By keyboard: each field reached with Tab from the one before is typed into; Enter sends.
    await page.focus('#activity-kind');
    await page.selectOption('#activity-kind', 'visit_incoming');
    await page.focus('#activity-title');
    await page.keyboard.type('Delegation från Zhejiang');
    await page.keyboard.press('Tab');
    await page.keyboard.type(daysFromToday(23));
    await page.focus('#activity-delegationName');
    await page.keyboard.type('Zhejiang Trade Mission');
    await page.keyboard.press('Tab');
    await page.keyboard.type('li ming');
    await page.keyboard.press('Enter');
    await page.keyboard.type('x'.repeat(301));
    await page.focus('#activity-visibility');
    await page.selectOption('#activity-visibility', 'shared');
    await page.focus('#activity-title');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#activity-delegationPersons').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#activity-delegationPersons-error').innerText()).toContain('300');
    await check(page, 'delegation-form-error');
    await page.goto(`${base}/avtal/${agreementA}/aktiviteter?lang=en`);
    await check(page, 'delegation-form-en');
    await page.goto(`${base}/avtal/${agreementA}/aktiviteter`);

    await page.selectOption('#activity-kind', 'visit_incoming');
    await page.fill('#activity-title', 'Delegation från Zhejiang');
    await page.fill('#activity-date', daysFromToday(23));
    await page.fill('#activity-delegationName', 'Zhejiang Trade Mission');
    await page.focus('#activity-delegationPersons');
    await page.keyboard.type('li ming');
    await page.keyboard.press('Enter');
    await page.keyboard.type('陈静');
    await page.selectOption('#activity-visibility', 'shared');
    await page.focus('#activity-title');
    await enter(page);
    const section = page.locator('section', { has: page.locator('h2', { hasText: 'Delegation från Zhejiang' }) });
    await section.waitFor();
    const text = await section.innerText();
    expect(text).toContain('Leds av: li ming, 陈静');
    expect(text).toContain('Varnings kommun B');
    expect(text).toContain('Besök från Tianjins handelskammare');
    expect(text).toContain('Samma namn: Li Ming');
    await check(page, 'delegation-warning-a');
    await page.goto(`${base}/avtal/${agreementA}/aktiviteter?lang=en`);
    expect(await page.locator('main').innerText()).toContain('Same names: Li Ming');
    await check(page, 'delegation-warning-a-en');
    await page.goto(`${base}/delegationer`);
    expect(await page.locator('main').innerText()).toContain('Besök från Tianjins handelskammare');
    await check(page, 'delegation-page-a');
    // A window of one's own: one day is too narrow for a visit three days off; a bad one is named.
    await page.fill('#delegationer-dagar', '1');
    await page.focus('#delegationer-dagar');
    await enter(page);
    expect(await page.locator('#aktiviteter + *').innerText()).toContain('Inga just nu.');
    await page.fill('#delegationer-dagar', 'en månad');
    await page.focus('#delegationer-dagar');
    await enter(page);
    expect(await page.locator('#delegationer-dagar').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#delegationer-dagar').inputValue()).toBe('en månad');
    await check(page, 'delegation-page-a-error');
    await context.close();

    // B's side: the same overlap, beside B's visit and its meeting and on B's page, in both languages.
    const b = await signedInPage(browser, base, EDITOR_B, PASSWORD);
    await b.page.goto(`${base}/avtal/${agreementB}/aktiviteter`);
    const theirs = await b.page.locator('section', { has: b.page.locator('h2', { hasText: 'Besök från Tianjins handelskammare' }) }).innerText();
    expect(theirs).toContain('Varnings kommun A');
    expect(theirs).toContain('Delegation från Zhejiang');
    expect(theirs).toContain('Samma namn: li ming');
    const meeting = await b.page.locator('section', { has: b.page.locator('h2', { hasText: 'Möte med Li Mings delegation' }) }).innerText();
    expect(meeting).toContain('Andra organisationers inkommande besök inom 30 dagar från den här aktiviteten');
    expect(meeting).toContain('Delegation från Zhejiang');
    await check(b.page, 'delegation-warning-b');
    await b.page.goto(`${base}/avtal/${agreementB}/aktiviteter?lang=en`);
    expect(await b.page.locator('main').innerText()).toContain("Other organisations' incoming visits within 30 days of this activity");
    await check(b.page, 'delegation-warning-b-en');
    await b.page.goto(`${base}/delegationer`);
    expect(await b.page.locator('main').innerText()).toContain('Delegation från Zhejiang');
    await check(b.page, 'delegation-page-b');
    await b.page.goto(`${base}/delegationer?lang=en`);
    expect(await b.page.locator('main').innerText()).toContain('Same names: li ming');
    await check(b.page, 'delegation-page-b-en');
    await b.context.close();
  });
});
