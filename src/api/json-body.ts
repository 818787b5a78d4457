// The body of an API write, read once at the edge: JSON in UTF-8, at most
// MAX_BODY_BYTES, an object whose texts PostgreSQL can store. Whatever is
// wrong is answered with the header or the place in the body named, before a
// verb or the database sees anything; the verb then checks the fields.
import type { Context as HonoContext } from 'hono';
import { invalid, type FieldProblem } from '../domain/errors.ts';
import { readLimited } from '../http/read-body.ts';

/** A write is a record, not a file: a megabyte is far more than the longest record. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deeper than any record's input nests (an event's reasons are three levels). */
const MAX_DEPTH = 32;

/** An answer the HTTP layer gives itself, beside the domain's errors (errors.ts). */
export class BodyRefused extends Error {
  constructor(
    readonly status: 413 | 415,
    readonly code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'BodyRefused';
  }
}

// Line breaks and tabs belong in a note; the other C0 controls are nothing a
// person writes, and PostgreSQL refuses a NUL in text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Where a text in the body cannot be stored, by its dotted path. */
function textProblems(value: unknown, path: string[], problems: FieldProblem[]): void {
  const field = path.length ? path.join('.') : '(body)';
  if (path.length > MAX_DEPTH) {
    problems.push({ field, message: `is nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (typeof value === 'string') {
    if (CONTROL.test(value)) problems.push({ field, message: 'contains a control character' });
    else if (!value.isWellFormed()) problems.push({ field, message: 'is not valid Unicode text (a lone surrogate)' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => textProblems(item, [...path, String(i)], problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key) || !key.isWellFormed()) problems.push({ field, message: 'has a name with a control character or broken text' });
      else textProblems(item, [...path, key], problems);
    }
  }
}

/**
 * The request's JSON object. 415 for another content type, 413 for a body
 * over the limit, 400 naming `(body)` for bytes that are not UTF-8 or JSON or
 * not an object, the dotted path of any text PostgreSQL cannot store, and
 * any field the verb does not take (`fields`): a client learns of its typo
 * rather than finding the value dropped.
 */
export async function readJsonObject(c: HonoContext, fields: readonly string[]): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  const [mediaType, ...params] = type.split(';').map((part) => part.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    throw new BodyRefused(415, 'UNSUPPORTED_MEDIA_TYPE', `send the body as JSON in UTF-8, with the header Content-Type: application/json (it was ${type ? `'${type.slice(0, 100)}'` : 'not given'})`, 'content-type');
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new BodyRefused(413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${MAX_BODY_BYTES} bytes`, 'content-length');
  const bytes = await readLimited(c.req.raw.body, MAX_BODY_BYTES, () => new BodyRefused(413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${MAX_BODY_BYTES} bytes`, '(body)'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid([{ field: '(body)', message: 'is not valid UTF-8' }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message.slice(0, 200) : 'it could not be read';
    throw invalid([{ field: '(body)', message: `is not valid JSON: ${reason}` }]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid([{ field: '(body)', message: 'must be a JSON object' }]);
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(value)) {
    if (fields.includes(name)) continue;
    if (name.length > 100 || CONTROL.test(name) || !name.isWellFormed()) problems.push({ field: '(body)', message: 'has a field whose name is no field of this request' });
    else problems.push({ field: name, message: `is not a field of this request; it takes ${fields.join(', ')}` });
  }
  textProblems(value, [], problems);
  if (problems.length) throw invalid(problems.slice(0, 50));
  return value as Record<string, unknown>;
}
