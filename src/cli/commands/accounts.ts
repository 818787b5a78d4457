// `ortsband org add|list|hand-over` and `ortsband user add|list|role|disable|enable|password`:
// organisations and the people who sign in for them, from the command line.
// The first administrator of a new installation is made here.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { addOrganisation } from '../../domain/accounts/add-organisation.ts';
import { addUser } from '../../domain/accounts/add-user.ts';
import { changeUser } from '../../domain/accounts/change-user.ts';
import { listOrganisations } from '../../domain/accounts/list-organisations.ts';
import { listUsers } from '../../domain/accounts/list-users.ts';
import { ROLES } from '../../db/schema.ts';
import { handOverAgreements } from '../../domain/agreements/hand-over.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Context } from '../../domain/context.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { targetOf } from '../database.ts';
import { openPrepared, systemContext } from '../prepare.ts';

/**
 * Runs `work` as the command line's system principal. The database is
 * prepared as `serve` prepares it (the shipped data loaded into an empty one),
 * so that an organisation made before the first start does not make the
 * register look loaded already.
 */
async function asSystem<T>(program: Command, label: string, work: (ctx: Context) => Promise<T>): Promise<T> {
  const { database } = await openPrepared(targetOf(program.opts().database));
  try {
    return await work(systemContext(database, label));
  } finally {
    await database.close();
  }
}

/** The password from standard input: typed without echo at a terminal, else the first line of a pipe. */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (input.isTTY) {
    process.stderr.write('Lösenord / password: ');
    input.setRawMode(true);
    return new Promise((resolve, reject) => {
      let typed = '';
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n') return finish(() => resolve(typed));
          if (char === '\u0003') return finish(() => reject(new CliError('cancelled', EXIT.usage)));
          typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
        }
      };
      const finish = (then: () => void) => {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
        process.stderr.write('\n');
        then();
      };
      input.on('data', onData);
      input.resume();
    });
  }
  const lines = createInterface({ input });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new CliError('--password reads the password from standard input, and it was empty', EXIT.usage);
}

function printTable(rows: Array<Record<string, unknown>>, columns: string[]): void {
  const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v));
  console.log(columns.join('\t'));
  for (const row of rows) console.log(columns.map((c) => text(row[c])).join('\t'));
}

