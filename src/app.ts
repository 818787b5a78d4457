// The HTTP application: pages at /, the JSON API at /api.
import { Hono } from 'hono';
import { apiRoutes } from './api/routes.ts';
import type { Database } from './db/client.ts';
import { DomainError, invalid, notFound } from './domain/errors.ts';
import { errorBody, HTTP_STATUS } from './api/errors.ts';
import { errorPage, webRoutes } from './web/routes.tsx';
import { responseCache } from './http/response-cache.ts';
import { sessionMiddleware } from './http/session.ts';
import type { OidcSettings } from './domain/accounts/oidc.ts';
import { env } from './env.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { accountRoutes } from './web/account/routes.tsx';
import type { Logger } from 'pino';

// A URL longer than this is refused before any work is done; shorter ones
// reach the parameter schemas, which name the parameter that is too long.
const MAX_URL_LENGTH = 16_384;

/** What the app is told beyond its database: the identity provider, read from the environment unless given. */
export interface AppSettings {
  oidc?: OidcSettings;
  mailer?: Mailer;
}

export function oidcFromEnv(): OidcSettings | undefined {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return undefined;
  return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, emailClaim: e.OIDC_EMAIL_CLAIM, label: e.OIDC_LABEL };
}

export function mailerFromEnv(): Mailer | undefined {
  const e = env();
  return e.SMTP_URL ? createMailer({ url: e.SMTP_URL, from: e.MAIL_FROM }) : undefined;
}

export function createApp(database: Database, log?: Logger, settings: AppSettings = { oidc: oidcFromEnv(), mailer: mailerFromEnv() }) {
  const app = new Hono();
  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
    });
  }
  app.use(async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) throw invalid([{ field: '(url)', message: `is longer than ${MAX_URL_LENGTH} characters` }]);
    await next();
    // On the response's own headers: c.header() after next() would copy the
    // body into a new response, a stream, for every answer (even a cached one).
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'same-origin');
  });
  app.use(responseCache({ db: database.db, principal: { kind: 'anonymous' } }));
  app.use(sessionMiddleware(database.db));
  app.route('/api', apiRoutes(database));
  app.route('/', accountRoutes(database, settings));
  app.route('/', webRoutes(database));
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json(errorBody(notFound('resource')), 404) : errorPage(c, notFound('page'))));
  app.onError((error, c) => {
    if (error instanceof DomainError) return c.req.path.startsWith('/api/') ? c.json(errorBody(error), HTTP_STATUS[error.code]) : errorPage(c, error);
    log?.error({ err: error }, 'unhandled error');
    return c.json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } }, 500);
  });
  return app;
}
