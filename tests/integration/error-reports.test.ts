// A reader reports an error (/om/fel): the form for one visitor, bad input
// named and nothing stored, a limit per sender, and the reports read by
// administrators only.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { errorReports } from '../../src/db/schema.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { REPORTS_PER_SENDER_PER_HOUR } from '../../src/domain/error-reports/report.ts';
import { FormBrowser } from '../support/form-browser.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const PASSWORD = 'a long passphrase';

beforeAll(async () => {
  t = await openTestDatabase();
  app = createApp(t.database, undefined, { oidc: undefined, mailer: undefined });
  await addUser({ ctx: systemCtx(t), input: { email: 'admin@reports.example', displayName: 'Admin', organisation: 'ortsband', role: 'admin', password: PASSWORD } });
  await addUser({ ctx: systemCtx(t), input: { email: 'reader@reports.example', displayName: 'Läsare', organisation: 'ortsband', role: 'reader', password: PASSWORD } });
}, 120_000);
afterAll(async () => t?.close());

const stored = async () => (await t.database.db.select({ n: count() }).from(errorReports))[0]!.n;

describe('reporting an error', () => {
  it('shows a form of its own, never cached, with the page it is about filled in; only an address on this site', async () => {
    const visitor = new FormBrowser(app);
    const { response, html } = await visitor.page('/om/fel?sida=/avtal/goteborg--shanghai');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.getSetCookie().join()).toContain('Path=/om/fel');
    expect(html).toContain('value="/avtal/goteborg--shanghai"');
    for (const elsewhere of ['//evil.example/x', '/\\evil.example', 'https://evil.example']) {
      expect(await (await visitor.page(`/om/fel?sida=${encodeURIComponent(elsewhere)}`)).html).not.toContain('evil.example');
    }
    expect(await (await app.request('/om')).text()).toContain('href="/om/fel"');
  });

  it('stores a report, keeping of the sender only a hash of their address, and thanks them', async () => {
    const visitor = new FormBrowser(app);
    const csrf = await visitor.formToken('/om/fel');
    const sent = await visitor.post('/om/fel', { csrf, page: '/avtal/goteborg--shanghai', message: 'Avtalet avslutades 2020 enligt KF-protokollet.', email: 'Anna@Kommun.se' });
    expect([sent.status, sent.headers.get('location')]).toEqual([303, '/om/fel?tack=1']);
    const [row] = await t.database.db.select().from(errorReports).where(eq(errorReports.page, '/avtal/goteborg--shanghai'));
    expect([row!.message, row!.email]).toEqual(['Avtalet avslutades 2020 enligt KF-protokollet.', 'Anna@Kommun.se']);
    expect(row!.senderHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await (await visitor.page('/om/fel?tack=1')).html).toContain('Tack!');
  });

  it('names each bad field, keeps what was typed, refuses a post without the token, and stores nothing', async () => {
    const visitor = new FormBrowser(app);
    const csrf = await visitor.formToken('/om/fel');
    const before = await stored();
    const bad = await visitor.post('/om/fel', { csrf, page: '//evil.example', message: '', email: 'inte en adress' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    for (const field of ['page', 'message', 'email']) expect(html, field).toContain(`href="#report-${field}"`);
    expect(html).toContain('value="inte en adress"');
    expect((await visitor.post('/om/fel', { csrf, message: 'x'.repeat(5001) })).status).toBe(400);
    expect((await visitor.post('/om/fel', { message: 'Utan token' })).status).toBe(403);
    expect((await new FormBrowser(app).post('/om/fel', { csrf, message: 'Med någon annans token' })).status).toBe(403);
    expect(await stored()).toBe(before);
  });

  it(`takes at most ${REPORTS_PER_SENDER_PER_HOUR} reports an hour from one sender, keeping what was typed`, async () => {
    const visitor = new FormBrowser(app);
    const csrf = await visitor.formToken('/om/fel');
    // The sender the earlier tests were (the same address) counts too.
    let statuses: number[] = [];
    for (let i = 0; i < REPORTS_PER_SENDER_PER_HOUR + 1; i++) statuses.push((await visitor.post('/om/fel', { csrf, message: `Rapport ${i}` })).status);
    statuses = [...new Set(statuses)];
    expect(statuses).toContain(429);
    expect(await stored()).toBe(REPORTS_PER_SENDER_PER_HOUR);
    const refused = await visitor.post('/om/fel', { csrf, message: 'En till' });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('En till');
  });

  it('shows the reports to administrators only', async () => {
    const admin = new FormBrowser(app);
    expect((await admin.signIn('admin@reports.example', PASSWORD)).status).toBe(303);
    const page = await admin.page('/admin/felrapporter');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Avtalet avslutades 2020 enligt KF-protokollet.');
    expect(page.html).toContain('<a href="/avtal/goteborg--shanghai">/avtal/goteborg--shanghai</a>');
    const reader = new FormBrowser(app);
    expect((await reader.signIn('reader@reports.example', PASSWORD)).status).toBe(303);
    expect((await reader.page('/admin/felrapporter')).status).toBe(403);
    expect((await new FormBrowser(app).page('/admin/felrapporter')).status).toBe(303);
  });
});
