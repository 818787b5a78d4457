// Signing in and out with a local password, and the signed-in person's page.
// A form is a verb and a page: GET renders it, POST calls the verb and
// redirects (post/redirect/get), or renders the page again with the errors.
import { Hono } from 'hono';
import type { Database } from '../../db/client.ts';
import { beginOidcSignIn, completeOidcSignIn, OidcRefusal, type OidcSettings } from '../../domain/accounts/oidc.ts';
import { signInWithPassword } from '../../domain/accounts/sign-in.ts';
import { endSession } from '../../domain/accounts/sessions.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { formToken, forOnePerson, requireFormToken } from '../../http/csrf.ts';
import { langOf } from '../../http/query.ts';
import { clearSessionCookie, clientAddress, requireSignedIn, returnPath, SESSION_COOKIE, setSessionCookie } from '../../http/session.ts';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { href } from '../layout.tsx';
import { AccountPage, OidcRefusedPage, SignInPage, TokenCreatedPage } from './pages.tsx';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/accounts/api-tokens.ts';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { invitationRoutes } from './invitation-accept.tsx';
import { usersAdminRoutes } from './users-admin.tsx';
import { readForm } from '../../http/form-body.ts';

const NOTICES_SV: Partial<Record<DomainError['code'], string>> = {
  TOO_MANY_REQUESTS: 'För många misslyckade försök. Vänta 15 minuter och försök igen.',
  FORBIDDEN: 'Kontot är avstängt, eller formuläret hade gått ut. Öppna sidan igen; hjälper inte det, fråga en administratör i din organisation.',
};

const OIDC_PATH = '/logga-in/oidc';
const OIDC_CALLBACK = `${OIDC_PATH}/svar`;
// The state of a sign-in under way, bound to the browser that began it.
const OIDC_STATE_COOKIE = 'ortsband_oidc_state';

export function accountRoutes(database: Database, settings: { oidc?: OidcSettings; mailer?: Mailer } = {}) {
  const { oidc } = settings;
  const web = new Hono();
  // Pages for one person (these paths only: the router passes every request through here).
  for (const path of ['/logga-in', '/logga-in/*', '/logga-ut', '/konto', '/konto/*', '/admin/anvandare', '/admin/anvandare/*', '/inbjudan/*']) web.use(path, forOnePerson());

  web.get('/logga-in', (c) => {
    const lang = langOf(c);
    const back = returnPath(c.req.query('tillbaka'));
    if (c.get('signedIn')) return c.redirect(back ?? href(lang, '/konto'), 303);
    return c.html(<SignInPage lang={lang} csrf={formToken(c)} back={back} signedOut={c.req.query('utloggad') === '1'} oidcLabel={oidc ? (oidc.label ?? null) : undefined} />);
  });

  web.post('/logga-in', async (c) => {
    const lang = langOf(c);
    const form = await readForm(c);
    const email = typeof form.email === 'string' ? form.email : '';
    try {
      requireFormToken(c, form);
      // A new session id at every sign-in: one that was set before (by anyone) is ended.
      const before = getCookie(c, SESSION_COOKIE);
      if (before) await endSession(database.db, before);
      const session = await signInWithPassword(database.db, { email: form.email, password: form.password }, clientAddress(c));
      setSessionCookie(c, session.token);
      return c.redirect(returnPath(form.tillbaka) ?? href(lang, '/konto'), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      c.status(HTTP_STATUS[error.code]);
      const notice = error.problems.length ? undefined : lang === 'sv' ? (NOTICES_SV[error.code] ?? error.message) : error.message;
      return c.html(<SignInPage lang={lang} csrf={formToken(c)} back={returnPath(form.tillbaka)} email={email} problems={error.problems} notice={notice} oidcLabel={oidc ? (oidc.label ?? null) : undefined} />);
    }
  });

  if (oidc) {
    web.get(OIDC_PATH, async (c) => {
      const redirectUri = new URL(OIDC_CALLBACK, c.req.url).href;
      const { url, state } = await beginOidcSignIn(database.db, oidc, redirectUri, langOf(c));
      // Lax: the provider's redirect back is a top-level navigation from its site.
      setCookie(c, OIDC_STATE_COOKIE, state, { httpOnly: true, sameSite: 'Lax', secure: new URL(c.req.url).protocol === 'https:', path: OIDC_PATH, maxAge: 600 });
      return c.redirect(url, 302);
    });
    web.get(OIDC_CALLBACK, async (c) => {
      const cookieState = getCookie(c, OIDC_STATE_COOKIE);
      deleteCookie(c, OIDC_STATE_COOKIE, { path: OIDC_PATH });
      try {
        const before = getCookie(c, SESSION_COOKIE);
        if (before) await endSession(database.db, before);
        const { session, lang } = await completeOidcSignIn(database.db, oidc, new URL(c.req.url), cookieState);
        setSessionCookie(c, session.token);
        return c.redirect(href(lang, '/konto'), 303);
      } catch (error) {
        if (!(error instanceof OidcRefusal)) throw error;
        c.status(403);
        return c.html(<OidcRefusedPage lang={langOf(c)} refusal={error} />);
      }
    });
  }

  web.post('/logga-ut', async (c) => {
    const lang = langOf(c);
    const form = await readForm(c);
    if (c.get('signedIn')) {
      requireFormToken(c, form);
      await endSession(database.db, getCookie(c, SESSION_COOKIE)!);
    }
    clearSessionCookie(c);
    return c.redirect(href(lang, '/logga-in', { utloggad: '1' }), 303);
  });

  web.get('/konto', async (c) => {
    const lang = langOf(c);
    const signedIn = requireSignedIn(c);
    return c.html(<AccountPage lang={lang} signedIn={signedIn} tokens={await listApiTokens(database.db, signedIn)} />);
  });

  web.post('/konto/nycklar', async (c) => {
    const lang = langOf(c);
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const typed = Object.fromEntries(['name', 'scope', 'days'].map((k) => [k, typeof form[k] === 'string' ? (form[k] as string) : '']));
    try {
      const created = await createApiToken(database.db, signedIn, typed);
      // Shown here, once: a redirect would have to carry the key in a URL.
      return c.html(<TokenCreatedPage lang={lang} token={created.token} name={typed.name!.trim()} expiresAt={created.expiresAt} account={signedIn.displayName} />);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      c.status(400);
      return c.html(<AccountPage lang={lang} signedIn={signedIn} tokens={await listApiTokens(database.db, signedIn)} problems={error.problems} typed={typed} />);
    }
  });

  web.post('/konto/nycklar/:id/aterkalla', async (c) => {
    const lang = langOf(c);
    const signedIn = requireSignedIn(c);
    requireFormToken(c, await readForm(c));
    const id = c.req.param('id');
    if (!/^[0-9]{1,9}$/.test(id)) throw notFound('key');
    await revokeApiToken(database.db, signedIn, Number(id));
    return c.redirect(`${href(lang, '/konto')}#keys`, 303);
  });
  web.route('/', usersAdminRoutes(database, settings.mailer));
  web.route('/', invitationRoutes(database, oidc ? (oidc.label ?? null) : undefined));
  return web;
}
