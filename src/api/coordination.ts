// The coordinators' overviews through the API: the same answers as the
// pages (coordination/overview/overview.ts), read as the public without a
// key and as the shared reader with one.
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../db/client.ts';
import type { Context } from '../domain/context.ts';
import { coordinationOverview } from '../domain/coordination/overview/overview.ts';
import { COUNTRY, countyScope, regionScope, type OverviewScope } from '../domain/coordination/overview/scope.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import type { ResponseCache } from '../http/response-cache.ts';
import { principalOf } from '../http/session.ts';
import { todayInStockholm } from '../web/format.ts';
import { noQuery } from './writes.ts';

export function coordinationApiRoutes(database: Database, cache: ResponseCache) {
  const api = new Hono<HttpEnv>();
  const answer = async (c: HonoContext<HttpEnv>, scope: (ctx: Context) => OverviewScope | Promise<OverviewScope>) => {
    const ctx: Context = { db: database.db, principal: principalOf(c) };
    return c.json(await coordinationOverview(ctx, await scope(ctx), todayInStockholm()));
  };
  api.get('/coordination', accepts(noQuery()), cache, (c) => answer(c, () => COUNTRY));
  api.get('/coordination/counties/:county', accepts(noQuery()), cache, (c) => answer(c, () => countyScope(c.req.param('county'))));
  api.get('/coordination/regions/:slug', accepts(noQuery('actor')), cache, (c) => answer(c, (ctx) => regionScope(ctx, c.req.param('slug'))));
  return api;
}
