// What the forms that cite a source for a record with its own version (an
// action plan, an activity) share: the source chosen (none until the editor
// chooses), the passage in Swedish and English; and the buttons that remove
// each citation, each naming what it removes.
import type { FieldProblem } from '../../domain/errors.ts';
import type { RecordCitation } from '../../domain/sources/cited-on.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { Field } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';

/** The fields, with ids `<form>-source`, `<form>-passage`, `<form>-passageEn`. */
export function CiteSourceFields(p: { lang: Lang; form: string; citable: Array<{ slug: string; title: string }>; typed: Record<string, string>; problemOf: (field: string) => FieldProblem | undefined }) {
  const sv = p.lang === 'sv';
  const id = (field: string) => `${p.form}-${field}`;
  return (
    <>
      <Field lang={p.lang} id={id('source')} label={sv ? 'Källa' : 'Source'} problem={p.problemOf('source')}>
        {(described) => (
          <select id={id('source')} name="source" required {...described}>
            {/* Nothing chosen until the editor chooses: a first source taken by default would be cited by a slip. */}
            <option value="">{sv ? 'Välj en källa' : 'Choose a source'}</option>
            {p.citable.map((s) => (
              <option value={s.slug} selected={p.typed.source === s.slug}>
                {s.title.length > 120 ? `${s.title.slice(0, 119)}…` : s.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field lang={p.lang} id={id('passage')} label={sv ? 'Ställe i källan (valfritt)' : 'Passage (optional)'} hint={sv ? 'Sida, paragraf eller ett kort citat: "s. 4".' : 'Page, section or a short quotation: "p. 4".'} problem={p.problemOf('passage')}>
        {(described) => <input id={id('passage')} name="passage" type="text" maxlength={1000} value={p.typed.passage ?? ''} {...described} />}
      </Field>
      <Field lang={p.lang} id={id('passageEn')} label={sv ? 'Stället på engelska (valfritt)' : 'The passage in English (optional)'} problem={p.problemOf('passageEn')}>
        {(described) => <input id={id('passageEn')} name="passageEn" type="text" maxlength={1000} value={p.typed.passageEn ?? ''} {...described} />}
      </Field>
    </>
  );
}

/** A button per citation that removes it, at the record's version; `action` the address that removes the citation of that id. */
export function CitationRemovals(p: { lang: Lang; csrf: string; version: number; list: RecordCitation[]; action: (citationId: number) => string; label?: string }) {
  const sv = p.lang === 'sv';
  return (
    <ul aria-label={p.label}>
      {p.list.map((c) => (
        <li>
          <form method="post" action={p.action(c.id)} class="inline">
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <input type="hidden" name="expectedVersion" value={String(p.version)} />
            <button type="submit">{sv ? `Ta bort citeringen av ${c.title}${c.passage ? ` (${c.passage})` : ''}` : `Remove the citation of ${c.title}${c.passage ? ` (${c.passage})` : ''}`}</button>
          </form>
        </li>
      ))}
    </ul>
  );
}
