// The API's writes: the same verbs as the editing pages, as JSON, for a
// program holding a personal access key with the scope `write`. Each route
// checks, in this order, who asks (401 without a working key), whether they
// may change the record (404 for one they may not read, 403 for one they may
// read but not change), the body (415, 413, 400 naming the place in it), and
// then hands the body to the verb, which validates the fields and refuses a
// stale version (409 with the version stored now). Every answer is no-store;
// the verb's audit entry moves the data version, so the next read, cached or
// not, sees the change.
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import type { Database } from '../db/client.ts';
import { requireWrite } from '../domain/access.ts';
import { createAgreement } from '../domain/agreements/create.ts';
import { getAgreement } from '../domain/agreements/get.ts';
import { changeAgreement } from '../domain/agreements/change.ts';
import { changeAgreementSchema, createAgreementSchema, type ChangeAgreementInput, type CreateAgreementInput } from '../domain/agreements/schemas.ts';
import { findWritableAgreement } from '../domain/agreements/writable.ts';
import type { Context } from '../domain/context.ts';
import { DomainError } from '../domain/errors.ts';
import { createSource } from '../domain/sources/create.ts';
import { recordStatusEvent } from '../domain/status/record-event.ts';
import { recordEventSchema, type RecordEventInput } from '../domain/status/schemas.ts';
import { citeSource } from '../domain/sources/cite-source.ts';
import { changeCitationSchema, changeSourceSchema, citeSourceSchema, createSourceSchema, removeCitationSchema, type ChangeSourceInput, type CiteSourceInput } from '../domain/sources/schemas.ts';
import { changeCitation, removeCitation } from '../domain/sources/change-citation.ts';
import { changeSource } from '../domain/sources/change.ts';
import { getSource } from '../domain/sources/get.ts';
import { notFound } from '../domain/errors.ts';
import { accepts, type HttpEnv, type QuerySpec } from '../http/query.ts';
import { principalOf } from '../http/session.ts';
import { errorBody, HTTP_STATUS } from './errors.ts';
import { BodyRefused, readJsonObject } from './json-body.ts';

/** The fields a verb's input takes: any other in a body is refused by name. */
export const fieldsOf = (schema: { shape: object }) => Object.keys(schema.shape);

export const noQuery = (slug?: QuerySpec['slug']): QuerySpec => ({ names: [], unknown: 'refuse', slug });

export const WWW_AUTHENTICATE = 'Bearer realm="ortsband"';

/**
 * Only a bearer key writes through the API. A browser's session cookie is
 * not enough: a page on another site could make the browser send it (CSRF),
 * where it cannot make it send an Authorization header.
 */
export const keyHolder: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const token = c.get('apiToken');
  if (!token) {
    const message = c.get('signedIn')
      ? 'a browser session does not write through the API: send an access key, Authorization: Bearer <key> (make one with the scope write on your account page)'
      : 'send an access key with the scope write: Authorization: Bearer <key> (make one on your account page)';
    return c.json({ error: { code: 'UNAUTHENTICATED', message, problems: [{ field: 'authorization', message: 'is missing' }] } }, 401, { 'www-authenticate': WWW_AUTHENTICATE });
  }
  if (token.scope !== 'write') {
    throw new DomainError('FORBIDDEN', 'this access key may only read; make a key with the scope write on your account page', [{ field: 'authorization', message: 'is a read-only key' }]);
  }
  await next();
};

/** A write's answer (or refusal) is the writer's alone, and never kept by a cache on the way. */
export const noStore: MiddlewareHandler<HttpEnv> = async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'no-store');
};

/** The key holder's context for the verbs. */
export const writerCtx = (database: Database, c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

/** The key holder's own organisation: new records belong to it. */
function ownOrganisation(ctx: Context): number {
  const p = ctx.principal;
  if (p.kind !== 'user') throw new DomainError('FORBIDDEN', 'You may not change records of this organisation');
  // Checked before the body is read: someone who may not write learns nothing from their body's problems.
  return requireWrite(ctx, p.organisationId).organisationId;
}

/** A refusal of who asks names what they asked with: the key in the Authorization header. */
const withKeyNamed = (error: DomainError) =>
  error.code === 'FORBIDDEN' && !error.problems.length ? new DomainError(error.code, error.message, [{ field: 'authorization', message: "the key's holder may not change this organisation's records" }]) : error;

/** 409 with the agreement's version as stored now, so that the writer can read it again and decide. */
async function withCurrentVersion<T>(ctx: Context, slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
    const conflict = error as DomainError & { current?: unknown };
    if (conflict.current === undefined) {
      const { version, currentStatus } = await findWritableAgreement(ctx, slug);
      conflict.current = { version, status: currentStatus };
    }
    throw conflict;
  }
}

/** A write's refusal as JSON: the body's (413, 415) and the domain's, a refusal of who asks naming the key. */
export function answerWriteError(error: Error, c: HonoContext) {
  if (error instanceof BodyRefused) return c.json({ error: { code: error.code, message: error.message, problems: [{ field: error.field, message: error.message }] } }, error.status);
  if (error instanceof DomainError) return c.json(errorBody(withKeyNamed(error)), HTTP_STATUS[error.code]);
  throw error;
}

