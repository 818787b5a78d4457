// Invitations received from China (`/inbjudningar`): the organisation's
// own, each with the other bodies' invitations that look like the same one
// and whom to ask there; its editors record a new one.
import type { ReceivedInvitation } from '../../domain/coordination/received-invitations.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { formatEdtf } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { problemsFor, VISIBILITY_NAMES } from './words.ts';
import { VisibilityField } from './visibility-field.tsx';
import { DELEGATION_WINDOW_DAYS } from '../../domain/coordination/delegations.ts';
import { Contacts, DelegationNames } from './delegation-warnings.tsx';
import { DelegationFields } from './delegation-fields.tsx';

export const INVITATION_FIELDS = ['receivedOn', 'sender', 'place', 'subject', 'eventDate', 'delegationName', 'delegationPersons', 'recipients.0', 'recipients.1', 'recipients.2', 'note', 'visibility'] as const;

export interface InvitationsPageProps {
  lang: Lang;
  account: string;
  csrf: string;
  organisationName: string;
  invitations: ReceivedInvitation[];
  /** The provinces the form offers as where an invitation comes from. */
  provinces: Array<{ slug: string; nameLatin: string; nameNative: string | null }>;
  /** Names of the Swedish bodies of the register, offered as recipients. */
  bodies: string[];
  mayRecord: boolean;
  failed?: { problems: FieldProblem[]; typed: Record<string, string> };
  done?: boolean;
}

