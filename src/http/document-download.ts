// A document's bytes as a download: the same headers whether the page
// (`/dokument/{id}`) or the API (a meeting's document) answers it.
import type { Context as HonoContext } from 'hono';

/** A document as readDocument gives it: its bytes and what is said about them. */
interface Downloadable {
  content: Uint8Array;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** The document as an attachment; `mayKeep` when the public may read it (a cache on the way may keep it a while). */
export function documentDownload(c: HonoContext, document: Downloadable, mayKeep: boolean): Response {
  // The name as sent: ASCII for old clients, and the real name (RFC 6266, RFC 5987) for the rest.
  const ascii = document.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return c.body(new Uint8Array(document.content), 200, {
    'content-type': document.mediaType,
    'content-length': String(document.sizeBytes),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    etag: `"${document.sha256}"`,
    // A document the public may read may be kept a while; any other is for the one person who asked.
    'cache-control': mayKeep ? 'public, max-age=300' : 'private, no-store',
  });
}
