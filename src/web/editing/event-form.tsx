// The form that records a status event: established, renewed, dormant,
// paused, resumed, ended, partly ended; its date at the precision known,
// who decided it, why (coded reasons) and where it is written (sources).
import type { SourceChoice } from '../../domain/agreements/choices.ts';
import { DATE_FORMS } from '../../domain/dates.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { END_MODES, EVENT_TYPES, REASON_CODES, REASON_STATED_BY, SIDES, VISIBILITIES } from '../../db/schema.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field } from '../account/form.tsx';
import { label, type Lang } from '../i18n.ts';
import { href, Layout, StatusBadge } from '../layout.tsx';
import { ConflictNotice, type ConflictView } from './agreement-form.tsx';
import { SourceChoices, type SearchNote } from './choices.tsx';
import type { EventTyped } from './event-state.ts';
import { fieldName, VISIBILITY_NAMES } from './messages.ts';

export interface EventFormProps {
  lang: Lang;
  account: string;
  csrf: string;
  agreement: { slug: string; title: string; status: string };
  version: number;
  typed: EventTyped;
  sources: Map<string, SourceChoice>;
  /** Problems with the id of the element each belongs to. */
  problems: Array<FieldProblem & { id: string }>;
  sourceNote?: SearchNote;
  conflict?: ConflictView;
  /** How many reason rows to show. */
  reasonRows: number;
}

