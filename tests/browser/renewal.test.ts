// An agreement's term, renewal and notice, and the organisation's quiet
// period, in Chromium: an administrator sets the term fields in the edit form
// and the quiet period on the overview by keyboard, sees each refusal named
// beside its field, and finds the notice reminder on the overview; every
// state passes axe-core (WCAG 2.1 AA), in Swedish and English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { addDays, addMonths } from '../../src/domain/agreements/renewal-dates.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { EDITORIAL, organisationId } from '../support/api-keys.ts';
import { check, enter, launchChromium, serveApp, signedInPage } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let base: string;
const PASSWORD = 'a long passphrase';
const ADMIN = 'fornyelse@ortsband.se';
const SLUG = 'kalix--zhejiang--fornyelse';
const TODAY = todayInStockholm();
/** Renewed two years at a time, in about 60 days: its last day to give notice, a month before, is within the reminders' 90 days. */
const START = addMonths(addDays(TODAY, 60), -24);

beforeAll(async () => {
  t = await openTestDatabase();
  const ctx = systemCtx(t);
  await addUser({ ctx, input: { email: ADMIN, displayName: 'Frida Förnyare', organisation: EDITORIAL, role: 'admin', password: PASSWORD } });
  const { id } = await createAgreement({ ctx, organisationId: await organisationId(t, EDITORIAL), input: { slug: SLUG, kind: 'vanort', officialTitle: 'Vänortsavtal', signedOn: START, parties: ['kalix'], counterparts: ['zhejiang'] } });
  await recordStatusEvent({ ctx, agreementId: id, input: { type: 'established', date: START } });
  server = await serveApp(createApp(t.database));
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('term, renewal and notice', () => {
  it('are set in the edit form by keyboard, a bad number named beside its field, and the notice day comes on the overview', async () => {
    const { context, page } = await signedInPage(browser, base, ADMIN, PASSWORD);
    await page.goto(`${base}/avtal/${SLUG}/andra`);
    await check(page, 'renewal-form-empty');
    await page.fill('#f-termMonths', 'två år');
    await page.fill('#f-renewalMonths', '24');
    await page.fill('#f-noticeMonths', '1');
    await page.focus('#f-noticeMonths');
    // Enter in a field presses the form's first button, the parties' search; the save button is pressed by keyboard instead.
    await page.locator('button[name="action"][value="save"]').focus();
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#f-termMonths-error').innerText()).toMatch(/helt antal månader/);
    expect(await page.locator('#f-renewalMonths').inputValue()).toBe('24');
    await check(page, 'renewal-form-error');

    await page.fill('#f-termMonths', '24');
    await page.locator('button[name="action"][value="save"]').focus();
    await enter(page);
    expect(page.url()).not.toContain('/andra');
    // The form opened again says what the saved values give.
    await page.goto(`${base}/avtal/${SLUG}/andra`);
    expect(await page.locator('#f-renewal-dates').innerText()).toContain(`förnyas avtalet nästa gång ${addMonths(START, 24)}`);
    await check(page, 'renewal-form-saved');

    await page.goto(`${base}/oversikt`);
    const notice = `Sista dag att säga upp avtalet före förnyelsen (${addMonths(addMonths(START, 24), -1)}; förnyas annars ${addMonths(START, 24)})`;
    expect(await page.locator('#paminnelser ~ ul').first().innerText()).toContain(notice);
    await check(page, 'renewal-overview');
    await page.goto(`${base}/oversikt?lang=en`);
    expect(await page.locator('#paminnelser ~ ul').first().innerText()).toContain('Last day to give notice before the agreement renews');
    await check(page, 'renewal-overview-en');
    await context.close();
  });
});

describe('the quiet period', () => {
  it('is chosen on the overview by keyboard, a bad number named beside its field', async () => {
    const { context, page } = await signedInPage(browser, base, ADMIN, PASSWORD);
    await page.goto(`${base}/oversikt`);
    await page.fill('#tyst-quietAfterMonths', '0');
    await page.focus('#tyst-quietAfterMonths');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#tyst-quietAfterMonths-error').innerText()).toMatch(/från 1 till 120/);
    expect(await page.locator('#tyst-quietAfterMonths').inputValue()).toBe('0');
    await check(page, 'quiet-period-error');

    await page.fill('#tyst-quietAfterMonths', '36');
    await page.focus('#tyst-quietAfterMonths');
    await enter(page);
    expect(await page.locator('[role="status"]').first().innerText()).toContain('Perioden för tysta avtal är sparad.');
    expect(await page.locator('#tyst-quietAfterMonths').inputValue()).toBe('36');
    await check(page, 'quiet-period-saved');

    await page.goto(`${base}/oversikt?lang=en`);
    await page.fill('#tyst-quietAfterMonths', 'three years');
    await page.focus('#tyst-quietAfterMonths');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#tyst-quietAfterMonths-error').innerText()).toMatch(/from 1 to 120/);
    await check(page, 'quiet-period-error-en');
    await context.close();
  });
});
