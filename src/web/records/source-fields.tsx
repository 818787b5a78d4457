// A source's fields, on the form that adds one (sources-page.tsx) and the
// form that changes one (source-edit-page.tsx): the same labels, hints and
// limits, with what was typed or what the source holds as `value`.
import { SOURCE_KINDS } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { Field } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';
import { DATE_EXAMPLES, SOURCE_KIND_NAMES } from './words.ts';
import { VisibilityField } from './visibility-field.tsx';

export function SourceFields(p: { lang: Lang; problemOf: (field: string) => FieldProblem | undefined; value: (key: string) => string | undefined; withLanguage?: boolean }) {
  const { lang, problemOf, value } = p;
  const sv = lang === 'sv';
  const text = (key: string, labelText: string, hint?: string, attrs: Record<string, unknown> = {}) => (
    <Field lang={lang} id={`source-${key}`} label={labelText} hint={hint} problem={problemOf(key)}>
      {(described) => <input id={`source-${key}`} name={key} type="text" value={value(key)} {...attrs} {...described} />}
    </Field>
  );
  return (
    <>
      <Field lang={lang} id="source-kind" label={sv ? 'Typ av källa' : 'Kind of source'} problem={problemOf('kind')}>
        {(described) => (
          <select id="source-kind" name="kind" {...described}>
            {SOURCE_KINDS.map((k) => (
              <option value={k} selected={(value('kind') ?? 'decision_protocol') === k}>
                {SOURCE_KIND_NAMES[k][lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('title', sv ? 'Titel' : 'Title', sv ? 'Som källan själv skriver den, till exempel "Kommunfullmäktiges protokoll 2020-05-04".' : 'As the source writes it, e.g. "Kommunfullmäktiges protokoll 2020-05-04".', { maxlength: 2000 })}
      {text('author', sv ? 'Författare (valfritt)' : 'Author (optional)', undefined, { maxlength: 500 })}
      {text('publisher', sv ? 'Utgivare eller organ (valfritt)' : 'Publisher or body (optional)', undefined, { maxlength: 500 })}
      {text('published', sv ? 'Datum (valfritt)' : 'Date (optional)', sv ? `Så noga som källan säger: ${DATE_EXAMPLES.sv}.` : `As precisely as the source says: ${DATE_EXAMPLES.en}.`, { maxlength: 40 })}
      {text('url', sv ? 'Länk (valfri)' : 'Link (optional)', undefined, { maxlength: 2000, inputmode: 'url' })}
      {text('archiveReference', sv ? 'Arkivhänvisning eller diarienummer (valfritt)' : 'Archive reference or case number (optional)', undefined, { maxlength: 200 })}
      <VisibilityField lang={lang} id="source-visibility" label={sv ? 'Vem får se källan' : 'Who may see the source'} problem={problemOf('visibility')} chosen={value('visibility')} fallback="public" />
      <div class="field checkbox">
        <input id="source-confidential" name="confidential" type="checkbox" value="1" checked={value('confidential') === '1'} aria-describedby="source-confidential-hint" />
        <label for="source-confidential">{sv ? 'Konfidentiell (till exempel en intervju som getts i förtroende)' : 'Confidential (an interview given in confidence, for example)'}</label>
        <span class="hint" id="source-confidential-hint">
          {sv ? 'En konfidentiell källa är aldrig offentlig: väljer du offentlig blir den intern.' : 'A confidential source is never public: if you choose public it becomes internal.'}
        </span>
      </div>
      <Field lang={lang} id="source-note" label={sv ? 'Anteckning (valfri)' : 'Note (optional)'} problem={problemOf('note')}>
        {(described) => (
          <textarea id="source-note" name="note" rows={3} maxlength={5000} {...described}>
            {value('note') ?? ''}
          </textarea>
        )}
      </Field>
      {p.withLanguage
        ? text('language', sv ? 'Källans språk' : 'The source’s language', sv ? 'Två bokstäver: sv, en eller zh.' : 'Two letters: sv, en or zh.', { maxlength: 2, lang: 'en' })
        : null}
    </>
  );
}
