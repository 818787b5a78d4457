// Activities and follow-up points through the API: the verbs the browser's
// activity page uses (domain/activities, domain/follow-up), as JSON. The
// writes keep the order of writes.ts: a write key (401, 403), the right to
// change the agreement the path names (404, 403), then the body (415, 413,
// 400 naming the field), then the verb. One's own follow-up is read with any
// key, and never by the public (401).
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import type { Database } from '../db/client.ts';
import { changeActivity, changeActivitySchema, removeActivity, removeActivitySchema } from '../domain/activities/change.ts';
import { citeActivitySource, citeActivitySourceSchema, removeActivityCitation, type CiteActivitySourceInput } from '../domain/activities/cite.ts';
import { createActivity, createActivitySchema } from '../domain/activities/create.ts';
import { findWritableAgreement } from '../domain/agreements/writable.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { addFollowUpPoint } from '../domain/follow-up/add-point.ts';
import { setFollowUpState } from '../domain/follow-up/close-point.ts';
import { activitiesOfAgreement, followUpPointOf, openFollowUp } from '../domain/follow-up/list.ts';
import { addFollowUpPointSchema, closeFollowUpPointSchema, type AddFollowUpPointInput, type CloseFollowUpPointInput } from '../domain/follow-up/schemas.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import { principalOf } from '../http/session.ts';
import { todayInStockholm } from '../web/format.ts';
import { readJsonObject } from './json-body.ts';
import { idOf, recordWrite } from './record-write.ts';
import { answerWriteError, fieldsOf, keyHolder, noQuery, noStore, WWW_AUTHENTICATE, writerCtx } from './writes.ts';

/** Where an agreement's activities and their points are read. */
const activitiesAddress = (slug: string) => `/api/agreements/${slug}/activities`;

/**
 * A read that is a person's, never the public's: the public is told to send
 * a key (a session cookie reads as on every API read). `never` says what is
 * never public: "follow-up points".
 */
export const someone =
  (never: string): MiddlewareHandler<HttpEnv> =>
  async (c, next) => {
    if (principalOf(c).kind === 'anonymous') {
      const message = `send an access key: Authorization: Bearer <key> (make one on your account page); ${never} are never public`;
      return c.json({ error: { code: 'UNAUTHENTICATED', message, problems: [{ field: 'authorization', message: 'is missing' }] } }, 401, { 'www-authenticate': WWW_AUTHENTICATE });
    }
    await next();
  };

