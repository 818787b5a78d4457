// A document uploaded with a form (multipart/form-data): the part `file`
// and the comment for the history `reason`, as the document verbs take them.
// The meeting's page and the API read an upload the same way; the file's own
// problems (none chosen, empty, too large, its type and name) are the verbs'.
import { invalid, type FieldProblem } from '../domain/errors.ts';
import type { PostedForm } from './form-body.ts';

/** The file (undefined when none is chosen: a browser sends a part with an empty filename) and the comment. */
export async function uploadedDocument(form: PostedForm) {
  const { file, reason } = form;
  const problems: FieldProblem[] = [];
  if (file !== undefined && !(file instanceof File)) problems.push({ field: 'file', message: 'must be a file (a part with a filename), not a text' });
  if (reason !== undefined && typeof reason !== 'string') problems.push({ field: 'reason', message: 'must be a text, not a file' });
  if (problems.length) throw invalid(problems);
  const chosen = file instanceof File && file.name !== '' ? file : undefined;
  return {
    file: chosen ? { name: chosen.name, declaredType: chosen.type, bytes: new Uint8Array(await chosen.arrayBuffer()) } : (undefined as never),
    reason: reason as string | undefined,
  };
}
