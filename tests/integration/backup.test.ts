// Backup and restore: a round trip gives the same rows in every table, also
// between PGlite and PostgreSQL (when TEST_DATABASE_URL is set); a restore is
// all or nothing; and the command line answers with the README's exit codes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrepared } from '../../src/cli/prepare.ts';
import { openDatabase, queryRows, type Database } from '../../src/db/client.ts';
import { useTextFormats, writeBackup } from '../../src/db/backup.ts';
import { ident, readForeignKeys, readTables } from '../../src/db/catalog.ts';
import { migrate } from '../../src/db/migrate.ts';
import { restoreBackup, RestoreError, type RestoreProblem } from '../../src/db/restore.ts';
import { readEnv } from '../../src/env.ts';
import { ortsband } from '../support/cli.ts';
import { openTestDatabase } from '../support/database.ts';

interface Opened {
  database: Database;
  close(): Promise<void>;
}

/** Each table's row count and an md5 of its rows as text in byte order: equal digests, equal contents. */
async function digests(database: Database): Promise<Record<string, string>> {
  return database.db.transaction(async (tx) => {
    await useTextFormats(tx); // the same text for timestamps and floats on both databases
    const result: Record<string, string> = {};
    for (const table of await readTables(tx)) {
      const [row] = await queryRows<{ n: string; md5: string }>(
        tx,
        sql`select count(*)::text as n, md5(coalesce(string_agg(t::text, E'\n' order by t::text collate "C"), '')) as md5 from ${sql.raw(ident(table.name))} t`,
      );
      result[table.name] = `${row!.n} rows, ${row!.md5}`;
    }
    return result;
  });
}

/** In-memory PGlite, whatever TEST_DATABASE_URL says: the other side of a cross-database round trip. */
async function openPglite({ empty }: { empty: boolean }): Promise<Opened> {
  let database: Database;
  if (empty) {
    database = await openDatabase({ kind: 'pglite', dataDir: undefined });
    await migrate(database);
  } else {
    database = (await openPrepared({ kind: 'pglite', dataDir: undefined })).database;
  }
  return { database, close: () => database.close() };
}

/** The lines of a backup file. */
async function linesOf(file: string): Promise<string[]> {
  return gunzipSync(await readFile(file)).toString('utf8').split('\n').filter((l) => l !== '');
}

async function writeLines(file: string, lines: string[]): Promise<void> {
  await writeFile(file, gzipSync(lines.join('\n') + '\n'));
}

/** The index of the `n`th row line of `table` in a backup's lines. */
function rowLineOf(lines: string[], table: string, n = 0): number {
  const start = lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));
  expect(start).toBeGreaterThan(0);
  return start + 1 + n;
}

