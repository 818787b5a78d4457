// Networks of bodies through the API: read with the rights of the key's
// holder (or as the public without a key), as the pages read them: the
// minutes and the notes for the network's members only.
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../db/client.ts';
import { getNetwork, listNetworks } from '../domain/coordination/networks.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import { principalOf } from '../http/session.ts';
import { idOf } from './follow-up.ts';
import { noQuery, noStore } from './writes.ts';


export function networkApiRoutes(database: Database) {
  const api = new Hono<HttpEnv>();
  const ctxOf = (c: HonoContext<HttpEnv>) => ({ db: database.db, principal: principalOf(c) });
  // A member's answer holds what only members read: no shared cache keeps it.
  api.get('/networks', noStore, accepts(noQuery()), async (c) => c.json(await listNetworks(ctxOf(c))));
  api.get('/networks/:id', noStore, accepts(noQuery()), async (c) => {
    const { may: _may, ...network } = await getNetwork(ctxOf(c), idOf(c.req.param('id')));
    return c.json(network);
  });
  return api;
}
