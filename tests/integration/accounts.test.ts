// Organisations and users: the verbs on a real database, and the command
// line as an operator runs it (the first administrator of an installation).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../src/db/schema.ts';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { changeUser } from '../../src/domain/accounts/change-user.ts';
import { listOrganisations } from '../../src/domain/accounts/list-organisations.ts';
import { listUsers } from '../../src/domain/accounts/list-users.ts';
import { verifyPassword } from '../../src/domain/accounts/passwords.ts';
import type { Context } from '../../src/domain/context.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { cliEnv, ORTSBAND_BIN, ortsband } from '../support/cli.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let ctx: Context;
beforeAll(async () => {
  t = await openTestDatabase();
  ctx = systemCtx(t);
});
afterAll(async () => t?.close());

const problemsOf = async (work: Promise<unknown>) => {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};
const email = () => `${uniqueSlug('person')}@kommun.se`;

describe('organisations and users', () => {
  it('adds an organisation for a Swedish body found by its SCB code, once', async () => {
    const slug = uniqueSlug('org');
    const org = await addOrganisation({ ctx, input: { slug, name: 'Linköpings kommun', actor: '0580' } });
    expect(org.actorId).not.toBeNull();
    const again = await problemsOf(addOrganisation({ ctx, input: { slug: uniqueSlug('org'), name: 'Linköping igen', actor: 'linkoping' } }));
    expect(again.code === 'CONFLICT' || again.code === 'VALIDATION').toBe(true);
    const unknown = await problemsOf(addOrganisation({ ctx, input: { slug: uniqueSlug('org'), name: 'X', actor: '9999' } }));
    expect(unknown.problems).toEqual([{ field: 'actor', message: expect.stringContaining("no Swedish body '9999'") }]);
    expect((await listOrganisations({ ctx })).map((o) => o.slug)).toContain(slug);
  });

  it('keeps an address in lower case, hashes the password with argon2id, and never shows the hash', async () => {
    const address = email();
    const user = await addUser({ ctx, input: { email: `  ${address.toUpperCase()} `, displayName: 'Anna', organisation: 'ortsband', role: 'editor', password: 'a long passphrase' } });
    expect(user.email).toBe(address);
    expect(user).not.toHaveProperty('passwordHash');
    const [row] = await t.database.db.select().from(users).where(eq(users.email, address));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash!, 'a long passphrase')).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, 'a long passphrasE')).toBe(false);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, row!.id), eq(auditLog.entityType, 'user')));
    expect(JSON.stringify(entry)).not.toContain('$argon2id');
  });

  it('names every bad field and stores nothing', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    const error = await problemsOf(addUser({ ctx, input: { email: 'not an address', displayName: '', organisation: 'ortsband', role: 'boss' as never, password: 'short' } }));
    expect(error.problems.map((p) => p.field).sort()).toEqual(['displayName', 'email', 'password', 'role']);
    const missingOrg = await problemsOf(addUser({ ctx, input: { email: email(), displayName: 'B', organisation: 'no-such-org', role: 'reader' } }));
    expect(missingOrg.problems[0]!.field).toBe('organisation');
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after).toEqual(before);
  });

  it('an address is one user: adding it twice is a conflict', async () => {
    const address = email();
    await addUser({ ctx, input: { email: address, displayName: 'C', organisation: 'ortsband', role: 'reader' } });
    expect((await problemsOf(addUser({ ctx, input: { email: address, displayName: 'C', organisation: 'ortsband', role: 'reader' } }))).code).toBe('CONFLICT');
  });

  it('changes a role, disables and enables, each with a new version and an audit entry', async () => {
    const address = email();
    const added = await addUser({ ctx, input: { email: address, displayName: 'D', organisation: 'ortsband', role: 'reader' } });
    const promoted = await changeUser({ ctx, input: { email: address, role: 'coordinator' } });
    expect([promoted.role, promoted.version]).toEqual(['coordinator', added.version + 1]);
    const disabled = await changeUser({ ctx, input: { email: address, disabled: true } });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    const enabled = await changeUser({ ctx, input: { email: address, disabled: false } });
    expect(enabled.disabledAt).toBeNull();
    const actions = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, added.id), eq(auditLog.entityType, 'user'))).orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(['user.add', 'user.role', 'user.disable', 'user.enable']);
    expect((await listUsers({ ctx, organisation: 'ortsband' })).find((u) => u.email === address)).toMatchObject({ role: 'coordinator', disabledAt: null });
  });

  it('only an administrator manages users and organisations', async () => {
    const { id } = (await listOrganisations({ ctx })).find((o) => o.slug === 'ortsband')!;
    for (const role of ['reader', 'editor', 'coordinator'] as const) {
      const as: Context = { db: t.database.db, principal: { kind: 'user', subject: 'someone', organisationId: id, role } };
      expect((await problemsOf(addUser({ ctx: as, input: { email: email(), displayName: 'E', organisation: 'ortsband', role: 'admin' } }))).code).toBe('FORBIDDEN');
      expect((await problemsOf(listUsers({ ctx: as }))).code).toBe('FORBIDDEN');
    }
    const admin: Context = { db: t.database.db, principal: { kind: 'user', subject: 'admin', organisationId: id, role: 'admin' } };
    expect((await listUsers({ ctx: admin })).length).toBeGreaterThan(0);
  });

  it('the database itself refuses a role the code does not know and an address not in lower case', async () => {
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    await expect(t.database.db.insert(users).values({ organisationId: org!.id, email: email(), displayName: 'F', role: 'owner' as never })).rejects.toThrow();
    await expect(t.database.db.insert(users).values({ organisationId: org!.id, email: 'Upper@Case.se', displayName: 'F' })).rejects.toThrow();
  });
});

