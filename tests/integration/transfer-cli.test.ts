// `ortsband import` and `ortsband export` as a user runs them: files on disk,
// a PGlite folder, the exit codes the README lists.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPrepared } from '../../src/cli/prepare.ts';
import { ortsband } from '../support/cli.ts';

let dir: string;
let shipped: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ortsband-transfer-cli-'));
  shipped = path.join(dir, 'shipped');
  await (await openPrepared({ kind: 'pglite', dataDir: shipped })).database.close();
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

it('exports, imports into an empty folder, and exits 3 with row and column for a broken file', { timeout: 180_000 }, async () => {
  const out = path.join(dir, 'csv');
  const exported = await ortsband('--database', shipped, 'export', '--semicolon', '--out', out);
  expect(exported.code, exported.stderr).toBe(0);
  expect(exported.stderr).toMatch(/exported \d+ rows/);
  const agreements = await readFile(path.join(out, 'agreements.csv'), 'utf8');
  expect(agreements.startsWith('\uFEFFagreement;kind;parties;counterparts')).toBe(true);
  const files = ['sources', 'actors', 'counterparts', 'agreements'].map((t) => path.join(out, `${t}.csv`));

  const empty = path.join(dir, 'empty');
  const dry = await ortsband('--database', empty, 'import', '--dry-run', ...files);
  expect(dry.code, dry.stderr).toBe(0);
  expect(dry.stdout).toContain('agreements.csv, row 2: create agreement');
  expect(dry.stdout.slice(-600)).toContain('agreements: 58 to create, 0 to change, 0 left alone');
  expect(dry.stdout).toContain('Dry run: every check passed; nothing was written.');

  const applied = await ortsband('--database', empty, 'import', '--summary', ...files);
  expect(applied.code, applied.stderr).toBe(0);
  expect(applied.stdout).toMatch(/Imported in/);
  const again = await ortsband('--database', empty, 'import', '--summary', ...files);
  expect(again.stdout).toContain('agreements: 0 to create, 0 to change, 58 left alone');

  const broken = path.join(dir, 'broken.csv');
  // Åmål–Dunhuang's 2015 event dated 2019-13-45 (its cells before event_date hold no separator).
  const lines = agreements.split('\r\n');
  const column = lines[0]!.replace(/^\uFEFF/, '').split(';').indexOf('event_date');
  const at = lines.findIndex((line) => line.startsWith('amal--dunhuang;') && line.split(';')[column] === '2015');
  expect(column > 0 && at > 0).toBe(true);
  lines[at] = lines[at]!.split(';').map((cell, i) => (i === column ? '2019-13-45' : cell)).join(';');
  const brokenText = lines.join('\r\n');
  await writeFile(broken, brokenText);
  const row = at + 1;
  const refused = await ortsband('--database', empty, 'import', broken);
  expect(refused.code).toBe(3);
  expect(refused.stderr).toContain(`broken.csv, row ${row}, column event_date: '2019-13-45' is not a date; write 2019, 2019-05, 2019-05-14, 2002/2022 or XXXX`);
  expect(refused.stderr).toContain('nothing was imported');

  expect((await ortsband('import', '--help')).code).toBe(0);
  expect((await ortsband('import')).code).toBe(2);
  expect((await ortsband('export', '--format', 'pdf')).code).toBe(2);
  expect((await ortsband('--database', empty, 'import', path.join(dir, 'no-such.csv'))).code).toBe(2);
});
