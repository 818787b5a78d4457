// The sign-in page and the signed-in person's own page. Texts here, Swedish
// first, as they belong to these pages only.
import type { OidcRefusal } from '../../domain/accounts/oidc.ts';
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
  withProvider: { sv: 'Logga in med din organisations inloggning', en: "Sign in with your organisation's sign-in" },
  orPassword: { sv: 'Eller med e-postadress och lösenord', en: 'Or with e-mail address and password' },
  refused: { sv: 'Inloggningen gick inte igenom', en: 'The sign-in did not go through' },
  tryAgain: { sv: 'Till inloggningen', en: 'Back to sign-in' },
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

/** `oidcLabel`: undefined when no identity provider is configured; null for the default words. */
export function SignInPage(props: { lang: Lang; csrf: string; email?: string; problems?: FieldProblem[]; notice?: string; signedOut?: boolean; oidcLabel?: string | null }) {
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
      {props.oidcLabel !== undefined ? (
        <>
          <p>
            <a class="button" href={href(lang, '/logga-in/oidc')}>
              {props.oidcLabel ?? w(lang, 'withProvider')}
            </a>
          </p>
          <h2>{w(lang, 'orPassword')}</h2>
        </>
      ) : null}
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

const REFUSALS: Record<OidcRefusal['reason'], { sv: (email?: string) => string; en: (email?: string) => string }> = {
  unknown_person: {
    sv: (email) => `${email} har inget konto i Ortsband. Be en administratör i din organisation att lägga till dig med den adressen, eller att bjuda in dig.`,
    en: (email) => `${email} has no account in Ortsband. Ask an administrator of your organisation to add you with that address, or to invite you.`,
  },
  disabled: {
    sv: () => 'Kontot är avstängt. Fråga en administratör i din organisation.',
    en: () => 'The account is disabled. Ask an administrator of your organisation.',
  },
  other_subject: {
    sv: (email) => `${email} hör till en annan identitet hos din inloggningstjänst. Fråga en administratör i din organisation.`,
    en: (email) => `${email} belongs to another identity at your sign-in service. Ask an administrator of your organisation.`,
  },
  no_email: {
    sv: () => 'Inloggningstjänsten lämnade ingen bekräftad e-postadress, och det är den Ortsband känner igen dig på. Fråga din organisations IT-stöd.',
    en: () => 'The sign-in service gave no verified e-mail address, which is how Ortsband knows you. Ask your organisation\'s IT support.',
  },
  expired: {
    sv: () => 'Inloggningen tog för lång tid, avbröts eller startades i en annan webbläsare. Börja om.',
    en: () => 'The sign-in took too long, was cancelled or was started in another browser. Start again.',
  },
};

export function OidcRefusedPage(props: { lang: Lang; refusal: OidcRefusal }) {
  const { lang, refusal } = props;
  return (
    <Layout lang={lang} title={w(lang, 'refused')} path="/logga-in">
      <h1>{w(lang, 'refused')}</h1>
      <p>{REFUSALS[refusal.reason][lang](refusal.email)}</p>
      <p>
        <a href={href(lang, '/logga-in')}>{w(lang, 'tryAgain')}</a>
      </p>
    </Layout>
  );
}
