// Signing in with a local password through the app, as a browser does it:
// cookies, forms with their token, redirects; sessions in the database.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { sessions, signInFailures, users } from '../../src/db/schema.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { changeUser } from '../../src/domain/accounts/change-user.ts';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/domain/accounts/sign-in.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { FormBrowser } from '../support/form-browser.ts';
import { expectNamedEntry } from '../support/form-browser.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database);
});
afterAll(async () => t?.close());

const PASSWORD = 'a long passphrase';
async function person(role: 'reader' | 'editor' = 'editor') {
  const email = `${uniqueSlug('p')}@kommun.se`;
  await addUser({ ctx: systemCtx(t), input: { email, displayName: 'Anna Andersson', organisation: 'ortsband', role, password: PASSWORD } });
  return email;
}

/** A browser's cookie jar for this site. */

const sessionCount = async (email: string) =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(users.email, email)))[0]!.n;

describe('signing in with a local password', () => {
  it('signs in, shows who is signed in, and signs out everywhere the session was', async () => {
    const email = await person();
    const browser = new FormBrowser(app);
    const signedIn = await browser.signIn(email, PASSWORD);
    expect([signedIn.status, signedIn.headers.get('location')]).toEqual([303, '/konto']);
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('ortsband_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; https gets Secure
    const account = await (await browser.request('/konto')).text();
    expect(account).toContain('Anna Andersson');
    expect(account).toContain('redaktör');
    expect(await sessionCount(email)).toBe(1);
    // The same session from another copy of the cookie ends with the sign-out.
    const copy = new FormBrowser(app);
    copy.cookies.set('ortsband_session', browser.cookies.get('ortsband_session')!);
    const token = await browser.formToken('/konto');
    const out = await browser.post('/logga-ut', { csrf: token });
    expect([out.status, out.headers.get('location')]).toEqual([303, '/logga-in?utloggad=1']);
    expect(await sessionCount(email)).toBe(0);
    expect((await copy.request('/konto')).headers.get('location')).toBe('/logga-in?tillbaka=%2Fkonto');
  });

  it('keeps only the hash of the session id in the database', async () => {
    const email = await person();
    const browser = new FormBrowser(app);
    await browser.signIn(email, PASSWORD);
    const token = browser.cookies.get('ortsband_session')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.database.db.select({ idHash: sessions.idHash }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idHash).not.toContain(token);
    expect(rows[0]!.idHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('issues a new session id at sign-in and ends the one the browser had', async () => {
    const [first, second] = [await person(), await person()];
    const browser = new FormBrowser(app);
    await browser.signIn(first, PASSWORD);
    const before = browser.cookies.get('ortsband_session')!;
    // Signed in, the forms carry the session's token; signing in as someone else replaces the session.
    const response = await browser.post('/logga-in', { csrf: await browser.formToken('/konto'), email: second, password: PASSWORD });
    expect(response.status).toBe(303);
    expect(browser.cookies.get('ortsband_session')).not.toBe(before);
    expect(await sessionCount(first)).toBe(0);
    expect(await sessionCount(second)).toBe(1);
    const stale = new FormBrowser(app);
    stale.cookies.set('ortsband_session', before);
    expect((await stale.request('/konto')).status).toBe(303);
  });

  it('answers a wrong password and an unknown address alike, with the message beside the field, and keeps the address typed', async () => {
    const email = await person();
    const wrong = await new FormBrowser(app).signIn(email, 'not the password');
    const unknown = await new FormBrowser(app).signIn(`${uniqueSlug('nobody')}@kommun.se`, 'not the password');
    expect([wrong.status, unknown.status]).toEqual([400, 400]);
    const page = await wrong.text();
    expect(page).toContain('Det finns ett problem');
    expectNamedEntry(page, 'sign-in-password', 'E-postadressen eller lösenordet är fel.');
    expect(page).toContain(`value="${email}"`);
    expect(page).toContain('aria-invalid="true"');
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith('ortsband_session='))).toBe(false);
    expect((await unknown.text()).replace(/value="[^"]*"/g, '')).toBe(page.replace(/value="[^"]*"/g, ''));
  });

  it('refuses a form without its token, with a forged token, or from another site', async () => {
    const email = await person();
    const browser = new FormBrowser(app);
    const token = await browser.formToken('/logga-in');
    expect((await browser.post('/logga-in', { email, password: PASSWORD })).status).toBe(403);
    expect((await browser.post('/logga-in', { csrf: 'x'.repeat(43), email, password: PASSWORD })).status).toBe(403);
    expect((await browser.post('/logga-in', { csrf: token, email, password: PASSWORD }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await browser.post('/logga-in', { csrf: token, email, password: PASSWORD }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await sessionCount(email)).toBe(0);
    expect((await browser.post('/logga-in', { csrf: token, email, password: PASSWORD })).status).toBe(303);
  });

  it(`stops trying after ${MAX_FAILURES_PER_ACCOUNT} failures on an account, even with the right password`, async () => {
    const email = await person();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await new FormBrowser(app).signIn(email, `wrong ${i}`)).status).toBe(400);
    const blocked = await new FormBrowser(app).signIn(email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('För många misslyckade försök');
    expect(await sessionCount(email)).toBe(0);
    // The window passes: the count is of recent failures only.
    await t.database.db.update(signInFailures).set({ at: sql`now() - interval '16 minutes'` }).where(eq(signInFailures.key, `account:${email}`));
    expect((await new FormBrowser(app).signIn(email, PASSWORD)).status).toBe(303);
  });

  it('a disabled user cannot sign in, and a role change or disabling ends the sessions they had', async () => {
    const email = await person();
    const browser = new FormBrowser(app);
    await browser.signIn(email, PASSWORD);
    await changeUser({ ctx: systemCtx(t), input: { email, role: 'reader' } });
    expect((await browser.request('/konto')).status).toBe(303);
    await browser.signIn(email, PASSWORD);
    expect(await (await browser.request('/konto')).text()).toContain('läsare');
    await changeUser({ ctx: systemCtx(t), input: { email, disabled: true } });
    expect((await browser.request('/konto')).status).toBe(303);
    const refused = await new FormBrowser(app).signIn(email, PASSWORD);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Kontot är avstängt');
  });

  it('sends the sign-in form\'s cookie only to the sign-in address, so public pages stay shared', async () => {
    const response = await app.fetch(new Request('http://localhost/logga-in'));
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^ortsband_csrf=[A-Za-z0-9_-]{43}; .*Path=\/logga-in/);
    expect(cookies[0]).toMatch(/SameSite=Strict/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

it('the English sign-in page speaks English', async () => {
  const html = await (await app.fetch(new Request('http://localhost/logga-in?lang=en'))).text();
  expect(html).toContain('<h1>Sign in</h1>');
  expect(html).toContain('E-mail address');
  const rows = await t.database.db.select().from(sessions).where(and(eq(sessions.userId, -1)));
  expect(rows).toEqual([]);
});

describe('personal access keys for the API', () => {
  const keyOf = (html: string) => /id="new-key"[^>]* value="(ortsband_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
  const api = (key: string) => app.fetch(new Request('http://localhost/api/agreements?pageSize=1', { headers: { authorization: `Bearer ${key}` } }));

  it('makes a key shown once, which the API takes until it is revoked', async () => {
    const email = await person();
    const browser = new FormBrowser(app);
    await browser.signIn(email, PASSWORD);
    const csrf = await browser.formToken('/konto');
    const created = await browser.post('/konto/nycklar', { csrf, name: 'Import från ärendesystemet', scope: 'read', days: '30' });
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const key = keyOf(await created.text())!;
    expect(key).toBeDefined();
    const account = await (await browser.request('/konto')).text();
    expect(account).toContain('Import från ärendesystemet');
    expect(account).not.toContain(key);
    const answer = await api(key);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-cache')).toBeNull(); // a key's answers are not shared
    const id = /action="\/konto\/nycklar\/(\d+)\/aterkalla"/.exec(account)![1]!;
    // Another person cannot revoke it: to them it is not there.
    const other = new FormBrowser(app);
    await other.signIn(await person(), PASSWORD);
    expect((await other.post(`/konto/nycklar/${id}/aterkalla`, { csrf: await other.formToken('/konto') })).status).toBe(404);
    expect((await api(key)).status).toBe(200);
    expect((await browser.post(`/konto/nycklar/${id}/aterkalla`, { csrf })).status).toBe(303);
    const refused = await api(key);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await refused.json()).error.message).toContain('revoked');
  });

  it('names every bad field of the form, keeps what was typed, and makes no key', async () => {
    const email = await person();
    const browser = new FormBrowser(app);
    await browser.signIn(email, PASSWORD);
    const answer = await browser.post('/konto/nycklar', { csrf: await browser.formToken('/konto'), name: '', scope: 'admin', days: '7' });
    expect(answer.status).toBe(400);
    const page = await answer.text();
    expectNamedEntry(page, 'key-name', 'Ge nyckeln ett namn');
    expectNamedEntry(page, 'key-scope', 'Välj läsa eller läsa och ändra.');
    expectNamedEntry(page, 'key-days', 'Välj 30, 90 eller 365 dagar.');
    expect(page).toContain('Du har inga giltiga nycklar.');
  });

  it('a key stops working when its user changes role or is disabled, and an unknown key is 401', async () => {
    const email = await person();
    const browser = new FormBrowser(app);
    await browser.signIn(email, PASSWORD);
    const key = keyOf(await (await browser.post('/konto/nycklar', { csrf: await browser.formToken('/konto'), name: 'k', scope: 'write', days: '90' })).text())!;
    expect((await api(key)).status).toBe(200);
    await changeUser({ ctx: systemCtx(t), input: { email, role: 'reader' } });
    expect((await api(key)).status).toBe(401);
    expect((await api(`ortsband_${'A'.repeat(43)}`)).status).toBe(401);
    expect((await app.fetch(new Request('http://localhost/api/agreements', { headers: { authorization: 'Basic abc' } }))).status).toBe(401);
  });
});
