// The reminder job inside the server: a timer that runs sendReminders every
// interval (an hour by default). Every run sends only what no run has sent
// (reminders_sent), so a restart, a second server process or a run of
// `ortsband remind` in between sends nothing twice. The same run mails the
// delegation warnings waiting (coordination/warn-by-mail.ts), with the same
// guarantee.
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { sendDelegationWarnings } from '../coordination/warn-by-mail.ts';
import { sendReminders } from './send.ts';

export interface ReminderSchedule {
  db: Db;
  mailer: Mailer;
  origin: string;
  /** The day in Stockholm, asked at each run. */
  today: () => string;
  intervalMs: number;
  log: Logger;
}

/** Starts the timer (the first run after one minute, when the server has warmed up); returns a function that stops it. */
export function scheduleReminders(s: ReminderSchedule): () => void {
  let running = false;
  const run = async () => {
    if (running) return; // a slow run (an SMTP server that hangs) is not joined by the next
    running = true;
    try {
      const result = await sendReminders({ db: s.db, mailer: s.mailer, today: s.today(), origin: s.origin });
      if (result.sent) s.log.info(result, 'sent reminders');
      if (result.refused.length) s.log.warn({ refused: result.refused }, 'the mail server refused these addresses; their reminders are tried again next run');
      const warnings = await sendDelegationWarnings({ db: s.db, mailer: s.mailer, today: s.today(), origin: s.origin });
      if (warnings.mails) s.log.info(warnings, 'sent delegation warnings');
      if (warnings.refused.length) s.log.warn({ refused: warnings.refused }, 'the mail server refused these addresses; their delegation warnings are tried again next run');
    } catch (err) {
      s.log.error({ err }, 'the reminder run failed; the next run sends what it did not');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), Math.min(60_000, s.intervalMs));
  const every = setInterval(() => void run(), s.intervalMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
