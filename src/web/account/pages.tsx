// The sign-in page and the signed-in person's own page. Texts here, Swedish
// first, as they belong to these pages only.
import type { OidcRefusal } from '../../domain/accounts/oidc.ts';
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { href, Layout } from '../layout.tsx';
import type { Lang } from '../i18n.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { day, ErrorSummary, ROLE_NAMES, say } from './form.tsx';

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
  keys: { sv: 'Åtkomstnycklar för API:t', en: 'Access keys for the API' },
  keysIntro: {
    sv: 'En nyckel låter ett program läsa (och med skrivrätt ändra) det du själv får, via API:t. Skicka den som "Authorization: Bearer <nyckel>". Den visas bara en gång.',
    en: 'A key lets a program read (and with write access change) what you yourself may, through the API. Send it as "Authorization: Bearer <key>". It is shown only once.',
  },
  noKeys: { sv: 'Du har inga giltiga nycklar.', en: 'You have no valid keys.' },
  keyName: { sv: 'Namn', en: 'Name' },
  keyScope: { sv: 'Behörighet', en: 'Access' },
  keyExpires: { sv: 'Gäller till', en: 'Valid until' },
  keyUsed: { sv: 'Senast använd', en: 'Last used' },
  never: { sv: 'aldrig', en: 'never' },
  revoke: { sv: 'Återkalla', en: 'Revoke' },
  newKey: { sv: 'Ny nyckel', en: 'New key' },
  days: { sv: 'Giltig i', en: 'Valid for' },
  create: { sv: 'Skapa nyckel', en: 'Create key' },
  created: { sv: 'Din nya nyckel', en: 'Your new key' },
  createdHint: {
    sv: 'Kopiera den nu och förvara den som ett lösenord. Ortsband sparar bara ett fingeravtryck av den och kan inte visa den igen.',
    en: 'Copy it now and keep it like a password. Ortsband keeps only a fingerprint of it and cannot show it again.',
  },
  back: { sv: 'Tillbaka till kontot', en: 'Back to your account' },
} as const;
const w = (lang: Lang, key: keyof typeof words) => words[key][lang];

/** `oidcLabel`: undefined when no identity provider is configured; null for the default words. */
export function SignInPage(props: { lang: Lang; csrf: string; back?: string; email?: string; problems?: FieldProblem[]; notice?: string; signedOut?: boolean; oidcLabel?: string | null }) {
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
        {props.back ? <input type="hidden" name="tillbaka" value={props.back} /> : null}
        {field('sign-in-email', 'email', w(lang, 'email'), 'email', 'username', props.email)}
        {field('sign-in-password', 'password', w(lang, 'password'), 'password', 'current-password')}
        <button type="submit">{w(lang, 'signIn')}</button>
      </form>
      <p>{w(lang, 'noAccount')}</p>
    </Layout>
  );
}

const SCOPES = { read: { sv: 'läsa', en: 'read' }, write: { sv: 'läsa och ändra', en: 'read and change' } } as const;

export interface TokenRow {
  id: number;
  name: string;
  scope: 'read' | 'write';
  expiresAt: Date;
  lastUsedAt: Date | null;
}

