// Networks of bodies through the API: read with the rights of the key's
// holder (or as the public without a key), as the pages read them: the
// minutes, the meetings' documents and the notes for the network's members
// only. The writes are the verbs the network's page uses, as JSON, and keep
// the order of writes.ts: a write key (401, 403), the body (415, 413, 400
// naming the field), then the verb (404 for a network the key holder may
// not read, 403 for one they may read but not keep, 409 for a stale version
// or an ended network).
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../db/client.ts';
import type { Context } from '../domain/context.ts';
import {
  addMemberSchema,
  addNetworkMeeting,
  addNetworkMember,
  changeNetwork,
  changeNetworkSchema,
  endNetwork,
  endNetworkSchema,
  getNetwork,
  listNetworks,
  meetingSchema,
  removeNetworkMember,
  reopenNetwork,
  reopenNetworkSchema,
  type ChangeNetworkInput,
  type EndNetworkInput,
  type MeetingInput,
  type ReopenNetworkInput,
} from '../domain/coordination/networks.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import { principalOf } from '../http/session.ts';
import { idOf } from './record-write.ts';
import { meetingDocumentApiRoutes } from './network-documents.ts';
import { readJsonObject } from './json-body.ts';
import { answerWriteError, fieldsOf, keyHolder, noQuery, noStore, writerCtx } from './writes.ts';

const address = (id: number) => `/api/networks/${id}`;

/** The network as the API shows it: without what the page alone needs (`may`). */
async function networkAnswer(ctx: Context, id: number) {
  const { may: _may, ...network } = await getNetwork(ctx, id);
  return network;
}

/** A stale version or an ended network is 409 with the network as the API shows it now (`current`), for the writer to read again and decide. */
async function withCurrent<T>(ctx: Context, id: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') throw new DomainError('CONFLICT', error.message, error.problems, await networkAnswer(ctx, id));
    throw error;
  }
}

export function networkApiRoutes(database: Database) {
  const api = new Hono<HttpEnv>();
  const ctxOf = (c: HonoContext<HttpEnv>) => ({ db: database.db, principal: principalOf(c) });
  // A member's answer holds what only members read: no shared cache keeps it.
  api.get('/networks', noStore, accepts(noQuery()), async (c) => c.json(await listNetworks(ctxOf(c))));
  api.get('/networks/:id', noStore, accepts(noQuery()), async (c) => c.json(await networkAnswer(ctxOf(c), idOf(c.req.param('id')))));

  const writes = new Hono<HttpEnv>();
  writes.onError(answerWriteError);
  /** The network's id in the path: 404 for anything that is no id, before the body is read. */
  const networkIdOf = (c: HonoContext) => {
    const id = idOf(c.req.param('id'));
    if (!id) throw notFound('network');
    return id;
  };

  /**
   * Changes the fields sent (name, description, kind, county, visibility),
   * the others stay as stored; expectedVersion is the version read, and a
   * stale one is 409 with the network as stored now (`current`).
   */
  writes.patch('/networks/:id', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const networkId = networkIdOf(c);
    const sent = await readJsonObject(c, fieldsOf(changeNetworkSchema));
    const stored = await networkAnswer(ctx, networkId);
    const { name, description, kind, county, visibility } = stored;
    const input = { name, description, kind, county, visibility, ...sent, expectedVersion: sent.expectedVersion } as ChangeNetworkInput;
    await withCurrent(ctx, networkId, () => changeNetwork({ ctx, networkId, input }));
    return c.json(await networkAnswer(ctx, networkId), 200, { location: address(networkId) });
  });

  /** Ends the network on a day, at the version read; it stays, and takes no new members, meetings or notes. */
  writes.post('/networks/:id/end', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const networkId = networkIdOf(c);
    const input = (await readJsonObject(c, fieldsOf(endNetworkSchema))) as EndNetworkInput;
    await withCurrent(ctx, networkId, () => endNetwork({ ctx, networkId, input }));
    return c.json(await networkAnswer(ctx, networkId), 200, { location: address(networkId) });
  });

  /** Reopens an ended network, at the version read: it takes new members, meetings and notes again. One that is not ended is 409. */
  writes.post('/networks/:id/reopen', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const networkId = networkIdOf(c);
    const input = (await readJsonObject(c, fieldsOf(reopenNetworkSchema))) as ReopenNetworkInput;
    await withCurrent(ctx, networkId, () => reopenNetwork({ ctx, networkId, input }));
    return c.json(await networkAnswer(ctx, networkId), 200, { location: address(networkId) });
  });

  writes.post('/networks/:id/members', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const networkId = networkIdOf(c);
    const input = (await readJsonObject(c, fieldsOf(addMemberSchema))) as { organisation: string };
    await withCurrent(ctx, networkId, () => addNetworkMember({ ctx, networkId, input }));
    return c.json(await networkAnswer(ctx, networkId), 201, { location: address(networkId) });
  });

  /** Removes a member organisation (by its slug, in the body): its people stop reading what members read at once. */
  writes.delete('/networks/:id/members', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const networkId = networkIdOf(c);
    const input = (await readJsonObject(c, fieldsOf(addMemberSchema))) as { organisation: string };
    await removeNetworkMember({ ctx, networkId, input });
    return c.json(await networkAnswer(ctx, networkId), 200, { location: address(networkId) });
  });

  /** Records a meeting; answers it as GET /api/networks/{id} lists it. */
  writes.post('/networks/:id/meetings', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = writerCtx(database, c);
    const networkId = networkIdOf(c);
    const input = (await readJsonObject(c, fieldsOf(meetingSchema))) as MeetingInput;
    const row = await withCurrent(ctx, networkId, () => addNetworkMeeting({ ctx, networkId, input }));
    const meeting = (await networkAnswer(ctx, networkId)).meetings.find((m) => m.id === row.id);
    return c.json(meeting, 201, { location: address(networkId) });
  });

  api.route('/', writes);
  api.route('/', meetingDocumentApiRoutes(database));
  return api;
}