export function followUpRoutes(database: Database) {
  const api = new Hono<HttpEnv>();
  api.onError(answerWriteError);

  /** Records an activity under the agreement; answers it as GET …/activities lists it. */
  api.post('/agreements/:slug/activities', noStore, keyHolder, accepts(noQuery('agreement')), async (c) => {
    const ctx = writerCtx(database, c);
    const agreement = await findWritableAgreement(ctx, c.req.param('slug'));
    const input = (await readJsonObject(c, fieldsOf(createActivitySchema))) as Parameters<typeof createActivity>[0]['input'];
    const row = await createActivity({ ctx, agreementId: agreement.id, input });
    const [activity] = await activitiesOfAgreement(ctx, agreement, row.id);
    return c.json(activity, 201, { location: activitiesAddress(agreement.slug) });
  });

  /** A write to an activity of the agreement (record-write.ts); answers it as GET …/activities lists it. */
  const onActivity = recordWrite(database, {
    name: 'activity',
    parts: ['citation'],
    listed: async (ctx, agreement, id) => (await activitiesOfAgreement(ctx, agreement, id))[0],
    address: activitiesAddress,
  });

  /** Changes an activity recorded under the agreement, as a whole (what the form holds; its sources and points stay). */
  api.put(
    '/agreements/:slug/activities/:id',
    noStore,
    keyHolder,
    accepts(noQuery('agreement')),
    onActivity(changeActivitySchema, (ctx, agreement, id, input: Parameters<typeof changeActivity>[0]['input']) => changeActivity({ ctx, agreement, id, input })),
  );

  /** Cites a source for an activity recorded under the agreement, at the activity's version. */
  api.post(
    '/agreements/:slug/activities/:id/citations',
    noStore,
    keyHolder,
    accepts(noQuery('agreement')),
    onActivity(citeActivitySourceSchema, (ctx, agreement, activityId, input: CiteActivitySourceInput) => citeActivitySource({ ctx, agreement, activityId, input }), 201),
  );
  /** Removes a source cited for the activity, at the activity's version. */
  api.delete(
    '/agreements/:slug/activities/:id/citations/:citation',
    noStore,
    keyHolder,
    accepts(noQuery('agreement')),
    onActivity(removeActivitySchema, (ctx, agreement, activityId, input: Parameters<typeof removeActivityCitation>[0]['input'], c) =>
      removeActivityCitation({ ctx, agreement, activityId, citationId: idOf(c.req.param('citation')), input }),
    ),
  );

  /** Removes an activity recorded under the agreement, with its follow-up points; the history keeps what it was. */
  api.delete('/agreements/:slug/activities/:id', noStore, keyHolder, accepts(noQuery('agreement')), async (c) => {
    const ctx = writerCtx(database, c);
    const agreement = await findWritableAgreement(ctx, c.req.param('slug'));
    const id = idOf(c.req.param('id'));
    if (!id) throw notFound('activity');
    const input = (await readJsonObject(c, fieldsOf(removeActivitySchema))) as Parameters<typeof removeActivity>[0]['input'];
    try {
      await removeActivity({ ctx, agreement, id, input });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') throw new DomainError('CONFLICT', error.message, error.problems, (await activitiesOfAgreement(ctx, agreement, id))[0]);
      throw error;
    }
    return c.json({ removed: id }, 200);
  });

  /** Raises a follow-up point at one of the agreement's activities. */
  api.post('/agreements/:slug/activities/:id/follow-up-points', noStore, keyHolder, accepts(noQuery('agreement')), async (c) => {
    const ctx = writerCtx(database, c);
    const agreement = await findWritableAgreement(ctx, c.req.param('slug'));
    const activityId = idOf(c.req.param('id'));
    if (!activityId) throw notFound('activity');
    const input = (await readJsonObject(c, fieldsOf(addFollowUpPointSchema))) as AddFollowUpPointInput;
    const row = await addFollowUpPoint({ ctx, agreement, activityId, input });
    return c.json(await followUpPointOf(ctx, agreement, row.id), 201, { location: activitiesAddress(agreement.slug) });
  });

  /**
   * Marks a point done or dropped, with a comment, or open again. A stale
   * expectedVersion is 409 with the point as stored now (`current`).
   */
  api.patch('/agreements/:slug/follow-up-points/:id', noStore, keyHolder, accepts(noQuery('agreement')), async (c) => {
    const ctx = writerCtx(database, c);
    const agreement = await findWritableAgreement(ctx, c.req.param('slug'));
    const id = idOf(c.req.param('id'));
    if (!id) throw notFound('follow-up point');
    const input = (await readJsonObject(c, fieldsOf(closeFollowUpPointSchema))) as CloseFollowUpPointInput;
    try {
      await setFollowUpState({ ctx, agreement, id, input });
    } catch (error) {
      // The verb's `current` is the table's row; the writer gets the point as the API shows it.
      if (error instanceof DomainError && error.code === 'CONFLICT') throw new DomainError('CONFLICT', error.message, error.problems, await followUpPointOf(ctx, agreement, id));
      throw error;
    }
    return c.json(await followUpPointOf(ctx, agreement, id), 200, { location: activitiesAddress(agreement.slug) });
  });

  /** The open points of the key's holder and of their organisation, as /oversikt shows them. */
  api.get('/follow-up', noStore, someone('follow-up points'), accepts(noQuery()), async (c: HonoContext) => {
    const ctx = writerCtx(database, c);
    return c.json(await openFollowUp(ctx, todayInStockholm()));
  });

  return api;
}
