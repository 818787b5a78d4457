// What the administrators' pages share: who may open them, the admin menu
// around each page, how a posted form becomes a verb's input, and the
// verbs' English messages in Swedish. The forms follow the account pages'
// pattern (form.tsx): an error summary at the top, the message beside the
// field, what was typed kept.
import type { Context as HonoContext } from 'hono';
import type { Child } from 'hono/jsx';
import type { Database } from '../../db/client.ts';
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import type { Context } from '../../domain/context.ts';
import type { DomainError, FieldProblem } from '../../domain/errors.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedInAdmin } from '../../http/session.ts';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { ErrorSummary, Field } from '../account/form.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';

/**
 * The signed-in administrator and their context for the verbs. Nobody signed
 * in is sent to sign in and back (SignInRequired, app.ts); anyone else gets
 * 403. The verbs check again (requireAdmin): the page's check only decides
 * what the visitor is shown.
 */
export function adminOf(c: HonoContext, database: Database): { signedIn: SignedIn; ctx: Context; lang: Lang } {
  const signedIn = requireSignedInAdmin(c);
  return { signedIn, ctx: { db: database.db, principal: principalOf(c) }, lang: langOf(c) };
}

export const ADMIN_PAGES = [
  { path: '/admin/anvandare', sv: 'Användare', en: 'Users' },
  { path: '/admin/organisationer', sv: 'Organisationer', en: 'Organisations' },
  { path: '/admin/parter', sv: 'Svenska parter', en: 'Swedish parties' },
  { path: '/admin/motparter', sv: 'Motparter (orter)', en: 'Counterparts (places)' },
  { path: '/admin/avtalstyper', sv: 'Avtalsformer', en: 'Kinds of agreement' },
  { path: '/admin/felrapporter', sv: 'Rapporterade fel', en: 'Reported errors' },
] as const;

