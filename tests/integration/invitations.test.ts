// An administrator invites a person by e-mail address; the mail goes through
// a real SMTP server (smtp-server) started here; the person accepts the
// one-time link with a name and a password and is signed in.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { invitations, users } from '../../src/db/schema.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { openInvitationOf } from '../../src/domain/accounts/invitations.ts';
import { createMailer } from '../../src/mail/mailer.ts';
import { startSmtp, type Inbox } from '../support/smtp.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';
import { FormBrowser } from '../support/form-browser.ts';
import { expectNamedEntry } from '../support/form-browser.ts';

let t: TestDatabase;
let smtp: Inbox;
let withMail: ReturnType<typeof createApp>;
let withoutMail: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestDatabase();
  smtp = await startSmtp();
  withMail = createApp(t.database, undefined, { mailer: createMailer({ url: smtp.url, from: 'Ortsband <noreply@ortsband.test>' }) });
  withoutMail = createApp(t.database, undefined, {});
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});


async function signedIn(app: ReturnType<typeof createApp>, role: 'admin' | 'editor') {
  const email = `${uniqueSlug(role)}@ortsband.test`;
  await addUser({ ctx: systemCtx(t), input: { email, displayName: `The ${role}`, organisation: 'ortsband', role, password: 'a long passphrase' } });
  const browser = new FormBrowser(app);
  const answer = await browser.post('/logga-in', { csrf: await browser.formToken('/logga-in'), email, password: 'a long passphrase' });
  expect(answer.status).toBe(303);
  return browser;
}

describe('invitations', () => {
  it('mails a one-time link that makes the account and signs the person in', async () => {
    const admin = await signedIn(withMail, 'admin');
    const invitee = `${uniqueSlug('new')}@kommun.se`;
    const sent = await admin.post('/admin/anvandare', { csrf: await admin.formToken('/admin/anvandare'), email: invitee.toUpperCase(), organisation: 'ortsband', role: 'editor' });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain(`Inbjudan skickad till ${invitee}.`);
    const mail = smtp.mails.find((m) => m.to.includes(invitee))!;
    expect(mail.raw).toContain('Subject: Inbjudan till Ortsband / Invitation to Ortsband');
    const link = /http:\/\/localhost\/inbjudan\/[A-Za-z0-9_-]{43}/.exec(mail.raw.replace(/=\r?\n/g, ''))![0];
    // Only its hash is kept.
    const [row] = await t.database.db.select({ tokenHash: invitations.tokenHash }).from(invitations).where(eq(invitations.email, invitee));
    expect(row!.tokenHash).not.toContain(link.split('/').pop());

    const person = new FormBrowser(withMail);
    const form = await (await person.request(link)).text();
    expect(form).toContain(`Du är inbjuden som redaktör för Ortsband (redaktionen), med adressen ${invitee}.`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(form)![1]!;
    const short = await person.post(link, { csrf, displayName: 'Nils Nilsson', password: 'short' });
    expect(short.status).toBe(400);
    const page = await short.text();
    expect(page).toContain('<a href="#accept-password">');
    expect(page).toContain('value="Nils Nilsson"');
    const accepted = await person.post(link, { csrf, displayName: 'Nils Nilsson', password: 'a long passphrase too' });
    expect([accepted.status, accepted.headers.get('location')]).toEqual([303, '/konto']);
    expect(await (await person.request('/konto')).text()).toContain('Nils Nilsson');
    const [user] = await t.database.db.select().from(users).where(eq(users.email, invitee));
    expect(user!.role).toBe('editor');
    // The link works once.
    const again = await new FormBrowser(withMail).request(link);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('Länken gäller inte');
  });

  it('shows the link to pass on when no mail server is configured', async () => {
    const admin = await signedIn(withoutMail, 'admin');
    const invitee = `${uniqueSlug('nomail')}@kommun.se`;
    const page = await (await admin.post('/admin/anvandare', { csrf: await admin.formToken('/admin/anvandare'), email: invitee, organisation: 'ortsband', role: 'reader' })).text();
    expect(page).toContain('Ingen e-postserver är inställd (SMTP_URL)');
    expect(page).toMatch(/id="invitation-link"[^>]* value="http:\/\/localhost\/inbjudan\/[A-Za-z0-9_-]{43}"/);
    expect(smtp.mails.some((m) => m.to.includes(invitee))).toBe(false);
  });

  it('names the problem when the address has an account or the input is wrong, and invites nobody', async () => {
    const admin = await signedIn(withMail, 'admin');
    const count = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(invitations))[0]!.n;
    const before = await count();
    const taken = await admin.post('/admin/anvandare', { csrf: await admin.formToken('/admin/anvandare'), email: 'anyone@kommun.se', organisation: 'no-such-org', role: 'boss' });
    expect(taken.status).toBe(400);
    const page = await taken.text();
    expect(page).toContain('href="#invite-role"');
    const existing = `${uniqueSlug('has')}@kommun.se`;
    await addUser({ ctx: systemCtx(t), input: { email: existing, displayName: 'Has one', organisation: 'ortsband', role: 'reader' } });
    const conflict = await admin.post('/admin/anvandare', { csrf: await admin.formToken('/admin/anvandare'), email: existing, organisation: 'ortsband', role: 'reader' });
    expect(conflict.status).toBe(409);
    expectNamedEntry(await conflict.text(), 'invite-email', `${existing} has an account already`);
    expect(await count()).toBe(before);
  });

  it('changes a role and disables from the page, and refuses a change decided on an older version', async () => {
    const admin = await signedIn(withMail, 'admin');
    const email = `${uniqueSlug('member')}@kommun.se`;
    await addUser({ ctx: systemCtx(t), input: { email, displayName: 'Member', organisation: 'ortsband', role: 'reader' } });
    const [{ version }] = (await t.database.db.select({ version: users.version }).from(users).where(eq(users.email, email))) as [{ version: number }];
    const csrf = await admin.formToken('/admin/anvandare');
    const changed = await admin.post('/admin/anvandare/andra', { csrf, email, version: String(version), action: 'role', role: 'editor' });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain(`Ändrat: ${email}: redaktör.`);
    // A second admin's form, opened before that change, is refused and says what the user is now.
    const stale = await admin.post('/admin/anvandare/andra', { csrf, email, version: String(version), action: 'disable' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('was changed by someone else meanwhile (now editor)');
    const disabled = await admin.post('/admin/anvandare/andra', { csrf, email, version: String(version + 1), action: 'disable' });
    expect(await disabled.text()).toContain(`Ändrat: ${email}: redaktör, avstängd.`);
    const [row] = await t.database.db.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email));
    expect(row!.role).toBe('editor');
    expect(row!.disabledAt).not.toBeNull();
  });

  it('is refused to anyone but an administrator, and invites nobody for them', async () => {
    const editor = await signedIn(withMail, 'editor');
    expect((await editor.request('/admin/anvandare')).status).toBe(403);
    const anonymous = await new FormBrowser(withMail).request('/admin/anvandare');
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/logga-in?tillbaka=%2Fadmin%2Fanvandare']);
    const forged = await editor.post('/admin/anvandare', { csrf: await editor.formToken('/konto'), email: 'x@kommun.se', organisation: 'ortsband', role: 'admin' });
    expect(forged.status).toBe(403);
    expect(await openInvitationOf(t.database.db, 'x@kommun.se')).toBeFalsy();
  });
});
