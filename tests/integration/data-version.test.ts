// The data version is stamped on audit entries as their transaction commits
// (migration 0022): one new version per transaction, none for one rolled
// back, and versions in commit order, which is what the caches that re-read
// what changed after a version stand on (kept-register.ts).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { auditLog } from '../../src/db/schema.ts';
import { audit } from '../../src/domain/audit.ts';
import { inTransaction } from '../../src/domain/context.ts';
import { currentDataVersion } from '../../src/domain/data-version.ts';
import { readEnv } from '../../src/env.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

const entry = (entityId: number) => ({ action: 'test.change', entityType: 'test', entityId, organisationId: 1 });
const versionsOf = async (entityId: number) =>
  (await t.database.db.select({ version: auditLog.dataVersion }).from(auditLog).where(eq(auditLog.entityId, entityId))).map((r) => r.version);

describe('the data version', () => {
  it('moves by one for a transaction of several entries, which all carry the new version', async () => {
    const ctx = systemCtx(t);
    const before = await currentDataVersion(ctx);
    await inTransaction(ctx, async (tx) => {
      await audit(tx, entry(900_001));
      await audit(tx, entry(900_001));
      // Not yet: the version is stamped at commit (read inside: PGlite has one connection).
      const [inside] = await queryRows<{ v: number | null }>(tx.db, sql`select data_version as v from audit_log where entity_id = 900001 limit 1`);
      expect(inside!.v).toBeNull();
    });
    expect(await currentDataVersion(ctx)).toBe(before + 1);
    expect(await versionsOf(900_001)).toEqual([before + 1, before + 1]);
  });

  it('does not move for a transaction rolled back', async () => {
    const ctx = systemCtx(t);
    const before = await currentDataVersion(ctx);
    await expect(
      inTransaction(ctx, async (tx) => {
        await audit(tx, entry(900_002));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await currentDataVersion(ctx)).toBe(before);
    expect(await versionsOf(900_002)).toEqual([]);
  });

  it.skipIf(!readEnv().TEST_DATABASE_URL)('is in commit order: a transaction that wrote first and commits last gets the later version', async () => {
    const ctx = systemCtx(t);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const firstWrote = new Promise<void>((resolve) => (written = resolve));
    const first = inTransaction(ctx, async (tx) => {
      await audit(tx, entry(900_003));
      written();
      await held;
    });
    await firstWrote;
    // The second writes after the first and commits before it, without waiting for it.
    await inTransaction(ctx, (tx) => audit(tx, entry(900_004)));
    const [second] = await versionsOf(900_004);
    release();
    await first;
    const [late] = await versionsOf(900_003);
    expect(late).toBe(second! + 1);
    expect(await currentDataVersion(ctx)).toBe(late);
  });
});