export function AccountPage(props: { lang: Lang; signedIn: SignedIn; tokens: TokenRow[]; problems?: FieldProblem[]; typed?: Record<string, string> }) {
  const { lang, signedIn } = props;
  const problems = (props.problems ?? []).map((p) => ({ ...p, id: `key-${p.field}` }));
  const problemOf = (field: string) => problems.find((p) => p.field === field);
  const described = (field: string) => (problemOf(field) ? { 'aria-invalid': 'true', 'aria-describedby': `key-${field}-error` } : {});
  const message = (field: string) => {
    const problem = problemOf(field);
    return problem ? <span class="error-message" id={`key-${field}-error`}>{say(lang, problem.message)}</span> : null;
  };
  return (
    <Layout lang={lang} title={w(lang, 'account')} path="/konto" account={signedIn.displayName}>
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
      {signedIn.role === 'admin' ? (
        <p>
          <a href={href(lang, '/admin')}>{lang === 'sv' ? 'Administration: användare, organisationer och referensdata' : 'Administration: users, organisations and reference data'}</a>
        </p>
      ) : null}
      <form method="post" action={href(lang, '/logga-ut')}>
        <input type="hidden" name={CSRF_FIELD} value={signedIn.csrfToken} />
        <button type="submit">{w(lang, 'signOut')}</button>
      </form>
      <h2 id="keys">{w(lang, 'keys')}</h2>
      <ErrorSummary lang={lang} problems={problems} />
      <p>{w(lang, 'keysIntro')}</p>
      {props.tokens.length ? (
        <table>
          <caption class="visually-hidden">{w(lang, 'keys')}</caption>
          <thead>
            <tr>
              <th scope="col">{w(lang, 'keyName')}</th>
              <th scope="col">{w(lang, 'keyScope')}</th>
              <th scope="col">{w(lang, 'keyExpires')}</th>
              <th scope="col">{w(lang, 'keyUsed')}</th>
              <td></td>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((k) => (
              <tr>
                <td>{k.name}</td>
                <td>{SCOPES[k.scope][lang]}</td>
                <td>{day(lang, k.expiresAt)}</td>
                <td>{k.lastUsedAt ? day(lang, k.lastUsedAt) : w(lang, 'never')}</td>
                <td>
                  <form method="post" action={href(lang, `/konto/nycklar/${k.id}/aterkalla`)}>
                    <input type="hidden" name={CSRF_FIELD} value={signedIn.csrfToken} />
                    <button type="submit" aria-label={`${w(lang, 'revoke')}: ${k.name}`}>
                      {w(lang, 'revoke')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{w(lang, 'noKeys')}</p>
      )}
      <h3>{w(lang, 'newKey')}</h3>
      <form method="post" action={href(lang, '/konto/nycklar')} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={signedIn.csrfToken} />
        <div class={problemOf('name') ? 'field field-error' : 'field'}>
          <label for="key-name">{w(lang, 'keyName')}</label>
          {message('name')}
          <input id="key-name" name="name" type="text" maxlength={100} value={props.typed?.name} {...described('name')} />
        </div>
        <div class={problemOf('scope') ? 'field field-error' : 'field'}>
          <label for="key-scope">{w(lang, 'keyScope')}</label>
          {message('scope')}
          <select id="key-scope" name="scope" {...described('scope')}>
            {(['read', 'write'] as const).map((scope) => (
              <option value={scope} selected={props.typed?.scope === scope}>
                {SCOPES[scope][lang]}
              </option>
            ))}
          </select>
        </div>
        <div class={problemOf('days') ? 'field field-error' : 'field'}>
          <label for="key-days">{w(lang, 'days')}</label>
          {message('days')}
          <select id="key-days" name="days" {...described('days')}>
            {[30, 90, 365].map((days) => (
              <option value={String(days)} selected={props.typed?.days === String(days)}>
                {days} {lang === 'sv' ? 'dagar' : 'days'}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{w(lang, 'create')}</button>
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

export function TokenCreatedPage(props: { lang: Lang; token: string; name: string; expiresAt: Date; account: string }) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={w(lang, 'created')} path="/konto" account={props.account}>
      <h1>{w(lang, 'created')}</h1>
      <p>
        <strong>{props.name}</strong> · {w(lang, 'keyExpires').toLowerCase()} {day(lang, props.expiresAt)}
      </p>
      <p>
        <label for="new-key">{w(lang, 'created')}</label>
        <input id="new-key" class="token" type="text" readonly value={props.token} aria-describedby="new-key-hint" />
        <span class="hint" id="new-key-hint">{w(lang, 'createdHint')}</span>
      </p>
      <p>
        <a href={href(lang, '/konto')}>{w(lang, 'back')}</a>
      </p>
    </Layout>
  );
}
