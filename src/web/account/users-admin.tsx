// The administrators' page of users: who has an account, the open
// invitations, and the form that invites a person by e-mail address.
import { Hono, type Context as HonoContext } from 'hono';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Database } from '../../db/client.ts';
import { ROLES } from '../../db/schema.ts';
import { changeUser } from '../../domain/accounts/change-user.ts';
import { inviteUser, listOpenInvitations } from '../../domain/accounts/invitations.ts';
import { listOrganisations } from '../../domain/accounts/list-organisations.ts';
import { listUsers } from '../../domain/accounts/list-users.ts';
import type { Context } from '../../domain/context.ts';
import { DomainError, type FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD, requireFormToken } from '../../http/csrf.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedInAdmin } from '../../http/session.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { day, ErrorSummary, Field, ROLE_NAMES } from './form.tsx';
import { invitationMail } from './invitation-mail.ts';
import { readForm } from '../../http/form-body.ts';

const PATH = '/admin/anvandare';

type Page = {
  lang: Lang;
  account: string;
  csrf: string;
  users: Awaited<ReturnType<typeof listUsers>>;
  invitations: Awaited<ReturnType<typeof listOpenInvitations>>;
  organisations: Awaited<ReturnType<typeof listOrganisations>>;
  problems?: FieldProblem[];
  typed?: Record<string, string>;
  /** After an invitation: sent by mail, or the link to pass on when no mail server is configured. */
  invited?: { email: string; link?: string };
  changed?: string;
  conflict?: string;
};

