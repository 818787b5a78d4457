// An agreement's sources, documents and contact persons in Chromium: each
// form empty, filled and with errors passes axe-core (WCAG 2.1 AA); the
// forms are sent by keyboard, and without JavaScript (a multipart upload
// included).
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { sources } from '../../src/db/schema.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { check, launchChromium, summaryMessages } from '../support/browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: ServerType;
let browser: Browser;
let base: string;
const AGREEMENT = 'goteborg--shanghai';
const PASSWORD = 'a long passphrase';

beforeAll(async () => {
  t = await openTestDatabase();
  await addUser({ ctx: systemCtx(t), input: { email: 'rut@goteborg.se', displayName: 'Rut Redaktör', organisation: 'ortsband', role: 'editor', password: PASSWORD } });
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

async function signedIn(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${base}/logga-in`);
  await page.fill('#sign-in-email', 'rut@goteborg.se');
  await page.fill('#sign-in-password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return { context, page };
}

/** axe-core on the page as it is, and a screenshot to look at. */
describe('the sources page', () => {
  it('adds a source by keyboard, shows errors beside the fields, cites it, and passes axe-core in every state', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base}/avtal/${AGREEMENT}/kallor`);
    expect(await page.locator('h1').innerText()).toBe('Källor och dokument');
    await check(page, 'records-sources-empty');

    // Errors: a link that is no link and a date that is no date, without a title.
    await page.selectOption('#source-kind', 'media_article');
    await page.fill('#source-url', 'inte en länk');
    await page.fill('#source-published', '2019-13-45');
    await check(page, 'records-source-filled');
    await page.focus('#source-published');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.waitForSelector('.error-summary');
    const summary = await summaryMessages(page);
    expect(summary).toContain('Skriv titeln.');
    expect(await page.locator('#source-url').inputValue()).toBe('inte en länk');
    expect(await page.locator('#source-kind').inputValue()).toBe('media_article');
    await check(page, 'records-source-error');

    // The summary's link takes the focus to the field.
    await page.locator('.error-summary a', { hasText: 'skriv titeln.' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('source-title');
    await page.keyboard.type('Göteborgs-Posten: Staden avslutar samarbetet');
    await page.fill('#source-url', 'https://www.gp.se/nyheter/goteborg/1.2345');
    await page.fill('#source-published', '2020-05-06');
    await page.focus('#source-title');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toContain('klart=source');
    expect(await page.locator('.notice').innerText()).toContain('Källan är tillagd');
    expect(await page.locator('#cite-source option:checked').innerText()).toBe('Göteborgs-Posten: Staden avslutar samarbetet');

    // Cite it, with the passage; first as a stale form (someone else changed the agreement).
    await page.fill('#cite-passage', 'Tredje stycket');
    await check(page, 'records-cite-filled');
    await page.evaluate(() => ((document.querySelector('form[action$="/kallor/citera"] input[name=expectedVersion]') as HTMLInputElement).value = '1'));
    await Promise.all([page.waitForNavigation(), page.click('#citera + form button[type=submit], form[action$="/kallor/citera"] button[type=submit]')]);
    expect(await page.locator('.notice[role=alert]').innerText()).toContain('Någon annan ändrade avtalet');
    expect(await page.locator('#cite-passage').inputValue()).toBe('Tredje stycket');
    await check(page, 'records-cite-conflict');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/kallor/citera"] button[type=submit]')]);
    expect(page.url()).toContain('klart=cite');
    expect(await page.locator('table').first().innerText()).toContain('Tredje stycket');

    // An error in the citation form: no such event.
    await page.evaluate(() => {
      const select = document.querySelector('#cite-on') as HTMLSelectElement;
      select.add(new Option('x', '99999999'));
      select.value = '99999999';
    });
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/kallor/citera"] button[type=submit]')]);
    expect(await page.locator('#cite-on-error').innerText()).toContain('Avtalet har ingen sådan händelse');
    await check(page, 'records-cite-error');
    await context.close();
  });

  it('changes a citation’s passage and removes it by keyboard, and changes the source on its own page, passing axe-core in every state', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base}/avtal/${AGREEMENT}/kallor`);
    // A citation of a source the editor's organisation keeps: the one made above.
    const row = page.locator('#citerade + table tbody tr', { hasText: 'Tredje stycket' });
    await row.locator('summary').focus();
    await page.keyboard.press('Enter');
    const passage = row.locator('textarea[name=passage]');
    expect(await passage.isVisible()).toBe(true);
    await check(page, 'records-citation-open');
    await passage.fill('x'.repeat(1001));
    await passage.evaluate((el) => el.removeAttribute('maxlength'));
    await passage.fill('x'.repeat(1001));
    await Promise.all([page.waitForNavigation(), row.locator('button', { hasText: 'Spara stället' }).click()]);
    // Refused: the row's form is open, with its problem beside the field.
    const refused = page.locator('details[open]');
    expect(await refused.locator('.error-message').innerText()).toContain('längre än 1000 tecken');
    await check(page, 'records-citation-error');
    await refused.locator('textarea[name=passage]').fill('Fjärde stycket');
    await refused.locator('textarea[name=passage]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rätt stycke');
    await page.keyboard.press('Enter');
    await page.waitForURL(/klart=citationChanged/);
    expect(await page.locator('#citerade + table').innerText()).toContain('Fjärde stycket');

    // The source's own page, from the citation's row.
    const changed = page.locator('#citerade + table tbody tr', { hasText: 'Fjärde stycket' });
    await Promise.all([page.waitForNavigation(), changed.locator('a', { hasText: 'Ändra källan' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Ändra källan');
    await check(page, 'records-source-edit');
    await page.fill('#source-published', '2020-13-06');
    await page.fill('#source-language', 'S1');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect(await page.locator('.error-summary a').count()).toBe(2);
    expect(await page.locator('#source-published').inputValue()).toBe('2020-13-06');
    await check(page, 'records-source-edit-error');
    // Someone else saves in between: their value beside ours, ours kept.
    await page.fill('#source-published', '2020-05-07');
    await page.fill('#source-language', 'sv');
    await t.database.db.update(sources).set({ author: 'Någon annan', version: sql`${sources.version} + 1` }).where(eq(sources.title, 'Göteborgs-Posten: Staden avslutar samarbetet'));
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect(await page.locator('.notice[role=alert]').innerText()).toContain('Någon annan sparade källan');
    expect(await page.locator('.notice[role=alert] table').innerText()).toMatch(/Författare\s+Någon annan/);
    await check(page, 'records-source-edit-conflict');
    await page.focus('#source-title');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.waitForURL(/klart=sourceChanged/);
    expect(await page.locator('.notice').innerText()).toContain('Källan är sparad');

    // Remove the citation: the source stays on the list to cite.
    const again = page.locator('#citerade + table tbody tr', { hasText: 'Fjärde stycket' });
    await again.locator('summary').click();
    await Promise.all([page.waitForNavigation(), again.locator('button', { hasText: 'Ta bort citeringen' }).click()]);
    expect(await page.locator('.notice').innerText()).toContain('Citeringen är borttagen');
    expect(await page.locator('#citerade + table').innerText()).not.toContain('Fjärde stycket');
    expect(await page.locator('#cite-source').innerText()).toContain('Göteborgs-Posten: Staden avslutar samarbetet');
    await check(page, 'records-citation-removed');
    await context.close();
  });

  it('uploads a document without JavaScript, refuses one whose content is not what its name says, and passes axe-core', async () => {
    const dir = path.resolve('tmp');
    const pdf = path.join(dir, 'protokoll-kf-2020-05-04.pdf');
    const lying = path.join(dir, 'skannat.pdf');
    await writeFile(pdf, '%PDF-1.4\n1 0 obj << /Title (Protokoll) >> endobj\n%%EOF\n');
    await writeFile(lying, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));

    // The error state, checked with a browser that runs axe-core.
    const { context, page } = await signedIn();
    await page.goto(`${base}/avtal/${AGREEMENT}/kallor`);
    await page.setInputFiles('#document-file', lying);
    await page.check('#document-public');
    await check(page, 'records-document-filled');
    await Promise.all([page.waitForNavigation(), page.click('form[enctype="multipart/form-data"] button[type=submit]')]);
    expect(await page.locator('#document-file-error').innerText()).toContain('stämmer inte med innehållet');
    expect(await page.locator('#document-public').isChecked()).toBe(true);
    await check(page, 'records-document-error');
    await context.close();

    // The upload itself, without JavaScript.
    const plain = await signedIn({ javaScriptEnabled: false });
    await plain.page.goto(`${base}/avtal/${AGREEMENT}/kallor?lang=en`);
    await plain.page.setInputFiles('#document-file', pdf);
    await Promise.all([plain.page.waitForNavigation(), plain.page.click('form[enctype="multipart/form-data"] button[type=submit]')]);
    expect(await plain.page.locator('.notice').innerText()).toBe('The document is added.');
    const link = plain.page.locator('a', { hasText: 'protokoll-kf-2020-05-04.pdf' });
    const download = await (await plain.context.request.get(`${base}${await link.getAttribute('href')}`)).body();
    expect(download.toString()).toContain('%PDF-1.4');
    await plain.context.close();
  });
});

describe('the contact persons page', () => {
  it('adds, shows errors, changes and removes a contact person, passing axe-core in every state, in both languages', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base}/avtal/${AGREEMENT}/kontakter`);
    expect(await page.locator('h1').innerText()).toBe('Kontaktpersoner');
    await check(page, 'records-contacts-empty');

    await page.fill('#contact-new-email', 'inte-en-adress');
    await page.fill('#contact-new-phone', 'ring mig');
    await check(page, 'records-contact-filled');
    await page.focus('#contact-new-phone');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await summaryMessages(page)).toEqual(expect.arrayContaining(['Skriv namnet.', 'Skriv en e-postadress, till exempel namn@kommun.se.']));
    expect(await page.locator('#contact-new-phone').inputValue()).toBe('ring mig');
    await check(page, 'records-contact-error');

    await page.fill('#contact-new-name', 'Karin Kontaktsson');
    await page.fill('#contact-new-role', 'Internationell strateg');
    await page.fill('#contact-new-email', 'karin.kontaktsson@goteborg.se');
    await page.fill('#contact-new-phone', '031-365 00 00');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/kontakter"] button[type=submit]')]);
    expect(await page.locator('.notice').innerText()).toBe('Kontaktpersonen är tillagd.');
    await check(page, 'records-contacts-one');

    // The contact's own form, with an error, then saved.
    const id = (await page.locator('form[action*="/kontakter/"]').first().getAttribute('action'))!.match(/kontakter\/(\d+)/)![1];
    await page.fill(`#contact-${id}-email`, 'fel');
    await Promise.all([page.waitForNavigation(), page.click(`form[action$="/kontakter/${id}"] button[type=submit]`)]);
    expect(await page.locator(`#contact-${id}-email-error`).isVisible()).toBe(true);
    await check(page, 'records-contact-change-error');
    await page.fill(`#contact-${id}-email`, 'karin@goteborg.se');
    await Promise.all([page.waitForNavigation(), page.click(`form[action$="/kontakter/${id}"] button[type=submit]`)]);
    expect(await page.locator('.notice').innerText()).toBe('Kontaktpersonen är ändrad.');

    await page.goto(`${base}/avtal/${AGREEMENT}/kontakter?lang=en`);
    expect(await page.locator('h1').innerText()).toBe('Contact persons');
    await check(page, 'records-contacts-en');
    await Promise.all([page.waitForNavigation(), page.click(`form[action*="/kontakter/${id}/ta-bort"] button[type=submit]`)]);
    expect(await page.locator('.notice').innerText()).toBe('The contact person is removed.');
    await context.close();
  });
});