export function writeRoutes(database: Database) {
  const writes = new Hono<HttpEnv>();
  writes.onError(answerWriteError);

  writes.post('/agreements', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const organisationId = ownOrganisation(ctx);
    const input = (await readJsonObject(c, fieldsOf(createAgreementSchema))) as CreateAgreementInput;
    const row = await createAgreement({ ctx, input, organisationId });
    return c.json(await getAgreement({ ctx, slug: row.slug }), 201, { location: `/api/agreements/${row.slug}` });
  });

  /**
   * Changes the fields sent and leaves the others as they are. The body
   * carries the version the writer read (expectedVersion); another one is
   * 409 with the agreement as it is stored now (`current`: version and
   * fields), and nothing is written. Answers the agreement as it reads now.
   */
  writes.patch('/agreements/:slug', noStore, keyHolder, accepts(noQuery('agreement')), async (c) => {
    const ctx = writerCtx(database, c);
    const slug = c.req.param('slug');
    await findWritableAgreement(ctx, slug);
    const input = (await readJsonObject(c, fieldsOf(changeAgreementSchema))) as ChangeAgreementInput;
    await changeAgreement({ ctx, slug, input });
    return c.json(await getAgreement({ ctx, slug }), 200, { location: `/api/agreements/${slug}` });
  });

  /**
   * A write to the agreement the path names: found, and the key holder's
   * right to change it checked, before the body is read. Answers what was
   * made, with the agreement's new version and status.
   */
  const onAgreement = <I, T>(schema: { shape: object }, name: string, verb: (ctx: Context, agreementId: number, input: I) => Promise<T>) =>
    async (c: HonoContext) => {
      const ctx = writerCtx(database, c);
      const slug = c.req.param('slug')!;
      const agreement = await findWritableAgreement(ctx, slug);
      const input = (await readJsonObject(c, fieldsOf(schema))) as I;
      const made = await withCurrentVersion(ctx, slug, () => verb(ctx, agreement.id, input));
      const now = await findWritableAgreement(ctx, slug);
      return c.json({ [name]: made, agreement: { slug, version: now.version, status: now.currentStatus } }, 201, { location: `/api/agreements/${slug}` });
    };

  writes.post(
    '/agreements/:slug/events',
    noStore,
    keyHolder,
    accepts(noQuery('agreement')),
    onAgreement(recordEventSchema, 'event', (ctx, agreementId, input: RecordEventInput) => recordStatusEvent({ ctx, agreementId, input })),
  );
  writes.post(
    '/agreements/:slug/citations',
    noStore,
    keyHolder,
    accepts(noQuery('agreement')),
    onAgreement(citeSourceSchema, 'citation', (ctx, agreementId, input: CiteSourceInput) => citeSource({ ctx, agreementId, input })),
  );

  writes.post('/sources', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const organisationId = ownOrganisation(ctx);
    const input = (await readJsonObject(c, fieldsOf(createSourceSchema))) as Parameters<typeof createSource>[0]['input'];
    const row = await createSource({ ctx, input, organisationId });
    return c.json(row, 201, { location: `/api/sources/${row.slug}` });
  });

  /**
   * A citation of the agreement (or of one of its events) by its id: its
   * passage changed (PATCH) or the citation removed (DELETE), at the
   * agreement's version the writer read. Answers the agreement's new version.
   */
  const onCitation = (schema: { shape: object }, verb: (ctx: Context, agreement: { id: number; organisationId: number }, id: number, input: Record<string, unknown>) => Promise<unknown>) =>
    async (c: HonoContext) => {
      const ctx = writerCtx(database, c);
      const slug = c.req.param('slug')!;
      const agreement = await findWritableAgreement(ctx, slug);
      const id = /^[1-9][0-9]{0,8}$/.test(c.req.param('id')!) ? Number(c.req.param('id')) : 0;
      if (!id) throw notFound('citation');
      const input = await readJsonObject(c, fieldsOf(schema));
      const made = await withCurrentVersion(ctx, slug, () => verb(ctx, agreement, id, input));
      const now = await findWritableAgreement(ctx, slug);
      return c.json({ ...(made ? { citation: made } : {}), agreement: { slug, version: now.version, status: now.currentStatus } }, 200);
    };
  writes.patch('/agreements/:slug/citations/:id', noStore, keyHolder, accepts(noQuery('agreement')), onCitation(changeCitationSchema, (ctx, agreement, id, input) => changeCitation({ ctx, agreement, id, input })));
  writes.delete('/agreements/:slug/citations/:id', noStore, keyHolder, accepts(noQuery('agreement')), onCitation(removeCitationSchema, (ctx, agreement, id, input) => removeCitation({ ctx, agreement, id, input })));

  /**
   * Changes the fields of a source sent, the others stay as stored; a stale
   * expectedVersion is 409 with the source as stored now (`current`).
   */
  writes.patch('/sources/:slug', noStore, keyHolder, accepts(noQuery('source')), async (c) => {
    const ctx = writerCtx(database, c);
    const stored = await getSource({ ctx, slug: c.req.param('slug') });
    requireWrite(ctx, stored.organisationId);
    const sent = (await readJsonObject(c, fieldsOf(changeSourceSchema))) as Partial<ChangeSourceInput>;
    const { kind, title, language, author, publisher, published, url, archiveReference, confidential, note, noteEn, visibility } = stored;
    try {
      // The fields not sent are those read here: at this version, or the change is a conflict.
      const row = await changeSource({ ctx, slug: stored.slug, input: { kind, title, language, author, publisher, published, url, archiveReference, confidential, note, noteEn, visibility, expectedVersion: stored.version, ...sent } });
      return c.json(row, 200, { location: `/api/sources/${row.slug}` });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') Object.assign(error, { current: await getSource({ ctx, slug: stored.slug }) });
      throw error;
    }
  });

  return writes;
}
