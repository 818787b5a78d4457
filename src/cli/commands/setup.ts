// migrate, seed and snapshot: getting a database ready.
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { describeTarget, targetOf, withDatabase } from '../database.ts';
import { isEmpty, seedShippedData } from '../prepare.ts';
import { buildSnapshot } from '../snapshot.ts';

export function registerSetup(program: Command) {
  program
    .command('migrate')
    .description('run the SQL migrations (the same on PGlite and PostgreSQL)')
    .action(async () => {
      const target = targetOf(program.opts().database);
      await withDatabase(target, async () => {});
      console.log(`migrated ${describeTarget(target)}`);
    });

  program
    .command('seed')
    .description('load the shipped data (data/*.yaml) into an empty database')
    .action(async () => {
      const target = targetOf(program.opts().database);
      await withDatabase(target, async (database) => {
        if (!(await isEmpty(database))) throw new CliError(`${describeTarget(target)} holds data already; seed loads only into an empty database`);
        console.log(JSON.stringify(await seedShippedData(database)));
      });
    });

  program
    .command('snapshot')
    .description('build the PGlite image of the shipped data that a first start loads')
    .action(async () => {
      console.log(`built ${await buildSnapshot()}`);
    });
}
