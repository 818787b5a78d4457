// Accepting an invitation: the link's page asks for the person's name and a
// password (or offers the identity provider, whose sign-in accepts it too),
// makes the account and signs them in.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from '../../db/client.ts';
import { acceptInvitation, findInvitation } from '../../domain/accounts/invitations.ts';
import { endSession, startSession } from '../../domain/accounts/sessions.ts';
import { DomainError, type FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD, formToken, requireFormToken } from '../../http/csrf.ts';
import { langOf } from '../../http/query.ts';
import { SESSION_COOKIE, setSessionCookie } from '../../http/session.ts';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { ErrorSummary, Field, ROLE_NAMES } from './form.tsx';
import { readForm } from '../../http/form-body.ts';

type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

function AcceptPage(p: { lang: Lang; token: string; csrf: string; invitation: Invitation; oidcLabel?: string | null; problems?: FieldProblem[]; displayName?: string }) {
  const { lang, invitation } = p;
  const sv = lang === 'sv';
  const problems = (p.problems ?? []).map((x) => ({ ...x, id: `accept-${x.field === 'password' ? 'password' : 'name'}` }));
  const problemOf = (field: string) => problems.find((x) => x.field === field);
  return (
    <Layout lang={lang} title={sv ? 'Skapa ditt konto' : 'Make your account'} path="/inbjudan">
      <h1>{sv ? 'Skapa ditt konto' : 'Make your account'}</h1>
      <ErrorSummary lang={lang} problems={problems} />
      <p>
        {sv
          ? `Du är inbjuden som ${ROLE_NAMES[invitation.role].sv} för ${invitation.organisationName}, med adressen ${invitation.email}.`
          : `You are invited as ${ROLE_NAMES[invitation.role].en} for ${invitation.organisationName}, with the address ${invitation.email}.`}
      </p>
      {p.oidcLabel !== undefined ? (
        <>
          <p>
            <a class="button" href={href(lang, '/logga-in/oidc')}>
              {p.oidcLabel ?? (sv ? 'Logga in med din organisations inloggning' : "Sign in with your organisation's sign-in")}
            </a>
          </p>
          <h2>{sv ? 'Eller med ett lösenord för Ortsband' : 'Or with a password for Ortsband'}</h2>
        </>
      ) : null}
      <form method="post" action={href(lang, `/inbjudan/${p.token}`)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <Field lang={lang} id="accept-name" label={sv ? 'Ditt namn' : 'Your name'} problem={problemOf('displayName')}>
          {(described) => <input id="accept-name" name="displayName" type="text" autocomplete="name" maxlength={200} value={p.displayName} {...described} />}
        </Field>
        <Field lang={lang} id="accept-password" label={sv ? 'Lösenord' : 'Password'} hint={sv ? 'Minst 12 tecken; en fras av flera ord går bra.' : 'At least 12 characters; a phrase of several words is fine.'} problem={problemOf('password')}>
          {(described) => <input id="accept-password" name="password" type="password" autocomplete="new-password" maxlength={200} {...described} />}
        </Field>
        <button type="submit">{sv ? 'Skapa kontot' : 'Make the account'}</button>
      </form>
    </Layout>
  );
}

function GonePage(p: { lang: Lang }) {
  const sv = p.lang === 'sv';
  return (
    <Layout lang={p.lang} title={sv ? 'Länken gäller inte' : 'The link is not valid'} path="/inbjudan">
      <h1>{sv ? 'Länken gäller inte' : 'The link is not valid'}</h1>
      <p>
        {sv
          ? 'Inbjudan har redan använts, har gått ut eller finns inte. Be den som bjöd in dig om en ny. Har du redan ett konto kan du logga in.'
          : 'The invitation has been used, has expired or does not exist. Ask whoever invited you for a new one. If you have an account already, sign in.'}
      </p>
      <p>
        <a href={href(p.lang, '/logga-in')}>{sv ? 'Logga in' : 'Sign in'}</a>
      </p>
    </Layout>
  );
}

export function invitationRoutes(database: Database, oidcLabel: string | null | undefined) {
  const web = new Hono();
  // The token's shape is checked by findInvitation: anything else is a link that does not work.
  const PATH = '/inbjudan/:token';
  web.get(PATH, async (c) => {
    const lang = langOf(c);
    const invitation = await findInvitation(database.db, c.req.param('token'));
    if (!invitation) return c.html(<GonePage lang={lang} />, 404);
    return c.html(<AcceptPage lang={lang} token={c.req.param('token')} csrf={formToken(c)} invitation={invitation} oidcLabel={oidcLabel} />);
  });
  web.post(PATH, async (c) => {
    const lang = langOf(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const invitation = await findInvitation(database.db, c.req.param('token'));
    if (!invitation) return c.html(<GonePage lang={lang} />, 404);
    const input = { displayName: typeof form.displayName === 'string' ? form.displayName : '', password: typeof form.password === 'string' ? form.password : '' };
    try {
      const user = await acceptInvitation(database.db, invitation.id, input);
      const before = getCookie(c, SESSION_COOKIE);
      if (before) await endSession(database.db, before);
      setSessionCookie(c, (await startSession(database.db, user)).token);
      return c.redirect(href(lang, '/konto'), 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      return c.html(<AcceptPage lang={lang} token={c.req.param('token')} csrf={formToken(c)} invitation={invitation} oidcLabel={oidcLabel} problems={error.problems} displayName={input.displayName} />, 400);
    }
  });
  return web;
}
