// The HTTP application: pages at /, the JSON API at /api.
import { Hono, type Context as HonoContext } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { PUBLIC_READER } from './domain/access.ts';
import { agreementKindNames } from './domain/agreement-kinds/names.ts';
import { freshDataVersion, readingAt } from './domain/data-version.ts';
import type { Logger } from 'pino';
import { apiRoutes } from './api/routes.ts';
import type { Database } from './db/client.ts';
import { DomainError, invalid, notFound } from './domain/errors.ts';
import { errorBody, HTTP_STATUS, internalErrorBody, methodNotAllowedBody } from './api/errors.ts';
import { env } from './env.ts';
import { securityHeaders } from './http/headers.ts';
import type { HttpEnv } from './http/query.ts';
import { publicOrigin, type PublicAddress } from './http/public-url.ts';
import { responseCache, type CacheLimits } from './http/response-cache.ts';
import { errorPage, webRoutes } from './web/routes.tsx';
import { href } from './web/layout.tsx';
import { SignInRequired, sessionMiddleware } from './http/session.ts';
import type { OidcSettings } from './domain/accounts/oidc.ts';
import { mailerFromEnv, type Mailer } from './mail/mailer.ts';
import { accountRoutes } from './web/account/routes.tsx';
import { recordsRoutes } from './web/records/routes.tsx';
import { visitsCalendarRoutes } from './web/records/visits-calendar-routes.tsx';
import { networkRoutes } from './web/records/network-routes.tsx';
import { coordinationRoutes } from './web/records/coordination-routes.tsx';
import { adminRoutes } from './web/admin/routes.tsx';
import { editingRoutes } from './web/editing/routes.tsx';
import { handOverRoutes } from './web/editing/hand-over.tsx';
import { contactSurfaceRoutes } from './web/contact-surfaces/routes.tsx';
import { decisionRoutes } from './web/records/decision-routes.tsx';
import { knowledgeRoutes } from './web/knowledge/routes.tsx';

// A URL longer than this is refused before any work is done; shorter ones
// reach the route's edge (http/query.ts), which names the parameter that is too long.
const MAX_URL_LENGTH = 16_384;

export interface AppOptions {
  /** PUBLIC_URL and TRUST_PROXY; from the environment when not given. */
  publicUrl?: string;
  trustProxy?: boolean;
  cache?: CacheLimits;
  /** The identity provider and the mail server; from the environment when the key is not given. */
  oidc?: OidcSettings;
  mailer?: Mailer;
}

export function oidcFromEnv(): OidcSettings | undefined {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return undefined;
  return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, emailClaim: e.OIDC_EMAIL_CLAIM, label: e.OIDC_LABEL };
}

const isApi = (c: HonoContext) => c.req.path === '/api' || c.req.path.startsWith('/api/');

export function createApp(database: Database, log?: Logger, options: AppOptions = {}) {
  const config = env();
  const address: PublicAddress = {
    publicUrl: 'publicUrl' in options ? options.publicUrl : config.PUBLIC_URL,
    trustProxy: options.trustProxy ?? config.TRUST_PROXY,
    host: config.HOST,
    port: config.PORT,
  };
  const origin = (c: HonoContext) => publicOrigin(c, address);
  const cache = responseCache({ db: database.db, principal: { kind: 'anonymous' } }, { ...options.cache, origin });
  const accounts = { oidc: 'oidc' in options ? options.oidc : oidcFromEnv(), mailer: 'mailer' in options ? options.mailer : mailerFromEnv() };

  const app = new Hono<HttpEnv>();
  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
    });
  }
  app.use(securityHeaders);
  app.use(async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) throw invalid([{ field: '(url)', message: `is longer than ${MAX_URL_LENGTH} characters` }]);
    await next();
  });
  // Who asks (a session cookie or a bearer key), decided once for every route.
  app.use(sessionMiddleware(database.db));
  // Lets the layout name the signed-in person on every page (web/layout.tsx).
  app.use(contextStorage());
  // A read learns the data version once, as it arrives: the response cache keys
  // on it, and the kinds' names at it name every kind on pages and charts.
  app.use(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const ctx = { db: database.db, principal: PUBLIC_READER };
      const version = await freshDataVersion(ctx);
      c.set('dataVersion', version);
      c.set('kindNames', await agreementKindNames(ctx, version));
      // Kept answers (domain/kept-answers.ts, the kept register) are read at this version.
      return readingAt(database.db, version, next);
    }
    await next();
  });
  app.route('/api', apiRoutes(database, { cache, origin }));
  app.route('/', recordsRoutes(database, { origin }));
  app.route('/', networkRoutes(database));
  app.route('/', coordinationRoutes(database, { cache }));
  app.route('/', visitsCalendarRoutes(database, { cache, origin }));
  app.route('/', accountRoutes(database, accounts));
  app.route('/', adminRoutes(database));
  app.route('/', editingRoutes(database));
  app.route('/', handOverRoutes(database));
  app.route('/', contactSurfaceRoutes(database));
  app.route('/', decisionRoutes(database, { origin }));
  app.route('/', knowledgeRoutes(database));
  app.route('/', webRoutes(database, { cache, origin }));

  // A path that a route answers for another method: 405 with the methods it
  // takes (HEAD wherever GET, which Hono answers HEAD from).
  // Hono's router holds each handler as [handler, route]; a route of method
  // ALL is a middleware (app.use), not an answer.
  const methods = [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => r.method))];
  const allowedMethods = (path: string) => {
    const allowed = methods.filter((method) => (app.router.match(method, path)[0] as Array<[[unknown, { method: string }], unknown]>).some(([[, route]]) => route.method !== 'ALL'));
    return allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  };

  app.notFound((c) => {
    const allow = c.req.method === 'GET' || c.req.method === 'HEAD' ? [] : allowedMethods(c.req.path);
    if (allow.length) {
      c.header('allow', allow.join(', '));
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      if (isApi(c)) return c.json(methodNotAllowedBody(c.req.method, allow), 405);
      return errorPage(c, { kind: 'method', allow });
    }
    return isApi(c) ? c.json(errorBody(notFound('resource')), 404) : errorPage(c, notFound('page'));
  });
  app.onError((error, c) => {
    if (error instanceof SignInRequired) {
      if (isApi(c)) {
        return c.json({ error: { code: 'UNAUTHENTICATED', message: 'send an access key: Authorization: Bearer <key> (make one on your account page)', problems: [] } }, 401, {
          'www-authenticate': 'Bearer realm="ortsband"',
        });
      }
      // A form sent without a session: say so (401), with the way to sign in; a redirect would drop the post without a word.
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return errorPage(c, { kind: 'signedOut' });
      const back = new URL(c.req.url);
      const lang = back.searchParams.get('lang') === 'en' ? 'en' : 'sv';
      return c.redirect(href(lang, '/logga-in', { tillbaka: back.pathname + back.search }), 303);
    }
    if (error instanceof DomainError) return isApi(c) ? c.json(errorBody(error), HTTP_STATUS[error.code]) : errorPage(c, error);
    log?.error({ err: error }, 'unhandled error');
    return isApi(c) ? c.json(internalErrorBody(), 500) : errorPage(c, { kind: 'internal' });
  });
  // The cache is named on the app so that what it holds can be read (its stats).
  return Object.assign(app, { responseCache: cache });
}
