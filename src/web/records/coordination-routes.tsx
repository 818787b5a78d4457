// The coordinators' overviews in the browser: the country, a county, a
// region. Everyone may read them, each as far as they may (the public the
// public register; a signed-in person the shared records too:
// coordination/overview/overview.ts). The public's pages go through the
// response cache; signed-in requests never do (response-cache.ts).
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../../db/client.ts';
import type { Context } from '../../domain/context.ts';
import { coordinationOverview } from '../../domain/coordination/overview/overview.ts';
import { COUNTRY, countyScope, listRegions, regionScope, type OverviewScope } from '../../domain/coordination/overview/scope.ts';
import { accepts, langOf, type HttpEnv, type QuerySpec } from '../../http/query.ts';
import type { ResponseCache } from '../../http/response-cache.ts';
import { principalOf } from '../../http/session.ts';
import { todayInStockholm } from '../format.ts';
import { CoordinationPage } from './coordination-page.tsx';

const PAGE: QuerySpec = { names: ['lang'], unknown: 'ignore' };
const REGION_PAGE: QuerySpec = { ...PAGE, slug: 'actor' };

export function coordinationRoutes(database: Database, { cache }: { cache: ResponseCache }) {
  const web = new Hono<HttpEnv>();
  const ctxOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });
  const render = async (c: HonoContext<HttpEnv>, scope: (ctx: Context) => OverviewScope | Promise<OverviewScope>) => {
    const ctx = ctxOf(c);
    const where = await scope(ctx);
    const [overview, regions] = await Promise.all([coordinationOverview(ctx, where, todayInStockholm()), listRegions(ctx, where)]);
    return c.html(<CoordinationPage lang={langOf(c)} account={c.get('signedIn')?.displayName} path={c.req.path} overview={overview} regions={regions} />);
  };
  web.get('/samordning', accepts(PAGE), cache, (c) => render(c, () => COUNTRY));
  web.get('/samordning/lan/:county', accepts(PAGE), cache, (c) => render(c, () => countyScope(c.req.param('county'))));
  web.get('/samordning/region/:slug', accepts(REGION_PAGE), cache, (c) => render(c, (ctx) => regionScope(ctx, c.req.param('slug'))));
  return web;
}
