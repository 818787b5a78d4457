// `ortsband backup` and `ortsband restore`: the whole database to one file and
// back, between PGlite and PostgreSQL in either direction (src/db/backup.ts).
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { writeBackup, type TableCount } from '../../db/backup.ts';
import { readBackupHeader, restoreBackup, RestoreError } from '../../db/restore.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { describeTarget, targetOf, withDatabase } from '../database.ts';
import { withProgress } from '../progress.ts';

const exists = (file: string) => access(file).then(() => true, () => false);

function defaultBackupFile(now = new Date()): string {
  // 2025-03-01T12-30-05Z: sorts by time and has no colons (which some file systems refuse).
  return path.join('var', 'backups', `ortsband-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}.ndjson.gz`);
}

function printCounts(tables: TableCount[]): void {
  const width = Math.max(...tables.map((t) => t.name.length));
  for (const t of tables) console.log(`  ${t.name.padEnd(width)}  ${t.rows}`);
}

const totalRows = (tables: TableCount[]) => tables.reduce((n, t) => n + t.rows, 0);

export function registerBackup(program: Command) {
  program
    .command('backup')
    .description('write the whole database to one file (gzip, newline-delimited JSON) that restore loads into PGlite or PostgreSQL')
    .option('--out <file>', 'where to write it (default: ./var/backups/ortsband-<time>.ndjson.gz)')
    .addHelpText('after', '\nThe backup is one consistent moment of every table; the database stays readable while it runs.')
    .action(async (options: { out?: string }) => {
      const file = options.out ?? defaultBackupFile();
      if (await exists(file)) throw new CliError(`${file} exists already; name another file with --out`, EXIT.usage);
      const target = targetOf(program.opts().database);
      const summary = await withDatabase(target, (database) => withProgress('backup', (progress) => writeBackup(database, file, { onProgress: progress })));
      console.log(`wrote ${summary.file} (${(summary.bytes / 1e6).toFixed(1)} MB): ${totalRows(summary.tables)} rows in ${summary.tables.length} tables of ${describeTarget(target)}`);
      printCounts(summary.tables);
    });

  program
    .command('restore')
    .description('load a backup into an empty database (PGlite or PostgreSQL, whichever took it); all or nothing')
    .argument('<file>', 'a backup written by ortsband backup')
    .option('--replace', 'empty every table first, in the same transaction, instead of refusing a database that holds rows')
    .addHelpText(
      'after',
      `
The database is migrated first and must then be at the same migrations as the backup.
Restore refuses (exit code 2) a database that holds rows, unless --replace, and refuses
(exit code 3) a file that is not a complete backup; either way nothing is changed.`,
    )
    .action(async (file: string, options: { replace?: boolean }) => {
      if (!(await exists(file))) throw new CliError(`${file}: no such file`, EXIT.usage);
      const target = targetOf(program.opts().database);
      try {
        await readBackupHeader(file); // a file that is no backup is refused before the database is opened (or made)
        const summary = await withDatabase(target, (database) =>
          withProgress('restore', (progress) => restoreBackup(database, file, { replace: options.replace === true, onProgress: progress })),
        );
        console.log(`restored ${file} (${summary.header.source}, ${summary.header.createdAt}) into ${describeTarget(target)}: ${totalRows(summary.tables)} rows in ${summary.tables.length} tables`);
        printCounts(summary.tables);
      } catch (error) {
        if (error instanceof RestoreError) throw new CliError(`${error.message}; nothing was restored`, error.problem === 'target-not-empty' ? EXIT.usage : EXIT.invalidInput);
        throw error;
      }
    });
}
