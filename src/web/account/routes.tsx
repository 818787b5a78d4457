// Signing in and out with a local password, and the signed-in person's page.
// A form is a verb and a page: GET renders it, POST calls the verb and
// redirects (post/redirect/get), or renders the page again with the errors.
import { Hono } from 'hono';
import type { Database } from '../../db/client.ts';
import { signInWithPassword } from '../../domain/accounts/sign-in.ts';
import { endSession } from '../../domain/accounts/sessions.ts';
import { DomainError } from '../../domain/errors.ts';
import { formToken, requireFormToken, sameOriginOnly } from '../../http/csrf.ts';
import { langOf } from '../../http/query.ts';
import { clearSessionCookie, clientAddress, SESSION_COOKIE, setSessionCookie } from '../../http/session.ts';
import { getCookie } from 'hono/cookie';
import { href } from '../layout.tsx';
import { AccountPage, SignInPage } from './pages.tsx';
import { HTTP_STATUS } from '../../api/errors.ts';

const NOTICES_SV: Partial<Record<DomainError['code'], string>> = {
  TOO_MANY_REQUESTS: 'För många misslyckade försök. Vänta 15 minuter och försök igen.',
  FORBIDDEN: 'Kontot är avstängt, eller formuläret hade gått ut. Öppna sidan igen; hjälper inte det, fråga en administratör i din organisation.',
};

export function accountRoutes(database: Database) {
  const web = new Hono();
  web.use(sameOriginOnly());
  // Pages for one person: never kept by a shared cache.
  web.use(async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });

  web.get('/logga-in', (c) => {
    const lang = langOf(c);
    if (c.get('signedIn')) return c.redirect(href(lang, '/konto'), 303);
    return c.html(<SignInPage lang={lang} csrf={formToken(c)} signedOut={c.req.query('utloggad') === '1'} />);
  });

  web.post('/logga-in', async (c) => {
    const lang = langOf(c);
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email : '';
    try {
      requireFormToken(c, form);
      // A new session id at every sign-in: one that was set before (by anyone) is ended.
      const before = getCookie(c, SESSION_COOKIE);
      if (before) await endSession(database.db, before);
      const session = await signInWithPassword(database.db, { email: form.email, password: form.password }, clientAddress(c));
      setSessionCookie(c, session.token);
      return c.redirect(href(lang, '/konto'), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      c.status(HTTP_STATUS[error.code]);
      const notice = error.problems.length ? undefined : lang === 'sv' ? (NOTICES_SV[error.code] ?? error.message) : error.message;
      return c.html(<SignInPage lang={lang} csrf={formToken(c)} email={email} problems={error.problems} notice={notice} />);
    }
  });

  web.post('/logga-ut', async (c) => {
    const lang = langOf(c);
    const form = await c.req.parseBody();
    if (c.get('signedIn')) {
      requireFormToken(c, form);
      await endSession(database.db, getCookie(c, SESSION_COOKIE)!);
    }
    clearSessionCookie(c);
    return c.redirect(href(lang, '/logga-in', { utloggad: '1' }), 303);
  });

  web.get('/konto', (c) => {
    const lang = langOf(c);
    const signedIn = c.get('signedIn');
    if (!signedIn) return c.redirect(href(lang, '/logga-in'), 303);
    return c.html(<AccountPage lang={lang} signedIn={signedIn} />);
  });
  return web;
}
