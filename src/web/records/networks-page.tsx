// Networks of bodies (`/natverk`): the list, a network's page with its
// members, meetings and (for its members) notes, and a meeting's page with
// its agenda and (for members) minutes. The forms are shown to whoever may
// use them (coordinators make networks; the network's keepers add members
// and meetings; its members write notes).
import { NETWORK_KINDS, type NetworkKind } from '../../db/schema.ts';
import type { MeetingDocument } from '../../domain/documents/read.ts';
import { COUNTIES } from '../../domain/counties.ts';
import type { Network, NetworkMeeting, NetworkSummary } from '../../domain/coordination/networks.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { fileSize, formatEdtf } from '../format.ts';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { DocumentFileField, DocumentLink } from './document-fields.tsx';
import { VisibilityField } from './visibility-field.tsx';
import { problemsFor, VISIBILITY_NAMES } from './words.ts';

export const NETWORK_FIELDS = ['name', 'description', 'kind', 'county', 'visibility'] as const;
export const CHANGE_NETWORK_FIELDS = [...NETWORK_FIELDS, 'expectedVersion'] as const;
export const END_NETWORK_FIELDS = ['endedOn', 'expectedVersion'] as const;
export const REOPEN_NETWORK_FIELDS = ['expectedVersion'] as const;
export const MEMBER_FIELDS = ['organisation'] as const;
export const MEETING_FIELDS = ['heldOn', 'place', 'agenda', 'minutes', 'expectedVersion'] as const;
export const NOTE_FIELDS = ['body'] as const;
export const DOCUMENT_FIELDS = ['reason'] as const;

export const NETWORK_KIND_NAMES: Record<NetworkKind, { sv: string; en: string }> = {
  county: { sv: 'Länets nätverk', en: "A county's network" },
  regional: { sv: 'Regionalt nätverk', en: 'Regional network' },
  national: { sv: 'Nationellt nätverk', en: 'National network' },
  other: { sv: 'Annat nätverk', en: 'Other network' },
};

/** What an ended network no longer takes, said on its pages and when a form is refused for it. */
export const endedNetworkWords = (lang: Lang, endedOn: string) =>
  lang === 'sv'
    ? `Nätverket avslutades ${endedOn}. Det som registrerades står kvar; nätverket tar inte emot nya medlemmar, möten, ändringar av möten, mötesdokument eller anteckningar förrän samordnarna öppnar det igen.`
    : `The network ended on ${endedOn}. What was recorded stays; it takes no new members, meetings, meeting changes, meeting documents or notes until its coordinators reopen it.`;

/** A form refused because the network has ended: why, and that nothing was saved. */
export const endedNetworkRefusal = (lang: Lang, endedOn: string) => `${endedNetworkWords(lang, endedOn)} ${lang === 'sv' ? 'Ingenting sparades.' : 'Nothing was saved.'}`;

/** The ended network's notice, once, at the top of its pages: a status when it was ended just now, an alert when a form was refused for it. */
/** A note's moment (Stockholm's "YYYY-MM-DD HH:MM") with its day as the register writes days: 7 december 2026 14:05. */
const noteMoment = (at: string, lang: Lang) => `${formatEdtf(at.slice(0, 10), lang)} ${at.slice(11)}`;

function EndedNotice(props: { lang: Lang; endedOn: string | null; justEnded?: boolean; refused?: boolean }) {
  if (!props.endedOn) return null;
  return (
    <p class="notice" id="avslutat" role={props.refused ? 'alert' : props.justEnded ? 'status' : undefined}>
      {props.refused ? endedNetworkRefusal(props.lang, formatEdtf(props.endedOn, props.lang)) : endedNetworkWords(props.lang, formatEdtf(props.endedOn, props.lang))}
    </p>
  );
}

/** A form that failed: the verb's problems and what was typed. */
export interface Failed {
  problems: FieldProblem[];
  typed: Record<string, string>;
}

