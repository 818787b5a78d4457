// Answers to anonymous GET requests, kept while the register's data version
// is unchanged: everyone who is not signed in sees the same public register,
// and it changes only when someone writes. Each answer says x-cache: hit or
// miss. Bounded in entries and in the size of one answer.
//
// A kept answer is compressed once, when it is kept, and sent compressed to
// every client that accepts gzip (the bench's 212 kB map is 40 kB on the wire);
// it carries an ETag, so a browser that already has it gets 304 Not Modified
// and no body while the register is unchanged.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { freshDataVersion } from '../domain/data-version.ts';
import type { Context } from '../domain/context.ts';

const MAX_ENTRIES = 1_000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;
// Smaller answers are not worth the client's work of unpacking them.
const MIN_GZIP_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|image\/svg\+xml|application\/(json|ld\+json|geo\+json|javascript|xml))/;
const gzipAsync = promisify(gzip);

interface Entry {
  status: number;
  headers: Array<[string, string]>;
  // A Uint8Array, not an ArrayBuffer: @hono/node-server writes it to the socket
  // as it is, where an ArrayBuffer would go through a stream.
  body: Uint8Array<ArrayBuffer>;
  /** The body gzipped, when that makes it smaller and its type is text. */
  gzipped: Uint8Array<ArrayBuffer> | null;
  etag: string;
}

function answer(entry: Entry, cache: 'hit' | 'miss', request: { ifNoneMatch?: string; acceptEncoding?: string }): Response {
  const headers: Array<[string, string]> = [...entry.headers, ['etag', entry.etag], ['vary', 'accept-encoding'], ['x-cache', cache]];
  if (entry.status === 200 && request.ifNoneMatch?.split(/\s*,\s*/).some((tag) => tag === entry.etag || tag === `W/${entry.etag}` || tag === '*')) {
    return new Response(null, { status: 304, headers: headers.filter(([name]) => name !== 'content-length') });
  }
  if (entry.gzipped && /\bgzip\b/.test(request.acceptEncoding ?? '')) {
    return new Response(entry.gzipped, { status: entry.status, headers: [...headers.filter(([name]) => name !== 'content-length'), ['content-encoding', 'gzip']] });
  }
  return new Response(entry.body, { status: entry.status, headers });
}

async function keep(response: Response, body: Uint8Array<ArrayBuffer>): Promise<Entry> {
  const headers = [...response.headers.entries()].filter(([name]) => name !== 'x-cache');
  const type = response.headers.get('content-type') ?? '';
  let gzipped: Uint8Array<ArrayBuffer> | null = null;
  if (body.byteLength >= MIN_GZIP_BYTES && COMPRESSIBLE.test(type) && !response.headers.has('content-encoding')) {
    const packed = await gzipAsync(body);
    if (packed.byteLength < body.byteLength) gzipped = new Uint8Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength));
  }
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { status: response.status, headers, body, gzipped, etag };
}

export function responseCache(ctx: Context): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  // Misses being computed, by key: requests for the same URL that arrive
  // meanwhile wait for that answer instead of each computing their own.
  const computing = new Map<string, Promise<Entry | null>>();
  return async (c, next) => {
    // Only anonymous reads: a signed-in reader may see shared or internal records.
    if (c.req.method !== 'GET' || c.req.header('authorization') || c.req.header('cookie')) return next();
    const key = `${await freshDataVersion(ctx)} ${c.req.url}`;
    const request = { ifNoneMatch: c.req.header('if-none-match'), acceptEncoding: c.req.header('accept-encoding') };
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key); // move to the back: least recently used goes first
      entries.set(key, hit);
      c.res = answer(hit, 'hit', request);
      return;
    }
    const shared = computing.get(key);
    if (shared) {
      const entry = await shared;
      if (entry) {
        c.res = answer(entry, 'hit', request);
        return;
      }
      return next(); // not kept (an error, or too large): compute it here
    }
    let settle!: (entry: Entry | null) => void;
    computing.set(key, new Promise((resolve) => (settle = resolve)));
    let entry: Entry | null = null;
    try {
      await next();
      const response = c.res;
      if (response.status !== 200 && response.status !== 404) return;
      const read = await readUpTo(response.clone(), MAX_BODY_BYTES);
      c.res.headers.set('x-cache', 'miss');
      if (!read) return;
      entry = await keep(response, new Uint8Array(read));
      c.res.headers.set('etag', entry.etag);
      c.res.headers.set('vary', 'accept-encoding');
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    } finally {
      computing.delete(key);
      settle(entry);
    }
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
