// What every page that keeps documents shows the same way: the file field
// of an upload form, and a document's download link. Used by an agreement's
// sources page and a network meeting's page.
import { DOCUMENT_MAX_BYTES } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { Field } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';
import { href } from '../layout.tsx';

/** The file input (id `document-file`, name `file`) with the kinds and size a document may have. */
export function DocumentFileField(props: { lang: Lang; problem?: FieldProblem }) {
  const sv = props.lang === 'sv';
  return (
    <Field
      lang={props.lang}
      id="document-file"
      label={sv ? 'Fil' : 'File'}
      hint={sv ? `PDF, PNG, JPEG eller TIFF, högst ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB.` : `PDF, PNG, JPEG or TIFF, at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB.`}
      problem={props.problem}
    >
      {(described) => <input id="document-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff" {...described} />}
    </Field>
  );
}

/** A document's name as the link that downloads it (`/dokument/<id>`: who may not read it gets 404). */
export const DocumentLink = (props: { lang: Lang; document: { id: number; fileName: string } }) => (
  <a href={href(props.lang, `/dokument/${props.document.id}`)} download={props.document.fileName}>
    {props.document.fileName}
  </a>
);
