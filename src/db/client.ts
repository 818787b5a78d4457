// The one place that knows which database Ortsband runs on. PGlite (embedded
// Postgres in WebAssembly, data in a folder) by default; a PostgreSQL server
// when a URL is given. Everything else sees only `Db`.
//
// drizzle's node-postgres driver over PGlite's pg adapter breaks on
// parameterised queries, so PGlite goes through drizzle-orm/pglite.
import { mkdir, readdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataFolder, type FolderLock } from './folder-lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: what a query needs. */
export type Executor = Db | Tx;

/** Called with every statement drizzle sends (debug logging, the benchmark's bare-SQL replay). */
export type QueryListener = (query: string, params: unknown[]) => void;

export type DatabaseTarget =
  | {
      kind: 'pglite';
      /** The data folder; undefined: in memory (the tests), with no lock. */
      dataDir: string | undefined;
      loadDataDir?: Blob | File;
      /** An image to load when the folder is empty or absent (a first start); asked for under the folder's lock. */
      imageIfEmpty?: () => Promise<Blob | null>;
      onQuery?: QueryListener;
    }
  | { kind: 'postgres'; url: string; poolSize?: number; onQuery?: QueryListener };

export interface Database {
  db: Db;
  target: DatabaseTarget['kind'];
  close(): Promise<void>;
  /** PGlite only: a tarball of the data folder (fast test fixtures, backups). */
  dumpDataDir?: () => Promise<File | Blob>;
}

/** The extensions the migrations create, compiled into PGlite's WebAssembly build. */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gin };

/** Settings of every connection to a PostgreSQL server (see openDatabase). */
const SERVER_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/**
 * pg.Pool whose query() checks a client out with connect(), runs the query on
 * it and releases it, as pg-pool's own query() does, except that the query's
 * callback never reaches a client the pool creates for it.
 *
 * pg's Client keeps the callback given to its connect() in closures that live
 * as long as its connection (its 'connect', 'sslconnect' and 'end' listeners
 * share one scope), and pg-pool's query() hands it a callback that leads to
 * the query's promise and so to its result. The client created for a large
 * read kept that read's rows for its whole life: 117 MB after the server's
 * start-up read at the benchmark's scale, held until the idle client closed
 * 10 s later, and then freed by a collection that paused the server (a heap
 * snapshot showed Connection._events.connect → … → PendingItem.callback →
 * Promise → Result; mysql2's pool has the same, sidorares/node-mysql2#3904).
 * Here the client is created by connect(), whose promise holds only the client.
 */
class Pool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    this.query = this.checkedOut as pg.Pool['query'];
  }

  /** The promise forms of query() (drizzle uses no other): a text or a config, and values. */
  private checkedOut(query: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
    if (typeof values === 'function') throw new Error('query() with a callback is not supported here');
    return this.connect().then(
      (client) =>
        new Promise<pg.QueryResult>((resolve, reject) => {
          let released = false;
          // As pg-pool's query() does: a client whose query failed, or whose
          // connection failed meanwhile, is closed, not reused; and the client
          // goes back to the pool, to the next query waiting for one, in pg's
          // callback, before the caller goes on. Released a microtask later
          // (an async function's finally), the agreement page's p95 under 20
          // clients rose from 15–19 to 25–30 ms.
          const done = (error: Error | undefined, result?: pg.QueryResult) => {
            if (released) return;
            released = true;
            client.removeListener('error', done);
            client.release(error);
            if (error) reject(error);
            else resolve(result!);
          };
          client.once('error', done);
          try {
            client.query(typeof query === 'string' ? { text: query, values } : values ? { ...query, values } : query, done);
          } catch (error) {
            done(error as Error);
          }
        }),
    );
  }
}

/**
 * The pool of connections to a PostgreSQL server, as the server and the
 * bench's bare SQL open it. A connection the server ends (a restart, a
 * database dropped) emits 'error': idle in the pool, the pool drops it; held
 * between statements (a transaction, a download's batches), the next
 * statement on it fails and says so. Without these listeners either would
 * end the process.
 */
export function serverPool(url: string, max: number): pg.Pool {
  const pool = new Pool({ connectionString: url, max, options: SERVER_OPTIONS });
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    // JIT off: PostgreSQL compiles a query whose estimated cost passes
    // jit_above_cost, 100–200 ms each time, which none of ours repays. With
    // stale statistics after a bulk import the export's batch reads were
    // estimated that high and compiled every batch: 15,099 rows/s instead of
    // 110,000 at the bench's scale.
    // No parallel workers either: each is a new backend with cold caches, and
    // paid that on every query it served. A text query with 19,807 matches
    // ('su', one client, the bench's scale) took 74 ms with workers and 33
    // without; page 30 of it 110 and 40 ms. On two cores shared by every
    // client there are no idle cores for them to use anyway.
    const pool = serverPool(target.url, target.poolSize ?? 20);
    const logger = target.onQuery ? { logQuery: target.onQuery } : undefined;
    const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
    return { db, target: 'postgres', close: () => pool.end() };
  }
  // A folder is opened by one process at a time (folder-lock.ts): taken
  // before PGlite or the first-start check looks at the folder, released
  // after PGlite has closed it.
  let lock: FolderLock | null = null;
  if (target.dataDir) {
    await mkdir(target.dataDir, { recursive: true });
    lock = await lockDataFolder(target.dataDir, lockLost(target.dataDir));
  }
  let client: PGlite;
  try {
    const image = target.loadDataDir ?? (target.imageIfEmpty && (await isEmptyFolder(target.dataDir)) ? await target.imageIfEmpty() : null);
    client = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(image ? { loadDataDir: image } : {}),
      extensions: PGLITE_EXTENSIONS,
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const logger = target.onQuery ? { logQuery: target.onQuery } : undefined;
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  return {
    db,
    target: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        await lock?.release();
      }
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
  };
}

/** In memory, or a folder that is absent or empty: a first start. */
async function isEmptyFolder(dataDir: string | undefined): Promise<boolean> {
  if (!dataDir) return true;
  return (await readdir(dataDir)).length === 0;
}

/**
 * A lock taken away while held means another process may be writing the
 * folder now: this one stops at once rather than write beside it.
 */
const lockLost = (dataDir: string) => (error: Error) => {
  process.stderr.write(`ortsband: lost the lock on the database folder ${dataDir} (${error.message}); stopping so that no other process's writes are lost\n`);
  process.exit(1);
};

// pg parses DATE (oid 1082) into a Date at local midnight; the register's dates
// are calendar days, so keep them as strings on every connection.
pg.types.setTypeParser(1082, (value: string) => value);

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