/** The fields of one form: text inputs and text areas with their problems beside them, what was typed kept. */
function formFields(lang: Lang, form: string, failed: Failed | undefined) {
  const problems = problemsFor(lang, form, failed?.problems);
  const typed = failed?.typed ?? {};
  const problemOf = (field: string) => problems.find((x) => x.id === `${form}-${field}`);
  const input = (field: string, label: string, { hint, type = 'text', value = '' }: { hint?: string; type?: string; value?: string } = {}) => (
    <Field lang={lang} id={`${form}-${field}`} label={label} hint={hint} problem={problemOf(field)}>
      {(described) => <input id={`${form}-${field}`} name={field} type={type} value={typed[field] ?? value} {...described} />}
    </Field>
  );
  const area = (field: string, label: string, { rows = 4, value = '' }: { rows?: number; value?: string } = {}) => (
    <Field lang={lang} id={`${form}-${field}`} label={label} problem={problemOf(field)}>
      {(described) => (
        <textarea id={`${form}-${field}`} name={field} rows={rows} {...described}>
          {typed[field] ?? value}
        </textarea>
      )}
    </Field>
  );
  return { problems, typed, problemOf, input, area };
}

export interface NetworksPageProps {
  lang: Lang;
  account?: string;
  csrf?: string;
  networks: NetworkSummary[];
  mayCreate: boolean;
  failed?: Failed;
}