export function registerAccounts(program: Command) {
  const org = program.command('org').description('organisations: the bodies whose people sign in (org add, org list)');
  org
    .command('add')
    .description('add an organisation: a Swedish body of the register (--actor) or a national body')
    .requiredOption('--slug <slug>', 'its short name in addresses, e.g. region-skane')
    .requiredOption('--name <name>', 'its name, e.g. "Region Skåne"')
    .option('--actor <slug-or-code>', 'the Swedish body it is: an actor\'s slug or SCB municipality code')
    .action(async (options: { slug: string; name: string; actor?: string }) => {
      const row = await asSystem(program, 'cli', (ctx) => addOrganisation({ ctx, input: options }));
      console.log(`added organisation ${row.slug} (${row.name})`);
    });
  org
    .command('list')
    .description('list the organisations, the body each is and how many users it has')
    .option('--json', 'as JSON')
    .action(async (options: { json?: boolean }) => {
      const rows = await asSystem(program, 'cli', (ctx) => listOrganisations({ ctx }));
      if (options.json) console.log(JSON.stringify(rows, null, 2));
      else printTable(rows, ['slug', 'name', 'actorSlug', 'users']);
    });

  org
    .command('hand-over')
    .description('hand agreements over to the organisation that is to keep them: all or none')
    .requiredOption('--to <org>', 'the organisation that is to keep them (ortsband org list)')
    .option('--agreement <slug>', 'an agreement to hand over (give it again for more)', (slug: string, list: string[]) => [...list, slug], [] as string[])
    .option('--parties', "also every agreement another organisation keeps in which the receiving organisation's body is a party")
    .option('--comment <text>', 'why, kept in each agreement\'s history')
    .option('--dry-run', 'list what would be handed over, and hand over nothing')
    .addHelpText('after', '\nWhen a body joins: ortsband org hand-over --to linkopings-kommun --parties --dry-run, then again without --dry-run.')
    .action(async (options: { to: string; agreement: string[]; parties?: boolean; comment?: string; dryRun?: boolean }) => {
      try {
        const done = await asSystem(program, 'cli', (ctx) =>
          handOverAgreements({ ctx, input: { organisation: options.to, agreements: options.agreement, parties: options.parties ?? false, comment: options.comment }, dryRun: options.dryRun ?? false }),
        );
        for (const a of done.handed) console.log(`${a.slug}\t${a.from} -> ${done.to}`);
        console.log(`${options.dryRun ? 'would hand over' : 'handed over'} ${done.handed.length} agreement${done.handed.length === 1 ? '' : 's'} to ${done.to}${options.dryRun ? ' (dry run: nothing was changed)' : ''}`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
        for (const p of error.problems) console.error(`${p.field}: ${p.message}`);
        throw new CliError('nothing was handed over', EXIT.invalidInput);
      }
    });

  const user = program.command('user').description('users: people who sign in, each with one organisation and one role');
  const passwordOption = '--password';
  const passwordHelp = 'set a local password, read from standard input (typed without echo at a terminal)';
  user
    .command('add')
    .description(`give a person an organisation and a role (${ROLES.join(', ')})`)
    .requiredOption('--email <address>', 'their e-mail address: how they are known and matched at sign-in')
    .requiredOption('--name <name>', 'their name as others see it')
    .requiredOption('--org <slug>', 'their organisation (ortsband org list)')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option(passwordOption, passwordHelp)
    .addHelpText('after', '\nThe first administrator: ortsband user add --email you@example.se --name "…" --org ortsband --role admin --password')
    .action(async (options: { email: string; name: string; org: string; role: string; password?: boolean }) => {
      const password = options.password ? await readPassword() : undefined;
      const row = await asSystem(program, 'cli', (ctx) =>
        addUser({ ctx, input: { email: options.email, displayName: options.name, organisation: options.org, role: options.role as never, password } }),
      );
      console.log(`added ${row.email} as ${row.role}${row.hasPassword ? ', with a local password' : ''}`);
    });
  user
    .command('list')
    .description('list the users, their organisation and role')
    .option('--org <slug>', 'one organisation\'s users only')
    .option('--json', 'as JSON')
    .action(async (options: { org?: string; json?: boolean }) => {
      const rows = await asSystem(program, 'cli', (ctx) => listUsers({ ctx, organisation: options.org }));
      if (options.json) console.log(JSON.stringify(rows, null, 2));
      else printTable(rows, ['email', 'displayName', 'organisation', 'role', 'localPassword', 'disabledAt']);
    });
  const change = (name: string, description: string, input: (args: string[]) => Record<string, unknown>, argsHelp = '<email>') =>
    user
      .command(`${name} ${argsHelp}`)
      .description(description)
      .action(async (...args: unknown[]) => {
        const values = args.filter((a): a is string => typeof a === 'string');
        const row = await asSystem(program, 'cli', (ctx) => changeUser({ ctx, input: { email: values[0]!, ...input(values) } as never }));
        console.log(`${row.email}: ${row.role}${row.disabledAt ? ', disabled' : ''}`);
      });
  change('role', `change a user's role (${ROLES.join(', ')})`, (values) => ({ role: values[1] }), '<email> <role>');
  change('disable', 'disable a user: they can no longer sign in', () => ({ disabled: true }));
  change('enable', 'enable a disabled user again', () => ({ disabled: false }));
  user
    .command('password <email>')
    .description('set a user\'s local password, read from standard input')
    .action(async (email: string) => {
      const password = await readPassword();
      const row = await asSystem(program, 'cli', (ctx) => changeUser({ ctx, input: { email, password } }));
      console.log(`${row.email}: the password is changed`);
    });
}
