// One process per PGlite folder (issue 18, point 1), with real processes:
// `ortsband serve` and every other command beside it, two imports at once, a
// holder killed with SIGKILL. Whatever the second process is, it exits 2
// naming the first, and the first's writes are all in the folder, which opens
// after every round. bench/two-processes.ts runs the same rounds 100 times.
// PGlite only: on PostgreSQL (TEST_DATABASE_URL) this file runs the same.
import { access, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrepared } from '../../src/cli/prepare.ts';
import { writeBackup } from '../../src/db/backup.ts';
import { openDatabase } from '../../src/db/client.ts';
import { FolderInUseError, lockDataFolder, STALE_MS } from '../../src/db/folder-lock.ts';
import { ortsband } from '../support/cli.ts';
import { killedHolderRound, serverRound, staleLockRound, twoImportsRound, type Round, type Setting } from '../support/two-processes.ts';

let folder: string;
let setting: Setting;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ortsband-lock-'));
  const dataDir = path.join(folder, 'pglite');
  const backup = path.join(folder, 'shipped.ndjson.gz');
  const { database } = await openPrepared({ kind: 'pglite', dataDir });
  try {
    await writeBackup(database, backup);
  } finally {
    await database.close();
  }
  setting = { dataDir, scratch: folder, backup, rows: 200 };
});
afterAll(async () => rm(folder, { recursive: true, force: true }));

const lockOf = (dataDir: string) => `${dataDir}.lock`;
const exists = (file: string) => access(file).then(() => true, () => false);

function expectClean(round: Round) {
  expect(round.unexpected).toEqual([]);
  expect(round.lostWrites).toBe(0);
  expect(round.strayWrites).toBe(0);
  expect(round.opened).toBe(true);
}

it('an unknown command exits 2 naming the commands, also with --help after it', async () => {
  const commands = 'serve, migrate, seed, snapshot, import, export, stats, backup, restore';
  for (const args of [['frobnicate', '--help'], ['frobnicate'], ['--database', path.join(folder, 'none'), 'frobnicate', '--help'], ['help', 'frobnicate']]) {
    const result = await ortsband(...args);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stderr).toContain(`ortsband: unknown command 'frobnicate'; the commands are: ${commands}`);
    expect(result.stdout).not.toContain('Usage:');
  }
  const help = await ortsband('help', 'stats');
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Usage: ortsband stats');
}, 300_000);

it('while a server runs, import, backup, restore, stats, export and a second server exit 2 naming it, and it goes on serving', async () => {
  const round = await serverRound(setting, 'server', ['import', 'backup', 'restore', 'stats', 'export', 'serve']);
  expectClean(round);
  expect(round.refused).toBe(6);
  expect(await exists(lockOf(setting.dataDir))).toBe(false);
}, 480_000);

it('two imports at once: the second exits 2 naming the first, whose writes are all there, 5 rounds', async () => {
  let refused = 0;
  for (let r = 0; r < 5; r++) {
    const round = await twoImportsRound(setting, `two-${r}`);
    expectClean(round);
    expect(round.refused + round.ranAlone).toBe(1);
    refused += round.refused;
  }
  // Started together, they overlap: a round where both ran, one after the
  // other, is possible but not every time.
  expect(refused).toBeGreaterThan(0);
}, 900_000);

it('a holder killed with SIGKILL leaves its lock, and the next command takes the folder over at once', async () => {
  const round = await killedHolderRound(setting, 'killed');
  expectClean(round);
  expect(await exists(lockOf(setting.dataDir))).toBe(false);
}, 300_000);

it('a killed holder whose lock names another machine holds the folder until the stale period has passed', async () => {
  const round = await staleLockRound(setting, 'stale', { wait: false });
  expectClean(round);
  expect(round.refused).toBe(1);
  expect(await exists(lockOf(setting.dataDir))).toBe(false);
}, 300_000);

it('a command that fails releases the folder', async () => {
  const seeded = await ortsband('--database', setting.dataDir, 'seed');
  expect(seeded.code).toBe(1);
  expect(seeded.stderr).toContain('holds data already');
  expect(await exists(lockOf(setting.dataDir))).toBe(false);
}, 180_000);

describe('in one process', () => {
  it('a folder open in this process is refused a second time, and opens again once closed', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir: setting.dataDir });
    const second = openDatabase({ kind: 'pglite', dataDir: path.relative(process.cwd(), setting.dataDir) });
    await expect(second).rejects.toBeInstanceOf(FolderInUseError);
    await expect(second).rejects.toThrow(/in use by this process already/);
    await first.close();
    expect(await exists(lockOf(setting.dataDir))).toBe(false);
    await (await openDatabase({ kind: 'pglite', dataDir: setting.dataDir })).close();
  }, 180_000);

  it('a lock whose owner cannot be checked (another machine, or none named) holds until it is stale', async () => {
    const lock = lockOf(setting.dataDir);
    const owners = [null, { pid: 4242, host: `not-${hostname()}`, command: 'ortsband import', since: new Date().toISOString() }];
    for (const owner of owners) {
      await mkdir(lock);
      if (owner) await writeFile(path.join(lock, 'owner.json'), JSON.stringify(owner));
      const refused = openDatabase({ kind: 'pglite', dataDir: setting.dataDir });
      await expect(refused).rejects.toThrow(owner ? `in use by \`ortsband import\` (pid 4242 on not-${hostname()}` : 'in use by another process');
      // Not refreshed for longer than the stale period: its holder is gone.
      const old = new Date(Date.now() - STALE_MS - 5_000);
      await utimes(lock, old, old);
      await (await openDatabase({ kind: 'pglite', dataDir: setting.dataDir })).close();
      expect(await exists(lock)).toBe(false);
    }
  }, 180_000);

  it('a lock named by a process of this machine that has ended is taken over at once', async () => {
    const lock = lockOf(setting.dataDir);
    await mkdir(lock);
    // A pid far above any Linux pid_max: no such process.
    await writeFile(path.join(lock, 'owner.json'), JSON.stringify({ pid: 2 ** 30, host: hostname(), command: 'ortsband serve', since: new Date().toISOString() }));
    await (await openDatabase({ kind: 'pglite', dataDir: setting.dataDir })).close();
    expect(await exists(lock)).toBe(false);
  }, 180_000);

  it('of two that find the same stale lock at once, one takes it over and the other is refused', async () => {
    const lock = lockOf(setting.dataDir);
    for (let r = 0; r < 10; r++) {
      await mkdir(lock);
      const old = new Date(Date.now() - STALE_MS - 5_000);
      await utimes(lock, old, old);
      const lost = (error: Error) => expect.fail(`a lock was taken away: ${error.message}`);
      const results = await Promise.allSettled([lockDataFolder(setting.dataDir, lost), lockDataFolder(setting.dataDir, lost)]);
      const taken = results.filter((result) => result.status === 'fulfilled');
      expect(taken).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')!.reason).toBeInstanceOf(FolderInUseError);
      await taken[0]!.value.release();
      expect(await exists(lock)).toBe(false);
    }
  }, 180_000);

  it('in memory there is no folder and no lock', async () => {
    const [a, b] = await Promise.all([openDatabase({ kind: 'pglite', dataDir: undefined }), openDatabase({ kind: 'pglite', dataDir: undefined })]);
    await Promise.all([a.close(), b.close()]);
  }, 180_000);
});