export function EventFormPage(p: EventFormProps) {
  const { lang, typed: t } = p;
  const sv = lang === 'sv';
  const path = `/avtal/${p.agreement.slug}/handelse`;
  const heading = sv ? `Registrera händelse: ${p.agreement.title}` : `Record an event: ${p.agreement.title}`;
  const problemAt = (id: string) => p.problems.find((x) => x.id === id);
  const sourceProblems = new Map(p.problems.flatMap((x) => (/^source-(\d+)-keep$/.exec(x.id) ? [[Number(/^source-(\d+)-keep$/.exec(x.id)![1]), x.message] as [number, string]] : [])));
  const text = (field: keyof EventTyped, opts: { hint?: string; max?: number } = {}) => (
    <Field lang={lang} id={`e-${field}`} label={fieldName(lang, field)} hint={opts.hint} problem={problemAt(`e-${field}`)}>
      {(described) => <input type="text" id={`e-${field}`} name={field} value={t[field] as string} maxlength={opts.max ?? 500} {...described} />}
    </Field>
  );
  const select = (field: 'type' | 'side' | 'mode', values: readonly string[], group: 'event' | 'side' | 'mode', none?: string, hint?: string) => (
    <Field lang={lang} id={`e-${field}`} label={fieldName(lang, field)} hint={hint} problem={problemAt(`e-${field}`)}>
      {(described) => (
        <select id={`e-${field}`} name={field} {...described}>
          {none !== undefined ? (
            <option value="" selected={t[field] === ''}>
              {none}
            </option>
          ) : null}
          {values.map((v) => (
            <option value={v} selected={t[field] === v}>
              {label(lang, group, v)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const reasons = Array.from({ length: p.reasonRows }, (_, i) => t.reasons[i] ?? { code: '', statedBy: 'decision_maker', text: '' });
  return (
    <Layout lang={lang} title={heading} path={path} account={p.account}>
      <h1>{heading}</h1>
      <p>
        {sv ? 'Status nu' : 'Status now'}: <StatusBadge status={p.agreement.status} text={label(lang, 'status', p.agreement.status)} /> ·{' '}
        <a href={href(lang, `/avtal/${p.agreement.slug}`)}>{sv ? 'Till avtalets sida' : 'To the agreement’s page'}</a> ·{' '}
        <a href={href(lang, `/avtal/${p.agreement.slug}/historik`)}>{sv ? 'Historik' : 'History'}</a>
      </p>
      {p.conflict ? <ConflictNotice lang={lang} conflict={p.conflict} /> : null}
      <ErrorSummary lang={lang} problems={p.problems} />
      <form method="post" action={href(lang, path)} class="form wide" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="version" value={String(p.version)} />
        {select('type', EVENT_TYPES, 'event')}
        {text('date', { hint: DATE_FORMS[lang], max: 40 })}
        {select('side', SIDES, 'side', sv ? 'Ingen angiven' : 'Not given', sv ? 'Vem som avslutade, pausade eller tog initiativet.' : 'Who ended, paused or took the initiative.')}
        {select('mode', END_MODES, 'mode', sv ? 'Inget angivet' : 'Not given', sv ? 'Bara för avslut och pauser.' : 'Only for endings and pauses.')}
        {text('decidingBody', { hint: sv ? 'Till exempel kommunstyrelsen.' : 'For example the municipal executive board.' })}
        {text('reference', { hint: sv ? 'Paragrafen i protokollet, till exempel § 123.' : 'The section of the minutes, e.g. § 123.', max: 200 })}
        {text('caseNumber', { hint: sv ? 'Diarienummer, till exempel KS 2020/123.' : 'Case number (diarienummer), e.g. KS 2020/123.', max: 200 })}
        <fieldset class="choices">
          <legend>{fieldName(lang, 'reasons')}</legend>
          <p class="hint">{sv ? 'Lämna raden tom om den inte behövs.' : 'Leave a row empty when it is not needed.'}</p>
          {reasons.map((r, i) => {
            const codeProblem = problemAt(`reason-${i}-code`);
            const textProblem = problemAt(`reason-${i}-text`);
            return (
              <div class={codeProblem || textProblem ? 'reason-row field-error' : 'reason-row'}>
                <Field lang={lang} id={`reason-${i}-code`} label={sv ? `Skäl ${i + 1}` : `Reason ${i + 1}`} problem={codeProblem}>
                  {(described) => (
                    <select id={`reason-${i}-code`} name={`reason.${i}.code`} {...described}>
                      <option value="" selected={r.code === ''}>
                        {sv ? 'Inget' : 'None'}
                      </option>
                      {REASON_CODES.map((c) => (
                        <option value={c} selected={r.code === c}>
                          {label(lang, 'reason', c)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field lang={lang} id={`reason-${i}-statedBy`} label={sv ? `Vem som angav skäl ${i + 1}` : `Who gave reason ${i + 1}`} problem={problemAt(`reason-${i}-statedBy`)}>
                  {(described) => (
                    <select id={`reason-${i}-statedBy`} name={`reason.${i}.statedBy`} {...described}>
                      {REASON_STATED_BY.map((s) => (
                        <option value={s} selected={(r.statedBy || 'decision_maker') === s}>
                          {label(lang, 'statedBy', s)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field lang={lang} id={`reason-${i}-text`} label={sv ? `Text för skäl ${i + 1}` : `Text of reason ${i + 1}`} problem={textProblem}>
                  {(described) => <input type="text" id={`reason-${i}-text`} name={`reason.${i}.text`} value={r.text} maxlength={5000} {...described} />}
                </Field>
              </div>
            );
          })}
          <button type="submit" name="action" value="more-reasons" class="secondary">
            {sv ? 'Fler rader för skäl' : 'More rows for reasons'}
          </button>
        </fieldset>
        <SourceChoices lang={lang} rows={t.sources} known={p.sources} query={t.sourceQuery} note={p.sourceNote} problems={sourceProblems} />
        {text('note', { max: 10000 })}
        {text('noteEn', { max: 10000 })}
        <fieldset class={problemAt('e-visibility') ? 'field field-error' : 'field'}>
          <legend>{fieldName(lang, 'visibility')}</legend>
          {problemAt('e-visibility') ? <span class="error-message">{problemAt('e-visibility')!.message}</span> : null}
          {VISIBILITIES.map((v, i) => (
            <div class="radio">
              <input type="radio" id={i === 0 ? 'e-visibility' : `e-visibility-${v}`} name="visibility" value={v} checked={(t.visibility || 'public') === v} />
              <label for={i === 0 ? 'e-visibility' : `e-visibility-${v}`} class="inline-label">
                {VISIBILITY_NAMES[v][lang]}
              </label>
            </div>
          ))}
        </fieldset>
        <Field lang={lang} id="e-comment" label={fieldName(lang, 'comment')} hint={sv ? 'Syns i historiken. Frivilligt.' : 'Shown in the history. Optional.'} problem={problemAt('e-comment')}>
          {(described) => (
            <textarea id="e-comment" name="comment" rows={3} maxlength={2000} {...described}>
              {t.comment}
            </textarea>
          )}
        </Field>
        <button type="submit" name="action" value="save">
          {sv ? 'Registrera händelsen' : 'Record the event'}
        </button>
      </form>
    </Layout>
  );
}
