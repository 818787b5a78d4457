import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { queryRows, type Database, type Executor } from './client.ts';

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Runs the SQL migrations in ./drizzle; the same files on both targets. */
export async function migrate(database: Database): Promise<void> {
  // The migrators are typed per driver; the SQL they run is the same.
  if (database.target === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
}

/** A migration as drizzle records it: the sha256 of its SQL file, and the file's tag when this checkout has it. */
export interface AppliedMigration {
  tag: string | null;
  hash: string;
}

interface MigrationFile {
  tag: string;
  hash: string;
  sql: string;
}

async function migrationFiles(): Promise<MigrationFile[]> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  return Promise.all(
    journal.entries.map(async ({ tag }) => {
      const text = await readFile(path.join(migrationsFolder, `${tag}.sql`), 'utf8');
      // The hash drizzle's migrator stores in __drizzle_migrations.
      return { tag, hash: createHash('sha256').update(text).digest('hex'), sql: text };
    }),
  );
}

/** The migrations applied to a database, oldest first, from drizzle's own record of them. */
export async function appliedMigrations(db: Executor): Promise<AppliedMigration[]> {
  const rows = await queryRows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by id`);
  const tagOf = new Map((await migrationFiles()).map((m) => [m.hash, m.tag]));
  return rows.map((r) => ({ tag: tagOf.get(r.hash) ?? null, hash: r.hash }));
}

/**
 * Tables the migrations themselves write rows into (data_version's one row):
 * a freshly migrated database holds those rows and still counts as empty.
 */
export async function tablesSeededByMigrations(): Promise<Set<string>> {
  const tables = new Set<string>();
  for (const file of await migrationFiles()) {
    for (const match of file.sql.matchAll(/insert\s+into\s+(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi)) tables.add(match[1]!);
  }
  return tables;
}
