// `ortsband import` and `ortsband export`: the exchange format
// (src/domain/transfer/exchange/format.ts) in and out.
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { DomainError } from '../../domain/errors.ts';
import { applyImport } from '../../domain/transfer/exchange/apply.ts';
import { oneLine } from '../../domain/transfer/exchange/failures.ts';
import { writeCsv, writeJson, writeXlsx, type CsvDelimiter } from '../../domain/transfer/exchange/export.ts';
import { TABLES } from '../../domain/transfer/exchange/format.ts';
import { planImport, summarise, type ImportPlan } from '../../domain/transfer/exchange/plan.ts';
import { formatOf, readFiles, type InputFile, type Problem } from '../../domain/transfer/exchange/read.ts';
import { MAX_XLSX_BYTES, tooLarge } from '../../domain/transfer/exchange/read-xlsx.ts';
import { targetOf, withDatabase } from '../database.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { systemContext } from '../prepare.ts';
import { withProgress } from '../progress.ts';

const where = (p: Problem) => [p.file, p.row !== undefined ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null].filter(Boolean).join(', ');

function printReport(plan: ImportPlan, options: { json?: boolean; summary?: boolean }) {
  const summary = summarise(plan);
  if (options.json) {
    console.log(JSON.stringify({ summary, outcomes: options.summary ? undefined : plan.outcomes, problems: plan.problems }, null, 2));
    return;
  }
  if (!options.summary) for (const o of plan.outcomes) console.log(`${o.file}, row ${o.row}: ${o.action === 'unchanged' ? 'leave alone' : o.action} ${o.what}`);
  for (const p of plan.problems) console.error(`${where(p)}: ${p.message}`);
  const line = (name: string, c: { create: number; change: number; unchanged: number }) => `  ${name}: ${c.create} to create, ${c.change} to change, ${c.unchanged} left alone`;
  console.log(
    [
      'Summary:',
      line('sources', summary.sources),
      line('actors', summary.actors),
      line('counterparts', summary.counterparts),
      line('agreements', summary.agreements),
      line('events', summary.events),
      line('action plans', summary.action_plans),
      line('goals', summary.goals),
      line('activities', summary.activities),
      line('contact surfaces', summary.contact_surfaces),
      line('guidance articles', summary.knowledge_articles),
      line('earlier versions of articles', summary.knowledge_article_versions),
      `  problems: ${summary.problems}`,
    ].join('\n'),
  );
}

