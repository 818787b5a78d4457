// Import and export at scale, on the generated bench register: each run is
// `ortsband import` / `ortsband export` in a child process, as a user runs
// them, timed from outside and with its peak memory reported by the child.
// Import: a 100,000-row CSV (10,000 new agreements with 10 events each,
// between the register's actors and places), dry run then apply; each run
// imports agreements of its own, so every run starts from the same state
// plus the earlier runs' 10,000. Export: the whole register as CSV.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseTarget } from '../src/db/client.ts';
import { runOrtsband, type CommandRun } from './run-command.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const IMPORT_AGREEMENTS = 10_000;
const EVENTS = ['established', 'activity_observed', 'renewed', 'dormant', 'activity_observed', 'paused', 'resumed', 'activity_observed', 'renewed', 'ended'];

async function importFile(target: DatabaseTarget, folder: string, run: number): Promise<string> {
  const database = await openDatabase(target);
  const actors = await queryRows<{ slug: string }>(database.db, sql`select slug from actors order by id limit 5000`);
  const places = await queryRows<{ slug: string }>(database.db, sql`select slug from counterparts where level = 'county' order by id limit 5000`);
  await database.close();
  const lines = ['agreement,kind,parties,counterparts,official_title,event,event_date,event_side,event_mode,deciding_body,reasons'];
  for (let i = 0; i < IMPORT_AGREEMENTS; i++) {
    const agreement = `bench-import-${run}-${i},${i % 3 ? 'vanort' : 'kommunalt_partnerskap'},${actors[i % actors.length]!.slug},${places[(i * 7) % places.length]!.slug},Avtal ${i}`;
    EVENTS.forEach((event, e) => {
      const year = 1990 + (i % 20) + e;
      const ending = event === 'ended' || event === 'paused';
      lines.push(`${agreement},${event},${year}-${String(1 + (i % 12)).padStart(2, '0')},${ending ? 'swedish' : ''},${ending ? 'decision' : ''},${ending ? 'kommunfullmäktige' : ''},${ending ? 'democracy_human_rights (decision_maker)' : ''}`);
    });
  }
  const file = path.join(folder, `import-${run}.csv`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

export async function benchTransfer(target: DatabaseTarget, runs: number) {
  const database = target.kind === 'postgres' ? target.url : target.dataDir!;
  const folder = await mkdtemp(path.join(tmpdir(), 'ortsband-bench-transfer-'));
  const dryRuns: CommandRun[] = [];
  const applies: CommandRun[] = [];
  const reimports: CommandRun[] = [];
  const exports: Array<CommandRun & { rows: number; rowsPerSecond: number; bytes: number }> = [];
  try {
    for (let run = 0; run < runs; run++) {
      const file = await importFile(target, folder, run);
      dryRuns.push(await runOrtsband(['--database', database, 'import', '--dry-run', '--summary', file]));
      applies.push(await runOrtsband(['--database', database, 'import', '--summary', file]));
      reimports.push(await runOrtsband(['--database', database, 'import', '--summary', file]));
      if (!/events: 0 to create, 0 to change, 100000 left alone/.test(reimports.at(-1)!.stdout)) throw new Error(`the second import changed something:\n${reimports.at(-1)!.stdout}`);
      console.error(`[transfer] run ${run + 1}: dry run ${dryRuns.at(-1)!.seconds.toFixed(1)} s, apply ${applies.at(-1)!.seconds.toFixed(1)} s (${applies.at(-1)!.peakRssMb} MB), again ${reimports.at(-1)!.seconds.toFixed(1)} s`);
    }
    for (let run = 0; run < runs; run++) {
      const out = path.join(folder, `export-${run}`);
      const result = await runOrtsband(['--database', database, 'export', '--format', 'csv', '--table', 'agreements', '--out', out]);
      const rows = Number(/exported (\d+) rows in ([\d.]+) s/.exec(result.stderr)?.[1]);
      const seconds = Number(/exported (\d+) rows in ([\d.]+) s/.exec(result.stderr)?.[2]);
      const bytes = (await stat(path.join(out, 'agreements.csv'))).size;
      exports.push({ ...result, rows, rowsPerSecond: Math.round(rows / seconds), bytes });
      console.error(`[transfer] export run ${run + 1}: ${rows} rows, ${Math.round(rows / seconds)} rows/s, ${result.peakRssMb} MB, ${(bytes / 1e6).toFixed(0)} MB file`);
      await rm(out, { recursive: true, force: true });
    }
    const firstLines = (await readFile(path.join(folder, 'import-0.csv'), 'utf8')).split('\n').length - 2;
    return {
      importRows: firstLines,
      dryRun: { medianSeconds: +median(dryRuns.map((r) => r.seconds)).toFixed(1), peakMb: Math.max(...dryRuns.map((r) => r.peakRssMb)) },
      apply: { medianSeconds: +median(applies.map((r) => r.seconds)).toFixed(1), peakMb: Math.max(...applies.map((r) => r.peakRssMb)) },
      secondImport: { medianSeconds: +median(reimports.map((r) => r.seconds)).toFixed(1), peakMb: Math.max(...reimports.map((r) => r.peakRssMb)) },
      export: {
        rows: exports[0]!.rows,
        medianRowsPerSecond: median(exports.map((e) => e.rowsPerSecond)),
        medianSeconds: +median(exports.map((e) => e.seconds)).toFixed(1),
        peakMb: Math.max(...exports.map((e) => e.peakRssMb)),
        fileMb: Math.round(exports[0]!.bytes / 1e6),
      },
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
