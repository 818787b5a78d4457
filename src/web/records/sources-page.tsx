// An agreement's sources and documents, for the editors of its organisation:
// what is cited where, the documents kept, and three forms (add a source,
// cite a source, attach a document), each with the GOV.UK error summary.
import { DOCUMENT_MAX_BYTES } from '../../db/schema.ts';
import type { listDocuments } from '../../domain/documents/read.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import type { listSourcesForAgreement } from '../../domain/sources/list-for-agreement.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { fileSize } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { DocumentFileField, DocumentLink } from './document-fields.tsx';
import { SourceFields } from './source-fields.tsx';
import { problemsFor, SOURCE_KIND_NAMES, VISIBILITY_NAMES } from './words.ts';

/** The page's forms: add a source, cite one, attach a document, and each citation's own (`citation-<id>`). */
export type SourcesForm = 'source' | 'cite' | 'document' | `citation-${number}`;

export interface SourcesPageProps {
  lang: Lang;
  account: string;
  csrf: string;
  agreement: { slug: string; officialTitle: string | null; partyLabel: string; counterpartLabel: string; version: number; visibility: string };
  listing: Awaited<ReturnType<typeof listSourcesForAgreement>>;
  documents: Awaited<ReturnType<typeof listDocuments>>;
  /** The form that was sent and refused, with its problems and what was typed. */
  failed?: { form: SourcesForm; problems: FieldProblem[]; typed: Record<string, string> };
  /** A refusal without a field (a conflict): shown at the top. */
  notice?: string;
  done?: string;
  /** The sources this person may change (those their organisation keeps; every one for an administrator). */
  changeable: number[];
  /** A source just added: chosen in the citation form. */
  chosen?: string;
}

/** An agreement as the register names it: its parties and places (an official title is often only its kind, "samarbetsavtal"). */
export const agreementName = (a: { officialTitle: string | null; partyLabel: string; counterpartLabel: string; slug: string }) =>
  [a.partyLabel, a.counterpartLabel].filter(Boolean).join(' – ') || a.officialTitle || a.slug;

const DONE: Record<string, { sv: string; en: string }> = {
  source: { sv: 'Källan är tillagd. Citera den nedan.', en: 'The source is added. Cite it below.' },
  cite: { sv: 'Källan är citerad.', en: 'The source is cited.' },
  document: { sv: 'Dokumentet är tillagt.', en: 'The document is added.' },
  removed: { sv: 'Dokumentet är borttaget.', en: 'The document is removed.' },
  sourceChanged: { sv: 'Källan är sparad.', en: 'The source is saved.' },
  citationChanged: { sv: 'Citeringen är ändrad.', en: 'The citation is changed.' },
  citationRemoved: { sv: 'Citeringen är borttagen. Källan finns kvar.', en: 'The citation is removed. The source remains.' },
};

