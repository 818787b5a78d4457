// Rounds of two `ortsband` processes on one PGlite folder, as users start
// them: a server and a command, two imports at once, a holder killed with
// SIGKILL and the next command. Each round reports what it saw; the
// integration test (tests/integration/pglite-lock.test.ts) runs a few and
// bench/two-processes.ts a hundred.
import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, realpath, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../src/db/client.ts';
import { STALE_MS } from '../../src/db/folder-lock.ts';
import { cliEnv, ORTSBAND_BIN } from './cli.ts';

export interface Running {
  child: ChildProcess;
  pid: number;
  output(): { stdout: string; stderr: string };
  /** Resolves when `text` appears in stdout or stderr; rejects if the process ends first. */
  printed(text: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `ortsband …` in a child process: bin/ortsband.js itself, so its pid is the command's. */
export function start(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(ORTSBAND_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...cliEnv(), ...env } });
  let stdout = '';
  let stderr = '';
  const waiting: Array<{ text: string; resolve: () => void }> = [];
  const check = () => {
    for (const w of waiting.splice(0)) (stdout.includes(w.text) || stderr.includes(w.text) ? w.resolve : () => waiting.push(w))();
  };
  child.stdout!.on('data', (d: Buffer) => ((stdout += d.toString()), check()));
  child.stderr!.on('data', (d: Buffer) => ((stderr += d.toString()), check()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    child,
    pid: child.pid!,
    output: () => ({ stdout, stderr }),
    printed: (text) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ text, resolve });
        check();
        void exited.then((end) => reject(new Error(`ortsband ${args.join(' ')} ended (${end.code ?? end.signal}) before printing '${text}':\n${end.stdout}\n${end.stderr}`)));
      }),
    exited,
  };
}

/** A CSV of `count` new agreements whose slugs begin with `prefix`, between bodies and places the shipped register has. */
export async function agreementsFile(folder: string, prefix: string, count: number): Promise<string> {
  const lines = ['agreement,kind,parties,counterparts,event,event_date,event_sources'];
  for (let i = 0; i < count; i++) lines.push(`${prefix}-${i},vanort,2514 Kalix kommun,Gansu > Lanzhou,established,${1990 + (i % 30)},nkk2022: Appendix`);
  const file = path.join(folder, `${prefix}.csv`);
  await writeFile(file, lines.join('\n'));
  return file;
}

/** Opens the folder in this process, as the next start would, and counts the agreements under each prefix. */
export async function countAgreements(dataDir: string, prefixes: string[]): Promise<Map<string, number>> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const counts = new Map<string, number>();
    for (const prefix of prefixes) {
      const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from agreements where slug like ${`${prefix}-%`}`);
      counts.set(prefix, row!.n);
    }
    return counts;
  } finally {
    await database.close();
  }
}

export interface Round {
  kind: string;
  /** Processes refused with exit 2 and the message naming the holder. */
  refused: number;
  /** Processes that ran to the end beside no other (a second import that came after the first had finished). */
  ranAlone: number;
  /** Anything not as it should be: a wrong exit code, a refusal without the holder's name. */
  unexpected: string[];
  /** Agreements of imports that exited 0 and are not in the folder. */
  lostWrites: number;
  /** Agreements of refused or killed imports that are in the folder. */
  strayWrites: number;
  /** The folder opened after the round (in this process, as the next start would). */
  opened: boolean;
  /** From a holder's SIGKILL to the next process's exit 0. */
  takeoverSeconds?: number;
  seconds: number;
}

export interface Setting {
  dataDir: string;
  /** Where the round's files go. */
  scratch: string;
  /** A backup of the folder, for `restore` while a server runs. */
  backup: string;
  /** Agreements per import. */
  rows: number;
}

const REFUSAL = /the database folder .+ is in use by `ortsband (\w+)` \(pid (\d+)(?: on [^,]+)?, since [^)]+\); PGlite lets one process at a time open a folder\. Stop that process first, or run Ortsband on PostgreSQL \(DATABASE_URL\)/;

/** Checks that a process was refused for `holder` with exit 2; returns what was wrong, if anything. */
function refusal(name: string, end: { code: number | null; stderr: string }, holder: { command: string; pid: number }): string | null {
  const match = REFUSAL.exec(end.stderr);
  if (end.code !== 2) return `${name} exited ${end.code}, not 2: ${end.stderr.slice(-300)}`;
  if (!match || match[1] !== holder.command || Number(match[2]) !== holder.pid) return `${name} was refused without naming \`ortsband ${holder.command}\` (pid ${holder.pid}): ${end.stderr.slice(-300)}`;
  return null;
}

