// The mail jobs inside the server: a timer that runs sendReminders every
// interval (an hour by default), and one that mails the delegation warnings
// waiting every minute (coordination/warn-by-mail.ts), so that a body hears
// of an overlap about a minute after it is saved; a run with nothing queued
// is one read of a small table. Every run sends only what no run has sent
// (reminders_sent, delegation_warnings_sent), so a restart, a second server
// process or a run of `ortsband remind` in between sends nothing twice.
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

/** How often the delegation warnings waiting are looked for. */
export const DELEGATION_WARNINGS_EVERY_MS = 60_000;

/** Runs `work` every `intervalMs` (the first run after at most one minute, when the server has warmed up); returns a function that stops it. */
function every(intervalMs: number, work: () => Promise<void>): () => void {
  let running = false;
  const run = async () => {
    if (running) return; // a slow run (an SMTP server that hangs) is not joined by the next
    running = true;
    try {
      await work();
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), Math.min(60_000, intervalMs));
  const timer = setInterval(() => void run(), intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** Starts both timers; returns a function that stops them. */
export function scheduleReminders(s: ReminderSchedule): () => void {
  const stopReminders = every(s.intervalMs, async () => {
    try {
      const result = await sendReminders({ db: s.db, mailer: s.mailer, today: s.today(), origin: s.origin });
      if (result.sent) s.log.info(result, 'sent reminders');
      if (result.refused.length) s.log.warn({ refused: result.refused }, 'the mail server refused these addresses; their reminders are tried again next run');
    } catch (err) {
      s.log.error({ err }, 'the reminder run failed; the next run sends what it did not');
    }
  });
  const stopWarnings = every(Math.min(DELEGATION_WARNINGS_EVERY_MS, s.intervalMs), async () => {
    try {
      const result = await sendDelegationWarnings({ db: s.db, mailer: s.mailer, today: s.today(), origin: s.origin });
      if (result.mails) s.log.info(result, 'sent delegation warnings');
      if (result.refused.length) s.log.warn({ refused: result.refused }, 'the mail server refused these addresses; their delegation warnings are tried again next run');
    } catch (err) {
      s.log.error({ err }, 'the delegation warning run failed; the next run sends what it did not');
    }
  });
  return () => {
    stopReminders();
    stopWarnings();
  };
}
