// Loads a backup (backup.ts) into a migrated database, PGlite or PostgreSQL,
// whichever took it. All or nothing: one transaction, so a file that turns
// out to be truncated or corrupt half-way leaves the database as it was.
//
// Refuses a database that holds rows (unless told to replace them) and a
// backup taken at other migrations than the database's; checks every table's
// row count against the header; and leaves every sequence after the largest
// id, so that new rows get new ids.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { afterBulkLoad } from './after-bulk-load.ts';
import { queryRows, type Database, type Executor } from './client.ts';
import { backupHeaderSchema, storedColumns, tableLineSchema, useTextFormats, type BackupHeader, type Progress, type TableCount } from './backup.ts';
import { ident, readForeignKeys, readSerialColumns, readTables, type CatalogTable } from './catalog.ts';
import { appliedMigrations, tablesSeededByMigrations, type AppliedMigration } from './migrate.ts';

export type RestoreProblem =
  /** Not a backup, or a damaged one: not gzip, truncated, a line that does not parse, counts that differ, values the columns refuse. */
  | 'unreadable'
  /** The backup was taken at other migrations, or holds other tables or columns, than the database has. */
  | 'schema-differs'
  /** The database holds rows and replacing them was not asked for. */
  | 'target-not-empty';

/** Why a restore was refused; the database is unchanged. */
export class RestoreError extends Error {
  constructor(
    readonly problem: RestoreProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface RestoreOptions {
  /** Empty every table first (in the same transaction) instead of refusing a database that holds rows. */
  replace?: boolean;
  onProgress?: Progress;
  /** Rows per INSERT statement (fewer when they hold more than BATCH_BYTES). */
  batchRows?: number;
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: TableCount[];
}

/** The lines of a UTF-8 stream, without their line ends. */
async function* linesOf(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** Text per INSERT statement at most, whatever the rows hold: one statement's parameter stays well below jsonb's limit. */
const BATCH_BYTES = 16_000_000;

const unreadable = (message: string) => new RestoreError('unreadable', message);

/** The value of a JSON text, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The SQLSTATE and message of a database error, through drizzle's wrapping (whose message carries the whole statement). */
function databaseError(error: unknown): { code: string | undefined; message: string } | null {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(inner instanceof Error) || !('code' in inner) || typeof inner.code !== 'string' || !/^[0-9A-Z]{5}$/.test(inner.code)) return null;
  return { code: inner.code, message: inner.message };
}

/** Runs `statement`; a value or key the database refuses (SQLSTATE classes 22 and 23) is the backup's fault. */
async function runRefusable(tx: Executor, statement: SQL, what: string): Promise<void> {
  try {
    await tx.execute(statement);
  } catch (error) {
    const refused = databaseError(error);
    if (refused && /^2[23]/.test(refused.code ?? '')) throw unreadable(`${what} were refused by the database: ${refused.message}`);
    throw refused ? Object.assign(new Error(refused.message), { code: refused.code }) : error;
  }
}

function describeMigrations(migrations: AppliedMigration[]): string {
  const last = migrations.at(-1);
  return last ? `${migrations.length} migrations, the last ${last.tag ?? `with hash ${last.hash.slice(0, 12)}`}` : 'no migrations';
}

function checkSchema(header: BackupHeader, migrations: AppliedMigration[], tables: CatalogTable[]): void {
  if (header.migrations.map((m) => m.hash).join() !== migrations.map((m) => m.hash).join()) {
    throw new RestoreError(
      'schema-differs',
      `the backup was taken at ${describeMigrations(header.migrations)}; this database is at ${describeMigrations(migrations)}. Restore it with the Ortsband version that took it, then upgrade`,
    );
  }
  const here = new Set(tables.map((t) => t.name));
  const there = new Set(header.tables.map((t) => t.name));
  const missing = [...here].filter((t) => !there.has(t));
  const extra = [...there].filter((t) => !here.has(t));
  if (missing.length > 0 || extra.length > 0) {
    throw new RestoreError('schema-differs', `the backup's tables differ from this database's (${[...missing.map((t) => `${t} only here`), ...extra.map((t) => `${t} only in the backup`)].join(', ')})`);
  }
}

/**
 * The INSERT for a batch of row lines, one statement on both drivers: each
 * value cast from text to its column's type. jsonb, not json: json would
 * parse each row's text again for every column it is asked for.
 */
function insertStatement(table: CatalogTable, columns: string[]): (rowsJson: string) => SQL {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const casts = columns.map((name, i) => `(r->>${i})::${byName.get(name)!.type}`).join(', ');
  const overriding = table.columns.some((c) => c.identity) ? ' overriding system value' : '';
  const head = sql.raw(`insert into ${ident(table.name)} (${columns.map(ident).join(', ')})${overriding} select ${casts} from jsonb_array_elements(`);
  return (rowsJson) => sql`${head}${rowsJson}::jsonb) as r`;
}

/**
 * Empties every table for the restore; refuses, unless `replace`, when one
 * holds rows (other than those the migrations write, which every migrated
 * database has).
 */
async function emptyTables(tx: Executor, tables: CatalogTable[], replace: boolean): Promise<void> {
  const seeded = await tablesSeededByMigrations();
  const occupied: string[] = [];
  for (const table of tables) {
    if (seeded.has(table.name)) continue;
    const [row] = await queryRows<{ n: string }>(tx, sql`select count(*)::text as n from ${sql.raw(ident(table.name))}`);
    if (Number(row!.n) > 0) occupied.push(`${table.name} (${row!.n} rows)`);
  }
  if (occupied.length > 0 && !replace) {
    throw new RestoreError('target-not-empty', `the database holds rows in ${occupied.join(', ')}; restore loads only into an empty database, or replaces everything with --replace`);
  }
  await tx.execute(sql.raw(`truncate ${tables.map((t) => ident(t.name)).join(', ')} restart identity`));
}

/** Loads the backup's lines (after the header) into the database inside `tx`. */
async function load(tx: Executor, header: BackupHeader, lines: AsyncIterator<string>, { replace = false, onProgress = () => {}, batchRows = 2_000 }: RestoreOptions): Promise<TableCount[]> {
  await useTextFormats(tx);
  const tables = await readTables(tx);
  checkSchema(header, await appliedMigrations(tx), tables);
  await emptyTables(tx, tables, replace);

  // Foreign keys come off while the rows load and go back on afterwards, as
  // in pg_restore: adding a key checks all rows in one join instead of one
  // look-up per inserted row, and the rows may come in any order (a table
  // that references itself). Inside the transaction, like all the rest.
  const keys = await readForeignKeys(tx);
  for (const k of keys) await tx.execute(sql.raw(`alter table ${ident(k.table)} drop constraint ${ident(k.name)}`));

  const expected = new Map(header.tables.map((t) => [t.name, t.rows]));
  const total = header.tables.reduce((n, t) => n + t.rows, 0);
  const loaded = new Map<string, number>();
  let done = 0;
  let lineNumber = 1; // the header
  let current: { table: CatalogTable; columns: string[]; insert: (rowsJson: string) => SQL; rows: number; batch: string[]; batchLength: number; firstLine: number } | null = null;

  const flush = async () => {
    if (!current || current.batch.length === 0) return;
    const lastLine = current.firstLine + current.batch.length - 1;
    await runRefusable(tx, current.insert(`[${current.batch.join(',')}]`), `rows of ${current.table.name} on lines ${current.firstLine}–${lastLine}`);
    done += current.batch.length;
    current.batch = [];
    current.batchLength = 0;
    onProgress(done, total);
  };
  const finishTable = async () => {
    if (!current) return;
    await flush();
    if (current.rows !== expected.get(current.table.name)) {
      throw unreadable(`the header counts ${expected.get(current.table.name)} rows of ${current.table.name}; the file holds ${current.rows} (line ${lineNumber})`);
    }
    loaded.set(current.table.name, current.rows);
  };

  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    lineNumber++;
    const line = next.value;
    const value = parseJson(line);
    if (value === undefined) throw unreadable(`line ${lineNumber} is not JSON: ${line.length > 80 ? `${line.slice(0, 80)}…` : line}`);
    if (Array.isArray(value)) {
      if (!current) throw unreadable(`line ${lineNumber} is a row before any table`);
      if (value.length !== current.columns.length || !value.every((v) => v === null || typeof v === 'string')) {
        throw unreadable(`line ${lineNumber}: a row of ${current.table.name} is ${current.columns.length} text values or nulls`);
      }
      if (current.batch.length === 0) current.firstLine = lineNumber;
      current.batch.push(line);
      current.batchLength += line.length;
      current.rows++;
      if (current.batch.length >= batchRows || current.batchLength >= BATCH_BYTES) await flush();
      continue;
    }
    const start = tableLineSchema.safeParse(value);
    if (!start.success) throw unreadable(`line ${lineNumber} is neither a row nor the start of a table`);
    await finishTable();
    const table = tables.find((t) => t.name === start.data.table);
    if (!table || loaded.has(table.name)) throw unreadable(`line ${lineNumber} starts table ${start.data.table}, which the header does not list or which came before`);
    const stored = storedColumns(table).map((c) => c.name);
    if (stored.length !== start.data.columns.length || !stored.every((c) => start.data.columns.includes(c))) {
      throw new RestoreError('schema-differs', `the backup's columns of ${table.name} (${start.data.columns.join(', ')}) differ from this database's (${stored.join(', ')})`);
    }
    current = { table, columns: start.data.columns, insert: insertStatement(table, start.data.columns), rows: 0, batch: [], batchLength: 0, firstLine: 0 };
  }
  await finishTable();

  const absent = header.tables.filter((t) => !loaded.has(t.name)).map((t) => t.name);
  if (absent.length > 0) throw unreadable(`the file ends before the rows of ${absent.join(', ')}: it is truncated`);
  for (const table of header.tables) {
    const [row] = await queryRows<{ n: string }>(tx, sql`select count(*)::text as n from ${sql.raw(ident(table.name))}`);
    if (Number(row!.n) !== table.rows) throw unreadable(`${table.name} holds ${row!.n} rows after loading; the header counts ${table.rows}`);
  }

  for (const k of keys) {
    await runRefusable(tx, sql.raw(`alter table ${ident(k.table)} add constraint ${ident(k.name)} ${k.definition}`), `references from ${k.table} to ${k.references} (${k.name})`);
  }
  for (const serial of await readSerialColumns(tx)) {
    // restart identity left the sequences of empty tables at their start.
    await tx.execute(sql`select setval(${serial.sequence}::regclass, max(${sql.raw(ident(serial.column))})) from ${sql.raw(ident(serial.table))} having max(${sql.raw(ident(serial.column))}) is not null`);
  }
  return header.tables.map((t) => ({ name: t.name, rows: loaded.get(t.name)! }));
}

/** zlib's errors (not gzip, truncated) say the file is damaged. */
function asUnreadable(file: string, error: unknown): unknown {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_')) {
    return unreadable(`${file} is not a complete gzip file (${error.message})`);
  }
  return error;
}

