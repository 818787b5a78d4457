// A posted form, read once at the edge of every page that takes one. A
// browser sends a form as application/x-www-form-urlencoded in UTF-8 (or as
// multipart/form-data where the form uploads a file); anything else, a body
// over the limit, or a field whose bytes are not UTF-8 is refused here with
// the field named (400), before the CSRF check, a verb or the database see
// it. hono's parseBody would replace broken bytes with U+FFFD and store them.
import type { Context as HonoContext } from 'hono';
import { invalid, type FieldProblem } from '../domain/errors.ts';
import { readLimited } from './read-body.ts';

/** A form is typed text: a megabyte is far more than the longest record's fields. */
export const MAX_FORM_BYTES = 1024 * 1024;

export type PostedForm = Record<string, string | File>;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** One name or value of an urlencoded body: `+` is a space, `%XX` a byte, the bytes UTF-8. */
function decodePart(part: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < part.length; i++) {
    const ch = part.charCodeAt(i);
    if (ch === 0x2b) bytes.push(0x20);
    else if (ch === 0x25 && /^[0-9a-fA-F]{2}$/.test(part.slice(i + 1, i + 3))) {
      bytes.push(parseInt(part.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(ch & 0xff);
  }
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** The urlencoded body's fields; a name given more than once keeps its last value, as hono's parseBody does. */
function parseUrlencoded(bytes: Uint8Array): PostedForm {
  const form: PostedForm = {};
  const problems: FieldProblem[] = [];
  for (const pair of Buffer.from(bytes).toString('latin1').split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const name = decodePart(at === -1 ? pair : pair.slice(0, at));
    const value = decodePart(at === -1 ? '' : pair.slice(at + 1));
    if (name === null || name.length > 200) problems.push({ field: '(form)', message: 'has a field whose name is not UTF-8 text or is no field of this form' });
    else if (value === null) problems.push({ field: name, message: 'is not valid UTF-8 text' });
    else form[name] = value;
  }
  if (problems.length) throw invalid(problems.slice(0, 50));
  return form;
}

/**
 * The posted form. `files: true` for a form that uploads (multipart); its
 * route limits the size itself (hono's bodyLimit, with its own message).
 */
export async function readForm(c: HonoContext, options: { files?: boolean } = {}): Promise<PostedForm> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data' && options.files) return readMultipart(c, '(form)');
  if (type !== 'application/x-www-form-urlencoded') {
    throw invalid([{ field: '(form)', message: `is not sent as a form (Content-Type: ${options.files ? 'multipart/form-data' : 'application/x-www-form-urlencoded'})` }]);
  }
  const tooLarge = () => invalid([{ field: '(form)', message: `is larger than ${MAX_FORM_BYTES / 1024 / 1024} MB` }]);
  if (Number(c.req.header('content-length') ?? '0') > MAX_FORM_BYTES) throw tooLarge();
  return parseUrlencoded(await readLimited(c.req.raw.body, MAX_FORM_BYTES, tooLarge));
}

// Line breaks and tabs belong in a text; the other C0 controls are nothing a person writes, and PostgreSQL refuses a NUL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A multipart/form-data body's fields (a name given more than once keeps
 * its last value). The parser replaces bytes that are not UTF-8 with U+FFFD:
 * a text (or a file's name) holding one is refused, as the urlencoded parser refuses the bytes,
 * and so is one with a control character; a body that is no multipart at all
 * is named `whole` ('(form)' for a page, '(body)' for the API).
 */
export async function readMultipart(c: HonoContext, whole: string): Promise<PostedForm> {
  let form: PostedForm;
  try {
    form = (await c.req.parseBody()) as PostedForm;
  } catch {
    throw invalid([{ field: whole, message: 'could not be read as multipart/form-data (its boundary or parts are broken)' }]);
  }
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(form)) {
    if (name.length > 200 || name.includes('\ufffd') || CONTROL.test(name)) problems.push({ field: whole, message: 'has a field whose name is not UTF-8 text or is no field of this form' });
    else if (typeof value !== 'string') {
      if (value.name.includes('\ufffd')) problems.push({ field: name, message: 'has a name that is not valid UTF-8 text' });
    } else if (value.includes('\ufffd')) problems.push({ field: name, message: 'is not valid UTF-8 text' });
    else if (CONTROL.test(value)) problems.push({ field: name, message: 'contains a control character' });
  }
  if (problems.length) throw invalid(problems.slice(0, 50));
  return form;
}
