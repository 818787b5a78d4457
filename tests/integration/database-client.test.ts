// The PostgreSQL pool (src/db/client.ts) lets go of a query's rows once the
// caller has: pg-pool's own query() left them reachable from the client it
// created for the query, for as long as that client lived.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectGarbage } from '../../src/http/collect-garbage.ts';
import { openDatabase, queryRows, type Database } from '../../src/db/client.ts';
import { readEnv } from '../../src/env.ts';
import { createScratchDatabase } from '../support/database.ts';

const serverUrl = readEnv().TEST_DATABASE_URL;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
let database: Database | undefined;
beforeAll(async () => {
  if (!serverUrl) return;
  scratch = await createScratchDatabase(serverUrl);
  database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 2 });
});
afterAll(async () => {
  await database?.close();
  await scratch?.drop();
});

it.skipIf(!serverUrl)('the rows of the query that opened a connection are freed when the caller drops them', async () => {
  // The pool has no connection yet: this query opens one.
  let rows: object[] | null = await queryRows<object>(database!.db, sql`select g as n, repeat('x', 100) as text from generate_series(1, 1000) g`);
  expect(rows).toHaveLength(1000);
  const watched = new WeakRef(rows);
  rows = null;
  await new Promise((resolve) => setImmediate(resolve)); // a WeakRef keeps its target until the job that read it ends
  collectGarbage();
  expect(watched.deref()).toBeUndefined();
});

it.skipIf(!serverUrl)('a failed query rejects with the server error and the pool goes on serving', async () => {
  await expect(queryRows(database!.db, sql`select * from no_such_table`)).rejects.toThrow(/no_such_table/);
  const [row] = await queryRows<{ n: number }>(database!.db, sql`select 1 as n`);
  expect(row!.n).toBe(1);
});
