// Who is asking, decided once at the edge: the session cookie becomes the
// signed-in user (or nobody) on the request's context; pages and verbs never
// read the cookie themselves.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Executor } from '../db/client.ts';
import { readSession, SESSION_DAYS, type SignedIn } from '../domain/accounts/sessions.ts';
import type { Principal } from '../domain/context.ts';

declare module 'hono' {
  interface ContextVariableMap {
    signedIn: SignedIn | null;
  }
}

export const SESSION_COOKIE = 'ortsband_session';

export function sessionMiddleware(db: Executor): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('signedIn', token ? await readSession(db, token) : null);
    await next();
  };
}

export const principalOf = (signedIn: SignedIn | null): Principal =>
  signedIn ? { kind: 'user', subject: signedIn.email, organisationId: signedIn.organisationId, role: signedIn.role } : { kind: 'anonymous' };

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
