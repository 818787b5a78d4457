// Contact surfaces through the API: the list and each surface as the reader
// may read them, and the verbs the browser's forms use, as JSON. The writes
// keep the order of writes.ts: a write key (401, 403), the body (415, 413,
// 400 naming the field), then the verb (403 for another organisation's
// surface, 404 for one the key holder may not read, 409 for a stale version).
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../db/client.ts';
import type { Context } from '../domain/context.ts';
import { getContactSurface, listContactSurfaces, listContactSurfacesSchema } from '../domain/contact-surfaces/read.ts';
import { changeContactSurface, createContactSurface, removeContactSurface } from '../domain/contact-surfaces/save.ts';
import { changeContactSurfaceSchema, createContactSurfaceSchema, removeContactSurfaceSchema } from '../domain/contact-surfaces/schemas.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { ResponseCache } from '../http/response-cache.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import { principalOf } from '../http/session.ts';
import { readJsonObject } from './json-body.ts';
import { answerWriteError, fieldsOf, keyHolder, noQuery, noStore, writerCtx } from './writes.ts';

/** A surface's id in a path; 0 (no surface has it) for anything else. */
const idOf = (raw: string | undefined) => (raw !== undefined && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : 0);
const address = (id: number) => `/api/contact-surfaces/${id}`;

/** A stale version is 409 with the surface as the API shows it now (`current`), for the writer to read again and decide. */
async function withCurrent(ctx: Context, id: number, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') throw new DomainError('CONFLICT', error.message, error.problems, await getContactSurface({ ctx, id }));
    throw error;
  }
}

export function contactSurfaceApiRoutes(database: Database, { cache }: { cache: ResponseCache }) {
  const api = new Hono<HttpEnv>();
  const readerCtx = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

  api.get('/contact-surfaces', accepts({ names: Object.keys(listContactSurfacesSchema.shape), unknown: 'refuse' }), cache, async (c) => c.json(await listContactSurfaces({ ctx: readerCtx(c), input: c.var.query })));
  api.get('/contact-surfaces/:id', accepts(noQuery()), cache, async (c) => c.json(await getContactSurface({ ctx: readerCtx(c), id: idOf(c.req.param('id')) })));

  const writes = new Hono<HttpEnv>();
  writes.onError(answerWriteError);
  writes.post('/contact-surfaces', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const input = (await readJsonObject(c, fieldsOf(createContactSurfaceSchema))) as Parameters<typeof createContactSurface>[0]['input'];
    const row = await createContactSurface({ ctx, input });
    return c.json(await getContactSurface({ ctx, id: row.id }), 201, { location: address(row.id) });
  });
  /** Changes a surface as a whole, at the version read. */
  writes.put('/contact-surfaces/:id', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const id = idOf(c.req.param('id'));
    if (!id) throw notFound('contact surface');
    const input = (await readJsonObject(c, fieldsOf(changeContactSurfaceSchema))) as Parameters<typeof changeContactSurface>[0]['input'];
    await withCurrent(ctx, id, () => changeContactSurface({ ctx, id, input }));
    return c.json(await getContactSurface({ ctx, id }), 200, { location: address(id) });
  });
  writes.delete('/contact-surfaces/:id', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const id = idOf(c.req.param('id'));
    if (!id) throw notFound('contact surface');
    const input = (await readJsonObject(c, fieldsOf(removeContactSurfaceSchema))) as Parameters<typeof removeContactSurface>[0]['input'];
    await withCurrent(ctx, id, () => removeContactSurface({ ctx, id, input }));
    return c.json({ removed: id }, 200);
  });
  api.route('/', writes);
  return api;
}
