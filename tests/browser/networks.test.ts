// Networks of bodies in Chromium, by keyboard: a coordinator starts a
// network (after an error), adds a member, records a meeting and writes a
// note; a member's editor reads the minutes; the public sees the network
// without them. Every page and form state passes axe-core (WCAG 2.1 AA) in
// both languages, and the pages read without JavaScript. A member adds a
// meeting's document and removes it, and the convener's coordinator removes
// a member after reading what that means, by keyboard. The keeper changes
// the network (after an error, and after someone else changed it first) and
// ends it, by keyboard, and reopens it (after someone else did first);
// its meeting is in the visits calendar.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { addNetworkMeeting, addNetworkMember, createNetwork } from '../../src/domain/coordination/networks.ts';
import { organisations } from '../../src/db/schema.ts';
import { eq } from 'drizzle-orm';
import { shiftMonths } from '../../src/domain/calendar/visits.ts';
import { changeNetwork, endNetwork, reopenNetwork } from '../../src/domain/coordination/networks.ts';
import { formatEdtf, todayInStockholm } from '../../src/web/format.ts';
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

  it("a member adds a meeting's document and removes it; the convener's coordinator removes a member, by keyboard", async () => {
    const [skane] = await t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'skane-natverk'));
    const convener = { db: t.database.db, principal: { kind: 'system' as const, label: 'test', organisationId: skane!.id } };
    const network = await createNetwork({ ctx: convener, input: { name: 'Dokumentnätverket', kind: 'regional', county: '12', visibility: 'shared' } });
    await addNetworkMember({ ctx: convener, networkId: network.id, input: { organisation: 'lund-natverk' } });
    const meeting = await addNetworkMeeting({ ctx: convener, networkId: network.id, input: { heldOn: '2027-09-20', place: 'Lund', agenda: 'Hösten' } });
    const meetingAddress = `${base}/natverk/${network.id}/moten/${meeting.id}`;

    const member = await signedInPage(browser, base, MEMBER, PASSWORD);
    const page = member.page;
    await page.goto(meetingAddress);
    expect(await page.locator('#dokument').innerText()).toBe('Mötesdokument');
    // No file chosen: named beside the field.
    await page.focus('#document-reason');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#document-file-error').innerText()).toBe('Välj en fil.');
    await check(page, 'network-meeting-document-error');
    // A file cannot be picked by keyboard from the page's own controls (the system's dialog does that): it is set, then sent by keyboard.
    await page.setInputFiles('#document-file', { name: 'Protokoll 2027-09-20.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n') });
    await page.fill('#document-reason', 'Justerat protokoll');
    await page.focus('#document-reason');
    await enter(page);
    expect(await page.locator('.notice, [role=status]').first().innerText()).toContain('Dokumentet är tillagt.');
    const link = page.getByRole('link', { name: 'Protokoll 2027-09-20.pdf' });
    expect(await link.count()).toBe(1);
    await check(page, 'network-meeting-documents');
    await page.goto(`${meetingAddress}?lang=en`);
    await check(page, 'network-meeting-documents-en');
    // The download answers the member.
    const download = await page.request.get(`${base}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.goto(meetingAddress);
    await page.getByRole('button', { name: 'Ta bort Protokoll 2027-09-20.pdf' }).focus();
    await enter(page);
    expect(await page.locator('body').innerText()).toContain('Dokumentet är borttaget.');
    expect(await page.getByRole('link', { name: 'Protokoll 2027-09-20.pdf' }).count()).toBe(0);
    await member.context.close();

    // The convener's coordinator removes Lund: the page says what it means first; the form is sent by keyboard.
    const keeper = await signedInPage(browser, base, COORDINATOR, PASSWORD);
    await keeper.page.goto(`${base}/natverk/${network.id}`);
    expect(await keeper.page.locator('#removeMember-confirm').innerText()).toContain('slutar genast att läsa');
    await keeper.page.focus('#removeMember-organisation');
    await keeper.page.keyboard.press('Tab');
    expect(await keeper.page.evaluate(() => document.activeElement?.textContent)).toBe('Ta bort medlemmen ur nätverket');
    await enter(keeper.page);
    await keeper.page.waitForSelector('.error-summary');
    expect(await keeper.page.locator('#removeMember-organisation-error').innerText()).toBe('Välj en organisation.');
    await check(keeper.page, 'network-remove-member-error');
    await keeper.page.focus('#removeMember-organisation');
    await keeper.page.keyboard.press('ArrowDown');
    expect(await keeper.page.locator('#removeMember-organisation').inputValue()).toBe('lund-natverk');
    await keeper.page.keyboard.press('Tab');
    await enter(keeper.page);
    expect(await keeper.page.locator('body').innerText()).toContain('Medlemmen är borttagen ur nätverket.');
    expect(await keeper.page.locator('main ul').first().innerText()).not.toContain('Lunds kommun');
    await check(keeper.page, 'network-member-removed');
    await keeper.page.goto(`${base}/natverk/${network.id}?lang=en`);
    await check(keeper.page, 'network-en-keeper');
    await keeper.context.close();

    // Lund's editor is no member any more: the shared network reads, the meeting's documents section does not show.
    const former = await signedInPage(browser, base, MEMBER, PASSWORD);
    await former.page.goto(meetingAddress);
    expect(await former.page.locator('#dokument').count()).toBe(0);
    await former.context.close();
  }, 300_000);
  it('the keeper changes the network, ends it and reopens it by keyboard; a stale form keeps what was typed; its meeting shows in the calendar', async () => {
    const [skane] = await t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'skane-natverk'));
    const convener = { db: t.database.db, principal: { kind: 'system' as const, label: 'test', organisationId: skane!.id } };
    const network = await createNetwork({ ctx: convener, input: { name: 'Hallandsnätverket', kind: 'regional', county: '13', visibility: 'public' } });
    const month = shiftMonths(todayInStockholm().slice(0, 7), 1);
    await addNetworkMeeting({ ctx: convener, networkId: network.id, input: { heldOn: `${month}-10`, place: 'Halmstad' } });
    const address = `${base}/natverk/${network.id}`;

    const keeper = await signedInPage(browser, base, COORDINATOR, PASSWORD);
    const page = keeper.page;
    await page.goto(address);
    expect(await page.locator('#andra-natverket').innerText()).toBe('Ändra nätverket');
    // No name: named beside the field, the rest kept.
    await page.fill('#changeNetwork-name', '');
    await page.fill('#changeNetwork-description', 'Kommunerna i Halland');
    await page.focus('#changeNetwork-name');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#changeNetwork-name-error').innerText()).toBe('Skriv nätverkets namn.');
    expect(await page.locator('#changeNetwork-description').inputValue()).toBe('Kommunerna i Halland');
    await check(page, 'network-change-error');
    // Someone else changes it meanwhile: the form is refused, says so, and keeps what was typed.
    await changeNetwork({ ctx: convener, networkId: network.id, input: { name: 'Hallands nätverk', kind: 'regional', county: '13', visibility: 'public', expectedVersion: 1 } });
    await page.fill('#changeNetwork-name', 'Hallands Kinanätverk');
    await page.focus('#changeNetwork-name');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').innerText()).toContain('Någon annan har ändrat nätverket');
    expect(await page.locator('h1').innerText()).toBe('Hallands nätverk');
    expect(await page.locator('#changeNetwork-name').inputValue()).toBe('Hallands Kinanätverk');
    await check(page, 'network-change-stale');
    // Sent again by keyboard, at the version it shows now.
    await page.focus('#changeNetwork-name');
    await enter(page);
    expect(await page.locator('h1').innerText()).toBe('Hallands Kinanätverk');
    expect(await page.locator('body').innerText()).toContain('Nätverket är sparat.');

    // Ended: a day in the future first (refused, named), then yesterday's.
    expect(await page.locator('#endNetwork-confirm').innerText()).toContain('tar inte emot nya');
    await page.fill('#endNetwork-endedOn', '2999-01-01');
    await page.focus('#endNetwork-endedOn');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avsluta nätverket');
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#endNetwork-endedOn-error').innerText()).toContain('efter i dag');
    await check(page, 'network-end-error');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.fill('#endNetwork-endedOn', yesterday);
    await page.focus('#endNetwork-endedOn');
    await enter(page);
    expect(await page.locator('#avslutat').innerText()).toContain(`avslutades ${formatEdtf(yesterday, 'sv')}`);
    expect(await page.locator('#nytt-mote').count()).toBe(0);
    expect(await page.locator('#avsluta-natverket').count()).toBe(0);
    await check(page, 'network-ended');
    await page.goto(`${address}?lang=en`);
    expect(await page.locator('#avslutat').innerText()).toContain(`ended on ${formatEdtf(yesterday, 'en')}`);
    await check(page, 'network-ended-en');
    await page.goto(`${base}/natverk`);
    expect(await page.locator('main table').innerText()).toContain(`avslutat ${formatEdtf(yesterday, 'sv')}`);
    await check(page, 'networks-with-ended');

    // Reopened beside its ended state, by keyboard: first after someone else reopened it (refused, said), then for real.
    await page.goto(address);
    const reopen = page.locator(`form[action="/natverk/${network.id}/ateroppna"] button`);
    expect(await reopen.innerText()).toBe('Öppna nätverket igen');
    await reopenNetwork({ ctx: convener, networkId: network.id, input: { expectedVersion: 4 } });
    await reopen.focus();
    await enter(page);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').innerText()).toContain('Nätverket är inte avslutat');
    expect(await page.locator('#avslutat').count()).toBe(0);
    await check(page, 'network-reopen-conflict');
    await endNetwork({ ctx: convener, networkId: network.id, input: { endedOn: yesterday, expectedVersion: 5 } });
    await page.goto(address);
    await check(page, 'network-ended-reopen-form');
    await page.locator(`form[action="/natverk/${network.id}/ateroppna"] button`).focus();
    await enter(page);
    expect(await page.locator('body').innerText()).toContain('Nätverket är öppnat igen.');
    expect(await page.locator('#avslutat').count()).toBe(0);
    expect(await page.locator('#nytt-mote').count()).toBe(1);
    await check(page, 'network-reopened');
    await page.goto(`${address}?lang=en`);
    expect(await page.locator('dl.facts').innerText()).toContain('Ongoing');
    await keeper.context.close();

    // The calendar shows the public network's meeting to the public, marked as a network meeting, in the month and the list.
    const anonymous = await browser.newContext();
    const visitor = await anonymous.newPage();
    for (const path of [`/besokskalender?month=${month}`, '/besokskalender?visa=lista', `/besokskalender?month=${month}&lang=en`]) {
      await visitor.goto(`${base}${path}`);
      expect(await visitor.locator('.network-meeting').first().innerText(), path).toMatch(/(Nätverksmöte|Network meeting): Hallands Kinanätverk, Halmstad/);
      await check(visitor, `calendar-network-meeting${path.replaceAll(/[/?=&]/g, '-')}`);
    }
    await anonymous.close();
  }, 300_000);
});
