// An import killed with SIGKILL in the middle of its apply leaves the
// database as it was: `ortsband import` runs in a child process on a PGlite
// folder (or, with TEST_DATABASE_URL, a PostgreSQL database of its own), is
// killed half a second into its one transaction, and the register is compared
// with how it was before.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPrepared } from '../../src/cli/prepare.ts';
import { queryRows, type DatabaseTarget } from '../../src/db/client.ts';
import { readEnv } from '../../src/env.ts';
import { cliEnv, ORTSBAND_BIN } from '../support/cli.ts';
import { createScratchDatabase } from '../support/database.ts';

let folder: string;
let target: DatabaseTarget;
let dropDatabase: (() => Promise<void>) | null = null;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ortsband-kill-'));
  const url = readEnv().TEST_DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url);
    target = { kind: 'postgres', url: scratch.url, poolSize: 2 };
    dropDatabase = scratch.drop;
  } else target = { kind: 'pglite', dataDir: path.join(folder, 'pglite') };
  const { database } = await openPrepared(target);
  await database.close();
});
afterAll(async () => {
  await dropDatabase?.();
  await rm(folder, { recursive: true, force: true });
});

async function state() {
  const { database } = await openPrepared(target);
  try {
    const [row] = await queryRows<Record<string, number>>(
      database.db,
      sql`select (select version::int from data_version where id = 1) as version, (select count(*)::int from agreements) as agreements,
            (select count(*)::int from status_events) as events, (select count(*)::int from agreement_parties) as parties,
            (select count(*)::int from citations) as citations, (select count(*)::int from audit_log) as audit,
            (select count(*)::int from agreement_status_periods) as periods, (select coalesce(sum(delta), 0)::int from status_day_deltas) as deltas`,
    );
    return row!;
  } finally {
    await database.close();
  }
}

it('a SIGKILL in the middle of an apply leaves the database as it was', async () => {
  // 9,000 new agreements with 3 events each, between bodies and places the
  // shipped register has: the apply takes seconds on PostgreSQL too (3,000
  // were done within 1.5 s there, and the kill came after the commit).
  const header = 'agreement,kind,parties,counterparts,event,event_date,event_sources';
  const lines = [header];
  for (let i = 0; i < 9_000; i++) {
    for (const [event, date] of [['established', `${1990 + (i % 30)}`], ['dormant', `${2010 + (i % 10)}-0${1 + (i % 9)}`], ['ended', `${2020 + (i % 5)}`]]) {
      lines.push(`kill-test-${i},vanort,2514 Kalix kommun,Gansu > Lanzhou,${event},${date},nkk2022: Appendix`);
    }
  }
  const file = path.join(folder, 'big.csv');
  await writeFile(file, lines.join('\n'));
  const before = await state();

  const database = target.kind === 'postgres' ? target.url : target.dataDir!;
  // The command itself, not a wrapper that would survive its own SIGKILL
  // (tsx's command line runs the program in a child process).
  const child = spawn(ORTSBAND_BIN, ['--database', database, 'import', '--summary', file], { stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const applying = new Promise<void>((resolve) =>
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('Applying the import')) resolve();
    }),
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await Promise.race([applying, exited]);
  expect(stderr, stdout).toContain('Applying the import');
  await new Promise((r) => setTimeout(r, 500));
  child.kill('SIGKILL');
  const end = await exited;
  // Killed, not finished: the apply was under way.
  expect(end.signal).toBe('SIGKILL');
  expect(stdout).not.toContain('Imported');

  expect(await state()).toEqual(before);
}, 180_000);