function UsersPage(p: Page) {
  const { lang } = p;
  const sv = lang === 'sv';
  const problems = (p.problems ?? []).map((x) => ({ ...x, id: `invite-${x.field}` }));
  const problemOf = (field: string) => problems.find((x) => x.field === field);
  return (
    <Layout lang={lang} title={sv ? 'Användare' : 'Users'} path={PATH} account={p.account}>
      <h1>{sv ? 'Användare' : 'Users'}</h1>
      {p.changed ? (
        <p class="notice" role="status">
          {sv ? `Ändrat: ${p.changed}.` : `Changed: ${p.changed}.`}
        </p>
      ) : null}
      {p.conflict ? (
        <p class="notice" role="alert">
          {p.conflict}
        </p>
      ) : null}
      {p.invited ? (
        <div class="notice" role="status">
          {p.invited.link ? (
            <>
              <p>
                {sv
                  ? `Ingen e-postserver är inställd (SMTP_URL). Skicka länken själv till ${p.invited.email}; den visas bara nu och gäller i sju dagar:`
                  : `No mail server is configured (SMTP_URL). Send the link to ${p.invited.email} yourself; it is shown only now and is valid for seven days:`}
              </p>
              <label for="invitation-link">{sv ? 'Inbjudningslänk' : 'Invitation link'}</label>
              <input id="invitation-link" class="token" type="text" readonly value={p.invited.link} />
            </>
          ) : (
            <p>{sv ? `Inbjudan skickad till ${p.invited.email}.` : `Invitation sent to ${p.invited.email}.`}</p>
          )}
        </div>
      ) : null}
      <table>
        <caption>{sv ? 'Konton' : 'Accounts'}</caption>
        <thead>
          <tr>
            <th scope="col">{sv ? 'Namn' : 'Name'}</th>
            <th scope="col">{sv ? 'E-postadress' : 'E-mail address'}</th>
            <th scope="col">{sv ? 'Organisation' : 'Organisation'}</th>
            <th scope="col">{sv ? 'Roll' : 'Role'}</th>
            <th scope="col">{sv ? 'Avstängd' : 'Disabled'}</th>
            <th scope="col">{sv ? 'Ändra' : 'Change'}</th>
          </tr>
        </thead>
        <tbody>
          {p.users.map((u) => (
            <tr>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>{u.organisation}</td>
              <td>{ROLE_NAMES[u.role][lang]}</td>
              <td>{u.disabledAt ? day(lang, u.disabledAt) : ''}</td>
              <td>
                <form method="post" action={href(lang, `${PATH}/andra`)} class="inline">
                  <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                  <input type="hidden" name="email" value={u.email} />
                  <input type="hidden" name="version" value={String(u.version)} />
                  <label class="visually-hidden" for={`role-${u.email}`}>{`${sv ? 'Roll för' : 'Role of'} ${u.displayName}`}</label>
                  <select id={`role-${u.email}`} name="role">
                    {ROLES.map((r) => (
                      <option value={r} selected={u.role === r}>
                        {ROLE_NAMES[r][lang]}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit" name="action" value="role">{sv ? 'Spara roll' : 'Save role'}</button>{' '}
                  <button type="submit" name="action" value={u.disabledAt ? 'enable' : 'disable'}>
                    {u.disabledAt ? (sv ? 'Aktivera' : 'Enable') : sv ? 'Stäng av' : 'Disable'}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{sv ? 'Öppna inbjudningar' : 'Open invitations'}</h2>
      {p.invitations.length ? (
        <table>
          <caption class="visually-hidden">{sv ? 'Öppna inbjudningar' : 'Open invitations'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'E-postadress' : 'E-mail address'}</th>
              <th scope="col">{sv ? 'Organisation' : 'Organisation'}</th>
              <th scope="col">{sv ? 'Roll' : 'Role'}</th>
              <th scope="col">{sv ? 'Gäller till' : 'Valid until'}</th>
            </tr>
          </thead>
          <tbody>
            {p.invitations.map((i) => (
              <tr>
                <td>{i.email}</td>
                <td>{i.organisation}</td>
                <td>{ROLE_NAMES[i.role][lang]}</td>
                <td>{day(lang, i.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{sv ? 'Inga.' : 'None.'}</p>
      )}
      <h2 id="invite">{sv ? 'Bjud in en person' : 'Invite a person'}</h2>
      <ErrorSummary lang={lang} problems={problems} />
      <form method="post" action={href(lang, PATH)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <Field lang={lang} id="invite-email" label={sv ? 'E-postadress' : 'E-mail address'} problem={problemOf('email')}>
          {(described) => <input id="invite-email" name="email" type="email" autocomplete="off" maxlength={254} value={p.typed?.email} {...described} />}
        </Field>
        <Field lang={lang} id="invite-organisation" label={sv ? 'Organisation' : 'Organisation'} problem={problemOf('organisation')}>
          {(described) => (
            <select id="invite-organisation" name="organisation" {...described}>
              {p.organisations.map((o) => (
                <option value={o.slug} selected={p.typed?.organisation === o.slug}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field lang={lang} id="invite-role" label={sv ? 'Roll' : 'Role'} problem={problemOf('role')}>
          {(described) => (
            <select id="invite-role" name="role" {...described}>
              {ROLES.map((r) => (
                <option value={r} selected={(p.typed?.role ?? 'reader') === r}>
                  {ROLE_NAMES[r][lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{sv ? 'Skicka inbjudan' : 'Send invitation'}</button>
      </form>
    </Layout>
  );
}

export function usersAdminRoutes(database: Database, mailer: Mailer | undefined) {
  const web = new Hono();
  /** Admins only; to anyone else the page is not there. */
  const admin = (c: HonoContext) => {
    const signedIn = requireSignedInAdmin(c);
    const ctx: Context = { db: database.db, principal: principalOf(c) };
    return { signedIn, ctx };
  };
  const render = async (c: HonoContext, extra: Partial<Page> = {}) => {
    const { signedIn, ctx } = admin(c);
    const [users, invitations, organisations] = await Promise.all([listUsers({ ctx }), listOpenInvitations({ ctx }), listOrganisations({ ctx })]);
    return c.html(<UsersPage lang={langOf(c)} account={signedIn.displayName} csrf={signedIn.csrfToken} users={users} invitations={invitations} organisations={organisations} {...extra} />);
  };

  web.get(PATH, (c) => render(c));
  web.post(PATH, async (c) => {
    const { ctx } = admin(c);
    const lang = langOf(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const typed = Object.fromEntries(['email', 'organisation', 'role'].map((k) => [k, typeof form[k] === 'string' ? (form[k] as string) : '']));
    try {
      const invitation = await inviteUser({ ctx, input: typed });
      const link = new URL(href(lang, `/inbjudan/${invitation.token}`), c.req.url).href;
      if (mailer) await mailer(invitationMail({ ...invitation, link }));
      return render(c, { invited: { email: invitation.email, link: mailer ? undefined : link } });
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      c.status(HTTP_STATUS[error.code]);
      const problems = error.problems.length ? error.problems : [{ field: 'email', message: error.message }];
      return render(c, { problems, typed });
    }
  });
  web.post(`${PATH}/andra`, async (c) => {
    const { ctx, signedIn } = admin(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const email = typeof form.email === 'string' ? form.email : '';
    const change = form.action === 'disable' ? { disabled: true } : form.action === 'enable' ? { disabled: false } : { role: form.role };
    if (email.trim().toLowerCase() === signedIn.email && form.action !== 'role') throw new DomainError('VALIDATION', 'you cannot disable yourself', [{ field: 'email', message: 'you cannot disable yourself' }]);
    try {
      const user = await changeUser({ ctx, input: { email, version: form.version, ...change } });
      return render(c, { changed: `${user.email}: ${ROLE_NAMES[user.role][langOf(c)]}${user.disabledAt ? (langOf(c) === 'sv' ? ', avstängd' : ', disabled') : ''}` });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
      c.status(409);
      return render(c, { conflict: error.message });
    }
  });
  return web;
}
