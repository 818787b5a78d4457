// The invitation's e-mail, Swedish first and English after it.
import { formatMoment } from '../format.ts';
import type { Role } from '../../db/schema.ts';
import type { Mail } from '../../mail/mailer.ts';
import { ROLE_NAMES } from './form.tsx';

export function invitationMail(invitation: { email: string; role: Role; organisationName: string; expiresAt: Date; link: string }): Mail {
  const until = (locale: string) => formatMoment(invitation.expiresAt, locale === 'sv-SE' ? 'sv' : 'en', 'day');
  return {
    to: invitation.email,
    subject: 'Inbjudan till Ortsband / Invitation to Ortsband',
    text: [
      `Du är inbjuden till Ortsband som ${ROLE_NAMES[invitation.role].sv} för ${invitation.organisationName}.`,
      `Öppna länken för att skapa ditt konto. Den gäller en gång, till och med ${until('sv-SE')}:`,
      '',
      invitation.link,
      '',
      '---',
      '',
      `You are invited to Ortsband as ${ROLE_NAMES[invitation.role].en} for ${invitation.organisationName}.`,
      `Open the link to make your account. It works once, until ${until('en-GB')}:`,
      '',
      invitation.link,
      '',
    ].join('\n'),
  };
}
