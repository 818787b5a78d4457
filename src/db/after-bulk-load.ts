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
  await db.execute(sql`select gin_clean_pending_list(i.indexrelid)
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
    where am.amname = 'gin' and c.relnamespace = 'public'::regnamespace`);
  await db.execute(sql`analyze`);
}
