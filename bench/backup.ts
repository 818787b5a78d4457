// The benchmark's backup and restore (bench/run.ts --only=backup): the
// command line's `ortsband backup` of the generated database and `ortsband
// restore` of that file into a fresh database on the same server, each in a
// child process as a user runs them, timed from spawn to exit, with the
// child's peak RSS as the kernel counted it (report-peak-rss.ts).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface CommandRun {
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

/** Runs `ortsband …` in one Node process (no tsx wrapper, so the RSS is the command's own). */
function runOrtsband(args: string[]): Promise<CommandRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './bench/report-peak-rss.ts', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let peakRssKb: number | null = null;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString().replace(/^peak-rss-kb=(\d+)\n/m, (_, kb: string) => {
      peakRssKb = Number(kb);
      return '';
    });
    process.stderr.write(text); // the progress lines
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`ortsband ${args.join(' ')} exited with ${code}`));
      if (peakRssKb === null) return reject(new Error(`ortsband ${args.join(' ')} did not report its peak RSS`));
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peakRssKb / 1024), stdout });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

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
      await onServer(serverUrl, `create database ${name}`);
      try {
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        const restore = await runOrtsband(['--database', url.toString(), 'restore', file]);
        restores.push(restore);
        console.error(`[postgres] restore run ${r + 1}: ${restore.seconds.toFixed(1)} s, peak RSS ${restore.peakRssMb} MB`);
      } finally {
        await onServer(serverUrl, `drop database if exists ${name} with (force)`);
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