export function NetworksPage(p: NetworksPageProps) {
  const { lang } = p;
  const sv = lang === 'sv';
  const f = formFields(lang, 'network', p.failed);
  return (
    <Layout lang={lang} title={sv ? 'Nätverk' : 'Networks'} path="/natverk" account={p.account}>
      <h1>{sv ? 'Nätverk' : 'Networks'}</h1>
      <p class="lead">
        {sv
          ? 'Nätverk av offentliga organ som samordnar sina kontakter med Kina: länets, regionens och de nationella. Nätverken möts ungefär två gånger om året.'
          : 'Networks of public bodies that coordinate their ties with China: a county’s, a region’s and the national ones. They meet about twice a year.'}
      </p>
      <p>
        <a href={href(lang, '/samordning')}>{sv ? 'Samordningsöversikten: delegationer, tysta avtal, beslut och utvecklingen, för landet, länen och regionerna' : 'The coordination overview: delegations, quiet agreements, decisions and trends, for the country, the counties and the regions'}</a>
      </p>
      {p.networks.length === 0 ? (
        <p>{sv ? 'Inga nätverk att visa.' : 'No networks to show.'}</p>
      ) : (
        <table>
          <caption>{sv ? 'Nätverk' : 'Networks'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Namn' : 'Name'}</th>
              <th scope="col">{sv ? 'Slag' : 'Kind'}</th>
              <th scope="col">{sv ? 'Sammankallande' : 'Convened by'}</th>
              <th scope="col">{sv ? 'Medlemmar' : 'Members'}</th>
              <th scope="col">{sv ? 'Nästa möte' : 'Next meeting'}</th>
            </tr>
          </thead>
          <tbody>
            {p.networks.map((n) => (
              <tr>
                <td>
                  <a href={href(lang, `/natverk/${n.id}`)}>{n.name}</a>
                  {n.endedOn ? ` (${sv ? 'avslutat' : 'ended'} ${formatEdtf(n.endedOn, lang)})` : ''}
                </td>
                <td>
                  {NETWORK_KIND_NAMES[n.kind][lang]}
                  {n.county ? `, ${COUNTIES[n.county] ?? n.county}` : ''}
                </td>
                <td>{n.convener}</td>
                <td class="num">{n.members}</td>
                <td>{n.nextMeeting ? formatEdtf(n.nextMeeting, lang) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.mayCreate ? (
        <>
          <h2 id="nytt-natverk">{sv ? 'Starta ett nätverk' : 'Start a network'}</h2>
          <p>{sv ? 'Din organisation blir sammankallande; dess samordnare lägger till medlemmar och möten.' : 'Your organisation convenes it; its coordinators add members and meetings.'}</p>
          <ErrorSummary lang={lang} problems={f.problems} />
          <form method="post" action={href(lang, '/natverk')} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <NetworkFields lang={lang} form="network" f={f} />
            <button type="submit">{sv ? 'Starta nätverket' : 'Start the network'}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

/** A network's own fields (name, description, kind, county, visibility): for starting one, and for changing it at `network`'s values. */
function NetworkFields(props: { lang: Lang; form: string; f: ReturnType<typeof formFields>; network?: Network }) {
  const { lang, form, f, network: n } = props;
  const sv = lang === 'sv';
  const chosen = (field: 'kind' | 'county' | 'visibility', fallback: string) => f.typed[field] ?? (n ? (n[field] ?? '') : fallback);
  return (
    <>
      {f.input('name', sv ? 'Namn' : 'Name', { hint: sv ? 'Till exempel Region Skånes Kinanätverk.' : 'For example Region Skåne’s China network.', value: n?.name })}
      {f.area('description', sv ? 'Beskrivning (valfri)' : 'Description (optional)', { value: n?.description ?? '' })}
      <Field lang={lang} id={`${form}-kind`} label={sv ? 'Slag' : 'Kind'} problem={f.problemOf('kind')}>
        {(described) => (
          <select id={`${form}-kind`} name="kind" {...described}>
            {NETWORK_KINDS.map((k) => (
              <option value={k} selected={chosen('kind', 'county') === k}>
                {NETWORK_KIND_NAMES[k][lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        lang={lang}
        id={`${form}-county`}
        label={sv ? 'Län' : 'County'}
        hint={sv ? 'Krävs för länets nätverk; valfritt för de andra.' : "Needed for a county's network; optional for the others."}
        problem={f.problemOf('county')}
      >
        {(described) => (
          <select id={`${form}-county`} name="county" {...described}>
            <option value="">{sv ? 'Inget län' : 'No county'}</option>
            {Object.entries(COUNTIES).sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => (
              <option value={code} selected={chosen('county', '') === code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <VisibilityField lang={lang} id={`${form}-visibility`} label={sv ? 'Vem får se nätverket' : 'Who may see the network'} problem={f.problemOf('visibility')} chosen={chosen('visibility', 'shared')} fallback="shared" />
    </>
  );
}

export interface NetworkPageProps {
  lang: Lang;
  account?: string;
  csrf?: string;
  network: Network;
  /** Organisations a keeper may add. */
  choices: Array<{ slug: string; name: string }>;
  failed?: { form: 'member' | 'removeMember' | 'meeting' | 'note' | 'changeNetwork' | 'endNetwork' | 'reopenNetwork'; failed: Failed };
  done?: string;
  /** The network was ended just now: its notice says so, once. */
  justEnded?: boolean;
  /** A form was refused because the network has ended: its notice says why. */
  refusedEnded?: boolean;
}

export function NetworkPage(p: NetworkPageProps) {
  const { lang, network: n } = p;
  const sv = lang === 'sv';
  const failedOf = (form: NonNullable<NetworkPageProps['failed']>['form']) => (p.failed?.form === form ? p.failed.failed : undefined);
  const member = formFields(lang, 'member', failedOf('member'));
  const removeMember = formFields(lang, 'removeMember', failedOf('removeMember'));
  const meeting = formFields(lang, 'meeting', failedOf('meeting'));
  const note = formFields(lang, 'note', failedOf('note'));
  const change = formFields(lang, 'changeNetwork', failedOf('changeNetwork'));
  const end = formFields(lang, 'endNetwork', failedOf('endNetwork'));
  const reopen = formFields(lang, 'reopenNetwork', failedOf('reopenNetwork'));
  const base = `/natverk/${n.id}`;
  // An ended network takes no new members, meetings or notes (the verbs refuse them): their forms are not shown, nor those of its meetings' pages.
  const ongoing = !n.endedOn;
  return (
    <Layout lang={lang} title={n.name} path={base} account={p.account}>
      <p>
        <a href={href(lang, '/natverk')}>{sv ? 'Alla nätverk' : 'All networks'}</a>
      </p>
      <h1>{n.name}</h1>
      <Notices done={p.done} />
      <EndedNotice lang={lang} endedOn={n.endedOn} justEnded={p.justEnded} refused={p.refusedEnded} />
      {/* Shown whatever the state: a reopening refused because the network is open again says so here. */}
      <ErrorSummary lang={lang} problems={reopen.problems} />
      {n.endedOn && n.may.keep ? (
        <form method="post" action={href(lang, `${base}/ateroppna`)} class="form" novalidate>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <input type="hidden" id="reopenNetwork-expectedVersion" name="expectedVersion" value={String(n.version)} />
          <p id="reopenNetwork-confirm" class="hint">
            {sv ? 'Ett återöppnat nätverk tar emot nya medlemmar, möten, ändringar av möten, mötesdokument och anteckningar igen. Dagen det avslutades står kvar i historiken.' : 'A reopened network takes new members, meetings, meeting changes, meeting documents and notes again. The day it ended stays in the history.'}
          </p>
          <button type="submit" aria-describedby="reopenNetwork-confirm">
            {sv ? 'Öppna nätverket igen' : 'Reopen the network'}
          </button>
        </form>
      ) : null}
      <dl class="facts">
        <dt>{sv ? 'Slag' : 'Kind'}</dt>
        <dd>
          {NETWORK_KIND_NAMES[n.kind][lang]}
          {n.county ? `, ${COUNTIES[n.county] ?? n.county}` : ''}
        </dd>
        <dt>{sv ? 'Sammankallande' : 'Convened by'}</dt>
        <dd>{n.convener.name}</dd>
        <dt>{sv ? 'Vem får se nätverket' : 'Who may see the network'}</dt>
        <dd>{VISIBILITY_NAMES[n.visibility][lang]}</dd>
        <dt>{sv ? 'Läge' : 'State'}</dt>
        <dd>{n.endedOn ? (sv ? `Avslutat ${formatEdtf(n.endedOn, lang)}` : `Ended on ${formatEdtf(n.endedOn, lang)}`) : sv ? 'Pågår' : 'Ongoing'}</dd>
      </dl>
      {n.description ? <p class="prewrap">{n.description}</p> : null}

      <h2>{sv ? 'Medlemmar' : 'Members'}</h2>
      <ul>
        <li>
          {n.convener.name} ({sv ? 'sammankallande' : 'convener'})
        </li>
        {n.members.map((m) => (
          <li>{m.name}</li>
        ))}
      </ul>
      {p.network.may.keep && ongoing ? (
        <>
          <h3 id="ny-medlem">{sv ? 'Lägg till en medlem' : 'Add a member'}</h3>
          <ErrorSummary lang={lang} problems={member.problems} />
          <form method="post" action={href(lang, `${base}/medlemmar`)} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <Field lang={lang} id="member-organisation" label={sv ? 'Organisation' : 'Organisation'} problem={member.problemOf('organisation')}>
              {(described) => (
                <select id="member-organisation" name="organisation" {...described}>
                  <option value="">{sv ? 'Välj en organisation' : 'Choose an organisation'}</option>
                  {p.choices.map((o) => (
                    <option value={o.slug} selected={member.typed.organisation === o.slug}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit">{sv ? 'Lägg till medlemmen' : 'Add the member'}</button>
          </form>
          {n.members.length ? (
            <>
              <h3 id="ta-bort-medlem">{sv ? 'Ta bort en medlem' : 'Remove a member'}</h3>
              <p id="removeMember-confirm">
                {sv
                  ? 'Organisationens personer slutar genast att läsa nätverkets protokoll, anteckningar och mötesdokument. Det som de har skrivit och lagt till stannar i nätverket, och historiken behåller att organisationen var medlem.'
                  : 'The organisation’s people stop reading the network’s minutes, notes and meeting documents at once. What they wrote and added stays with the network, and the history keeps that the organisation was a member.'}
              </p>
              <ErrorSummary lang={lang} problems={removeMember.problems} />
              <form method="post" action={href(lang, `${base}/medlemmar/ta-bort`)} class="form" novalidate>
                <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                <Field lang={lang} id="removeMember-organisation" label={sv ? 'Medlem att ta bort' : 'Member to remove'} problem={removeMember.problemOf('organisation')}>
                  {(described) => (
                    <select id="removeMember-organisation" name="organisation" {...described}>
                      <option value="">{sv ? 'Välj en medlem' : 'Choose a member'}</option>
                      {n.members.map((o) => (
                        <option value={o.slug} selected={removeMember.typed.organisation === o.slug}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button type="submit" aria-describedby="removeMember-confirm">
                  {sv ? 'Ta bort medlemmen ur nätverket' : 'Remove the member from the network'}
                </button>
              </form>
            </>
          ) : null}
        </>
      ) : null}

      <h2>{sv ? 'Möten' : 'Meetings'}</h2>
      {n.meetings.length === 0 ? (
        <p>{sv ? 'Inga möten registrerade.' : 'No meetings recorded.'}</p>
      ) : (
        <ul>
          {n.meetings.map((m) => (
            <li>
              <a href={href(lang, `${base}/moten/${m.id}`)}>
                {formatEdtf(m.heldOn, lang)}
                {m.place ? `, ${m.place}` : ''}
              </a>
              {m.minutes ? ` (${sv ? 'protokoll finns' : 'minutes written'})` : ''}
            </li>
          ))}
        </ul>
      )}
      {p.network.may.keep && ongoing ? (
        <>
          <h3 id="nytt-mote">{sv ? 'Registrera ett möte' : 'Record a meeting'}</h3>
          <ErrorSummary lang={lang} problems={meeting.problems} />
          <form method="post" action={href(lang, `${base}/moten`)} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <MeetingFields lang={lang} f={meeting} />
            <button type="submit">{sv ? 'Registrera mötet' : 'Record the meeting'}</button>
          </form>
        </>
      ) : null}

      {n.may.readInside ? (
        <>
          <h2>{sv ? 'Anteckningar inom nätverket' : 'Notes inside the network'}</h2>
          <p>{sv ? 'Bara nätverkets medlemmar läser anteckningarna.' : 'Only the network’s members read the notes.'}</p>
          {n.notes.length === 0 ? <p>{sv ? 'Inga anteckningar.' : 'No notes.'}</p> : null}
          {n.notes.map((x) => (
            <article class="note" aria-labelledby={`anteckning-${x.id}`}>
              <h3 id={`anteckning-${x.id}`}>
                {x.organisation}, {noteMoment(x.createdAt, lang)}
              </h3>
              <p class="prewrap">{x.body}</p>
              <p class="hint">{x.writtenByName}</p>
            </article>
          ))}
          {n.may.writeNotes && ongoing ? (
            <>
              <h3 id="ny-anteckning">{sv ? 'Skriv en anteckning' : 'Write a note'}</h3>
              <ErrorSummary lang={lang} problems={note.problems} />
              <form method="post" action={href(lang, `${base}/anteckningar`)} class="form" novalidate>
                <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                {note.area('body', sv ? 'Anteckning' : 'Note')}
                <button type="submit">{sv ? 'Spara anteckningen' : 'Save the note'}</button>
              </form>
            </>
          ) : null}
        </>
      ) : null}

      {n.may.keep ? (
        <>
          <h2 id="andra-natverket">{sv ? 'Ändra nätverket' : 'Change the network'}</h2>
          <ErrorSummary lang={lang} problems={change.problems} />
          <form method="post" action={href(lang, `${base}/andra`)} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <input type="hidden" id="changeNetwork-expectedVersion" name="expectedVersion" value={String(n.version)} />
            <NetworkFields lang={lang} form="changeNetwork" f={change} network={n} />
            <button type="submit">{sv ? 'Spara nätverket' : 'Save the network'}</button>
          </form>
          {ongoing ? (
            <>
              <h2 id="avsluta-natverket">{sv ? 'Avsluta nätverket' : 'End the network'}</h2>
              <p id="endNetwork-confirm">
                {sv
                  ? 'Ett avslutat nätverk står kvar med sina medlemmar, möten, protokoll, anteckningar och dokument, läst som förut, men tar inte emot nya medlemmar, möten, ändringar av möten, mötesdokument eller anteckningar förrän samordnarna öppnar det igen.'
                  : 'An ended network stays with its members, meetings, minutes, notes and documents, read as before, but takes no new members, meetings, meeting changes, meeting documents or notes until its coordinators reopen it.'}
              </p>
              <ErrorSummary lang={lang} problems={end.problems} />
              <form method="post" action={href(lang, `${base}/avsluta`)} class="form" novalidate>
                <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                <input type="hidden" id="endNetwork-expectedVersion" name="expectedVersion" value={String(n.version)} />
                {end.input('endedOn', sv ? 'Avslutades' : 'Ended on', { hint: sv ? 'Dagen nätverket avslutades, i dag eller tidigare, till exempel 2025-06-30.' : 'The day the network ended, today or earlier, such as 2025-06-30.' })}
                <button type="submit" aria-describedby="endNetwork-confirm">
                  {sv ? 'Avsluta nätverket' : 'End the network'}
                </button>
              </form>
            </>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}

/** A meeting's fields: when, where, agenda, minutes. */
function MeetingFields(props: { lang: Lang; f: ReturnType<typeof formFields>; meeting?: NetworkMeeting }) {
  const { lang, f, meeting } = props;
  const sv = lang === 'sv';
  return (
    <>
      {f.input('heldOn', sv ? 'När' : 'When', { hint: sv ? 'Så exakt som det är känt: 2027-04-15, 2027-04 eller 2027.' : 'As precisely as it is known: 2027-04-15, 2027-04 or 2027.', value: meeting?.heldOn })}
      {f.input('place', sv ? 'Plats (valfri)' : 'Place (optional)', { value: meeting?.place ?? '' })}
      {f.area('agenda', sv ? 'Dagordning (valfri)' : 'Agenda (optional)', { value: meeting?.agenda ?? '' })}
      {f.area('minutes', sv ? 'Protokoll (valfritt; bara medlemmarna läser det)' : 'Minutes (optional; only the members read them)', { rows: 8, value: meeting?.minutes ?? '' })}
    </>
  );
}

export interface MeetingPageProps {
  lang: Lang;
  account?: string;
  csrf?: string;
  network: Network;
  meeting: NetworkMeeting;
  /** The meeting's documents: its members' only (none for anyone else). */
  documents: MeetingDocument[];
  failed?: Failed;
  /** The document form's problems. */
  failedDocument?: Failed;
  done?: string;
  /** A change or a document was refused because the network has ended: its notice says why. */
  refusedEnded?: boolean;
}

export function MeetingPage(p: MeetingPageProps) {
  const { lang, network: n, meeting: m } = p;
  const sv = lang === 'sv';
  const f = formFields(lang, 'meeting', p.failed);
  const path = `/natverk/${n.id}/moten/${m.id}`;
  const title = `${n.name}: ${sv ? 'möte' : 'meeting'} ${formatEdtf(m.heldOn, lang)}`;
  return (
    <Layout lang={lang} title={title} path={path} account={p.account}>
      <p>
        <a href={href(lang, `/natverk/${n.id}`)}>{n.name}</a>
      </p>
      <h1>{title}</h1>
      <Notices done={p.done} />
      <EndedNotice lang={lang} endedOn={n.endedOn} refused={p.refusedEnded} />
      <dl class="facts">
        <dt>{sv ? 'När' : 'When'}</dt>
        <dd>{formatEdtf(m.heldOn, lang)}</dd>
        <dt>{sv ? 'Plats' : 'Place'}</dt>
        <dd>{m.place ?? '–'}</dd>
      </dl>
      <h2>{sv ? 'Dagordning' : 'Agenda'}</h2>
      {m.agenda ? <p class="prewrap">{m.agenda}</p> : <p>{sv ? 'Ingen dagordning registrerad.' : 'No agenda recorded.'}</p>}
      {n.may.readInside ? (
        <>
          <h2>{sv ? 'Protokoll' : 'Minutes'}</h2>
          <p>{sv ? 'Bara nätverkets medlemmar läser protokollet.' : 'Only the network’s members read the minutes.'}</p>
          {m.minutes ? <p class="prewrap">{m.minutes}</p> : <p>{sv ? 'Inget protokoll skrivet.' : 'No minutes written.'}</p>}
          <MeetingDocuments {...p} path={path} />
        </>
      ) : null}
      {/* An ended network's meetings are not changed (the verb refuses): no form. */}
      {n.may.keep && !n.endedOn ? (
        <>
          <h2 id="andra-mote">{sv ? 'Ändra mötet' : 'Change the meeting'}</h2>
          <ErrorSummary lang={lang} problems={f.problems} />
          <form method="post" action={href(lang, path)} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <input type="hidden" id="meeting-expectedVersion" name="expectedVersion" value={String(m.version)} />
            <MeetingFields lang={lang} f={f} meeting={m} />
            <button type="submit">{sv ? 'Spara mötet' : 'Save the meeting'}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

/** A meeting's documents (agenda, minutes as files), for its network's members: the list, and the forms for those who may add and remove. */
function MeetingDocuments(p: MeetingPageProps & { path: string }) {
  const { lang, network: n } = p;
  const sv = lang === 'sv';
  const f = formFields(lang, 'document', p.failedDocument);
  return (
    <>
      <h2 id="dokument">{sv ? 'Mötesdokument' : 'Meeting documents'}</h2>
      <p>{sv ? 'Dagordning, protokoll och annat som filer. Bara nätverkets medlemmar hämtar dem.' : 'The agenda, minutes and more as files. Only the network’s members download them.'}</p>
      {p.documents.length ? (
        <table>
          <caption class="visually-hidden">{sv ? 'Mötesdokument' : 'Meeting documents'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Fil' : 'File'}</th>
              <th scope="col">{sv ? 'Storlek' : 'Size'}</th>
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
                <td>{fileSize(lang, d.sizeBytes)}</td>
                <td>{d.addedByName}</td>
                <td>
                  {d.mayRemove ? (
                    <form method="post" action={href(lang, `${p.path}/dokument/${d.id}/ta-bort`)} class="inline">
                      <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                      <button type="submit" aria-label={`${sv ? 'Ta bort' : 'Remove'} ${d.fileName}`}>
                        {sv ? 'Ta bort' : 'Remove'}
                      </button>
                    </form>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{sv ? 'Inga dokument.' : 'No documents.'}</p>
      )}
      {n.may.writeNotes && !n.endedOn ? (
        <>
          <h3 id="nytt-dokument">{sv ? 'Lägg till ett dokument' : 'Add a document'}</h3>
          <ErrorSummary lang={lang} problems={f.problems} />
          <form method="post" action={href(lang, `${p.path}/dokument`)} class="form" enctype="multipart/form-data" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <DocumentFileField lang={lang} problem={f.problemOf('file')} />
            {f.input('reason', sv ? 'Kommentar till historiken (valfri)' : 'A comment for the history (optional)')}
            <button type="submit">{sv ? 'Lägg till dokumentet' : 'Add the document'}</button>
          </form>
        </>
      ) : null}
    </>
  );
}
