// Answers to anonymous GET requests, kept while the register's data version
// is unchanged: everyone who is not signed in sees the same public register,
// and it changes only when someone writes. Each answer says x-cache: hit or
// miss. Bounded in entries and in the size of one answer.
import type { MiddlewareHandler } from 'hono';
import { currentDataVersion } from '../domain/data-version.ts';
import type { Context } from '../domain/context.ts';

const MAX_ENTRIES = 1_000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

interface Entry {
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
}

export function responseCache(ctx: Context): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  return async (c, next) => {
    // Only anonymous reads: a signed-in reader may see shared or internal records.
    if (c.req.method !== 'GET' || c.req.header('authorization') || c.req.header('cookie')) return next();
    const key = `${await currentDataVersion(ctx)} ${c.req.url}`;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key); // move to the back: least recently used goes first
      entries.set(key, hit);
      return new Response(hit.body, { status: hit.status, headers: [...hit.headers, ['x-cache', 'hit']] });
    }
    await next();
    const response = c.res;
    if (response.status !== 200 && response.status !== 404) return;
    const body = await readUpTo(response.clone(), MAX_BODY_BYTES);
    if (!body) return;
    entries.set(key, { status: response.status, headers: [...response.headers.entries()], body });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    c.res.headers.set('x-cache', 'miss');
  };
}

/** The body when it is at most `limit` bytes; null (and the copy let go) when longer, so a large streamed export is never held. */
async function readUpTo(response: Response, limit: number): Promise<ArrayBuffer | null> {
  if (!response.body) return new ArrayBuffer(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body.buffer;
}