/** Opens a backup file: its header, and the lines after it, read as they are needed. */
async function openBackup(file: string): Promise<{ header: BackupHeader; lines: AsyncIterator<string>; close: () => void }> {
  // pipeline passes a read error (or gunzip's) on to the last stream, where reading the lines meets it.
  const gunzip = pipeline(createReadStream(file), createGunzip(), () => {});
  const lines = linesOf(gunzip)[Symbol.asyncIterator]();
  const close = () => gunzip.destroy();
  try {
    const first = await lines.next();
    const header = backupHeaderSchema.safeParse(first.done ? null : parseJson(first.value));
    if (!header.success) throw unreadable(`${file} is not an Ortsband backup (its first line is not a backup header)`);
    return { header: header.data, lines, close };
  } catch (error) {
    close();
    throw asUnreadable(file, error);
  }
}

/** The header of the backup in `file`: what it holds, without loading it. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const backup = await openBackup(file);
  backup.close();
  return backup.header;
}

/**
 * Restores the backup in `file` into `database`, which must be migrated to
 * the same migrations. Throws RestoreError for what the user can fix.
 */
export async function restoreBackup(database: Database, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const { header, lines, close } = await openBackup(file);
  try {
    const tables = await database.db.transaction((tx) => load(tx, header, lines, options));
    await afterBulkLoad(database.db);
    return { header, tables };
  } catch (error) {
    throw asUnreadable(file, error);
  } finally {
    close();
  }
}
