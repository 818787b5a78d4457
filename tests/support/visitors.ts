// Visitors of the app as browsers send their requests: a session cookie and
// the form token of a signed-in person, or nobody; and the people a test
// needs, each made with their role in their organisation and signed in.
import { eq } from 'drizzle-orm';
import { users, type Role } from '../../src/db/schema.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { readSession, startSession } from '../../src/domain/accounts/sessions.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
import { systemCtx, uniqueSlug, type TestDatabase } from './database.ts';

type App = { fetch(request: Request): Response | Promise<Response> };

export class Visitor {
  constructor(
    readonly app: App,
    readonly cookie: string | null,
    readonly csrf: string,
  ) {}
  request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    return this.app.fetch(new Request(`http://localhost${path}`, { ...init, headers, redirect: 'manual' }));
  }
  post(path: string, fields: Record<string, string>) {
    return this.request(path, { method: 'POST', body: new URLSearchParams({ csrf: this.csrf, ...fields }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
  upload(path: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }) {
    const body = new FormData();
    body.set('csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    if (file) body.set('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    return this.request(path, { method: 'POST', body });
  }
}

/**
 * Each person of `people` made (an address of their own, which `emails`
 * gets) and signed in, and `anonymous`, who carries no session and a form
 * token that no session has.
 */
export async function signedInVisitors<P extends Record<string, { role: Role; organisation: string }>>(
  t: TestDatabase,
  app: App,
  people: P,
): Promise<{ visitors: Record<keyof P | 'anonymous', Visitor>; emails: Record<keyof P, string> }> {
  const visitors = {} as Record<keyof P | 'anonymous', Visitor>;
  const emails = {} as Record<keyof P, string>;
  for (const [who, person] of Object.entries(people) as Array<[keyof P & string, P[keyof P]]>) {
    emails[who] = `${uniqueSlug(who.toLowerCase())}@kommun.se`;
    await addUser({ ctx: systemCtx(t), input: { email: emails[who], displayName: `Person ${who}`, ...person } });
    const [user] = await t.database.db.select({ id: users.id, version: users.version }).from(users).where(eq(users.email, emails[who]));
    const { token } = await startSession(t.database.db, user!);
    visitors[who] = new Visitor(app, `${SESSION_COOKIE}=${token}`, (await readSession(t.database.db, token))!.csrfToken);
  }
  visitors.anonymous = new Visitor(app, null, 'x'.repeat(43));
  return { visitors, emails };
}