export function SourcesPage(p: SourcesPageProps) {
  const { lang, agreement, listing } = p;
  const sv = lang === 'sv';
  const path = `/avtal/${agreement.slug}/kallor`;
  const name = agreementName(agreement);
  const problems = (form: SourcesForm) => (p.failed?.form === form ? problemsFor(lang, form, p.failed.problems) : []);
  const typed = (form: SourcesForm, key: string) => (p.failed?.form === form ? p.failed.typed[key] : undefined);
  const problemOf = (form: SourcesForm, field: string) => problems(form).find((x) => x.id === `${form}-${field}`);
  const eventName = (id: number) => {
    const e = listing.events.find((x) => x.id === id);
    return e ? `${label(lang, 'event', e.type)} ${e.date}` : String(id);
  };
  const sourceOptions = listing.citable;
  const writableSources = listing.cited.filter((c, i, all) => all.findIndex((x) => x.sourceId === c.sourceId) === i);
  const reason = (form: SourcesForm) => (
    <Field lang={lang} id={`${form}-reason`} label={sv ? 'Kommentar till ändringen (valfri)' : 'Comment on the change (optional)'} hint={sv ? 'Visas i historiken för inloggade.' : 'Shown in the history to signed-in people.'} problem={problemOf(form, 'reason')}>
      {(described) => <input id={`${form}-reason`} name="reason" type="text" maxlength={2000} value={typed(form, 'reason')} {...described} />}
    </Field>
  );

  return (
    <Layout lang={lang} title={`${sv ? 'Källor och dokument' : 'Sources and documents'}: ${name}`} path={path} account={p.account}>
      <p>
        <a href={href(lang, `/avtal/${agreement.slug}`)}>{sv ? `Till avtalet ${name}` : `To the agreement ${name}`}</a>
      </p>
      <h1>{sv ? 'Källor och dokument' : 'Sources and documents'}</h1>
      <p class="lead">{name}</p>
      <Notices done={p.done ? DONE[p.done]?.[lang] : undefined} alert={p.notice} />

      <h2 id="citerade">{sv ? 'Citerade källor' : 'Cited sources'}</h2>
      {listing.cited.length ? (
        <table>
          <caption class="visually-hidden">{sv ? 'Citerade källor' : 'Cited sources'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Källa' : 'Source'}</th>
              <th scope="col">{sv ? 'Typ' : 'Kind'}</th>
              <th scope="col">{sv ? 'Citerad för' : 'Cited for'}</th>
              <th scope="col">{sv ? 'Ställe i källan' : 'Passage'}</th>
              <th scope="col">{sv ? 'Vem ser den' : 'Who sees it'}</th>
              <th scope="col">{sv ? 'Ändra' : 'Change'}</th>
            </tr>
          </thead>
          <tbody>
            {listing.cited.map((c) => (
              <tr>
                <td>
                  {c.title}
                  {p.changeable.includes(c.sourceId) && listing.cited.findIndex((x) => x.sourceId === c.sourceId) === listing.cited.indexOf(c) ? (
                    <>
                      {' '}
                      <a href={href(lang, `/kallor/${c.slug}/andra`, { avtal: agreement.slug })}>
                        {sv ? 'Ändra källan' : 'Change the source'}
                        <span class="visually-hidden">{` ${c.title}`}</span>
                      </a>
                    </>
                  ) : null}
                </td>
                <td>{SOURCE_KIND_NAMES[c.kind][lang]}</td>
                <td>{c.subjectType === 'agreement' ? (sv ? 'Avtalet' : 'The agreement') : eventName(c.subjectId)}</td>
                <td>{c.passage ?? ''}</td>
                <td>
                  {VISIBILITY_NAMES[c.visibility][lang]}
                  {c.confidential ? (sv ? ', konfidentiell' : ', confidential') : ''}
                </td>
                <td>
                  <CitationForms {...p} citation={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{sv ? 'Inga ännu.' : 'None yet.'}</p>
      )}

      <h2>{sv ? 'Dokument' : 'Documents'}</h2>
      {p.documents.length ? (
        <table>
          <caption class="visually-hidden">{sv ? 'Dokument' : 'Documents'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Fil' : 'File'}</th>
              <th scope="col">{sv ? 'Hör till' : 'Belongs to'}</th>
              <th scope="col">{sv ? 'Storlek' : 'Size'}</th>
              <th scope="col">{sv ? 'Offentligt' : 'Public'}</th>
              <th scope="col">{sv ? 'Tillagt av' : 'Added by'}</th>
              <th scope="col">{sv ? 'Ta bort' : 'Remove'}</th>
            </tr>
          </thead>
          <tbody>
            {p.documents.map((d) => (
              <tr>
                <td>
                  <DocumentLink lang={lang} document={d} />
                </td>
                <td>{d.agreementId !== null ? (sv ? 'Avtalet' : 'The agreement') : (sourceOptions.find((s) => s.id === d.sourceId)?.title ?? '')}</td>
                <td>{fileSize(lang, d.sizeBytes)}</td>
                <td>{d.public ? (sv ? 'Ja' : 'Yes') : sv ? 'Nej' : 'No'}</td>
                <td>{d.addedBy}</td>
                <td>
                  <form method="post" action={href(lang, `/dokument/${d.id}/ta-bort`)} class="inline">
                    <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                    <input type="hidden" name="tillbaka" value={agreement.slug} />
                    <button type="submit" aria-label={`${sv ? 'Ta bort' : 'Remove'} ${d.fileName}`}>
                      {sv ? 'Ta bort' : 'Remove'}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{sv ? 'Inga ännu.' : 'None yet.'}</p>
      )}

      <h2 id="ny-kalla">{sv ? 'Lägg till en källa' : 'Add a source'}</h2>
      <ErrorSummary lang={lang} problems={problems('source')} />
      <form method="post" action={href(lang, path)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <SourceFields lang={lang} problemOf={(field) => problemOf('source', field)} value={(key) => typed('source', key)} />
        {reason('source')}
        <button type="submit">{sv ? 'Lägg till källan' : 'Add the source'}</button>
      </form>

      <h2 id="citera">{sv ? 'Citera en källa' : 'Cite a source'}</h2>
      <ErrorSummary lang={lang} problems={problems('cite')} />
      <form method="post" action={href(lang, `${path}/citera`)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="expectedVersion" value={typed('cite', 'expectedVersion') ?? String(agreement.version)} />
        <Field lang={lang} id="cite-source" label={sv ? 'Källa' : 'Source'} problem={problemOf('cite', 'source')}>
          {(described) => (
            <select id="cite-source" name="source" {...described}>
              {sourceOptions.map((s) => (
                <option value={s.slug} selected={(typed('cite', 'source') ?? p.chosen) === s.slug}>
                  {s.title.length > 120 ? `${s.title.slice(0, 119)}…` : s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field lang={lang} id="cite-on" label={sv ? 'Citera för' : 'Cite for'} problem={problemOf('cite', 'on')}>
          {(described) => (
            <select id="cite-on" name="on" {...described}>
              <option value="agreement" selected={(typed('cite', 'on') ?? 'agreement') === 'agreement'}>
                {sv ? 'Avtalet' : 'The agreement'}
              </option>
              {listing.events.map((e) => (
                <option value={String(e.id)} selected={typed('cite', 'on') === String(e.id)}>
                  {`${sv ? 'Händelsen' : 'The event'} ${eventName(e.id)}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field lang={lang} id="cite-passage" label={sv ? 'Ställe i källan (valfritt)' : 'Passage (optional)'} hint={sv ? 'Sida, paragraf eller ett kort citat: "§ 112, s. 4".' : 'Page, section or a short quotation: "§ 112, p. 4".'} problem={problemOf('cite', 'passage')}>
          {(described) => (
            <textarea id="cite-passage" name="passage" rows={2} maxlength={1000} {...described}>
              {typed('cite', 'passage') ?? ''}
            </textarea>
          )}
        </Field>
        {reason('cite')}
        <button type="submit">{sv ? 'Citera källan' : 'Cite the source'}</button>
      </form>

      <h2 id="nytt-dokument">{sv ? 'Lägg till ett dokument' : 'Add a document'}</h2>
      <ErrorSummary lang={lang} problems={problems('document')} />
      <form method="post" action={href(lang, `/avtal/${agreement.slug}/dokument`)} class="form" enctype="multipart/form-data" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <DocumentFileField lang={lang} problem={problemOf('document', 'file')} />
        <Field lang={lang} id="document-attachTo" label={sv ? 'Hör till' : 'Belongs to'} problem={problemOf('document', 'attachTo')}>
          {(described) => (
            <select id="document-attachTo" name="attachTo" {...described}>
              <option value="agreement" selected={(typed('document', 'attachTo') ?? 'agreement') === 'agreement'}>
                {sv ? 'Avtalet' : 'The agreement'}
              </option>
              {writableSources.map((s) => (
                <option value={s.slug} selected={typed('document', 'attachTo') === s.slug}>
                  {`${sv ? 'Källan' : 'The source'} ${s.title.length > 100 ? `${s.title.slice(0, 99)}…` : s.title}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class={problemOf('document', 'public') ? 'field checkbox field-error' : 'field checkbox'}>
          <input
            id="document-public"
            name="public"
            type="checkbox"
            value="1"
            checked={typed('document', 'public') === '1'}
            aria-describedby={problemOf('document', 'public') ? 'document-public-hint document-public-error' : 'document-public-hint'}
            {...(problemOf('document', 'public') ? { 'aria-invalid': 'true' } : {})}
          />
          <label for="document-public">{sv ? 'Offentligt: alla får hämta dokumentet' : 'Public: anyone may download the document'}</label>
          <span class="hint" id="document-public-hint">
            {sv
              ? 'Bara när posten det hör till är offentlig. Annars ser bara de som får läsa posten dokumentet.'
              : 'Only when the record it belongs to is public. Otherwise only those who may read the record see the document.'}
          </span>
          {problemOf('document', 'public') ? (
            <span class="error-message" id="document-public-error">
              {problemOf('document', 'public')!.message}
            </span>
          ) : null}
        </div>
        {reason('document')}
        <button type="submit">{sv ? 'Lägg till dokumentet' : 'Add the document'}</button>
      </form>
    </Layout>
  );
}

/**
 * One citation's two forms, folded in a disclosure that works without
 * JavaScript: its passage changed, or the citation removed (the source
 * stays). Both carry the agreement's version the page was opened at; a
 * refused form is shown open, with its problems and what was typed.
 */
function CitationForms(p: SourcesPageProps & { citation: SourcesPageProps['listing']['cited'][number] }) {
  const { lang, agreement, citation: c } = p;
  const sv = lang === 'sv';
  const form = `citation-${c.id}` as const;
  const failed = p.failed?.form === form ? p.failed : undefined;
  const problems = problemsFor(lang, form, failed?.problems);
  const problemOf = (field: string) => problems.find((x) => x.id === `${form}-${field}`);
  const version = failed?.typed.expectedVersion ?? String(agreement.version);
  const path = `/avtal/${agreement.slug}/kallor/citat/${c.id}`;
  return (
    <details open={failed !== undefined}>
      <summary>
        {sv ? 'Ändra' : 'Change'}
        <span class="visually-hidden">{` ${sv ? 'citeringen av' : 'the citation of'} ${c.title}`}</span>
      </summary>
      <ErrorSummary lang={lang} problems={problems} />
      <form method="post" action={href(lang, path)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Field lang={lang} id={`${form}-passage`} label={sv ? 'Ställe i källan' : 'Passage'} problem={problemOf('passage')}>
          {(described) => (
            <textarea id={`${form}-passage`} name="passage" rows={2} maxlength={1000} {...described}>
              {failed?.typed.passage ?? c.passage ?? ''}
            </textarea>
          )}
        </Field>
        <Field lang={lang} id={`${form}-reason`} label={sv ? 'Kommentar till ändringen (valfri)' : 'Comment on the change (optional)'} problem={problemOf('reason')}>
          {(described) => <input id={`${form}-reason`} name="reason" type="text" maxlength={2000} value={failed?.typed.reason} {...described} />}
        </Field>
        <button type="submit">
          {sv ? 'Spara stället' : 'Save the passage'}
          <span class="visually-hidden">{` ${sv ? 'i' : 'in'} ${c.title}`}</span>
        </button>
      </form>
      <form method="post" action={href(lang, `${path}/ta-bort`)} class="inline">
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="expectedVersion" value={version} />
        <button type="submit">
          {sv ? 'Ta bort citeringen' : 'Remove the citation'}
          <span class="visually-hidden">{` ${sv ? 'av' : 'of'} ${c.title}`}</span>
        </button>
      </form>
    </details>
  );
}
