// Mail leaves Ortsband here only: nodemailer over the SMTP server SMTP_URL
// names. Without one, nothing is sent and the pages that would send say so
// (an invitation's link is then shown to the administrator to pass on).
import nodemailer from 'nodemailer';
import { env } from '../env.ts';

export interface MailSettings {
  /** smtp://user:password@host:587 or smtps://…:465 */
  url: string;
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type Mailer = (mail: Mail) => Promise<void>;

export function createMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(settings.url);
  return async (mail) => {
    await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** The mailer SMTP_URL and MAIL_FROM set, or none. */
export function mailerFromEnv(): Mailer | undefined {
  const e = env();
  return e.SMTP_URL ? createMailer({ url: e.SMTP_URL, from: e.MAIL_FROM }) : undefined;
}
