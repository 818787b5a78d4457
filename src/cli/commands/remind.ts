// `ortsband remind`: sends the reminders that have fallen due and were not
// sent yet, as the server's hourly job does (reminders/send.ts), or with
// --dry-run prints them and sends nothing. It mails the delegation warnings
// waiting too (coordination/warn-by-mail.ts), as the server's job does.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { isCalendarDay } from '../../domain/dates.ts';
import { env } from '../../env.ts';
import { targetOf, withDatabase } from '../database.ts';
import { CliError, EXIT } from '../exit-codes.ts';

const day = (value: string) => {
  if (!isCalendarDay(value)) throw new InvalidArgumentError('must be a day as YYYY-MM-DD');
  return value;
};

export function registerRemind(program: Command) {
  program
    .command('remind')
    .description('e-mail the reminders that have fallen due (follow-up points, expiring and quiet agreements), each once, through SMTP_URL')
    .option('--dry-run', 'print what is due and who would be told; send nothing')
    .option('--today <day>', 'the day to remind as of (YYYY-MM-DD; default today in Stockholm)', day)
    .action(async (options: { dryRun?: boolean; today?: string }) => {
      const [{ mailerFromEnv }, { sendReminders, reminderLine }, { dueReminders }, { configuredOrigin }, { todayInStockholm }, { sendDelegationWarnings }] = await Promise.all([
        import('../../mail/mailer.ts'),
        import('../../domain/reminders/send.ts'),
        import('../../domain/reminders/due.ts'),
        import('../../http/public-url.ts'),
        import('../../web/format.ts'),
        import('../../domain/coordination/warn-by-mail.ts'),
      ]);
      const config = env();
      const today = options.today ?? todayInStockholm();
      const mailer = mailerFromEnv();
      if (!mailer && !options.dryRun) throw new CliError('no SMTP server: set SMTP_URL (and MAIL_FROM) to send reminders, or use --dry-run to see them', EXIT.usage);
      await withDatabase(targetOf(program.opts().database), async (database) => {
        if (options.dryRun || !mailer) {
          const due = await dueReminders(database.db, { today });
          for (const r of due) console.log(`${r.occasion}\t${reminderLine(r, 'sv', today)}\t→ ${r.recipients.join(', ') || '(ingen mottagare / nobody to tell)'}`);
          console.log(`${due.length} påminnelser den ${today} / ${due.length} reminders on ${today}`);
          return;
        }
        const origin = configuredOrigin({ publicUrl: config.PUBLIC_URL, host: config.HOST, port: config.PORT });
        const run = await sendReminders({ db: database.db, mailer, today, origin });
        console.log(`${run.sent} påminnelser skickade i ${run.mails} e-brev (${run.due} aktuella) / ${run.sent} reminders sent in ${run.mails} mails (${run.due} due)`);
        const warnings = await sendDelegationWarnings({ db: database.db, mailer, today, origin });
        console.log(`${warnings.mails} delegationsvarningar skickade (${warnings.checked} granskade) / ${warnings.mails} delegation warnings sent (${warnings.checked} checked)`);
        const refused = [...new Set([...run.refused, ...warnings.refused])];
        if (refused.length) {
          throw new CliError(`e-postservern vägrade / the mail server refused: ${refused.join(', ')} (försöks igen nästa körning / tried again next run)`, EXIT.failed);
        }
      });
    });
}
