// Protection against cross-site request forgery, in two layers: a POST whose
// Origin (or Sec-Fetch-Site) names another site is refused outright, and
// every form carries a token the attacker's page cannot read: the session's
// synchronizer token when signed in, and before that (the sign-in form) a
// random value that is also in a cookie of this site (double submit).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { DomainError } from '../domain/errors.ts';

export const CSRF_FIELD = 'csrf';
const CSRF_COOKIE = 'ortsband_csrf';

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const FORGERY = 'the form has expired or did not come from this site; open the page again and resend it';
/** Named as a problem of the token's field, so that the error page can say what happened (web/routes.tsx errorPage). */
const forgery = () => new DomainError('FORBIDDEN', FORGERY, [{ field: CSRF_FIELD, message: FORGERY }]);

/** Refuses a state-changing request that another site's page sent. */
export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      if ((origin && origin !== new URL(c.req.url).origin) || (site && site !== 'same-origin' && site !== 'none')) throw forgery();
    }
    await next();
  };
}

/**
 * For routes of one person (account, editing): posts from this site only,
 * and answers that no shared cache keeps, unless the route says otherwise
 * itself (a public document). Mount it on those routes' paths only: public
 * pages must stay cacheable.
 */
export function forOnePerson(): MiddlewareHandler {
  const sameOrigin = sameOriginOnly();
  return (c, next) =>
    sameOrigin(c, async () => {
      await next();
      if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    });
}

/**
 * The token for a form: the session's when signed in, else a fresh
 * double-submit value, set as a cookie too for `path` (where the form posts).
 */
export function formToken(c: HonoContext, path = '/logga-in'): string {
  const signedIn = c.get('signedIn');
  if (signedIn) return signedIn.csrfToken;
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  // Only the form's address gets it (the sign-in page's, the error report's):
  // a cookie on every page would keep the visitor out of the shared cache of
  // public answers.
  setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: new URL(c.req.url).protocol === 'https:', path });
  return token;
}

/** Checks the token a posted form carries; throws FORBIDDEN when it is missing or wrong. */
export function requireFormToken(c: HonoContext, form: Record<string, unknown>): void {
  const sent = typeof form[CSRF_FIELD] === 'string' ? (form[CSRF_FIELD] as string) : '';
  const signedIn = c.get('signedIn');
  const expected = signedIn ? signedIn.csrfToken : (getCookie(c, CSRF_COOKIE) ?? '');
  if (!sent || !expected || !sameText(sent, expected)) throw forgery();
}
