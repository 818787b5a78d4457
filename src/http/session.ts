// Who is asking, decided once at the edge: the session cookie becomes the
// signed-in user (or nobody) on the request's context; pages and verbs never
// read the cookie themselves.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Executor } from '../db/client.ts';
import { readApiToken, type TokenHolder } from '../domain/accounts/api-tokens.ts';
import { readSession, SESSION_DAYS, type SignedIn } from '../domain/accounts/sessions.ts';
import type { Principal } from '../domain/context.ts';
import { DomainError } from '../domain/errors.ts';

declare module 'hono' {
  interface ContextVariableMap {
    signedIn: SignedIn | null;
    apiToken: TokenHolder | null;
  }
}

export const SESSION_COOKIE = 'ortsband_session';

/**
 * A browser's session cookie or a program's bearer token. A token that does
 * not work is answered 401 at once: a program should not read the public
 * register thinking it reads with its user's rights.
 */
export function sessionMiddleware(db: Executor): MiddlewareHandler {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    c.set('apiToken', null);
    c.set('signedIn', null);
    if (authorization !== undefined) {
      const bearer = /^Bearer ([\x21-\x7e]{1,200})$/.exec(authorization)?.[1];
      const holder = bearer ? await readApiToken(db, bearer) : null;
      if (!holder) {
        const message = 'the access key is unknown, revoked or expired; make a new one on your account page';
        return c.json({ error: { code: 'UNAUTHENTICATED', message, problems: [{ field: 'authorization', message }] } }, 401, {
          'www-authenticate': 'Bearer realm="ortsband", error="invalid_token"',
          'cache-control': 'no-store',
        });
      }
      c.set('apiToken', holder);
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) c.set('signedIn', await readSession(db, token));
    }
    await next();
  };
}

/** Who is asking, for the verbs: the signed-in person, the token's user, or nobody. */
export function principalOf(c: HonoContext): Principal {
  const signedIn = c.get('signedIn');
  if (signedIn) return { kind: 'user', subject: signedIn.email, organisationId: signedIn.organisationId, role: signedIn.role };
  const token = c.get('apiToken');
  if (!token) return { kind: 'anonymous' };
  // A read key reads with its user's rights and changes nothing: the roles that write become a reader.
  const role = token.scope === 'read' && (token.role === 'editor' || token.role === 'admin') ? 'reader' : token.role;
  return { kind: 'user', subject: token.email, organisationId: token.organisationId, role };
}

/**
 * Raised by a page or API route that needs a signed-in person when nobody
 * is signed in: the app answers a page with a redirect to the sign-in page
 * (which returns to the page after) and the API with 401 (app.ts).
 */
export class SignInRequired extends Error {
  constructor() {
    super('sign in first');
    this.name = 'SignInRequired';
  }
}

/** The signed-in person (by session cookie); throws SignInRequired when there is none. */
export function requireSignedIn(c: HonoContext): SignedIn {
  const signedIn = c.get('signedIn');
  if (!signedIn) throw new SignInRequired();
  return signedIn;
}

/** The signed-in administrator; a signed-in person of another role gets 403. */
export function requireSignedInAdmin(c: HonoContext): SignedIn {
  const signedIn = requireSignedIn(c);
  if (signedIn.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only an administrator may do this');
  return signedIn;
}

/** Where to go back to after signing in: a path of this site only (never `//host` or a full URL). */
export function returnPath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]{0,2000}$/.test(value) ? value : undefined;
}

/** Secure cookies when the request came over TLS (directly, or as the address the client used says). */
const overTls = (c: HonoContext) => new URL(c.req.url).protocol === 'https:';

export function setSessionCookie(c: HonoContext, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: overTls(c), path: '/', maxAge: SESSION_DAYS * 24 * 60 * 60 });
}

export const clearSessionCookie = (c: HonoContext) => deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overTls(c) });

/** The client's address, for the limit on failed sign-ins; 'unknown' when the request came from inside the process. */
export function clientAddress(c: HonoContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
