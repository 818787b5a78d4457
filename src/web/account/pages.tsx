// The sign-in page and the signed-in person's own page. Texts here, Swedish
// first, as they belong to these pages only.
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { href, Layout } from '../layout.tsx';
import type { Lang } from '../i18n.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';

const words = {
  signIn: { sv: 'Logga in', en: 'Sign in' },
  intro: {
    sv: 'För tjänstepersoner i kommuner, regioner, länsstyrelser och nationella organ som för sina avtal i Ortsband. Registret i sig är öppet för alla utan inloggning.',
    en: 'For officials of municipalities, regions, county boards and national bodies who keep their agreements in Ortsband. The register itself is open to everyone without signing in.',
  },
  email: { sv: 'E-postadress', en: 'E-mail address' },
  password: { sv: 'Lösenord', en: 'Password' },
  noAccount: {
    sv: 'Har du inget konto? Be en administratör i din organisation att bjuda in dig.',
    en: 'No account? Ask an administrator of your organisation to invite you.',
  },
  problem: { sv: 'Det finns ett problem', en: 'There is a problem' },
  account: { sv: 'Ditt konto', en: 'Your account' },
  name: { sv: 'Namn', en: 'Name' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  role: { sv: 'Roll', en: 'Role' },
  signOut: { sv: 'Logga ut', en: 'Sign out' },
  signedOut: { sv: 'Du är utloggad.', en: 'You are signed out.' },
} as const;
const w = (lang: Lang, key: keyof typeof words) => words[key][lang];

const ROLE_NAMES = {
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
};
const say = (lang: Lang, message: string) => (lang === 'sv' ? (MESSAGES_SV[message] ?? message) : message.charAt(0).toUpperCase() + message.slice(1));

/** The GOV.UK pattern: a summary at the top linking to each field, and the message beside the field. */
function ErrorSummary(props: { lang: Lang; problems: Array<FieldProblem & { id: string }> }) {
  if (!props.problems.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{w(props.lang, 'problem')}</h2>
      <ul>
        {props.problems.map((p) => (
          <li>
            <a href={`#${p.id}`}>{say(props.lang, p.message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SignInPage(props: { lang: Lang; csrf: string; email?: string; problems?: FieldProblem[]; notice?: string; signedOut?: boolean }) {
  const { lang } = props;
  const problems = (props.problems ?? []).map((p) => ({ ...p, id: p.field === 'email' ? 'sign-in-email' : p.field === 'password' ? 'sign-in-password' : 'sign-in-email' }));
  const problemOf = (id: string) => problems.find((p) => p.id === id);
  const field = (id: string, name: string, label: string, type: string, autocomplete: string, value?: string) => {
    const problem = problemOf(id);
    return (
      <div class={problem ? 'field field-error' : 'field'}>
        <label for={id}>{label}</label>
        {problem ? (
          <span class="error-message" id={`${id}-error`}>
            {say(lang, problem.message)}
          </span>
        ) : null}
        <input id={id} name={name} type={type} autocomplete={autocomplete} value={value} required aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? `${id}-error` : undefined} maxlength={254} />
      </div>
    );
  };
  return (
    <Layout lang={lang} title={w(lang, 'signIn')} path="/logga-in">
      <h1>{w(lang, 'signIn')}</h1>
      <ErrorSummary lang={lang} problems={problems} />
      {props.notice ? <p class="notice" role="alert">{props.notice}</p> : null}
      {props.signedOut ? <p role="status">{w(lang, 'signedOut')}</p> : null}
      <p>{w(lang, 'intro')}</p>
      <form method="post" action={href(lang, '/logga-in')} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        {field('sign-in-email', 'email', w(lang, 'email'), 'email', 'username', props.email)}
        {field('sign-in-password', 'password', w(lang, 'password'), 'password', 'current-password')}
        <button type="submit">{w(lang, 'signIn')}</button>
      </form>
      <p>{w(lang, 'noAccount')}</p>
    </Layout>
  );
}

export function AccountPage(props: { lang: Lang; signedIn: SignedIn }) {
  const { lang, signedIn } = props;
  return (
    <Layout lang={lang} title={w(lang, 'account')} path="/konto">
      <h1>{w(lang, 'account')}</h1>
      <dl class="facts">
        <dt>{w(lang, 'name')}</dt>
        <dd>{signedIn.displayName}</dd>
        <dt>{w(lang, 'email')}</dt>
        <dd>{signedIn.email}</dd>
        <dt>{w(lang, 'organisation')}</dt>
        <dd>{signedIn.organisationName}</dd>
        <dt>{w(lang, 'role')}</dt>
        <dd>{ROLE_NAMES[signedIn.role][lang]}</dd>
      </dl>
      <form method="post" action={href(lang, '/logga-ut')}>
        <input type="hidden" name={CSRF_FIELD} value={signedIn.csrfToken} />
        <button type="submit">{w(lang, 'signOut')}</button>
      </form>
    </Layout>
  );
}
