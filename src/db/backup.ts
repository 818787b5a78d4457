// A backup of the whole database that restores into PGlite or PostgreSQL
// alike: one gzip file of newline-delimited JSON.
//
//   {"format":"ortsband-backup","version":1,"createdAt":…,"source":"pglite"|"postgres","migrations":[…],"tables":[{"name","rows"}…]}
//   {"table":"organisations","columns":["id","slug",…]}
//   ["1","redaktionen",…]            one line per row, one text value or null per column
//   {"table":"users",…}
//
// Every value is the column's own text form (`::text`), which its type reads
// back exactly (bigint, numeric, arrays, jsonb, timestamps, ranges) and which
// JSON cannot round (a bigint as a JSON number could). Tables come in
// foreign-key order, rows in primary-key order, read a batch at a time by
// keyset, all inside one repeatable-read transaction: one consistent moment,
// in bounded memory whatever the size. restore.ts reads it back.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database, type Executor } from './client.ts';
import { ident, readTables, type CatalogTable } from './catalog.ts';
import { appliedMigrations } from './migrate.ts';

export const BACKUP_FORMAT = 'ortsband-backup';
export const BACKUP_VERSION = 1;

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.object({ tag: z.string().nullable(), hash: z.string() })),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** Starts a table's rows: which table, and which column each value of a row is. */
export const tableLineSchema = z.object({ table: z.string(), columns: z.array(z.string()).min(1) });

export type Progress = (done: number, total: number) => void;

export interface TableCount {
  name: string;
  rows: number;
}

/** Settings that fix how values print as text, so that both ends read and write the same forms. */
export async function useTextFormats(tx: Executor): Promise<void> {
  for (const statement of [
    `set local datestyle = 'ISO, YMD'`,
    `set local intervalstyle = 'postgres'`,
    `set local timezone = 'UTC'`,
    // Shortest text that reads back as the same double (the default from PostgreSQL 12 on).
    `set local extra_float_digits = 3`,
    `set local bytea_output = 'hex'`,
  ]) {
    await tx.execute(sql.raw(statement));
  }
}

/** The columns a backup holds: all but generated ones, which the database computes again. */
export const storedColumns = (table: CatalogTable) => table.columns.filter((c) => !c.generated);

/**
 * One page of a table in key order, after `after` (the last key read): each
 * row's line, a JSON array of its columns as text, made by the database
 * (faster than building it here), and its key. A table without a primary key
 * is read by physical row position, which holds still inside the
 * transaction's snapshot.
 */
function pageQuery(table: CatalogTable, after: string[] | null, limit: number): SQL {
  const key = table.primaryKey.length > 0 ? table.primaryKey.map((c) => ({ name: ident(c.name), type: c.type })) : [{ name: 'ctid', type: 'tid' }];
  const line = `to_json(array[${storedColumns(table).map((c) => `${ident(c.name)}::text`).join(', ')}])::text as line`;
  const keys = key.map((k, i) => `${k.name}::text as k${i}`);
  const order = sql.raw(key.map((k) => k.name).join(', '));
  const where = after ? sql`where (${order}) > (${sql.join(after.map((v, i) => sql`${v}::${sql.raw(key[i]!.type)}`), sql`, `)})` : sql``;
  return sql`select ${sql.raw([line, ...keys].join(', '))} from ${sql.raw(ident(table.name))} ${where} order by ${order} limit ${limit}`;
}

async function* backupLines(tx: Executor, header: BackupHeader, tables: CatalogTable[], batchRows: number, onProgress: Progress): AsyncGenerator<string> {
  yield JSON.stringify(header) + '\n';
  const total = header.tables.reduce((n, t) => n + t.rows, 0);
  let done = 0;
  for (const table of tables) {
    yield JSON.stringify({ table: table.name, columns: storedColumns(table).map((c) => c.name) }) + '\n';
    const keyCount = Math.max(1, table.primaryKey.length);
    let after: string[] | null = null;
    for (;;) {
      const rows: Array<Record<string, string>> = await queryRows<Record<string, string>>(tx, pageQuery(table, after, batchRows));
      if (rows.length === 0) break;
      let text = '';
      for (const row of rows) text += row.line + '\n';
      yield text;
      done += rows.length;
      onProgress(done, total);
      if (rows.length < batchRows) break;
      const last: Record<string, string> = rows.at(-1)!;
      after = Array.from({ length: keyCount }, (_, i): string => last[`k${i}`]!);
    }
  }
}

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: TableCount[];
}

/**
 * Writes a backup of the whole database to `file` (through `file.partial`,
 * renamed when complete: a failed backup leaves no file that looks whole).
 */
export async function writeBackup(database: Database, file: string, { onProgress = () => {}, batchRows = 5_000 }: { onProgress?: Progress; batchRows?: number } = {}): Promise<BackupSummary> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  try {
    const header = await database.db.transaction(
      async (tx) => {
        await useTextFormats(tx);
        const tables = await readTables(tx);
        const counts: TableCount[] = [];
        for (const table of tables) {
          const [row] = await queryRows<{ n: string }>(tx, sql`select count(*)::text as n from ${sql.raw(ident(table.name))}`);
          counts.push({ name: table.name, rows: Number(row!.n) });
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source: database.target,
          migrations: await appliedMigrations(tx),
          tables: counts,
        };
        onProgress(0, counts.reduce((n, t) => n + t.rows, 0));
        // pipeline pulls the lines as gzip and the file take them: backpressure holds memory to a batch or two.
        await pipeline(backupLines(tx, header, tables, batchRows, onProgress), createGzip(), createWriteStream(partial));
        return header;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, tables: header.tables };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