async function finish(round: Omit<Round, 'opened' | 'lostWrites' | 'strayWrites' | 'seconds'>, started: number, dataDir: string, landed: string[], refused: string[], expected: Map<string, number>) {
  let opened = false;
  let lostWrites = 0;
  let strayWrites = 0;
  try {
    const counts = await countAgreements(dataDir, [...landed, ...refused]);
    opened = true;
    for (const prefix of landed) lostWrites += expected.get(prefix)! - counts.get(prefix)!;
    for (const prefix of refused) strayWrites += counts.get(prefix)!;
  } catch (error) {
    round.unexpected.push(`the folder did not open: ${(error as Error).message}`);
  }
  return { ...round, opened, lostWrites, strayWrites, seconds: (performance.now() - started) / 1000 };
}

export type ServerCommand = 'import' | 'backup' | 'restore' | 'stats' | 'export' | 'serve';

/**
 * `ortsband serve` on the folder, then `commands` at once beside it: each is
 * refused, the server answers meanwhile, and once it has stopped the refused
 * import runs and lands.
 */
export async function serverRound(setting: Setting, id: string, commands: ServerCommand[]): Promise<Round> {
  const started = performance.now();
  const { dataDir, scratch } = setting;
  const unexpected: string[] = [];
  const server = start(['--database', dataDir, 'serve', '--port', '0']);
  await server.printed('Ortsband is at');
  const url = /Ortsband is at (http:\/\/\S+?)\/? /.exec(server.output().stdout)![1]!;
  const file = await agreementsFile(scratch, `${id}-import`, setting.rows);
  const argsOf: Record<ServerCommand, string[]> = {
    import: ['import', file],
    backup: ['backup', '--out', path.join(scratch, `${id}.ndjson.gz`)],
    restore: ['restore', '--replace', setting.backup],
    stats: ['stats'],
    export: ['export', '--out', path.join(scratch, `${id}-export`)],
    serve: ['serve', '--port', '0'],
  };
  const ends = await Promise.all(commands.map((c) => start(['--database', dataDir, ...argsOf[c]]).exited));
  let refused = 0;
  ends.forEach((end, i) => {
    const wrong = refusal(commands[i]!, end, { command: 'serve', pid: server.pid });
    if (wrong) unexpected.push(wrong);
    else refused++;
  });
  const page = await fetch(`${url}/`).then((r) => r.status, (e: Error) => e.message);
  if (page !== 200) unexpected.push(`the server answered ${page} beside the refused commands`);
  server.child.kill('SIGTERM');
  const stopped = await server.exited;
  if (stopped.code !== 0) unexpected.push(`the server exited ${stopped.code ?? stopped.signal} on SIGTERM`);
  // The lock went with the server: the import now runs.
  const after = await start(['--database', dataDir, 'import', '--summary', file]).exited;
  if (after.code !== 0) unexpected.push(`the import after the server stopped exited ${after.code}: ${after.stderr.slice(-300)}`);
  const landed = after.code === 0 ? [`${id}-import`] : [];
  return finish({ kind: `server + ${commands.join(', ')}`, refused, ranAlone: 0, unexpected }, started, dataDir, landed, after.code === 0 ? [] : [`${id}-import`], new Map([[`${id}-import`, setting.rows]]));
}

/** Two imports of different agreements started at once: one runs, the other is refused (or, if the first was already done, runs after it). */
export async function twoImportsRound(setting: Setting, id: string): Promise<Round> {
  const started = performance.now();
  const { dataDir, scratch } = setting;
  const unexpected: string[] = [];
  const prefixes = [`${id}-a`, `${id}-b`];
  const files = await Promise.all(prefixes.map((p) => agreementsFile(scratch, p, setting.rows)));
  const runs = files.map((file) => start(['--database', dataDir, 'import', '--summary', file]));
  const ends = await Promise.all(runs.map((r) => r.exited));
  const landed: string[] = [];
  const refusedPrefixes: string[] = [];
  let refused = 0;
  ends.forEach((end, i) => {
    if (end.code === 0) return void landed.push(prefixes[i]!);
    refusedPrefixes.push(prefixes[i]!);
    const wrong = refusal(`import ${prefixes[i]}`, end, { command: 'import', pid: runs[1 - i]!.pid });
    if (wrong) unexpected.push(wrong);
    else refused++;
  });
  if (landed.length === 0) unexpected.push('neither import ran');
  const ranAlone = landed.length === 2 ? 1 : 0;
  return finish({ kind: 'two imports', refused, ranAlone, unexpected }, started, dataDir, landed, refusedPrefixes, new Map(prefixes.map((p) => [p, setting.rows])));
}

