// Two `ortsband serve` processes on one PostgreSQL database behave as one:
// they start together on an empty database (one migrates and loads the
// shipped data, the other waits for it), a session begun on one works on the
// other and a sign-out on either ends it on both, and a change saved through
// one is what the other serves on its next request, its response cache
// included. Real processes, a real server; PostgreSQL only (a PGlite folder
// has one process, tests/integration/pglite-lock.test.ts).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { createApiToken } from '../../src/domain/accounts/api-tokens.ts';
import { users } from '../../src/db/schema.ts';
import { readEnv } from '../../src/env.ts';
import { createScratchDatabase } from '../support/database.ts';
import { start, type Running } from '../support/two-processes.ts';

const serverUrl = readEnv().TEST_DATABASE_URL;
const PASSWORD = 'two servers, one register';

describe.skipIf(!serverUrl)('two servers on one PostgreSQL database', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let database: Database;
  const servers: Array<{ process: Running; origin: string }> = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!);
    // Both at once, on the empty database.
    const ports = [0, 1].map(() => 20_000 + Math.floor(Math.random() * 20_000));
    const processes = ports.map((port) => start(['serve'], { DATABASE_URL: scratch.url, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: '' }));
    await Promise.all(processes.map((p) => p.printed('Ortsband is at')));
    processes.forEach((process, i) => servers.push({ process, origin: `http://127.0.0.1:${ports[i]}` }));
    database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 2 });
    await addUser({ ctx: { db: database.db, principal: { kind: 'system', label: 'test', organisationId: 0 } }, input: { email: 'twice@kommun.se', displayName: 'Two Servers', organisation: 'ortsband', role: 'editor', password: PASSWORD } });
  }, 180_000);

  afterAll(async () => {
    for (const { process } of servers) process.child.kill('SIGTERM');
    await Promise.all(servers.map(({ process }) => process.exited));
    await database?.close();
    await scratch?.drop();
  });

  const get = (server: number, path: string, cookie?: string) =>
    fetch(`${servers[server]!.origin}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

  it('loaded the shipped data once, though both started on the empty database', async () => {
    const [row] = await queryRows<{ seeds: number; agreements: number }>(
      database.db,
      sql`select (select count(*)::int from audit_log where action = 'agreement.create' and actor_label = 'seed') as seeds, (select count(*)::int from agreements) as agreements`,
    );
    expect(row!.seeds).toBe(row!.agreements);
    expect(row!.agreements).toBeGreaterThan(50);
  });

  it('shares sessions: signed in on one, known on the other; signed out on the other, ended on both', async () => {
    const form = await get(0, '/logga-in');
    const csrfCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const signedIn = await fetch(`${servers[0]!.origin}/logga-in`, {
      method: 'POST',
      headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded', origin: servers[0]!.origin },
      body: new URLSearchParams({ csrf, email: 'twice@kommun.se', password: PASSWORD }),
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('ortsband_session='))!.split(';')[0]!;
    for (const server of [0, 1]) expect((await get(server, '/konto', session)).status).toBe(200);

    const account = await (await get(1, '/konto', session)).text();
    const token = /name="csrf" value="([^"]+)"/.exec(account)![1]!;
    const out = await fetch(`${servers[1]!.origin}/logga-ut`, {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded', origin: servers[1]!.origin },
      body: new URLSearchParams({ csrf: token }),
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    for (const server of [0, 1]) expect((await get(server, '/konto', session)).status).toBe(303);
  });

  it('serves from either a change saved through the other, its cached answers included', async () => {
    const [user] = await database.db.select().from(users).where(eq(users.email, 'twice@kommun.se'));
    const key = (await createApiToken(database.db, { userId: user!.id }, { name: 'two servers', scope: 'write', days: 30 })).token;
    const slug = 'goteborg--shanghai';
    // Each server reads the agreement twice: the second answer comes from its response cache.
    for (const server of [0, 1]) for (let i = 0; i < 2; i++) expect((await (await get(server, `/api/agreements/${slug}`)).json()).agreement.currentStatus).not.toBe('paused');
    const saved = await fetch(`${servers[0]!.origin}/api/agreements/${slug}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'paused', date: '2026-11-30', side: 'swedish', mode: 'decision', decidingBody: 'kommunstyrelsen' }),
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
    for (const server of [1, 0]) {
      expect((await (await get(server, `/api/agreements/${slug}`)).json()).agreement.currentStatus, `server ${server}`).toBe('paused');
      expect(await (await get(server, `/avtal/${slug}`)).text()).toMatch(/[Pp]ausat/);
    }
  });
});
