// On an agreement's page, for the signed-in people who may use them: links to
// its contact persons (its organisation's people and administrators) and to
// its sources and documents (its editors and administrators). The public and
// everyone else see nothing (the page of a signed-in person is never cached).
import { tryGetContext } from 'hono/context-storage';
import { canReadContacts, canWrite } from '../../domain/access.ts';
import type { Principal } from '../../domain/context.ts';
import type { Lang } from '../i18n.ts';
import { href } from '../layout.tsx';

export function RecordsLinks(props: { lang: Lang; agreement: { slug: string; organisationId: number } }) {
  const signedIn = tryGetContext()?.get('signedIn');
  if (!signedIn) return null;
  const { lang, agreement } = props;
  const sv = lang === 'sv';
  const principal: Principal = { kind: 'user', subject: signedIn.email, organisationId: signedIn.organisationId, role: signedIn.role };
  const contacts = canReadContacts(principal, agreement);
  const sources = canWrite(principal, agreement.organisationId);
  if (!contacts && !sources) return null;
  return (
    <nav aria-label={sv ? 'För inloggade' : 'For signed-in people'}>
      <ul class="inline-list">
        {sources ? (
          <li>
            <a href={href(lang, `/avtal/${agreement.slug}/kallor`)}>{sv ? 'Källor och dokument' : 'Sources and documents'}</a>
          </li>
        ) : null}
        {contacts ? (
          <li>
            <a href={href(lang, `/avtal/${agreement.slug}/kontakter`)}>{sv ? 'Kontaktpersoner' : 'Contact persons'}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
