// What the database needs after a bulk load (an import of thousands of
// agreements, a restore, the bench's generated register), done at once
// because autovacuum may be off (it is on these machines) or not yet round:
// - the GIN indexes' pending lists merged into the indexes. New entries wait
//   in a pending list that every search reads through; after the bench's bulk
//   load, a county's index scan took 9–23 ms instead of 1.2 ms. Turning the
//   pending lists off (fastupdate = off) kept searches steady but made an
//   import of 10,000 agreements take 44.5 s instead of 18.5 s.
// - fresh planner statistics, as PostgreSQL's manual advises.
import { sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

export async function afterBulkLoad(db: Executor): Promise<void> {
  await cleanPendingLists(db);
  await db.execute(sql`analyze`);
}

const cleanPendingLists = (db: Executor) =>
  db.execute(sql`select gin_clean_pending_list(i.indexrelid)
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
    where am.amname = 'gin' and c.relnamespace = 'public'::regnamespace`);

/**
 * The database as autovacuum leaves it: every table vacuumed (the dead row
 * versions that rewrites leave behind taken out of the heap and its
 * indexes), analysed, and the pending lists merged. For the benchmark's
 * generated registers, whose generators rewrite every agreement after
 * loading it: this machine's PostgreSQL runs with autovacuum off, and a
 * register read right after generation had as many dead rows as live ones
 * (103,029 of 100,000 agreements; a province's peers read 3,669 heap pages
 * instead of 1,823). Not run after an import: a server's autovacuum does it
 * in its time (docs/performance.md).
 */
export async function vacuumAfterGeneration(db: Executor): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
  await cleanPendingLists(db);
}
