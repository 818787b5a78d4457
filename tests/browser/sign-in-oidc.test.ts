// Signing in through a real OpenID Connect provider started by the test
// (oidc-provider), in Chromium: a known address gets in, an unknown one is
// told whom to ask.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchChromium, SHOTS } from '../support/browser.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApp } from '../../src/app.ts';
import { users } from '../../src/db/schema.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { inviteUser } from '../../src/domain/accounts/invitations.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { startIdentityProvider, type IdentityProvider } from '../support/identity-provider.ts';

let t: TestDatabase;
let server: Server;
let idp: IdentityProvider;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await openTestDatabase();
  await addUser({ ctx: systemCtx(t), input: { email: 'karin@kronoberg.se', displayName: 'Karin Karlsson', organisation: 'ortsband', role: 'coordinator' } });
  // The app's address must be known before the provider registers it as the client's redirect.
  let listener: ReturnType<typeof getRequestListener> = async (_req, res) => void res.end();
  server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp = await startIdentityProvider(`${base}/logga-in/oidc/svar`, 'kronoberg.se');
  const app = createApp(t.database, undefined, { oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, emailClaim: 'email', label: 'Logga in med Kronobergs inloggning', allowHttp: true } });
  listener = getRequestListener(app.fetch);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

/** Goes through the provider's development login and consent screens as `login`. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto(`${base}/logga-in`);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Logga in med Kronobergs inloggning' }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'anything');
  await page.click('button[type=submit]');
  // The consent screen, when the provider shows one.
  if (page.url().startsWith(idp.issuer)) await page.click('button[type=submit]');
  await page.waitForURL((url) => url.href.startsWith(base));
}

it('signs a known address in through the provider, with PKCE, and binds its subject', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAtProvider(page, 'karin');
  expect(page.url()).toBe(`${base}/konto`);
  expect(await page.locator('dl.facts').innerText()).toContain('samordnare');
  await page.screenshot({ path: `${SHOTS}/oidc-account.png`, fullPage: true });
  const [row] = await t.database.db.select({ subject: users.subject }).from(users).where(eq(users.email, 'karin@kronoberg.se'));
  expect(row!.subject).toBe('karin');
  await context.close();
});

it('tells a person without an account whom to ask, and starts no session', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAtProvider(page, 'okand');
  expect(await page.locator('h1').innerText()).toBe('Inloggningen gick inte igenom');
  expect(await page.locator('main p').first().innerText()).toContain('okand@kronoberg.se har inget konto i Ortsband. Be en administratör i din organisation');
  await page.screenshot({ path: `${SHOTS}/oidc-unknown.png`, fullPage: true });
  await expectAccessible(page);
  expect((await context.cookies()).some((c) => c.name === 'ortsband_session')).toBe(false);
  await context.close();
});

it('accepts an open invitation of the address by signing in through the provider', async () => {
  await inviteUser({ ctx: systemCtx(t), input: { email: 'ny@kronoberg.se', organisation: 'ortsband', role: 'reader' } });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAtProvider(page, 'ny');
  expect(page.url()).toBe(`${base}/konto`);
  expect(await page.locator('dl.facts').innerText()).toContain('läsare');
  const [row] = await t.database.db.select({ subject: users.subject }).from(users).where(eq(users.email, 'ny@kronoberg.se'));
  expect(row!.subject).toBe('ny');
  await context.close();
});

it('refuses an answer from the provider that this browser did not ask for', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`${base}/logga-in/oidc/svar?code=forged&state=forged`);
  expect(response!.status()).toBe(403);
  expect(await page.locator('main p').first().innerText()).toContain('Börja om');
  await context.close();
});