/** An import killed with SIGKILL in its transaction, holding the lock; the next import takes the folder over at once and lands. */
export async function killedHolderRound(setting: Setting, id: string): Promise<Round> {
  const started = performance.now();
  const { dataDir, scratch } = setting;
  const unexpected: string[] = [];
  const [killedFile, nextFile] = await Promise.all([agreementsFile(scratch, `${id}-killed`, setting.rows * 4), agreementsFile(scratch, `${id}-next`, setting.rows)]);
  const holder = start(['--database', dataDir, 'import', '--summary', killedFile]);
  await holder.printed('Applying the import');
  holder.child.kill('SIGKILL');
  const killed = await holder.exited;
  if (killed.signal !== 'SIGKILL') unexpected.push(`the holder was not killed: it exited ${killed.code}`);
  // What the next process has to take over.
  const left = await access(`${await realpath(dataDir)}.lock`).then(() => true, () => false);
  if (!left) unexpected.push('the killed holder left no lock behind');
  const killedAt = performance.now();
  const next = await start(['--database', dataDir, 'import', '--summary', nextFile]).exited;
  const takeoverSeconds = (performance.now() - killedAt) / 1000;
  if (next.code !== 0) unexpected.push(`the import after the SIGKILL exited ${next.code}: ${next.stderr.slice(-300)}`);
  const landed = next.code === 0 ? [`${id}-next`] : [];
  const round = await finish(
    { kind: 'killed holder', refused: 0, ranAlone: 0, unexpected, takeoverSeconds },
    started,
    dataDir,
    landed,
    next.code === 0 ? [`${id}-killed`] : [`${id}-killed`, `${id}-next`],
    new Map([[`${id}-next`, setting.rows]]),
  );
  return round;
}

/**
 * A holder killed with SIGKILL whose lock names another machine (as when two
 * machines share the folder): its process cannot be looked at, so the lock
 * holds until it has gone unrefreshed for the stale period.
 * `wait` (the bench): imports are started every 2 s after the kill until one
 * takes the folder, which must not end before the stale period has passed.
 * Otherwise (the test, on a machine of any speed): the lock's mtime is set
 * ahead, so that the first import is refused however long it takes to start,
 * then back by the stale period, and the next import takes it.
 */
export async function staleLockRound(setting: Setting, id: string, { wait }: { wait: boolean }): Promise<Round> {
  const started = performance.now();
  const { dataDir, scratch } = setting;
  const unexpected: string[] = [];
  const [killedFile, nextFile] = await Promise.all([agreementsFile(scratch, `${id}-killed`, setting.rows * 4), agreementsFile(scratch, `${id}-next`, setting.rows)]);
  const holder = start(['--database', dataDir, 'import', '--summary', killedFile]);
  await holder.printed('Applying the import');
  holder.child.kill('SIGKILL');
  const killedAt = performance.now();
  await holder.exited;
  const lock = `${await realpath(dataDir)}.lock`;
  const owner = JSON.parse(await readFile(`${lock}/owner.json`, 'utf8')) as { host: string };
  await writeFile(`${lock}/owner.json`, JSON.stringify({ ...owner, host: 'another-machine' }));
  const importNext = () => start(['--database', dataDir, 'import', '--summary', nextFile]).exited;
  let refused = 0;
  let next: Awaited<ReturnType<typeof importNext>>;
  const wasRefused = (end: typeof next) => {
    const wrong = refusal('the import after the SIGKILL', end, { command: 'import', pid: holder.pid });
    if (wrong) unexpected.push(wrong);
    else refused++;
  };
  if (wait) {
    next = await importNext();
    while (next.code === 2 && performance.now() - killedAt < STALE_MS * 10) {
      wasRefused(next);
      await new Promise((r) => setTimeout(r, 2_000));
      next = await importNext();
    }
    if (next.code === 0 && performance.now() - killedAt < STALE_MS) unexpected.push(`the lock was taken over ${((performance.now() - killedAt) / 1000).toFixed(1)} s after the kill, within the stale period`);
  } else {
    const ahead = new Date(Date.now() + 10 * 60_000);
    await utimes(lock, ahead, ahead);
    wasRefused(await importNext());
    const stale = new Date(Date.now() - STALE_MS - 1_000);
    await utimes(lock, stale, stale);
    next = await importNext();
  }
  const takeoverSeconds = (performance.now() - killedAt) / 1000;
  if (next.code !== 0) unexpected.push(`the import after the stale period exited ${next.code}: ${next.stderr.slice(-300)}`);
  const landed = next.code === 0 ? [`${id}-next`] : [];
  return finish(
    { kind: 'stale lock of another machine', refused, ranAlone: 0, unexpected, takeoverSeconds },
    started,
    dataDir,
    landed,
    next.code === 0 ? [`${id}-killed`] : [`${id}-killed`, `${id}-next`],
    new Map([[`${id}-next`, setting.rows]]),
  );
}
