// A source changed after it was made, by an editor of the organisation that
// keeps it: the fields it was added with, and its language. If someone else
// saved the source in between, the page says so and shows their version
// beside what this person typed, which stays in the form.
import type { sources } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { SourceFields } from './source-fields.tsx';
import { problemsFor } from './words.ts';

type Source = typeof sources.$inferSelect;

/** The fields the form sends, in its order. */
export const SOURCE_FORM_FIELDS = ['kind', 'title', 'author', 'publisher', 'published', 'url', 'archiveReference', 'visibility', 'confidential', 'note', 'language'] as const;

const FIELD_NAMES: Record<(typeof SOURCE_FORM_FIELDS)[number], { sv: string; en: string }> = {
  kind: { sv: 'Typ', en: 'Kind' },
  title: { sv: 'Titel', en: 'Title' },
  author: { sv: 'Författare', en: 'Author' },
  publisher: { sv: 'Utgivare', en: 'Publisher' },
  published: { sv: 'Datum', en: 'Date' },
  url: { sv: 'Länk', en: 'Link' },
  archiveReference: { sv: 'Arkivhänvisning', en: 'Archive reference' },
  visibility: { sv: 'Vem får se den', en: 'Who may see it' },
  confidential: { sv: 'Konfidentiell', en: 'Confidential' },
  note: { sv: 'Anteckning', en: 'Note' },
  language: { sv: 'Språk', en: 'Language' },
};

export interface SourceEditPageProps {
  lang: Lang;
  account: string;
  csrf: string;
  source: Source;
  /** The agreement whose sources page the editor came from, and goes back to. */
  back?: string;
  /** The form as sent and refused, with its problems. */
  failed?: { problems: FieldProblem[]; typed: Record<string, string> };
  /** Someone else saved the source after the form was opened: `source` is theirs. */
  conflict?: boolean;
  /** Just saved (when not opened from an agreement's sources page). */
  done?: boolean;
}

/** A source's field as the form shows it. */
export function sourceFormValue(source: Source, key: (typeof SOURCE_FORM_FIELDS)[number]): string {
  if (key === 'confidential') return source.confidential ? '1' : '';
  return source[key] ?? '';
}

export function SourceEditPage(p: SourceEditPageProps) {
  const { lang, source } = p;
  const sv = lang === 'sv';
  const path = `/kallor/${source.slug}/andra`;
  const problems = problemsFor(lang, 'source', p.failed?.problems);
  const value = (key: string) => p.failed?.typed[key] ?? sourceFormValue(source, key as (typeof SOURCE_FORM_FIELDS)[number]);
  const differing = p.conflict && p.failed ? SOURCE_FORM_FIELDS.filter((key) => (p.failed!.typed[key] ?? '') !== sourceFormValue(source, key)) : [];
  const heading = sv ? 'Ändra källan' : 'Change the source';
  return (
    <Layout lang={lang} title={`${heading}: ${source.title}`} path={path} account={p.account}>
      {p.back ? (
        <p>
          <a href={href(lang, `/avtal/${p.back}/kallor`)}>{sv ? 'Tillbaka till avtalets källor' : 'Back to the agreement’s sources'}</a>
        </p>
      ) : null}
      <h1>{heading}</h1>
      <p class="lead" lang={source.language === lang ? undefined : source.language}>
        {source.title}
      </p>
      <Notices done={p.done ? (sv ? 'Källan är sparad.' : 'The source is saved.') : undefined} />
      {p.conflict ? (
        <div class="notice" role="alert">
          <p>
            {sv
              ? 'Någon annan sparade källan medan du hade sidan öppen. Formuläret har kvar det du skrev; jämför med det som är sparat nu och skicka igen.'
              : 'Someone else saved the source while you had the page open. The form keeps what you wrote; compare it with what is saved now and send it again.'}
          </p>
          {differing.length ? (
            <table>
              <caption>{sv ? 'Fält som skiljer sig' : 'Fields that differ'}</caption>
              <thead>
                <tr>
                  <th scope="col">{sv ? 'Fält' : 'Field'}</th>
                  <th scope="col">{sv ? 'Sparat nu' : 'Saved now'}</th>
                  <th scope="col">{sv ? 'Ditt förslag' : 'Yours'}</th>
                </tr>
              </thead>
              <tbody>
                {differing.map((key) => (
                  <tr>
                    <th scope="row">{FIELD_NAMES[key][lang]}</th>
                    <td>{sourceFormValue(source, key)}</td>
                    <td>{p.failed!.typed[key] ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      <ErrorSummary lang={lang} problems={problems} />
      <form method="post" action={href(lang, path, { avtal: p.back })} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        {/* The version the form was opened at, kept through a refusal for bad input; after a conflict, the one saved now. */}
        <input type="hidden" name="expectedVersion" value={p.failed && !p.conflict && p.failed.typed.expectedVersion ? p.failed.typed.expectedVersion : String(source.version)} />
        <SourceFields lang={lang} problemOf={(field) => problems.find((x) => x.id === `source-${field}`)} value={value} withLanguage />
        <Field lang={lang} id="source-reason" label={sv ? 'Kommentar till ändringen (valfri)' : 'Comment on the change (optional)'} hint={sv ? 'Visas i historiken för inloggade.' : 'Shown in the history to signed-in people.'} problem={problems.find((x) => x.id === 'source-reason')}>
          {(described) => <input id="source-reason" name="reason" type="text" maxlength={2000} value={p.failed?.typed.reason} {...described} />}
        </Field>
        <button type="submit">{sv ? 'Spara källan' : 'Save the source'}</button>
      </form>
    </Layout>
  );
}
