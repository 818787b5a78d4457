// The authorisation matrix: every route and method the router has, for six
// kinds of visitor, against the table in src/http/route-access.ts. The
// routes come from the router itself, so a new route is checked (and fails
// until the table says who may use it).
//
// A visitor is refused when the answer is 401, 403, or (a page) a redirect
// to the sign-in page that says where to come back to; anything else
// (200, a redirect elsewhere, 400 for the empty form sent, 404 for a sample
// record that is not there) means the route let them through to its work.
// Pages get a session cookie and the form's token; the API a write key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { organisations, users } from '../../src/db/schema.ts';
import { addNetworkMeeting, createNetwork } from '../../src/domain/coordination/networks.ts';
import { attachMeetingDocument } from '../../src/domain/documents/attach.ts';
import { organisationIdOf } from '../../src/domain/accounts/list-organisations.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { createApiToken } from '../../src/domain/accounts/api-tokens.ts';
import { readSession, startSession } from '../../src/domain/accounts/sessions.ts';
import type { Role } from '../../src/db/schema.ts';
import { ROUTE_ACCESS, type RouteAccess } from '../../src/http/route-access.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { methodRoutesOf, sampleUrls } from '../support/routes.ts';
import { eq } from 'drizzle-orm';

const VISITORS = ['anonymous', 'reader', 'editor', 'otherEditor', 'coordinator', 'admin'] as const;
type Visitor = (typeof VISITORS)[number];

/** Who each rule lets through. The shipped records the sample paths name belong to the editorial organisation, the editor's. */
const ALLOWED: Record<RouteAccess, Visitor[]> = {
  everyone: [...VISITORS],
  signedIn: ['reader', 'editor', 'otherEditor', 'coordinator', 'admin'],
  editor: ['editor', 'otherEditor', 'admin'],
  owner: ['editor', 'admin'],
  coordinator: ['coordinator', 'admin'],
  admin: ['admin'],
  keeperAdmin: [],
};

// Roles and organisations: the editorial organisation owns the shipped data;
// the administrator belongs to the other one (an administrator's rights do
// not come from their organisation).
const PEOPLE: Record<Exclude<Visitor, 'anonymous'>, { role: Role; organisation: string }> = {
  reader: { role: 'reader', organisation: 'ortsband' },
  editor: { role: 'editor', organisation: 'ortsband' },
  otherEditor: { role: 'editor', organisation: 'matrix-other' },
  coordinator: { role: 'coordinator', organisation: 'ortsband' },
  admin: { role: 'admin', organisation: 'matrix-other' },
};

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const userIds = new Map<Visitor, { id: number; version: number }>();

beforeAll(async () => {
  t = await openTestDatabase();
  // No identity provider and no mail server: the routes of a plain installation.
  app = createApp(t.database, undefined, { oidc: undefined, mailer: undefined });
  await addOrganisation({ ctx: systemCtx(t), input: { slug: 'matrix-other', name: 'Another body' } });
  for (const [visitor, person] of Object.entries(PEOPLE)) {
    const email = `${visitor.toLowerCase()}@matrix.example`;
    await addUser({ ctx: systemCtx(t), input: { email, displayName: visitor, ...person } });
    const [row] = await t.database.db.select({ id: users.id, version: users.version }).from(users).where(eq(users.email, email));
    userIds.set(visitor as Visitor, row!);
  }
}, 120_000);
afterAll(async () => t?.close());

/** One request as the visitor: a fresh session or key each time, so that signing out or revoking in one request does not change the next. */
async function requestAs(visitor: Visitor, method: string, url: string): Promise<Response> {
  const headers = new Headers();
  const api = url.startsWith('/api/');
  let body: string | undefined;
  const user = userIds.get(visitor);
  if (api) {
    if (user) headers.set('authorization', `Bearer ${(await createApiToken(t.database.db, { userId: user.id }, { name: 'matrix', scope: 'write', days: 30 })).token}`);
    if (method !== 'GET') {
      headers.set('content-type', 'application/json');
      body = '{}';
    }
  } else {
    let csrf = 'M'.repeat(43);
    if (user) {
      const { token } = await startSession(t.database.db, user);
      csrf = (await readSession(t.database.db, token))!.csrfToken;
      headers.set('cookie', `${SESSION_COOKIE}=${token}`);
    } else headers.set('cookie', `ortsband_csrf=${csrf}`);
    if (method !== 'GET') {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams({ csrf }).toString();
    }
  }
  return app.fetch(new Request(`http://localhost${url}`, { method, headers, body, redirect: 'manual' }));
}

const refused = (response: Response) =>
  response.status === 401 || response.status === 403 || (response.status >= 300 && response.status < 400 && /^\/logga-in\?(.*&)?tillbaka=/.test(response.headers.get('location') ?? ''));

