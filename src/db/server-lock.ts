// Work that only one process may do at a time on a PostgreSQL server:
// migrating and loading the shipped data when several `ortsband serve`
// processes start at once on one empty database. A session-level advisory
// lock on a connection of its own (the pool's connections come and go);
// the lock ends with the connection, also when the process dies.
import pg from 'pg';

/** Advisory-lock keys: one per kind of work, fixed so that every process agrees. */
export const SERVER_LOCKS = { prepare: 4_817_001 } as const;

export async function withServerLock<T>(url: string, lock: keyof typeof SERVER_LOCKS, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SERVER_LOCKS[lock]]);
    return await work();
  } finally {
    await client.end();
  }
}