describe('the command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ortsband-accounts-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  /** Runs ortsband with `input` on its standard input (a pipe, as a script gives a password). */
  const withInput = (input: string, ...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(ORTSBAND_BIN, args, { env: cliEnv() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(input);
    });

  it('makes the first administrator of a new installation, with the shipped register loaded', { timeout: 300_000 }, async () => {
    const folder = path.join(dir, 'new');
    const org = await ortsband('--database', folder, 'org', 'add', '--slug', 'region-skane', '--name', 'Region Skåne', '--actor', 'region-skane');
    expect(org.code, org.stderr).toBe(0);
    const added = await withInput('a long passphrase\n', '--database', folder, 'user', 'add', '--email', 'Admin@Example.se', '--name', 'Första admin', '--org', 'ortsband', '--role', 'admin', '--password');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('added admin@example.se as admin, with a local password');
    const listed = await ortsband('--database', folder, 'user', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ email: 'admin@example.se', organisation: 'ortsband', role: 'admin', localPassword: true, disabledAt: null })]);
    // The organisation made first did not stop the shipped register from loading.
    const stats = await ortsband('--database', folder, 'stats', '--json');
    expect(JSON.parse(stats.stdout).inForce.length).toBeGreaterThan(30);
    const bad = await ortsband('--database', folder, 'user', 'add', '--email', 'x', '--name', 'X', '--org', 'ortsband', '--role', 'boss');
    expect([bad.code, bad.stderr.trim()]).toEqual([3, 'ortsband: email: must be an e-mail address, e.g. namn@kommun.se; role: must be one of reader, editor, coordinator, admin']);

    // Region Skåne's agreements, kept by the editorial organisation, handed over: first as a dry run, then all at once.
    const dry = await ortsband('--database', folder, 'org', 'hand-over', '--to', 'region-skane', '--parties', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    const listedDry = dry.stdout.trim().split('\n').slice(0, -1);
    expect(listedDry.length).toBeGreaterThan(0);
    for (const line of listedDry) expect(line).toMatch(/^[a-z0-9-]+\tortsband -> region-skane$/);
    expect(dry.stdout).toContain(`would hand over ${listedDry.length} agreement`);
    // A name that is no agreement refuses them all.
    const refused = await ortsband('--database', folder, 'org', 'hand-over', '--to', 'region-skane', '--parties', '--agreement', 'no-such-agreement');
    expect([refused.code, refused.stderr.trim()]).toEqual([3, 'agreements.no-such-agreement: no such agreement\nortsband: nothing was handed over']);
    const done = await ortsband('--database', folder, 'org', 'hand-over', '--to', 'region-skane', '--parties', '--comment', 'Regionen har anslutit sig');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout.trim().split('\n').slice(0, -1)).toEqual(listedDry);
    // Nothing is left to hand over.
    const again = await ortsband('--database', folder, 'org', 'hand-over', '--to', 'region-skane', '--parties');
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('agreements: name the agreements to hand over');
  });
});