export function InvitationsPage(p: InvitationsPageProps) {
  const { lang } = p;
  const sv = lang === 'sv';
  const form = 'invitation';
  const problems = problemsFor(lang, form, p.failed?.problems);
  const problemOf = (field: string) => problems.find((x) => x.id === `${form}-${field}`);
  const typed = p.failed?.typed ?? {};
  const input = (field: string, words: string, { hint, type = 'text', list }: { hint?: string; type?: string; list?: string } = {}) => (
    <Field lang={lang} id={`${form}-${field.replace('.', '-')}`} label={words} hint={hint} problem={problems.find((x) => x.field === field)}>
      {(described) => <input id={`${form}-${field.replace('.', '-')}`} name={field} type={type} maxlength={1000} list={list} value={typed[field] ?? ''} {...described} />}
    </Field>
  );
  return (
    <Layout lang={lang} title={sv ? 'Inbjudningar från Kina' : 'Invitations from China'} path="/inbjudningar" account={p.account}>
      <p>
        <a href={href(lang, '/oversikt')}>{sv ? 'Min uppföljning' : 'My follow-up'}</a>
      </p>
      <h1>{sv ? 'Inbjudningar från Kina' : 'Invitations from China'}</h1>
      <p class="lead">{p.organisationName}</p>
      <p>
        {sv
          ? `Samma inbjudan når ofta många organisationer. Vid varje inbjudan visas andra organisationers inbjudningar från samma avsändare, ort eller provins, eller med samma namngivna delegation eller person, inom ${DELEGATION_WINDOW_DAYS} dagar, och vem ni kan kontakta där. Båda organisationerna får också ett e-brev.`
          : `The same invitation often reaches many bodies. Beside each invitation are other organisations' invitations from the same sender, place or province, or with the same named delegation or person, within ${DELEGATION_WINDOW_DAYS} days, and whom to contact there. Both organisations are told by e-mail too.`}
      </p>
      <Notices done={p.done ? (sv ? 'Inbjudan är registrerad.' : 'The invitation is recorded.') : undefined} />
      {p.invitations.length === 0 ? <p>{sv ? 'Inga inbjudningar registrerade.' : 'No invitations recorded.'}</p> : null}
      {p.invitations.map((i) => (
        <section aria-labelledby={`inbjudan-${i.id}`}>
          <h2 id={`inbjudan-${i.id}`}>{i.subject}</h2>
          <dl class="facts">
            <dt>{sv ? 'Från' : 'From'}</dt>
            <dd>
              {i.sender}
              {i.place ? (
                <>
                  {', '}
                  <a href={href(lang, `/motparter/${i.place.slug}`)}>{i.place.name}</a>
                </>
              ) : null}
            </dd>
            <dt>{sv ? 'Mottagen' : 'Received'}</dt>
            <dd>{formatEdtf(i.receivedOn, lang)}</dd>
            {i.eventDate ? (
              <>
                <dt>{sv ? 'Äger rum' : 'Takes place'}</dt>
                <dd>{formatEdtf(i.eventDate, lang)}</dd>
              </>
            ) : null}
            {i.recipients.length ? (
              <>
                <dt>{sv ? 'Även mottagen av' : 'Also received by'}</dt>
                <dd>
                  {i.recipients.map((r, n) => (
                    <>
                      {n ? ', ' : ''}
                      <a href={href(lang, `/parter/${r.slug}`)}>{r.name}</a>
                    </>
                  ))}
                </dd>
              </>
            ) : null}
            <dt>{sv ? 'Vem får se den' : 'Who may see it'}</dt>
            <dd>{VISIBILITY_NAMES[i.visibility as keyof typeof VISIBILITY_NAMES]?.[lang] ?? i.visibility}</dd>
          </dl>
          <DelegationNames lang={lang} name={i.delegationName} persons={i.delegationPersons} />
          {i.note ? <p class="prewrap">{i.note}</p> : null}
          {i.alike.length ? (
            <div class="notice" role="note">
              <p>
                <strong>{sv ? 'Andra organisationer har fått en liknande inbjudan' : 'Other organisations received a similar invitation'}</strong>
              </p>
              <ul>
                {i.alike.map((a) => (
                  <li>
                    <strong>{a.organisation}</strong>
                    {`: ${a.subject} (${a.sender}; ${sv ? 'mottagen' : 'received'} ${formatEdtf(a.receivedOn, lang)}${a.eventDate ? `; ${formatEdtf(a.eventDate, lang)}` : ''}).`}
                    <DelegationNames lang={lang} name={a.delegationName} persons={a.delegationPersons} />
                    <Contacts lang={lang} contacts={a.contacts} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {i.visits.length ? (
            <div class="notice" role="note">
              <p>
                <strong>{sv ? 'Andra organisationer har besök eller möten med samma ort kring samma tid' : 'Other organisations have visits or meetings with the same place around the same time'}</strong>
              </p>
              <ul>
                {i.visits.map((v) => (
                  <li>
                    <strong>{v.organisation}</strong>
                    {`: ${label(lang, 'activity', v.kind)}, ${v.title} (${formatEdtf(v.date, lang)}; `}
                    <a href={href(lang, `/avtal/${v.agreementSlug}`)}>{v.agreementName}</a>
                    {').'}
                    <DelegationNames lang={lang} name={v.delegationName} persons={v.delegationPersons} />
                    <Contacts lang={lang} contacts={v.contacts} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ))}
      {p.mayRecord ? (
        <>
          <h2 id="ny-inbjudan">{sv ? 'Registrera en inbjudan' : 'Record an invitation'}</h2>
          <ErrorSummary lang={lang} problems={problems} />
          <form method="post" action={href(lang, '/inbjudningar')} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            {input('subject', sv ? 'Vad den bjuder in till' : 'What it invites to')}
            {input('sender', sv ? 'Avsändare' : 'Sender', { hint: sv ? 'Till exempel Zhejiangs utrikesbyrå.' : 'For example the Zhejiang Foreign Affairs Office.' })}
            <Field lang={lang} id={`${form}-place`} label={sv ? 'Provins den kommer från (valfri)' : 'Province it comes from (optional)'} problem={problemOf('place')}>
              {(described) => (
                <select id={`${form}-place`} name="place" {...described}>
                  <option value="">{sv ? 'Okänd' : 'Not known'}</option>
                  {p.provinces.map((o) => (
                    <option value={o.slug} selected={typed.place === o.slug}>
                      {o.nameLatin}
                      {o.nameNative ? ` ${o.nameNative}` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {input('receivedOn', sv ? 'Mottagen' : 'Received', { type: 'date', hint: sv ? 'Till exempel 2026-11-30.' : 'For example 2026-11-30.' })}
            {input('eventDate', sv ? 'När det äger rum (valfritt)' : 'When it takes place (optional)', { hint: sv ? 'Så exakt som det är känt: 2027-03-15, 2027-03 eller 2027.' : 'As precisely as it is known: 2027-03-15, 2027-03 or 2027.' })}
            <DelegationFields lang={lang} form={form} typed={typed} problemOf={problemOf} />
            <fieldset id={`${form}-recipients`}>
              <legend>{sv ? 'Andra svenska organisationer som ni vet har fått den (valfritt)' : 'Other Swedish bodies you know received it (optional)'}</legend>
              {['recipients.0', 'recipients.1', 'recipients.2'].map((field, n) => input(field, `${sv ? 'Organisation' : 'Body'} ${n + 1}`, { list: 'svenska-parter' }))}
            </fieldset>
            <datalist id="svenska-parter">
              {p.bodies.map((name) => (
                <option value={name} />
              ))}
            </datalist>
            <Field lang={lang} id={`${form}-note`} label={sv ? 'Anteckning (valfri)' : 'Note (optional)'} problem={problemOf('note')}>
              {(described) => (
                <textarea id={`${form}-note`} name="note" rows={3} maxlength={5000} {...described}>
                  {typed.note ?? ''}
                </textarea>
              )}
            </Field>
            <VisibilityField lang={lang} id={`${form}-visibility`} label={sv ? 'Vem får se inbjudan' : 'Who may see the invitation'} problem={problemOf('visibility')} chosen={typed.visibility} fallback="shared" />
            <button type="submit">{sv ? 'Registrera inbjudan' : 'Record the invitation'}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
