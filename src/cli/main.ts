#!/usr/bin/env node
// The command line, `ortsband <command>`; one file per command in commands/.
// Exit codes are in exit-codes.ts.
import { Command, CommanderError } from 'commander';
import { FolderInUseError } from '../db/folder-lock.ts';
import { DomainError } from '../domain/errors.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerBackup } from './commands/backup.ts';
import { registerRemind } from './commands/remind.ts';
import { registerServe } from './commands/serve.ts';
import { registerSetup } from './commands/setup.ts';
import { registerStats } from './commands/stats.ts';
import { registerTransfer } from './commands/transfer.ts';
import { CliError, EXIT } from './exit-codes.ts';

export function buildProgram(): Command {
  const program = new Command('ortsband')
    .description('Ortsband: the register of Swedish public bodies\' agreements with Chinese cities and provinces')
    .option('--database <url-or-folder>', 'a PostgreSQL URL (postgres://…) or a PGlite data folder; default: DATABASE_URL, else DATA_DIR (./data/pglite)')
    .addHelpText(
      'after',
      `
Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; unset = PGlite),
DATA_DIR (./data/pglite), LOG_LEVEL (info).
Exit codes: 0 done, 1 failed, 2 wrong command line (or the PGlite folder is open in another process),
3 the input has problems (nothing was written).
Every command has --help, e.g. ortsband import --help.`,
    )
    .exitOverride()
    .showHelpAfterError('(ortsband --help lists the commands)');
  registerServe(program);
  registerSetup(program);
  registerTransfer(program);
  registerStats(program);
  registerBackup(program);
  registerAccounts(program);
  registerRemind(program);
  // Named in the lock on a PGlite folder (so a refused second process can say
  // what holds it) and in `ps`.
  program.hook('preAction', (_program, action) => {
    process.title = `ortsband ${action.name()}`;
  });
  return program;
}

/**
 * The command that `argv` names when it is not one of the program's, or null.
 * Commander answers `ortsband frobnicate --help` with the general help and
 * exit code 0, as if the command existed; the command is looked for first.
 */
function unknownCommand(program: Command, argv: string[]): string | null {
  const takesValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short].filter((f): f is string => !!f)));
  const names = new Set(program.commands.flatMap((c) => [c.name(), ...c.aliases()]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1] !== undefined && !names.has(argv[i + 1]!) ? argv[i + 1]! : null;
    if (arg.startsWith('-')) {
      if (takesValue.has(arg)) i++;
      continue;
    }
    // `ortsband help <command>` asks about a command too.
    if (arg === 'help') return argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-') && !names.has(argv[i + 1]!) ? argv[i + 1]! : null;
    return names.has(arg) ? null : arg;
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  const unknown = unknownCommand(program, argv);
  if (unknown !== null) {
    console.error(`ortsband: unknown command '${unknown}'; the commands are: ${program.commands.map((c) => c.name()).join(', ')}`);
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      console.error(`ortsband: ${error.message}`);
      return error.code;
    }
    // Another process has the PGlite folder open: run this one when it has
    // stopped, or use PostgreSQL (docs/pglite-lock.md).
    if (error instanceof FolderInUseError) {
      console.error(`ortsband: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof DomainError) {
      console.error(`ortsband: ${error.message}`);
      return EXIT.invalidInput;
    }
    throw error;
  }
}

// Exits once stdout and stderr are written out: into a pipe they are written
// asynchronously, and process.exit() alone would cut a long report short.
function exitAfterOutput(code: number): void {
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    console.error('ortsband: failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    exitAfterOutput(EXIT.failed);
  },
);
