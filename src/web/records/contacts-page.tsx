// An agreement's contact persons: personal data, shown only to the signed-in
// people of the organisation that owns the agreement and to administrators;
// its editors (and administrators) add, change and remove them here.
import type { contactPersons } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { ErrorSummary, Field } from '../account/form.tsx';
import { agreementName } from './sources-page.tsx';
import { problemsFor } from './words.ts';

type Contact = typeof contactPersons.$inferSelect;

export interface ContactsPageProps {
  lang: Lang;
  account: string;
  csrf: string;
  agreement: { slug: string; officialTitle: string | null; partyLabel: string; counterpartLabel: string };
  contacts: Contact[];
  mayChange: boolean;
  /** The form that was refused: `new`, or a contact's id; with its problems and what was typed. */
  failed?: { form: string; problems: FieldProblem[]; typed: Record<string, string> };
  /** A change refused because someone else saved first: their contact as it is now. */
  conflict?: { form: string; current: Contact };
  done?: string;
}

const DONE: Record<string, { sv: string; en: string }> = {
  added: { sv: 'Kontaktpersonen är tillagd.', en: 'The contact person is added.' },
  changed: { sv: 'Kontaktpersonen är ändrad.', en: 'The contact person is changed.' },
  removed: { sv: 'Kontaktpersonen är borttagen.', en: 'The contact person is removed.' },
};

const FIELDS = ['name', 'role', 'email', 'phone'] as const;

export function ContactsPage(p: ContactsPageProps) {
  const { lang, agreement } = p;
  const sv = lang === 'sv';
  const path = `/avtal/${agreement.slug}/kontakter`;
  const name = agreementName(agreement);
  const words = {
    name: sv ? 'Namn' : 'Name',
    role: sv ? 'Roll eller titel (valfri)' : 'Role or title (optional)',
    email: sv ? 'E-postadress (valfri)' : 'E-mail address (optional)',
    phone: sv ? 'Telefon (valfritt)' : 'Phone (optional)',
  };
  const problems = (form: string) => (p.failed?.form === form ? problemsFor(lang, `contact-${form}`, p.failed.problems) : []);

  /** The fields of one contact's form: `form` is `new` or the contact's id, which keeps the ids apart. */
  const fields = (form: string, values: Partial<Record<(typeof FIELDS)[number], string | null>>) => {
    const typed = p.failed?.form === form ? p.failed.typed : undefined;
    const problemOf = (field: string) => problems(form).find((x) => x.id === `contact-${form}-${field}`);
    return (
      <>
        {FIELDS.map((key) => (
          <Field lang={lang} id={`contact-${form}-${key}`} label={words[key]} problem={problemOf(key)}>
            {(described) => (
              <input
                id={`contact-${form}-${key}`}
                name={key}
                type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
                autocomplete="off"
                maxlength={key === 'phone' ? 40 : key === 'email' ? 254 : 200}
                value={typed ? typed[key] : (values[key] ?? '')}
                {...described}
              />
            )}
          </Field>
        ))}
        <Field lang={lang} id={`contact-${form}-reason`} label={sv ? 'Kommentar till ändringen (valfri)' : 'Comment on the change (optional)'} problem={problemOf('reason')}>
          {(described) => <input id={`contact-${form}-reason`} name="reason" type="text" maxlength={2000} value={typed?.reason} {...described} />}
        </Field>
      </>
    );
  };

  return (
    <Layout lang={lang} title={`${sv ? 'Kontaktpersoner' : 'Contact persons'}: ${name}`} path={path} account={p.account}>
      <p>
        <a href={href(lang, `/avtal/${agreement.slug}`)}>{sv ? `Till avtalet ${name}` : `To the agreement ${name}`}</a>
      </p>
      <h1>{sv ? 'Kontaktpersoner' : 'Contact persons'}</h1>
      <p class="lead">{name}</p>
      <p>
        {sv
          ? 'Personuppgifter: visas bara för inloggade i den organisation som äger avtalet och för administratörer. De är aldrig offentliga och finns inte i någon export eller i API:t.'
          : 'Personal data: shown only to signed-in people of the organisation that owns the agreement, and to administrators. Never public, never in an export or the API.'}
      </p>
      {p.done && DONE[p.done] ? (
        <p class="notice" role="status">
          {DONE[p.done]![lang]}
        </p>
      ) : null}
      {p.contacts.length === 0 ? <p>{sv ? 'Inga kontaktpersoner ännu.' : 'No contact persons yet.'}</p> : null}
      {p.mayChange ? (
        p.contacts.map((c) => {
          const form = String(c.id);
          const theirs = p.conflict?.form === form ? p.conflict.current : undefined;
          return (
            <section aria-labelledby={`contact-${form}-heading`}>
              <h2 id={`contact-${form}-heading`}>{c.name}</h2>
              {theirs ? (
                <div class="notice" role="alert">
                  <p>
                    {sv
                      ? 'Någon annan sparade kontaktpersonen medan du ändrade. Så här ser den ut nu; dina ändringar står kvar i formuläret. Spara igen för att skriva över.'
                      : 'Someone else saved this contact person while you were editing. This is how it is now; your changes are still in the form. Save again to overwrite.'}
                  </p>
                  <ul>
                    {FIELDS.map((key) => (
                      <li>{`${words[key]}: ${theirs[key] ?? '–'}`}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <ErrorSummary lang={lang} problems={problems(form)} />
              <form method="post" action={href(lang, `${path}/${c.id}`)} class="form" novalidate>
                <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                <input type="hidden" name="expectedVersion" value={String(theirs ? theirs.version : c.version)} />
                {fields(form, c)}
                <button type="submit">{sv ? 'Spara ändringarna' : 'Save the changes'}</button>
              </form>
              <form method="post" action={href(lang, `${path}/${c.id}/ta-bort`)} class="remove">
                <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                <input type="hidden" name="expectedVersion" value={String(c.version)} />
                <button type="submit" aria-label={`${sv ? 'Ta bort' : 'Remove'} ${c.name}`}>
                  {sv ? 'Ta bort kontaktpersonen' : 'Remove the contact person'}
                </button>
              </form>
            </section>
          );
        })
      ) : p.contacts.length ? (
        <table>
          <caption class="visually-hidden">{sv ? 'Kontaktpersoner' : 'Contact persons'}</caption>
          <thead>
            <tr>
              <th scope="col">{words.name}</th>
              <th scope="col">{sv ? 'Roll' : 'Role'}</th>
              <th scope="col">{sv ? 'E-postadress' : 'E-mail address'}</th>
              <th scope="col">{sv ? 'Telefon' : 'Phone'}</th>
            </tr>
          </thead>
          <tbody>
            {p.contacts.map((c) => (
              <tr>
                <td>{c.name}</td>
                <td>{c.role ?? ''}</td>
                <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : ''}</td>
                <td>{c.phone ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {p.mayChange ? (
        <>
          <h2 id="ny-kontakt">{sv ? 'Lägg till en kontaktperson' : 'Add a contact person'}</h2>
          <ErrorSummary lang={lang} problems={problems('new')} />
          <form method="post" action={href(lang, path)} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            {fields('new', {})}
            <button type="submit">{sv ? 'Lägg till kontaktpersonen' : 'Add the contact person'}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
