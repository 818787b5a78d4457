// No lost update: 20 editors of one organisation save the same agreement at
// once, over and over, each with the version they last read. Every save is
// either kept (its comment in the history, the version moved by one) or
// refused as a conflict, and the counts add up: saves kept + conflicts =
// attempts, the version moved by exactly the saves kept, the history holds
// each kept save once, and the agreement holds the last kept save's title.
// On PostgreSQL the saves run on several connections at once; on PGlite one
// after another through its one connection, interleaved by the awaits.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, auditLog } from '../../src/db/schema.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { changeAgreement } from '../../src/domain/agreements/change.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { Context } from '../../src/domain/context.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { agreementHistory } from '../../src/domain/history/agreement-history.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

const EDITORS = 20;
const ATTEMPTS_EACH = 10;

let t: TestDatabase;
let organisationId: number;
beforeAll(async () => {
  t = await openTestDatabase();
  organisationId = (await addOrganisation({ ctx: systemCtx(t), input: { slug: uniqueSlug('lost-update'), name: 'Kommunen' } })).id;
});
afterAll(async () => t?.close());

const editor = (n: number): Context => ({ db: t.database.db, principal: { kind: 'user', subject: `editor-${n}@kommun.se`, organisationId, role: 'editor' } });
const versionOf = async (slug: string) => (await t.database.db.select({ version: agreements.version }).from(agreements).where(eq(agreements.slug, slug)))[0]!.version;

describe('twenty editors saving one agreement at once', () => {
  it('keeps or refuses every save, and the counts add up', async () => {
    const slug = uniqueSlug('samma-avtal');
    const created = await createAgreement({ ctx: editor(0), organisationId, input: { slug, kind: 'vanort', parties: ['linkoping'], counterparts: ['hangzhou'] } });
    const kept: Array<{ title: string; version: number }> = [];
    let conflicts = 0;

    await Promise.all(
      Array.from({ length: EDITORS }, async (_, n) => {
        for (let attempt = 0; attempt < ATTEMPTS_EACH; attempt++) {
          const seen = await versionOf(slug);
          const title = `Avtal sparat av redaktör ${n}, försök ${attempt}`;
          try {
            const saved = await changeAgreement({ ctx: editor(n), slug, input: { officialTitle: title, expectedVersion: seen, comment: `save ${n}.${attempt}` } });
            kept.push({ title, version: saved.agreement.version });
          } catch (error) {
            if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
            conflicts++;
          }
        }
      }),
    );

    expect(kept.length + conflicts).toBe(EDITORS * ATTEMPTS_EACH);
    expect(kept.length).toBeGreaterThanOrEqual(ATTEMPTS_EACH);
    const final = (await t.database.db.select().from(agreements).where(eq(agreements.slug, slug)))[0]!;
    expect(final.version).toBe(created.version + kept.length);
    // Each kept save made its own version; the last one's title is what stands.
    expect(new Set(kept.map((k) => k.version)).size).toBe(kept.length);
    expect(final.officialTitle).toBe(kept.sort((a, b) => a.version - b.version).at(-1)!.title);
    const [changes] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'agreement'), eq(auditLog.entityId, final.id), eq(auditLog.action, 'agreement.change')));
    expect(changes!.n).toBe(kept.length);
    const history = await agreementHistory({ ctx: editor(0), slug, limit: 1000 });
    const comments = history.entries.map((e) => e.comment).filter((c): c is string => !!c?.startsWith('save '));
    expect(comments.length).toBe(kept.length);
    expect(new Set(comments).size).toBe(kept.length);
  }, 120_000);
});
