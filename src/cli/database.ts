// How a command reaches its database: the environment's (DATABASE_URL or
// DATA_DIR), or the one named by the global `--database` option.
import type { Database, DatabaseTarget } from '../db/client.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { env } from '../env.ts';
import { targetFromEnv } from './prepare.ts';

/** `postgres://…` is a server; anything else is a PGlite data folder. */
export function targetOf(database: string | undefined): DatabaseTarget {
  if (!database) return targetFromEnv(env());
  // A server named here gets the same pool as DATABASE_URL's would (DATABASE_POOL_SIZE).
  return /^postgres(ql)?:\/\//.test(database) ? targetFromEnv({ ...env(), DATABASE_URL: database }) : { kind: 'pglite', dataDir: database };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite in ${target.dataDir ?? '(memory)'}`;
  const url = new URL(target.url);
  url.password = url.password ? '***' : '';
  return `PostgreSQL ${url.toString()}`;
}

/** Opens and migrates the database, runs `work`, and closes it whatever happens. */
export async function withDatabase<T>(target: DatabaseTarget, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(target);
  try {
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}
