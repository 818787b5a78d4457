// What every account form shares: the error summary at the top (the GOV.UK
// Design System's pattern), a field with its message beside it, the verbs'
// English messages in Swedish, and the roles' names.
import { formatMoment } from '../format.ts';
import { afterName, UNNAMED } from '../summary-names.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import type { Lang } from '../i18n.ts';

export const ROLE_NAMES = {
  reader: { sv: 'läsare', en: 'reader' },
  editor: { sv: 'redaktör', en: 'editor' },
  coordinator: { sv: 'samordnare', en: 'coordinator' },
  admin: { sv: 'administratör', en: 'administrator' },
} as const;

// Messages the verbs raise, in the page's language; the verbs speak English.
const MESSAGES_SV: Record<string, string> = {
  'the e-mail address or the password is wrong': 'E-postadressen eller lösenordet är fel.',
  'write your password': 'Skriv ditt lösenord.',
  'must be an e-mail address, e.g. namn@kommun.se': 'Skriv en e-postadress, till exempel namn@kommun.se.',
  'give the key a name, e.g. "Import from our case system"': 'Ge nyckeln ett namn, till exempel "Import från ärendesystemet".',
  'must be one of read, write': 'Välj läsa eller läsa och ändra.',
  'must be one of 30, 90, 365 days': 'Välj 30, 90 eller 365 dagar.',
};
export const say = (lang: Lang, message: string) => (lang === 'sv' ? (MESSAGES_SV[message] ?? message) : message.charAt(0).toUpperCase() + message.slice(1));

/**
 * The GOV.UK pattern: a summary at the top linking to each field, and the
 * message beside the field. The page opens with the focus on it (autofocus,
 * no script): a form below tables or other forms would otherwise leave a
 * keyboard or screen-reader user at the top of the page, far from it.
 *
 * Each entry names its field first ("Syfte: texten är längre än 5000
 * tecken"), as one message stands under many fields: `label` where the form
 * gives a better name than the field's label (a cost's row), else the label
 * the link points to, filled in by the page's layout (summary-names.ts).
 */
export function ErrorSummary(props: { lang: Lang; problems: Array<FieldProblem & { id: string; label?: string }> }) {
  if (!props.problems.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">{props.lang === 'sv' ? 'Det finns ett problem' : 'There is a problem'}</h2>
      <ul>
        {props.problems.map((p) => (
          <li>
            {p.label ? <a href={`#${p.id}`}>{afterName(p.label, say(props.lang, p.message))}</a> : <a href={`#${p.id}`} {...{ [UNNAMED]: '' }}>{say(props.lang, p.message)}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}


/** A labelled input or select with its problem, if any, beside it; `id` is what the summary links to. */
export function Field(props: { lang: Lang; id: string; label: string; problem?: FieldProblem; hint?: string; children: (described: Record<string, string>) => unknown }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.problem ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  const described: Record<string, string> = { ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(props.problem ? { 'aria-invalid': 'true' } : {}) };
  return (
    <div class={props.problem ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? <span class="hint" id={`${props.id}-hint`}>{props.hint}</span> : null}
      {props.problem ? (
        <span class="error-message" id={`${props.id}-error`}>
          {say(props.lang, props.problem.message)}
        </span>
      ) : null}
      {props.children(described) as never}
    </div>
  );
}

/** A day as people write it, in Stockholm's time: 5 december 2026. */
export const day = (lang: Lang, d: Date) => formatMoment(d, lang, 'day');

/** What a form's page says at the top: that it was done (a status), or a refusal of the whole form (an alert). */
export function Notices(props: { done?: string; alert?: string }) {
  return (
    <>
      {props.done ? (
        <p class="notice" role="status">
          {props.done}
        </p>
      ) : null}
      {props.alert ? (
        <p class="notice" role="alert">
          {props.alert}
        </p>
      ) : null}
    </>
  );
}