describe('the authorisation matrix', () => {
  it('has a row in the route access table for every route the router has, and no other', () => {
    const routes = methodRoutesOf(app).map((r) => `${r.method} ${r.path}`);
    expect(routes.filter((route) => !(route in ROUTE_ACCESS)), 'routes missing from src/http/route-access.ts').toEqual([]);
    // Rows for routes that only an identity provider's configuration registers are checked by the sign-in tests with one.
    const configured = Object.entries(ROUTE_ACCESS).filter(([, rule]) => !rule.when).map(([route]) => route);
    expect(configured.filter((route) => !routes.includes(route)), 'rows for routes the router does not have').toEqual([]);
  });

  it('lets through exactly the visitors the table names, on every route and method', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const { method, path } of methodRoutesOf(app)) {
      const rule = ROUTE_ACCESS[`${method} ${path}`];
      if (!rule) continue;
      const url = sampleUrls(path)[0]!;
      for (const visitor of VISITORS) {
        const response = await requestAs(visitor, method, url);
        await response.arrayBuffer();
        const allowed = ALLOWED[rule.access].includes(visitor);
        checked++;
        if (response.status >= 500) wrong.push(`${method} ${url} as ${visitor}: ${response.status}`);
        else if (allowed === refused(response)) wrong.push(`${method} ${url} as ${visitor}: ${response.status} ${response.headers.get('location') ?? ''} (the table says ${rule.access})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(6 * 40);
  }, 300_000);
  // The table says signedIn for a network's writes: who keeps a network is the verb's to decide, on a real one.
  it("lets only a network's keepers (its convener's coordinators, administrators) change, end and reopen it, by page and by API", async () => {
    const [convener] = await t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, PEOPLE.coordinator.organisation));
    const { id } = await createNetwork({ ctx: { db: t.database.db, principal: { kind: 'system', label: 'matrix', organisationId: convener!.id } }, input: { name: 'Matrisens nätverk', kind: 'other', visibility: 'shared' } });
    const keepers: Visitor[] = ['coordinator', 'admin'];
    const wrong: string[] = [];
    for (const [method, url] of [
      ['POST', `/natverk/${id}/andra`],
      ['POST', `/natverk/${id}/avsluta`],
      ['POST', `/natverk/${id}/ateroppna`],
      ['PATCH', `/api/networks/${id}`],
      ['POST', `/api/networks/${id}/end`],
      ['POST', `/api/networks/${id}/reopen`],
      ['POST', `/api/networks/${id}/members`],
      ['DELETE', `/api/networks/${id}/members`],
      ['POST', `/api/networks/${id}/meetings`],
    ] as const) {
      for (const visitor of VISITORS) {
        const response = await requestAs(visitor, method, url);
        await response.arrayBuffer();
        // A keeper's empty form or body is refused for its fields (400); anyone else never gets that far.
        const expected = keepers.includes(visitor) ? [400] : visitor === 'anonymous' ? [303, 401] : [403];
        if (!expected.includes(response.status)) wrong.push(`${method} ${url} as ${visitor}: ${response.status}, not ${expected.join(' or ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  // The table says signedIn for a meeting's documents: the verbs decide, on a real network (the convener's people are its members).
  it("lets a network's members who write add a meeting's document, its members download it, by page and by API; nobody else", async () => {
    const convener = await organisationIdOf(t.database.db, PEOPLE.coordinator.organisation);
    const ctx = { db: t.database.db, principal: { kind: 'system' as const, label: 'matrix', organisationId: convener } };
    const { id } = await createNetwork({ ctx, input: { name: 'Matrisens dokumentnätverk', kind: 'other', visibility: 'shared' } });
    const meeting = await addNetworkMeeting({ ctx, networkId: id, input: { heldOn: '2027' } });
    const document = await attachMeetingDocument({ ctx, networkId: id, meetingId: meeting.id, input: { file: { name: 'matris.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n') } } });
    const writers: Visitor[] = ['editor', 'coordinator'];
    const members: Visitor[] = ['reader', 'editor', 'coordinator'];
    const wrong: string[] = [];
    const check = (what: string, status: number, expected: number[]) => {
      if (!expected.includes(status)) wrong.push(`${what}: ${status}, not ${expected.join(' or ')}`);
    };
    const documents = `/api/networks/${id}/meetings/${meeting.id}/documents`;
    for (const visitor of VISITORS) {
      // The page's form without a file, the API's without one (multipart): a writer is told to choose a file.
      const page = await requestAs(visitor, 'POST', `/natverk/${id}/moten/${meeting.id}/dokument`);
      await page.arrayBuffer();
      check(`the page's upload as ${visitor}`, page.status, writers.includes(visitor) ? [400] : visitor === 'anonymous' ? [303, 401] : [403]);
      const user = userIds.get(visitor);
      const headers = user ? { authorization: `Bearer ${(await createApiToken(t.database.db, { userId: user.id }, { name: 'matrix', scope: 'write', days: 30 })).token}` } : undefined;
      const upload = await app.fetch(new Request(`http://localhost${documents}`, { method: 'POST', headers, body: new FormData() }));
      await upload.arrayBuffer();
      check(`the API's upload as ${visitor}`, upload.status, writers.includes(visitor) ? [400] : visitor === 'anonymous' ? [401] : [403]);
      // Removing a document that is not there: who may remove is told so; who may not, refused.
      const removal = await requestAs(visitor, 'DELETE', `${documents}/999999`);
      await removal.arrayBuffer();
      check(`the API's removal as ${visitor}`, removal.status, writers.includes(visitor) ? [404] : visitor === 'anonymous' ? [401] : [403]);
      // The download: members only; to anyone else it is not there, and the public is asked for a key.
      for (const url of [`/dokument/${document.id}`, `${documents}/${document.id}`]) {
        const download = await requestAs(visitor, 'GET', url);
        await download.arrayBuffer();
        check(`${url} as ${visitor}`, download.status, members.includes(visitor) ? [200] : visitor === 'anonymous' && url.startsWith('/api/') ? [401] : [404]);
      }
    }
    expect(wrong).toEqual([]);
  });
});
