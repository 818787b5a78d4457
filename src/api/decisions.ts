// A decision's basis through the API: read (every version, newest first,
// each with the register's part frozen when it was saved) and a new version
// written, as the page at /avtal/<slug>/beslut/<event id> saves it. Both are
// the owning organisation's only (canReadDecisionBasis): anyone else gets
// 404, as for a decision that is not there. The write keeps the order of
// writes.ts: a write key (401, 403), the right to change the agreement (404,
// 403) and to read its bases (404), then the body (415, 413, 400 naming the
// field), then the verb (409 for a version other than the one stored).
import { Hono } from 'hono';
import type { Database } from '../db/client.ts';
import { findWritableAgreement } from '../domain/agreements/writable.ts';
import { getDecisionBasis, saveDecisionBasis } from '../domain/decisions/basis.ts';
import { saveDecisionBasisSchema, type SaveDecisionBasisInput } from '../domain/decisions/schemas.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import { todayInStockholm } from '../web/format.ts';
import { someone } from './follow-up.ts';
import { idOf } from './record-write.ts';
import { readJsonObject } from './json-body.ts';
import { answerWriteError, fieldsOf, keyHolder, noQuery, noStore, writerCtx } from './writes.ts';

/** Where a decision's basis is read and written. */
export const basisAddress = (slug: string, eventId: number) => `/api/agreements/${slug}/decisions/${eventId}/basis`;

export function decisionBasisApiRoutes(database: Database) {
  const api = new Hono<HttpEnv>();
  api.onError(answerWriteError);
  const PATH = '/agreements/:slug/decisions/:id/basis';

  api.get(PATH, noStore, someone('decision bases'), accepts(noQuery('agreement')), async (c) => {
    const ctx = writerCtx(database, c);
    return c.json(await getDecisionBasis({ ctx, slug: c.req.param('slug'), eventId: idOf(c.req.param('id')) }));
  });

  /**
   * Saves a new version of the basis: the whole text, at the version the
   * writer read (expectedVersion, 0 before the first). Another one is 409
   * with the version stored now (`current`), and nothing is written.
   * Answers the basis as GET gives it, the new version first.
   */
  api.put(PATH, noStore, keyHolder, accepts(noQuery('agreement')), async (c) => {
    const ctx = writerCtx(database, c);
    const slug = c.req.param('slug');
    const eventId = idOf(c.req.param('id'));
    // Before the body is read: who may not change the agreement gets 403 (404 if they may not read it);
    // who may not read its bases (an administrator of another organisation), or a decision that is not there, 404.
    await findWritableAgreement(ctx, slug);
    await getDecisionBasis({ ctx, slug, eventId });
    const input = (await readJsonObject(c, fieldsOf(saveDecisionBasisSchema))) as SaveDecisionBasisInput;
    await saveDecisionBasis({ ctx, slug, eventId, input, today: todayInStockholm() });
    return c.json(await getDecisionBasis({ ctx, slug, eventId }), 200, { location: basisAddress(slug, eventId) });
  });
  return api;
}