/** A page of the administration: the site's layout, the admin menu, the heading. */
export function AdminLayout(props: { lang: Lang; title: string; path: string; account: string; children: Child }) {
  const { lang, path } = props;
  return (
    <Layout lang={lang} title={props.title} path={path} account={props.account}>
      <nav aria-label={lang === 'sv' ? 'Administration' : 'Administration'} class="admin-menu">
        <ul>
          <li>
            <a href={href(lang, '/admin')} aria-current={path === '/admin' ? 'page' : undefined}>
              {lang === 'sv' ? 'Administration' : 'Administration'}
            </a>
          </li>
          {ADMIN_PAGES.map((p) => (
            <li>
              <a href={href(lang, p.path)} aria-current={path === p.path ? 'page' : undefined}>
                {p[lang]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

// ---- From a posted form to a verb's input -------------------------------

export type Posted = Record<string, string | File | (string | File)[]>;

/** A posted field as text ('' when absent or a file). */
export const textOf = (form: Posted, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

/** What the person typed, to show again beside the errors. */
export const typedOf = (form: Posted, names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, textOf(form, n)]));

/** An empty field means "none". */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A number as typed; text that is not one is handed on as it is, for the verb to name the field. */
export function numberOrText(value: string): number | string | null {
  const v = value.trim().replace(',', '.');
  if (v === '') return null;
  return /^[-+]?\d+(\.\d+)?$/.test(v) ? Number(v) : value;
}

/** One name a line (or separated by semicolons). */
export const linesOf = (value: string): string[] =>
  value
    .split(/[\n;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The name of a page's address part from a name: lower case, ASCII letters, digits and dashes. */
export function slugFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

// ---- Messages -----------------------------------------------------------

const SV: Record<string, string> = {
  'write the name': 'Skriv namnet.',
  'write the name in Latin letters': 'Skriv namnet med latinska bokstäver.',
  'write the Swedish name': 'Skriv det svenska namnet.',
  'write the English name': 'Skriv det engelska namnet.',
  'write a code': 'Skriv en kod.',
  'choose one of the kinds': 'Välj en typ.',
  'choose one of the levels': 'Välj en nivå.',
  'choose public, shared or internal': 'Välj offentlig, delad eller intern.',
  'choose renamed, merged or took over': 'Välj bytte namn, gick upp i eller togs över av.',
  'say whether the kind is time-limited': 'Ange om avtalsformen är tidsbegränsad.',
  "must be SCB's 4-digit kommunkod": 'Skriv SCB:s kommunkod med fyra siffror, till exempel 1480.',
  "must be SCB's 2-digit länskod": 'Skriv SCB:s länskod med två siffror, till exempel 14.',
  'a kommunkod starts with the länskod of its county': 'En kommunkod börjar med länskoden för sitt län.',
  'must be a number, e.g. 57.71': 'Skriv ett tal, till exempel 57.71.',
  'must be a number, e.g. 11.97': 'Skriv ett tal, till exempel 11.97.',
  'must be a number, e.g. 31.30': 'Skriv ett tal, till exempel 31.30.',
  'must be a number, e.g. 120.62': 'Skriv ett tal, till exempel 120.62.',
  'must be between -90 and 90': 'Skriv en latitud mellan -90 och 90.',
  'must be between -180 and 180': 'Skriv en longitud mellan -180 och 180.',
  'give both latitude and longitude, or neither': 'Ange både latitud och longitud, eller ingen av dem.',
  'translates note: write the Swedish note too': 'Den engelska anteckningen översätter den svenska: skriv den svenska också.',
  'must be lower-case letters, digits and dashes': 'Använd små bokstäver a–z, siffror och bindestreck.',
  'must be lower-case letters, digits and underscores, e.g. projektavtal': 'Använd små bokstäver a–z, siffror och understreck, till exempel projektavtal.',
  'a body cannot succeed itself': 'En part kan inte efterträda sig själv.',
  'a place cannot lie inside itself': 'En ort kan inte ligga i sig själv.',
  'the parent is in another country': 'Den överordnade orten ligger i ett annat land.',
  'must be at most 300 characters': 'Högst 300 tecken.',
  'must be at most 200 characters': 'Högst 200 tecken.',
  'must be at most 60 characters': 'Högst 60 tecken.',
  'must be at most 2000 characters': 'Högst 2 000 tecken.',
  'must be at most 5000 characters': 'Högst 5 000 tecken.',
  'at most 20 other names': 'Högst 20 andra namn.',
  'contains a NUL character, which cannot be stored': 'Innehåller ett tecken (NUL) som inte kan sparas.',
  'is not valid Unicode text': 'Innehåller tecken som inte kan sparas.',
};

const SV_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^kommunkod (\d+) is (.+)'s already$/, (m) => `Kommunkoden ${m[1]} har redan ${m[2]}.`],
  [/^no counterpart '(.+)'$/, (m) => `Det finns ingen ort med kortnamnet ”${m[1]}”.`],
  [/^no actor '(.+)'$/, (m) => `Det finns ingen part med kortnamnet ”${m[1]}”.`],
  [/^(.+) lies inside (.+): a place cannot lie inside itself$/, (m) => `${m[1]} ligger i ${m[2]}: en ort kan inte ligga i sig själv.`],
  [/^'(.+)' is not a date.*$/, (m) => `”${m[1]}” är inget datum; skriv till exempel 2019, 2019-05, 2019-05-14, 2002/2022 eller XXXX.`],
  [/^the code '(.+)' is taken \((.+)\)$/, (m) => `Koden ${m[1]} används redan (${m[2]}).`],
  [/^no Swedish body '(.+)' in the register.*$/, (m) => `Det finns ingen svensk part ”${m[1]}” i registret; skriv dess namn, kortnamn eller kommunkod.`],
  [/^more than one body is called '(.+)': give its slug \((.+)\)$/, (m) => `Flera parter heter ”${m[1]}”; skriv kortnamnet (${m[2]}).`],
  [/^an organisation '(.+)' exists already$/, (m) => `Det finns redan en organisation ”${m[1]}”.`],
  [/^the body '(.+)' is the organisation '(.+)' already$/, (m) => `”${m[1]}” är redan organisationen ”${m[2]}”.`],
  [/^an actor '(.+)' exists already$/, (m) => `Det finns redan en part med kortnamnet ”${m[1]}”.`],
  [/^a counterpart '(.+)' exists already$/, (m) => `Det finns redan en ort med kortnamnet ”${m[1]}”.`],
  [/^(\d+) places lie inside (.+): move them first$/, (m) => `${m[1]} orter ligger i ${m[2]}: flytta dem först.`],
];

/** A verb's message in the page's language (the verbs speak English). */
export function message(lang: Lang, text: string): string {
  if (lang === 'en') return text.charAt(0).toUpperCase() + text.slice(1);
  if (SV[text]) return SV[text];
  for (const [pattern, say] of SV_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return text;
}

/**
 * The problems a verb raised, each tied to the form field it names (a list's
 * item, `otherNames.3`, to its list) and put in the page's language; a
 * problem with no field of the form goes to `fallback`.
 */
export function problemsFor(lang: Lang, error: DomainError, fields: readonly string[], fallback: string): FieldProblem[] {
  const raw = error.problems.length ? error.problems : [{ field: fallback, message: error.message }];
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const p of raw) {
    const head = p.field.split('.')[0]!;
    const field = fields.includes(head) ? head : fallback;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: message(lang, p.message) });
  }
  // In the order of the form, as the summary should read.
  return out.sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field));
}

// ---- A form's fields ----------------------------------------------------

/** Builds a form's fields with their labels, hints, problems and what was typed; ids are `${prefix}-${name}`. */
export function formKit(props: { lang: Lang; prefix: string; problems: FieldProblem[]; typed: Record<string, string> }) {
  const { lang, prefix, typed } = props;
  const id = (name: string) => `${prefix}-${name}`;
  const problemOf = (name: string) => props.problems.find((p) => p.field === name);
  const summary = () => <ErrorSummary lang={lang} problems={props.problems.map((p) => ({ ...p, id: id(p.field) }))} />;
  const text = (name: string, label: string, o: { hint?: string; maxlength?: number; lang?: string; list?: string; inputmode?: 'decimal' | 'numeric' | 'text'; autocomplete?: string } = {}) => (
    <Field lang={lang} id={id(name)} label={label} problem={problemOf(name)} hint={o.hint}>
      {(described) => (
        <input
          id={id(name)}
          name={name}
          type="text"
          value={typed[name] ?? ''}
          maxlength={o.maxlength ?? 300}
          lang={o.lang}
          list={o.list}
          inputmode={o.inputmode}
          autocomplete={o.autocomplete ?? 'off'}
          {...described}
        />
      )}
    </Field>
  );
  const area = (name: string, label: string, o: { hint?: string; rows?: number; maxlength?: number; lang?: string } = {}) => (
    <Field lang={lang} id={id(name)} label={label} problem={problemOf(name)} hint={o.hint}>
      {(described) => (
        <textarea id={id(name)} name={name} rows={o.rows ?? 3} maxlength={o.maxlength ?? 5000} lang={o.lang} {...described}>
          {typed[name] ?? ''}
        </textarea>
      )}
    </Field>
  );
  const select = (name: string, label: string, options: ReadonlyArray<readonly [string, string]>, o: { hint?: string } = {}) => (
    <Field lang={lang} id={id(name)} label={label} problem={problemOf(name)} hint={o.hint}>
      {(described) => (
        <select id={id(name)} name={name} {...described}>
          {options.map(([value, text]) => (
            <option value={value} selected={(typed[name] ?? '') === value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return { id, summary, text, area, select };
}

/** The hidden fields every admin form carries. */
export function Hidden(props: { csrf: string; version?: number }) {
  return (
    <>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      {props.version !== undefined ? <input type="hidden" name="version" value={String(props.version)} /> : null}
    </>
  );
}

/** Visibility choices, Swedish first. */
export const visibilityOptions = (lang: Lang): Array<[string, string]> =>
  lang === 'sv'
    ? [
        ['public', 'Offentlig: alla ser den'],
        ['shared', 'Delad: inloggade offentliga organ'],
        ['internal', 'Intern: den egna organisationen'],
      ]
    : [
        ['public', 'Public: everyone sees it'],
        ['shared', 'Shared: signed-in public bodies'],
        ['internal', 'Internal: the own organisation'],
      ];

/** A conflict: who changed what while the form was open, beside what the person typed (which the form keeps). */
export function ConflictNotice(props: { lang: Lang; rows: Array<{ label: string; theirs: string; yours: string }> }) {
  const sv = props.lang === 'sv';
  return (
    <div class="notice" role="alert" id="conflict">
      <h2>{sv ? 'Någon annan sparade under tiden' : 'Someone else saved meanwhile'}</h2>
      <p>
        {sv
          ? 'Posten ändrades efter att du öppnade formuläret. Det du skrev finns kvar nedan. Jämför, ändra om det behövs och spara igen.'
          : 'The record was changed after you opened the form. What you typed is still below. Compare, change what is needed and save again.'}
      </p>
      {props.rows.length ? (
        <table>
          <caption class="visually-hidden">{sv ? 'Skillnader' : 'Differences'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Fält' : 'Field'}</th>
              <th scope="col">{sv ? 'Sparat nu' : 'Saved now'}</th>
              <th scope="col">{sv ? 'Ditt' : 'Yours'}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td>{r.theirs}</td>
                <td>{r.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** The fields whose saved value differs from what was typed (both as the form shows them). */
export function differences(saved: Record<string, string>, typed: Record<string, string>, labels: Record<string, string>) {
  return Object.keys(labels)
    .filter((k) => (saved[k] ?? '').trim() !== (typed[k] ?? '').trim())
    .map((k) => ({ label: labels[k]!, theirs: saved[k] ?? '', yours: typed[k] ?? '' }));
}

/** "Saved" after a post/redirect/get. */
export function SavedNotice(props: { lang: Lang; show: boolean; what?: string }) {
  if (!props.show) return null;
  return (
    <p class="notice" role="status">
      {props.lang === 'sv' ? `Sparat${props.what ? `: ${props.what}` : ''}.` : `Saved${props.what ? `: ${props.what}` : ''}.`}
    </p>
  );
}
