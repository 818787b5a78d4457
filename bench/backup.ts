// The benchmark's backup and restore (bench/run.ts --only=backup): the
// command line's `ortsband backup` of the generated database and `ortsband
// restore` of that file into a fresh database on the same server, each in a
// child process as a user runs them, timed from spawn to exit, with the
// child's peak RSS as the kernel counted it (report-peak-rss.ts).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatabase, databaseUrl as urlOfDatabase, dropDatabase } from '../src/db/server-databases.ts';
import { runOrtsband, type CommandRun } from './run-command.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Backs up the database at `databaseUrl` and restores it into a fresh database on `serverUrl`'s server, `runs` times. */
export async function benchBackup(serverUrl: string, databaseUrl: string, runs: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ortsband-bench-backup-'));
  const backups: CommandRun[] = [];
  const restores: CommandRun[] = [];
  let rows = 0;
  let bytes = 0;
  try {
    for (let r = 0; r < runs; r++) {
      const file = path.join(dir, `run-${r}.ndjson.gz`);
      const backup = await runOrtsband(['--database', databaseUrl, 'backup', '--out', file]);
      rows = Number(/: (\d+) rows in \d+ tables/.exec(backup.stdout)?.[1]);
      bytes = (await stat(file)).size;
      backups.push(backup);
      console.error(`[postgres] backup run ${r + 1}: ${backup.seconds.toFixed(1)} s, ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB, peak RSS ${backup.peakRssMb} MB`);

      const name = `ortsband_bench_restore_${Date.now()}`;
      await createDatabase(serverUrl, name);
      try {
        const restore = await runOrtsband(['--database', urlOfDatabase(serverUrl, name), 'restore', file]);
        restores.push(restore);
        console.error(`[postgres] restore run ${r + 1}: ${restore.seconds.toFixed(1)} s, peak RSS ${restore.peakRssMb} MB`);
      } finally {
        await dropDatabase(serverUrl, name);
        await rm(file, { force: true });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const summary = (list: CommandRun[]) => {
    const seconds = median(list.map((x) => x.seconds));
    return { seconds: round1(seconds), rowsPerSecond: Math.round(rows / seconds), peakRssMb: median(list.map((x) => x.peakRssMb)), runsSeconds: list.map((x) => round1(x.seconds)) };
  };
  return { rows, fileMb: round1(bytes / 1e6), backup: summary(backups), restore: summary(restores) };
}
