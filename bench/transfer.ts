// Import and export at scale, on the generated bench register: each run is
// `ortsband import` / `ortsband export` in a child process, as a user runs
// them, timed from outside and with its peak memory reported by the child.
// Import: a 100,000-row CSV (10,000 new agreements with 10 events each,
// between the register's actors and places), dry run then apply; each run
// imports agreements of its own, so every run starts from the same state
// plus the earlier runs' 10,000. The same rows (agreements of their own) as
// an XLSX workbook saved as Excel saves one, dry run then apply. Export: the
// whole register as CSV.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { openDatabase, queryRows, type DatabaseTarget } from '../src/db/client.ts';
import { runOrtsband, type CommandRun } from './run-command.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const IMPORT_AGREEMENTS = 10_000;
const EVENTS = ['established', 'activity_observed', 'renewed', 'dormant', 'activity_observed', 'paused', 'resumed', 'activity_observed', 'renewed', 'ended'];

/** The import's rows, header first: `prefix` names the agreements (each run imports its own). */
async function importRows(target: DatabaseTarget, prefix: string): Promise<string[][]> {
  const database = await openDatabase(target);
  const actors = await queryRows<{ slug: string }>(database.db, sql`select slug from actors order by id limit 5000`);
  const places = await queryRows<{ slug: string }>(database.db, sql`select slug from counterparts where level = 'county' order by id limit 5000`);
  await database.close();
  const rows = [['agreement', 'kind', 'parties', 'counterparts', 'official_title', 'event', 'event_date', 'event_side', 'event_mode', 'deciding_body', 'reasons']];
  for (let i = 0; i < IMPORT_AGREEMENTS; i++) {
    const agreement = [`${prefix}-${i}`, i % 3 ? 'vanort' : 'kommunalt_partnerskap', actors[i % actors.length]!.slug, places[(i * 7) % places.length]!.slug, `Avtal ${i}`];
    EVENTS.forEach((event, e) => {
      const year = 1990 + (i % 20) + e;
      const ending = event === 'ended' || event === 'paused';
      rows.push([...agreement, event, `${year}-${String(1 + (i % 12)).padStart(2, '0')}`, ending ? 'swedish' : '', ending ? 'decision' : '', ending ? 'kommunfullmäktige' : '', ending ? 'democracy_human_rights (decision_maker)' : '']);
    });
  }
  return rows;
}