async function expectRefused(promise: Promise<unknown>, problem: RestoreProblem, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestoreError);
  expect((error as RestoreError).problem).toBe(problem);
  expect((error as RestoreError).message).toMatch(message);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ortsband-backup-test-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('backup and restore', () => {
  let source: Opened;
  let file: string;
  let sourceDigests: Record<string, string>;
  beforeAll(async () => {
    source = await openTestDatabase();
    file = path.join(dir, 'shipped.ndjson.gz');
    // Small batches, so that every table is read over several keyset pages (composite keys too).
    await writeBackup(source.database, file, { batchRows: 7 });
    sourceDigests = await digests(source.database);
  });
  afterAll(async () => source?.close());

  it('a restore into an empty database holds the same rows in every table, and its backup the same lines', async () => {
    const target = await openTestDatabase({ empty: true });
    try {
      const { tables } = await restoreBackup(target.database, file, { batchRows: 5 });
      expect(sourceDigests.agreements).toMatch(/^58 rows/);
      expect(await digests(target.database)).toEqual(sourceDigests);
      // The foreign keys, off while the rows loaded, are back as they were.
      expect(await readForeignKeys(target.database.db)).toEqual(await readForeignKeys(source.database.db));
      expect(Object.fromEntries(tables.map((t) => [t.name, `${t.rows} rows`]))).toEqual(Object.fromEntries(Object.entries(sourceDigests).map(([name, d]) => [name, d.split(',')[0]])));

      const again = path.join(dir, 'restored.ndjson.gz');
      await writeBackup(target.database, again);
      const [firstHeader, ...firstRows] = await linesOf(file);
      const [againHeader, ...againRows] = await linesOf(again);
      expect(againRows).toEqual(firstRows);
      const { createdAt: _a, ...first } = JSON.parse(firstHeader!) as Record<string, unknown>;
      const { createdAt: _b, ...second } = JSON.parse(againHeader!) as Record<string, unknown>;
      expect(second).toEqual(first);

      // The sequences continue after the restored ids.
      const [org] = await queryRows<{ id: number; max: number }>(
        target.database.db,
        sql`insert into organisations (slug, name) values ('after-restore', 'After') returning id, (select max(id) from organisations) as max`,
      );
      expect(org!.id).toBeGreaterThan(org!.max);
    } finally {
      await target.close();
    }
  });

  it('refuses a database that holds rows, naming the tables, and changes nothing', async () => {
    await expectRefused(restoreBackup(source.database, file), 'target-not-empty', /agreements \(58 rows\).*--replace/);
    expect(await digests(source.database)).toEqual(sourceDigests);
  });

  it('with replace, empties every table in the same transaction and loads the backup', async () => {
    const target = await openTestDatabase({ empty: true });
    try {
      await target.database.db.execute(sql`insert into organisations (slug, name) values ('someone-else', 'Someone else')`);
      await restoreBackup(target.database, file, { replace: true });
      expect(await digests(target.database)).toEqual(sourceDigests);
    } finally {
      await target.close();
    }
  });

  it('refuses a backup taken at other migrations than the database\'s', async () => {
    const [header, ...rest] = await linesOf(file);
    const older = JSON.parse(header!) as { migrations: unknown[] };
    older.migrations = older.migrations.slice(0, -1);
    const olderFile = path.join(dir, 'older.ndjson.gz');
    await writeLines(olderFile, [JSON.stringify(older), ...rest]);
    const target = await openTestDatabase({ empty: true });
    try {
      const before = await digests(target.database);
      const applied = (JSON.parse(header!) as { migrations: Array<{ tag: string }> }).migrations;
      const expected = `backup was taken at ${applied.length - 1} migrations, the last ${applied.at(-2)!.tag}; this database is at ${applied.length} migrations, the last ${applied.at(-1)!.tag}`;
      await expectRefused(restoreBackup(target.database, olderFile), 'schema-differs', new RegExp(expected));
      expect(await digests(target.database)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  describe('a damaged file leaves the database as it was, even with replace', () => {
    let target: Opened;
    let before: Record<string, string>;
    let keysBefore: unknown;
    beforeAll(async () => {
      target = await openTestDatabase({ empty: true });
      await target.database.db.execute(sql`insert into organisations (slug, name) values ('kept', 'Kept')`);
      before = await digests(target.database);
      keysBefore = await readForeignKeys(target.database.db);
    });
    afterAll(async () => target?.close());

    const damaged: Array<[string, (bytes: Buffer, lines: string[]) => Buffer | string[], RegExp]> = [
      ['a truncated gzip', (bytes) => bytes.subarray(0, Math.floor(bytes.length * 0.6)), /not a complete gzip file/],
      ['a file that is not gzip', () => Buffer.from('{"format":"ortsband-backup"}\n'), /not a complete gzip file/],
      ['a corrupted line', (_, lines) => lines.with(rowLineOf(lines, 'status_events', 40), '["41","1","established",'), /line \d+ is not JSON/],
      ['a row missing', (_, lines) => lines.toSpliced(rowLineOf(lines, 'citations', 3), 1), /header counts (\d+) rows of citations; the file holds (?!\1\b)\d+/],
      ['a value its column refuses', (_, lines) => lines.with(rowLineOf(lines, 'status_events', 40), lines[rowLineOf(lines, 'status_events', 40)]!.replace(/"\d{4}-\d{2}-\d{2}"/, '"not-a-day"')), /rows of status_events on lines \d+–\d+ were refused by the database/],
      ['a reference to a row that is not there', (_, lines) => lines.with(rowLineOf(lines, 'status_events', 40), lines[rowLineOf(lines, 'status_events', 40)]!.replace(/^\["(\d+)","\d+"/, '["$1","999999"')), /references from status_events to agreements .* were refused by the database/],
      ['the end cut off after a table', (_, lines) => lines.slice(0, rowLineOf(lines, 'quotations') - 1), /ends before the rows of quotations/],
    ];
    it.each(damaged)('%s', async (_name, damage, message) => {
      const bytes = await readFile(file);
      const result = damage(bytes, gunzipSync(bytes).toString('utf8').split('\n').filter((l) => l !== ''));
      const damagedFile = path.join(dir, `damaged-${damaged.findIndex(([n]) => n === _name)}.ndjson.gz`);
      if (Buffer.isBuffer(result)) await writeFile(damagedFile, result);
      else await writeLines(damagedFile, result);
      await expectRefused(restoreBackup(target.database, damagedFile, { replace: true, batchRows: 10 }), 'unreadable', message);
      expect(await digests(target.database)).toEqual(before);
      expect(await readForeignKeys(target.database.db)).toEqual(keysBefore);
    });
  });
});

// Tables no migration makes (yet), with the types a later migration might
// use: the backup finds it in the catalog and every value comes back exactly.
const TYPES_TABLE = sql.raw(`
  create table backup_types (
    id bigint generated always as identity primary key,
    parent_id bigint references backup_types (id),
    big bigint, exact numeric(40, 20), whole numeric, single real, double double precision,
    stamp timestamptz, local_stamp timestamp, day date, clock time, span interval, days daterange,
    words text[], grid integer[][], doc jsonb, raw json, bytes bytea, flag boolean, uid uuid, note text,
    word_count integer generated always as (cardinality(words)) stored
  )`);
// Row 1 references row 3, which comes later in key order: the key is checked at the end of the restore.
const TYPES_ROWS = sql.raw(`
  insert into backup_types overriding system value values
  (3, null, 9223372036854775807, 12345678901234567890.12345678901234567890, 'NaN', 3.4028235e38, 0.1,
   '2024-02-29 23:59:59.999999+05:30', '1900-01-01 00:00:00.000001', '0044-03-15 BC', '24:00:00', '1 year 2 mons -3 days 04:05:06.789', '[2020-01-01,2021-01-01)',
   '{"a,b","c\\"d",NULL,"NULL","","å中🎉"}', '{{1,2},{3,4}}', '{"n": 12345678901234567890.123, "s": "å", "nested": [1, null, {"a": true}]}', '{"b":1,  "a" :2}',
   '\\x00ff10', true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', e'two\\nlines\\t"quoted" \\\\ 🎉'),
  (1, 3, -9223372036854775808, -0.00000000000000000001, 1e-30, '-Infinity', '1e-310',
   '-infinity', 'infinity', '9999-12-31', '00:00:00.000001', '-178000000 years', 'empty',
   '{}', '{}', '[]', 'null', '\\x', false, null, ''),
  (2, null, null, null, null, null, '-0', null, null, null, null, null, null, null, null, null, null, null, null, null, null)`);

async function withTypesTable(database: Database, rows: boolean): Promise<void> {
  await database.db.execute(TYPES_TABLE);
  // A table without a primary key is paged by row position.
  await database.db.execute(sql`create table backup_no_key (word text)`);
  if (rows) {
    await database.db.execute(TYPES_ROWS);
    await database.db.execute(sql`insert into backup_no_key values ('b'), ('a'), (null), ('a')`);
  }
}

const url = readEnv().TEST_DATABASE_URL;
const server = async ({ empty }: { empty: boolean }): Promise<Opened> => openTestDatabase({ empty });
const pairs: Array<[string, (o: { empty: boolean }) => Promise<Opened>, (o: { empty: boolean }) => Promise<Opened>]> = url
  ? [
      ['PGlite to PostgreSQL', openPglite, server],
      ['PostgreSQL to PGlite', server, openPglite],
    ]
  : [['PGlite to PGlite', openPglite, openPglite]];

describe.each(pairs)('%s', (_name, openSource, openTarget) => {
  it('the shipped register comes back with the same rows in every table', async () => {
    const from = await openSource({ empty: false });
    const to = await openTarget({ empty: true });
    try {
      const file = path.join(dir, `${from.database.target}-to-${to.database.target}.ndjson.gz`);
      await writeBackup(from.database, file);
      expect(JSON.parse((await linesOf(file))[0]!).source).toBe(from.database.target);
      await restoreBackup(to.database, file);
      expect(await digests(to.database)).toEqual(await digests(from.database));
    } finally {
      await Promise.all([from.close(), to.close()]);
    }
  });

  it('every type comes back exactly, in tables the migrations do not know', async () => {
    const from = await openSource({ empty: true });
    const to = await openTarget({ empty: true });
    try {
      await withTypesTable(from.database, true);
      await withTypesTable(to.database, false);
      const file = path.join(dir, `types-${from.database.target}-to-${to.database.target}.ndjson.gz`);
      await writeBackup(from.database, file, { batchRows: 1 });
      await restoreBackup(to.database, file, { batchRows: 1 });
      const restored = await digests(to.database);
      expect(restored.backup_types).toMatch(/^3 rows/);
      expect(restored.backup_no_key).toMatch(/^4 rows/);
      expect(restored).toEqual(await digests(from.database));
      const [next] = await queryRows<{ id: string }>(to.database.db, sql`insert into backup_types (note) values ('new') returning id::text`);
      expect(next!.id).toBe('4');
    } finally {
      await Promise.all([from.close(), to.close()]);
    }
  });
});

describe('the command line', () => {
  it('backs up and restores PGlite folders, with the exit codes the README lists', { timeout: 120_000 }, async () => {
    const sourceDir = path.join(dir, 'cli-source');
    await (await openPrepared({ kind: 'pglite', dataDir: sourceDir })).database.close();
    const file = path.join(dir, 'cli.ndjson.gz');
    const notGzip = path.join(dir, 'cli-not-gzip.ndjson.gz');
    await writeFile(notGzip, 'not a backup\n');

    const backup = await ortsband('--database', sourceDir, 'backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`wrote ${file}`);
    expect(backup.stdout).toMatch(/agreements\s+58/);
    const rows = /: (\d+) rows in (\d+) tables/.exec(backup.stdout)!.slice(1).map(Number);

    const targetDir = path.join(dir, 'cli-target');
    const [restored, missing, bad] = await Promise.all([
      ortsband('--database', targetDir, 'restore', file),
      ortsband('--database', path.join(dir, 'cli-unused'), 'restore', path.join(dir, 'no-such.ndjson.gz')),
      ortsband('--database', path.join(dir, 'cli-other'), 'restore', notGzip),
    ]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`^restored ${file} \\(pglite, .*: ${rows[0]} rows in ${rows[1]} tables`, 'm'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/not a complete gzip file/);

    const again = await ortsband('--database', targetDir, 'restore', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/holds rows in .*agreements \(58 rows\)/);
  });

  it('explains restore with --help', async () => {
    const help = await ortsband('restore', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--replace/);
  });
});
