// A write to one record kept under an agreement (an action plan, an
// activity), in the order of writes.ts: the agreement the path names found
// and the key holder's right to change it checked before the body is read;
// the record's id, and any part of it the path names (a goal, a citation),
// 404 before the body when no record could have it; then the body, then the
// verb. A stale expectedVersion is 409 with the record as the API lists it
// now (`current`); the answer is the record as listed, with its new version.
import type { Context as HonoContext } from 'hono';
import type { Database } from '../db/client.ts';
import { findWritableAgreement } from '../domain/agreements/writable.ts';
import type { Context } from '../domain/context.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { HttpEnv } from '../http/query.ts';
import { readJsonObject } from './json-body.ts';
import { fieldsOf, writerCtx } from './writes.ts';

export type WritableAgreement = Awaited<ReturnType<typeof findWritableAgreement>>;

/** A record's id in a path; 0 (no record has it) for anything else. */
export const idOf = (raw: string | undefined) => (raw !== undefined && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : 0);

export function recordWrite(
  database: Database,
  record: { name: string; parts: readonly string[]; listed: (ctx: Context, agreement: WritableAgreement, id: number) => Promise<unknown>; address: (slug: string) => string },
) {
  return <I>(schema: { shape: object }, verb: (ctx: Context, agreement: WritableAgreement, id: number, input: I, c: HonoContext<HttpEnv>) => Promise<unknown>, status: 200 | 201 = 200) =>
    async (c: HonoContext<HttpEnv>) => {
      const ctx = writerCtx(database, c);
      const agreement = await findWritableAgreement(ctx, c.req.param('slug')!);
      const id = idOf(c.req.param('id'));
      if (!id) throw notFound(record.name);
      for (const part of record.parts) if (c.req.param(part) !== undefined && !idOf(c.req.param(part))) throw notFound(part);
      const input = (await readJsonObject(c, fieldsOf(schema))) as I;
      try {
        await verb(ctx, agreement, id, input, c);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'CONFLICT') throw new DomainError('CONFLICT', error.message, error.problems, await record.listed(ctx, agreement, id));
        throw error;
      }
      return c.json(await record.listed(ctx, agreement, id), status, { location: record.address(agreement.slug) });
    };
}
