// Answers to anonymous GET requests, kept while the register's data version
// is unchanged: everyone who is not signed in sees the same public register,
// and it changes only when someone writes. Each answer says x-cache: hit or
// miss. Bounded in entries, in the size of one answer and in total bytes.
//
// Keyed on the day in Stockholm too: pages speak of today (statuses, the
// next renewal of an agreement), and an answer kept yesterday is not today's.
//
// Keyed on the normalised request: the path and the parameters the route
// reads (c.var.query, set by the route's edge in query.ts, in the route's
// fixed order). Not on the URL as sent, nor on the Host header: parameters a
// page ignores, their order and their spelling cannot make a second entry.
//
// The cache never slows or stops an answer it will not keep. It does not
// clone bodies (a tee's unread branch, once cancelled, stalled the other and
// held the database): it reads the answer itself, and when that grows past
// MAX_BODY_BYTES it hands the client what it read followed by the rest of the
// same stream. Streamed downloads are not routed through it at all, and any
// answer marked `cache-control: no-store` is passed on untouched.
//
// A kept answer is compressed once, when it is kept, and sent compressed to
// every client that accepts gzip (the bench's 212 kB map is 40 kB on the wire);
// it carries an ETag, so a browser that already has it gets 304 Not Modified
// and no body while the register is unchanged.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import type { HttpEnv } from './query.ts';
import { freshDataVersion } from '../domain/data-version.ts';
import { todayInStockholm } from '../web/format.ts';
import type { Context } from '../domain/context.ts';

const MAX_ENTRIES = 1_000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;
// All kept answers together, bodies and their gzipped copies.
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
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
  /** What the entry holds in memory, roughly: bodies, key and headers. */
  bytes: number;
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

async function keep(response: Response, body: Uint8Array<ArrayBuffer>, key: string): Promise<Entry> {
  const headers = [...response.headers.entries()].filter(([name]) => name !== 'x-cache');
  const type = response.headers.get('content-type') ?? '';
  let gzipped: Uint8Array<ArrayBuffer> | null = null;
  if (body.byteLength >= MIN_GZIP_BYTES && COMPRESSIBLE.test(type) && !response.headers.has('content-encoding')) {
    const packed = await gzipAsync(body);
    if (packed.byteLength < body.byteLength) gzipped = new Uint8Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength));
  }
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const bytes = body.byteLength + (gzipped?.byteLength ?? 0) + 2 * key.length + headers.reduce((n, [name, value]) => n + 2 * (name.length + value.length), 0);
  return { status: response.status, headers, body, gzipped, etag, bytes };
}

export interface CacheLimits {
  /**
   * The public origin an answer's absolute URLs are built from (it can follow
   * a trusted proxy's headers): part of the key, so one origin's catalogue is
   * never served for another's.
   */
  origin?: (c: HonoContext) => string;
  maxEntries?: number;
  maxBodyBytes?: number;
  maxTotalBytes?: number;
}

export type ResponseCache = MiddlewareHandler<HttpEnv> & { stats(): { entries: number; bytes: number } };

/** One cache for the whole application; put it on each route that may be kept, after the route's edge (`accepts`). */
export function responseCache(ctx: Context, limits: CacheLimits = {}): ResponseCache {
  const maxEntries = limits.maxEntries ?? MAX_ENTRIES;
  const maxBodyBytes = limits.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxTotalBytes = limits.maxTotalBytes ?? MAX_TOTAL_BYTES;
  const entries = new Map<string, Entry>();
  let total = 0;
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.bytes;
  };
  // Misses being computed, by key: requests for the same answer that arrive
  // meanwhile wait for it instead of each computing their own.
  const computing = new Map<string, Promise<Entry | null>>();
  const middleware: MiddlewareHandler<HttpEnv> = async (c, next) => {
    // Only anonymous reads: a signed-in reader may see shared or internal records.
    if (c.req.method !== 'GET' || c.req.header('authorization') || c.req.header('cookie')) return next();
    const key = `${c.get('dataVersion') ?? (await freshDataVersion(ctx))}\n${todayInStockholm()}\n${limits.origin?.(c) ?? ''}\n${c.req.path}\n${JSON.stringify(c.get('query') ?? {})}`;
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
      if (response.status !== 200 || /\bno-store\b/.test(response.headers.get('cache-control') ?? '')) return;
      const read = await readUpTo(response.body, maxBodyBytes);
      if (read.rest) {
        // Too large to keep: the client gets what was read, then the rest.
        replace(c, new Response(read.rest, { status: response.status, headers: withHeader(response.headers, 'x-cache', 'miss') }));
        return;
      }
      entry = await keep(response, read.body, key);
      replace(c, answer(entry, 'miss', request));
      if (entry.bytes > maxTotalBytes) return;
      entries.set(key, entry);
      total += entry.bytes;
      while (entries.size > maxEntries || total > maxTotalBytes) forget(entries.keys().next().value!);
    } finally {
      computing.delete(key);
      settle(entry);
    }
  };
  return Object.assign(middleware, { stats: () => ({ entries: entries.size, bytes: total }) });
}

/** Sets c.res to a new answer without Hono merging the old answer's headers into it. */
function replace(c: { res: Response | undefined }, response: Response) {
  c.res = undefined;
  c.res = response;
}

function withHeader(headers: Headers, name: string, value: string) {
  const copy = new Headers(headers);
  copy.set(name, value);
  return copy;
}

/**
 * Reads a body while it is at most `limit` bytes. When it is longer, `rest`
 * is a stream of everything: the chunks read so far, then the remainder of
 * the same reader, pulled only as the client reads (nothing is cancelled,
 * nothing is read ahead of the client).
 */
async function readUpTo(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<{ body: Uint8Array<ArrayBuffer>; rest?: undefined } | { rest: ReadableStream<Uint8Array>; body?: undefined }> {
  if (!stream) return { body: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      return {
        rest: new ReadableStream<Uint8Array>({
          async pull(controller) {
            const chunk = chunks.shift();
            if (chunk) return controller.enqueue(chunk);
            const next = await reader.read();
            if (next.done) controller.close();
            else controller.enqueue(next.value);
          },
          cancel: (reason) => reader.cancel(reason),
        }),
      };
    }
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return { body };
}