async function firstBytes(file: string, count: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(new Uint8Array(count), 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function registerTransfer(program: Command) {
  program
    .command('import')
    .description('import sources, actors, counterparts, agreements with their events, action plans with their goals, activities, contact surfaces and the knowledge base\'s guidance articles from CSV, XLSX or JSON files in the exchange format')
    .argument('<files...>', 'CSV (comma or semicolon, UTF-8), XLSX or JSON files; a CSV holds one table, named by its first column')
    .option('--dry-run', 'report what would be created, changed or left alone, and every problem; write nothing')
    .option('--organisation <slug>', 'the organisation that owns what the import creates', 'ortsband')
    .option('--summary', 'print only the summary and the problems, not every row')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
The columns are on the open-data page (/oppna-data) and in the templates:
  GET /api/exchange/template.xlsx, /api/exchange/template/<table>.csv
A file with any problem imports nothing (exit code 3). Importing the same file
twice changes nothing the second time.`,
    )
    .action(async (files: string[], options: { dryRun?: boolean; organisation: string; summary?: boolean; json?: boolean }) => {
      const inputs: InputFile[] = [];
      // A workbook over the limit is a problem found before the file is read whole.
      const tooLargeFiles: Problem[] = [];
      for (const file of files) {
        try {
          const name = path.basename(file);
          const { size } = await stat(file);
          if (size > MAX_XLSX_BYTES && formatOf({ name, bytes: await firstBytes(file, 2) }) === 'xlsx') {
            tooLargeFiles.push({ file: name, message: tooLarge(size) });
            continue;
          }
          inputs.push({ name, bytes: new Uint8Array(await readFile(file)) });
        } catch (error) {
          throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.usage);
        }
      }
      const read = inputs.length ? await readFiles(inputs) : { tables: [], problems: [] };
      read.problems.unshift(...tooLargeFiles);
      await withDatabase(targetOf(program.opts().database), async (database) => {
        const ctx = systemContext(database, 'import');
        const plan = await planImport(ctx, read.tables, read.problems);
        printReport(plan, options);
        if (plan.problems.length) throw new CliError(`${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'}; nothing was imported`, EXIT.invalidInput);
        const started = Date.now();
        console.error(options.dryRun ? 'Checking the import in a transaction that is rolled back…' : 'Applying the import in one transaction…');
        try {
          // A dry run is apply, rolled back: it meets every check apply meets.
          await withProgress(options.dryRun ? 'checking' : 'importing', (onProgress) => applyImport(ctx, plan, { organisation: options.organisation, onProgress, dryRun: options.dryRun }));
        } catch (error) {
          const where = inputs.map((f) => f.name).join(', ');
          if (error instanceof DomainError && error.code === 'VALIDATION') {
            for (const p of error.problems.slice(0, 20)) console.error(`${where}: ${oneLine(p.message)}`);
            throw new CliError(`the database refused the import; nothing was ${options.dryRun ? 'written' : 'imported'}`, EXIT.invalidInput);
          }
          throw new CliError(`${where}: ${oneLine(error instanceof Error ? error.message : String(error))}`, EXIT.failed);
        }
        if (options.dryRun) {
          console.log('Dry run: every check passed; nothing was written.');
          return;
        }
        console.log(`Imported in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      });
    });

  program
    .command('export')
    .description('export the public register in the exchange format (the columns import reads)')
    .addOption(new Option('--format <format>', 'csv (one file per table), xlsx or json').choices(['csv', 'xlsx', 'json']).default('csv'))
    .option('--out <path>', 'a folder for csv (default ./var/export), a file for xlsx and json (default ./var/export/ortsband.<format>); - writes json or one csv table to standard output')
    .addOption(new Option('--table <table>', 'csv only: export just this table').choices([...TABLES]))
    .option('--semicolon', 'csv only: separate cells with ; (Excel with Swedish settings)')
    .action(async (options: { format: 'csv' | 'xlsx' | 'json'; out?: string; table?: (typeof TABLES)[number]; semicolon?: boolean }) => {
      const delimiter: CsvDelimiter = options.semicolon ? ';' : ',';
      if (options.out === '-' && options.format === 'xlsx') throw new CliError('an xlsx export needs a file: give --out', EXIT.usage);
      if (options.out === '-' && options.format === 'csv' && !options.table) throw new CliError('csv to standard output takes one table: give --table', EXIT.usage);
      await withDatabase(targetOf(program.opts().database), async (database) => {
        const ctx = systemContext(database, 'export');
        const started = Date.now();
        const toFile = async (file: string, work: (out: Writable) => Promise<number>) => {
          if (file === '-') return work(process.stdout);
          await mkdir(path.dirname(path.resolve(file)), { recursive: true });
          // Written beside and moved into place: a half-written export never looks finished.
          const partial = `${file}.partial`;
          const out = createWriteStream(partial);
          const rows = await work(out);
          out.end();
          await finished(out);
          await rename(partial, file);
          return rows;
        };
        const written: string[] = [];
        let rows = 0;
        if (options.format === 'csv') {
          const folder = options.out ?? './var/export';
          if (folder !== '-' && (await stat(folder).catch(() => null))?.isFile()) throw new CliError(`${folder} is a file; csv writes a folder of tables`, EXIT.usage);
          for (const table of options.table ? [options.table] : TABLES) {
            const file = folder === '-' ? '-' : path.join(folder, `${table}.csv`);
            rows += await withProgress(`exporting ${table}`, () => toFile(file, (out) => writeCsv(ctx, table, out, delimiter)));
            written.push(file);
          }
        } else {
          const file = options.out ?? `./var/export/ortsband.${options.format}`;
          rows = await toFile(file, (out) => (options.format === 'json' ? writeJson(ctx, out) : writeXlsx(ctx, out)));
          written.push(file);
        }
        const seconds = (Date.now() - started) / 1000;
        if (options.out !== '-') console.error(`exported ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s) to ${written.join(', ')}`);
      });
    });
}
