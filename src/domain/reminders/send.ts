// The reminder e-mails: one mail per person per run, listing what is due
// for them that they have not been told of. Each reminder goes once: for
// each recipient, one transaction takes an advisory lock on that recipient,
// records the reminders in `reminders_sent` (its unique key skips those
// already recorded) and sends the mail; the commit follows the send. A
// second process waits on the lock and then finds every row recorded; a
// process killed before its commit recorded nothing and the next run sends
// again. Four recipients are mailed at once, each in its own transaction; a
// refusal of one address for good (5xx) is noted and the others go on; any
// other failure stops the queue and is thrown when the mails under way end.
// (A kill between the SMTP server's acceptance and the commit, a window of
// milliseconds, is the one way a mail can go twice.)
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { remindersSent } from '../../db/schema.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { dueReminders, refreshLifeSignsStarted, type Reminder } from './due.ts';

export interface ReminderRun {
  /** Reminders found due. */
  due: number;
  /** Reminders sent in this run (each to one person). */
  sent: number;
  /** Mails sent. */
  mails: number;
  /** Addresses the mail server refused for good in this run; their reminders are tried again the next. */
  refused: string[];
}

/** Recipients mailed at once: each holds a database connection while its mail is sent. */
const SENDERS = 4;

const key = (r: { kind: string; subjectId: number; occasion: string }) => `${r.kind}:${r.subjectId}:${r.occasion}`;

/** Sends what is due on `today` (a day in Stockholm) and not yet sent; `origin` makes the links absolute. */
export async function sendReminders({ db, mailer, today, origin }: { db: Db; mailer: Mailer; today: string; origin: string }): Promise<ReminderRun> {
  await refreshLifeSignsStarted(db);
  const due = await dueReminders(db, { today });
  const byRecipient = new Map<string, Reminder[]>();
  for (const reminder of due) {
    for (const to of reminder.recipients) byRecipient.set(to, [...(byRecipient.get(to) ?? []), reminder]);
  }
  const run: ReminderRun = { due: due.length, sent: 0, mails: 0, refused: [] };
  const sendTo = (to: string, reminders: Reminder[]) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ortsband.reminders'), hashtext(${to}))`);
      const recorded = await tx
        .insert(remindersSent)
        .values(reminders.map((r) => ({ kind: r.kind, subjectId: r.subjectId, occasion: r.occasion, recipient: to })))
        .onConflictDoNothing()
        .returning({ kind: remindersSent.kind, subjectId: remindersSent.subjectId, occasion: remindersSent.occasion });
      if (recorded.length === 0) return;
      const fresh = new Set(recorded.map(key));
      await mailer(reminderMail(to, reminders.filter((r) => fresh.has(key(r))), today, origin));
      run.sent += recorded.length;
      run.mails += 1;
    });
  // A few recipients at once: most of a mail's time is the SMTP server's answer, not work here
  // (on PGlite the transactions still run one after another).
  const queue = [...byRecipient];
  const senders = await Promise.allSettled(
    Array.from({ length: SENDERS }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          await sendTo(...next);
        } catch (error) {
          // A mail server that refuses this one address for good (5xx): the others are still told, and this one
          // is tried again next run. Anything else (the server gone): the others take no more, and it is thrown.
          const code = (error as { responseCode?: unknown }).responseCode;
          if (typeof code === 'number' && code >= 500 && code < 600) {
            run.refused.push(next[0]);
            continue;
          }
          queue.length = 0;
          throw error;
        }
      }
    }),
  );
  const failed = senders.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return run;
}

const WORDS = {
  follow_up_due: { sv: 'Uppföljningspunkt', en: 'Follow-up point' },
  agreement_expires: { sv: 'Avtalet löper ut', en: 'The agreement expires' },
  notice_due: { sv: 'Sista dag att säga upp avtalet före förnyelsen', en: 'Last day to give notice before the agreement renews' },
  action_plan_review: { sv: 'Handlingsplanen ska följas upp', en: 'The action plan is due for review' },
  quiet_agreement: { sv: 'Avtalet har varit tyst och behöver ett beslut', en: 'The agreement has been quiet and needs a decision' },
  article_review: { sv: 'Kunskapsbankens artikel ska granskas', en: "The knowledge base's article is due for review" },
} as const;

/** One line of a reminder in a language: what, by when, about which agreement, and where to act. */
export function reminderLine(r: Reminder, lang: 'sv' | 'en', today: string): string {
  const sv = lang === 'sv';
  const past = r.occasion < today;
  const when = {
    follow_up_due: () => (past ? (sv ? `försenad, skulle vara klar ${r.occasion}` : `overdue, due ${r.occasion}`) : sv ? `klar senast ${r.occasion}` : `due ${r.occasion}`),
    agreement_expires: () => (past ? (sv ? `löpte ut ${r.occasion}` : `expired ${r.occasion}`) : sv ? `${r.occasion}` : `on ${r.occasion}`),
    notice_due: () => (sv ? `${r.occasion}; förnyas annars ${r.renewsOn}` : `${r.occasion}; otherwise it renews on ${r.renewsOn}`),
    action_plan_review: () => (past ? (sv ? `perioden slutade ${r.occasion}` : `its period ended ${r.occasion}`) : sv ? `perioden slutar ${r.occasion}` : `its period ends ${r.occasion}`),
    quiet_agreement: () => (sv ? `senaste tecken på liv ${r.lastSign}` : `last sign of life ${r.lastSign}`),
    article_review: () => (sv ? `granskas senast ${r.occasion}` : `review due ${r.occasion}`),
  }[r.kind]();
  const about = r.kind === 'article_review' ? (sv ? r.text : (r.textEn ?? r.text)) : [r.text, r.agreementName].filter(Boolean).join(' – ');
  return `${WORDS[r.kind][lang]} (${when}): ${about}`;
}

/** Where to act on a reminder, a path of the site with the language's query. */
export function reminderPath(r: Reminder, lang: 'sv' | 'en' = 'sv'): string {
  const query = lang === 'en' ? '?lang=en' : '';
  if (r.kind === 'follow_up_due') return `/avtal/${r.agreementSlug}/aktiviteter${query}#punkt-${r.subjectId}`;
  if (r.kind === 'action_plan_review') return `/avtal/${r.agreementSlug}/handlingsplaner${query}#plan-${r.subjectId}`;
  if (r.kind === 'article_review') return `/kunskap/${r.articleSlug}${query}`;
  return `/avtal/${r.agreementSlug}${query}`;
}

function reminderMail(to: string, reminders: Reminder[], today: string, origin: string) {
  const link = (r: Reminder, lang: 'sv' | 'en') => `${origin}${reminderPath(r, lang)}`;
  const list = (lang: 'sv' | 'en') => reminders.map((r) => `- ${reminderLine(r, lang, today)}\n  ${link(r, lang)}`).join('\n');
  const n = reminders.length;
  return {
    to,
    subject: `Ortsband: ${n} ${n === 1 ? 'påminnelse' : 'påminnelser'} / ${n} ${n === 1 ? 'reminder' : 'reminders'}`,
    text: [
      'Det här behöver din uppmärksamhet i Ortsband:',
      '',
      list('sv'),
      '',
      `Allt som gäller din organisation: ${origin}/oversikt`,
      '',
      '---',
      'This needs your attention in Ortsband:',
      '',
      list('en'),
      '',
      `Everything for your organisation: ${origin}/oversikt?lang=en`,
      '',
    ].join('\n'),
  };
}