async function importFile(target: DatabaseTarget, folder: string, run: number): Promise<string> {
  // No cell holds a comma or a quote: the rows are joined as they are.
  const lines = (await importRows(target, `bench-import-${run}`)).map((cells) => cells.join(','));
  const file = path.join(folder, `import-${run}.csv`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * The same rows as an XLSX workbook of one sheet, as Excel saves one: the
 * texts in a shared-strings table, written after the sheet (so the reader
 * keeps the sheet in a temporary file until the strings have come).
 */
async function importWorkbook(target: DatabaseTarget, folder: string, run: number): Promise<string> {
  const rows = await importRows(target, `bench-xlsx-${run}`);
  const file = path.join(folder, `import-${run}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('agreements');
  for (const cells of rows) sheet.addRow(cells).commit();
  sheet.commit();
  await workbook.commit();
  return file;
}

/** `parts`: the CSV import and the export, the XLSX import, or both. */
export async function benchTransfer(target: DatabaseTarget, runs: number, parts: { csv: boolean; xlsx: boolean } = { csv: true, xlsx: true }) {
  const database = target.kind === 'postgres' ? target.url : target.dataDir!;
  const folder = await mkdtemp(path.join(tmpdir(), 'ortsband-bench-transfer-'));
  const dryRuns: CommandRun[] = [];
  const applies: CommandRun[] = [];
  const reimports: CommandRun[] = [];
  const exports: Array<CommandRun & { rows: number; rowsPerSecond: number; bytes: number }> = [];
  const xlsxDryRuns: CommandRun[] = [];
  const xlsxApplies: CommandRun[] = [];
  let xlsxBytes = 0;
  try {
    for (let run = 0; run < (parts.csv ? runs : 0); run++) {
      const file = await importFile(target, folder, run);
      dryRuns.push(await runOrtsband(['--database', database, 'import', '--dry-run', '--summary', file]));
      applies.push(await runOrtsband(['--database', database, 'import', '--summary', file]));
      reimports.push(await runOrtsband(['--database', database, 'import', '--summary', file]));
      if (!/events: 0 to create, 0 to change, 100000 left alone/.test(reimports.at(-1)!.stdout)) throw new Error(`the second import changed something:\n${reimports.at(-1)!.stdout}`);
      console.error(`[transfer] run ${run + 1}: dry run ${dryRuns.at(-1)!.seconds.toFixed(1)} s, apply ${applies.at(-1)!.seconds.toFixed(1)} s (${applies.at(-1)!.peakRssMb} MB), again ${reimports.at(-1)!.seconds.toFixed(1)} s`);
    }
    // The same 100,000 rows as a workbook: each run's agreements its own, as above.
    for (let run = 0; run < (parts.xlsx ? runs : 0); run++) {
      const file = await importWorkbook(target, folder, run);
      xlsxBytes = (await stat(file)).size;
      xlsxDryRuns.push(await runOrtsband(['--database', database, 'import', '--dry-run', '--summary', file]));
      xlsxApplies.push(await runOrtsband(['--database', database, 'import', '--summary', file]));
      if (!/events: 100000 to create, 0 to change, 0 left alone/.test(xlsxApplies.at(-1)!.stdout)) throw new Error(`the XLSX import did not create the 100,000 events:\n${xlsxApplies.at(-1)!.stdout}`);
      console.error(`[transfer] xlsx run ${run + 1} (${(xlsxBytes / 1e6).toFixed(1)} MB): dry run ${xlsxDryRuns.at(-1)!.seconds.toFixed(1)} s (${xlsxDryRuns.at(-1)!.peakRssMb} MB), apply ${xlsxApplies.at(-1)!.seconds.toFixed(1)} s (${xlsxApplies.at(-1)!.peakRssMb} MB)`);
    }
    for (let run = 0; run < (parts.csv ? runs : 0); run++) {
      const out = path.join(folder, `export-${run}`);
      const result = await runOrtsband(['--database', database, 'export', '--format', 'csv', '--table', 'agreements', '--out', out]);
      const rows = Number(/exported (\d+) rows in ([\d.]+) s/.exec(result.stderr)?.[1]);
      const seconds = Number(/exported (\d+) rows in ([\d.]+) s/.exec(result.stderr)?.[2]);
      const bytes = (await stat(path.join(out, 'agreements.csv'))).size;
      exports.push({ ...result, rows, rowsPerSecond: Math.round(rows / seconds), bytes });
      console.error(`[transfer] export run ${run + 1}: ${rows} rows, ${Math.round(rows / seconds)} rows/s, ${result.peakRssMb} MB, ${(bytes / 1e6).toFixed(0)} MB file`);
      await rm(out, { recursive: true, force: true });
    }
    const summary = (list: CommandRun[]) => ({ medianSeconds: +median(list.map((r) => r.seconds)).toFixed(1), peakMb: Math.max(...list.map((r) => r.peakRssMb)), runsSeconds: list.map((r) => +r.seconds.toFixed(1)) });
    const xlsx = parts.xlsx ? { xlsxImport: { rows: IMPORT_AGREEMENTS * EVENTS.length, fileMb: +(xlsxBytes / 1e6).toFixed(1), dryRun: summary(xlsxDryRuns), apply: summary(xlsxApplies) } } : {};
    if (!parts.csv) return xlsx;
    const firstLines = (await readFile(path.join(folder, 'import-0.csv'), 'utf8')).split('\n').length - 2;
    return {
      importRows: firstLines,
      dryRun: { medianSeconds: +median(dryRuns.map((r) => r.seconds)).toFixed(1), peakMb: Math.max(...dryRuns.map((r) => r.peakRssMb)) },
      apply: { medianSeconds: +median(applies.map((r) => r.seconds)).toFixed(1), peakMb: Math.max(...applies.map((r) => r.peakRssMb)) },
      secondImport: { medianSeconds: +median(reimports.map((r) => r.seconds)).toFixed(1), peakMb: Math.max(...reimports.map((r) => r.peakRssMb)) },
      ...xlsx,
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
