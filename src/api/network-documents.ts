// A network meeting's documents through the API: uploaded (multipart/form-
// data, the browser form's fields `file` and `reason`, its size limit and
// its verb), removed and downloaded. Who may is the verbs' and readDocument's
// (access.ts): the network's members add, its keepers and the adding
// organisation's members remove, its members alone read; to anyone else
// signed in or with a key a meeting's document is as absent as one that is
// not there (404), and the public is asked for a key (401).
import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DOCUMENT_MAX_BYTES } from '../db/schema.ts';
import type { Database } from '../db/client.ts';
import type { Context } from '../domain/context.ts';
import { getNetwork, readableMeetingNetwork } from '../domain/coordination/networks.ts';
import { attachMeetingDocument } from '../domain/documents/attach.ts';
import { readDocument } from '../domain/documents/read.ts';
import { REMOVE_DOCUMENT_FIELDS, removeDocument } from '../domain/documents/remove.ts';
import { invalid, notFound } from '../domain/errors.ts';
import { documentDownload } from '../http/document-download.ts';
import { uploadedDocument } from '../http/document-upload.ts';
import { readMultipart } from '../http/form-body.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import { someone } from './follow-up.ts';
import { idOf } from './record-write.ts';
import { BodyRefused, readJsonObject } from './json-body.ts';
import { answerWriteError, keyHolder, noQuery, noStore, writerCtx } from './writes.ts';

/** The upload's fields: those of the browser's form (its form token aside). */
const UPLOAD_FIELDS = ['file', 'reason'];

/** Where a meeting's document is downloaded through the API. */
export const meetingDocumentAddress = (networkId: number, meetingId: number, documentId: number) => `/api/networks/${networkId}/meetings/${meetingId}/documents/${documentId}`;

/** The ids the path names, each 404 by name when it is no id, before any body is read. */
function idsOf(c: HonoContext) {
  const networkId = idOf(c.req.param('id'));
  if (!networkId) throw notFound('network');
  const meetingId = idOf(c.req.param('meeting'));
  if (!meetingId) throw notFound('meeting');
  return { networkId, meetingId };
}

/** The uploaded file and comment as the verb takes them; a field the upload does not take is refused by name. */
async function readUpload(c: HonoContext) {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'multipart/form-data') {
    throw new BodyRefused(415, 'UNSUPPORTED_MEDIA_TYPE', `send the document as multipart/form-data with the fields ${UPLOAD_FIELDS.join(' and ')} (the Content-Type was ${type ? `'${type.slice(0, 100)}'` : 'not given'})`, 'content-type');
  }
  const form = await readMultipart(c, '(body)');
  const unknown = Object.keys(form).filter((name) => !UPLOAD_FIELDS.includes(name));
  if (unknown.length) throw invalid(unknown.slice(0, 50).map((name) => ({ field: name.length > 100 ? '(body)' : name, message: `is not a field of this request; it takes ${UPLOAD_FIELDS.join(', ')}` })));
  return uploadedDocument(form);
}

/** The document as GET /api/networks/{id} lists it under its meeting, with its API download address. */
async function documentAnswer(ctx: Context, networkId: number, meetingId: number, documentId: number) {
  const meeting = (await getNetwork(ctx, networkId)).meetings.find((m) => m.id === meetingId);
  const document = meeting?.documents.find((d) => d.id === documentId);
  return { ...document!, download: meetingDocumentAddress(networkId, meetingId, documentId) };
}

export function meetingDocumentApiRoutes(database: Database) {
  const api = new Hono<HttpEnv>();
  api.onError(answerWriteError);
  const ctxOf = (c: HonoContext): Context => writerCtx(database, c);
  const path = '/networks/:id/meetings/:meeting/documents';

  // The request may be a little larger than the document (its parts' headers); a larger one is refused, naming the file, before it is read whole.
  const tooLarge = bodyLimit({
    maxSize: DOCUMENT_MAX_BYTES + 64 * 1024,
    onError: () => {
      throw new BodyRefused(413, 'PAYLOAD_TOO_LARGE', `the file is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`, 'file');
    },
  });

  /** Adds a document to the meeting (the network's members); answers it as the network lists it, 201. */
  api.post(path, noStore, keyHolder, accepts(noQuery()), tooLarge, async (c) => {
    const ctx = ctxOf(c);
    const { networkId, meetingId } = idsOf(c);
    const input = await readUpload(c);
    const row = await attachMeetingDocument({ ctx, networkId, meetingId, input });
    return c.json(await documentAnswer(ctx, networkId, meetingId, row.id), 201, { location: meetingDocumentAddress(networkId, meetingId, row.id) });
  });

  /** Removes a document of the meeting; a JSON body may carry a comment for the history (`reason`). 204. */
  api.delete(`${path}/:document`, noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = ctxOf(c);
    const { networkId, meetingId } = idsOf(c);
    const documentId = idOf(c.req.param('document'));
    if (!documentId) throw notFound('document');
    const hasBody = c.req.header('content-type') !== undefined || Number(c.req.header('content-length') ?? '0') > 0;
    const input = hasBody ? ((await readJsonObject(c, REMOVE_DOCUMENT_FIELDS)) as { reason?: string }) : {};
    await removeDocument({ ctx, id: documentId, meeting: { networkId, meetingId }, input });
    return c.body(null, 204);
  });

  /** The document's bytes, for the network's members (the public is asked for a key; 404 to anyone else, as for a document that is not there). */
  api.get(`${path}/:document`, someone("a network meeting's documents"), accepts(noQuery()), async (c) => {
    const ctx = ctxOf(c);
    const { networkId, meetingId } = idsOf(c);
    await readableMeetingNetwork(ctx, networkId, meetingId);
    const document = await readDocument({ ctx, id: idOf(c.req.param('document')) });
    if (document.networkMeetingId !== meetingId) throw notFound('document');
    return documentDownload(c, document, false);
  });
  return api;
}
