// Delegation warnings as the overview and the activities page show them:
// for an incoming visit, the other bodies whose activities near it in time
// concern the same places or name the same delegation or persons, and whom
// to ask there; for a meeting, event, exchange or outgoing visit (on its
// page), the other bodies' incoming visits near it by the same rule.
import type { DelegationOverlap, PeerBody } from '../../domain/coordination/delegations.ts';
import type { InvitationNear } from '../../domain/coordination/invitations-near-visit.ts';
import { DELEGATION_WINDOW_DAYS, DELEGATION_WINDOW_MAX_DAYS, VISITS_AHEAD_DAYS, VISITS_AT_ONCE } from '../../domain/coordination/delegations.ts';
import { Field } from '../account/form.tsx';
import { formatEdtf } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { GuidanceLinks } from '../knowledge/guidance-links.tsx';
import type { ArticleSummary } from '../../domain/knowledge/articles.ts';

/** The organisation's own activity a line is about, linked to it on its agreement's activities page. */
function OwnActivity(props: { lang: Lang; id: number; agreementSlug: string; date: string; title: string }) {
  return (
    <>
      <a href={`${href(props.lang, `/avtal/${props.agreementSlug}/aktiviteter`)}#aktivitet-${props.id}`}>
        {formatEdtf(props.date, props.lang)}: {props.title}
      </a>
      {' – '}
    </>
  );
}

/** The overlaps as a list; `withVisit` names the organisation's own visit on each line (the overview), else they are one visit's (its section). */
export function DelegationWarnings(props: { lang: Lang; overlaps: DelegationOverlap[]; withVisit: boolean }) {
  const { lang } = props;
  const sv = lang === 'sv';
  if (!props.overlaps.length) return null;
  return (
    <ul class="delegation-warnings">
      {props.overlaps.map((o) => (
        <li>
          {props.withVisit ? <OwnActivity lang={lang} {...o.visit} /> : null}
          <strong>{o.other.organisation}</strong>
          {`: ${formatEdtf(o.other.date, lang)}, ${label(lang, 'activity', o.other.kind).toLowerCase()} "${o.other.title}" (`}
          <a href={href(lang, `/avtal/${o.other.agreementSlug}`)}>{o.other.agreementName}</a>
          {`).`}
          {o.places.length ? ` ${sv ? 'Samma område' : 'Same area'}: ${o.places.join(', ')}.` : ''}
          {o.names.length ? ` ${sv ? 'Samma namn' : 'Same names'}: ${o.names.join(', ')}.` : ''}
          <Contacts lang={lang} contacts={o.contacts} />
        </li>
      ))}
    </ul>
  );
}

export const delegationWarningsIntro = (lang: Lang, days = DELEGATION_WINDOW_DAYS) =>
  lang === 'sv'
    ? `Andra organisationers aktiviteter inom ${days} dagar från era inkommande besök, som gäller samma ort eller en ort i samma provins, eller samma namngivna delegation eller person: kanske samma delegation. Hör av er till varandra.`
    : `Other organisations' activities within ${days} days of your incoming visits that concern the same place or a place in the same province, or the same named delegation or person: perhaps the same delegation. Get in touch with each other.`;

/** Beside a meeting, event, exchange or outgoing visit: the other bodies' incoming visits near it (visitsNearActivities). */
export const visitsNearIntro = (lang: Lang, days = DELEGATION_WINDOW_DAYS) =>
  lang === 'sv'
    ? `Andra organisationers inkommande besök inom ${days} dagar från den här aktiviteten, som gäller samma ort eller en ort i samma provins, eller samma namngivna delegation eller person: kanske samma delegation. Hör av er till varandra.`
    : `Other organisations' incoming visits within ${days} days of this activity that concern the same place or a place in the same province, or the same named delegation or person: perhaps the same delegation. Get in touch with each other.`;

/** Beside an activity, or on /delegationer: invitations other bodies received near it (invitations-near-visit.ts). */
export const invitationsNearIntro = (lang: Lang, days = DELEGATION_WINDOW_DAYS, yours = false) =>
  lang === 'sv'
    ? `Inbjudningar som andra organisationer har fått till något inom ${days} dagar från ${yours ? 'era besök och aktiviteter' : 'aktiviteten'}, som gäller samma ort eller en ort i samma provins, eller samma namngivna delegation eller person.`
    : `Invitations other organisations received to something within ${days} days of ${yours ? 'your visits and activities' : 'the activity'} that concern the same place or a place in the same province, or the same named delegation or person.`;

/** The invitations as a list; `withActivity` names the organisation's own activity on each line (/delegationer). */
export function InvitationsNear(props: { lang: Lang; invitations: InvitationNear[]; withActivity: boolean }) {
  const { lang } = props;
  const sv = lang === 'sv';
  if (!props.invitations.length) return null;
  return (
    <ul class="delegation-warnings">
      {props.invitations.map((x) => (
        <li>
          {props.withActivity ? <OwnActivity lang={lang} id={x.activityId} {...x.activity} /> : null}
          <strong>{x.organisation}</strong>
          {sv ? ` fick en inbjudan från ${x.sender}: "${x.subject}"` : ` received an invitation from ${x.sender}: "${x.subject}"`}
          {x.eventDate ? ` (${sv ? 'till' : 'for'} ${formatEdtf(x.eventDate, lang)})` : ` (${sv ? 'mottagen' : 'received'} ${formatEdtf(x.receivedOn, lang)})`}
          {'.'}
          {x.places.length ? ` ${sv ? 'Samma område' : 'Same area'}: ${x.places.join(', ')}.` : ''}
          {x.names.length ? ` ${sv ? 'Samma namn' : 'Same names'}: ${x.names.join(', ')}.` : ''}
          <Contacts lang={lang} contacts={x.contacts} />
        </li>
      ))}
    </ul>
  );
}

/** A delegation's name and leading persons, where the reader may read them (they come empty otherwise). */
export function DelegationNames(props: { lang: Lang; name: string | null; persons: string[] }) {
  const sv = props.lang === 'sv';
  if (!props.name && !props.persons.length) return null;
  return (
    <p>
      {props.name ? `Delegation: ${props.name}. ` : ''}
      {props.persons.length ? `${sv ? 'Leds av' : 'Led by'}: ${props.persons.join(', ')}.` : ''}
    </p>
  );
}

/** Whom to ask at a body, each name a mailto link. */
export function Contacts(props: { lang: Lang; contacts: Array<{ name: string; email: string }> }) {
  if (!props.contacts.length) return null;
  return (
    <>
      {` ${props.lang === 'sv' ? 'Kontakt' : 'Contact'}: `}
      {props.contacts.map((c, i) => (
        <>
          {i ? ', ' : ''}
          <a href={`mailto:${c.email}`}>{c.name}</a>
        </>
      ))}
    </>
  );
}

/** The other bodies with agreements in the places of the visits; `withVisit` names the visit on each line. */
export function PeerBodies(props: { lang: Lang; peers: PeerBody[]; withVisit: boolean }) {
  const { lang } = props;
  const sv = lang === 'sv';
  if (!props.peers.length) return null;
  return (
    <>
      <p>{sv ? 'Andra organisationer med avtal i samma område, som samma delegation kan besöka:' : 'Other organisations with agreements in the same area, whom the same delegation may visit:'}</p>
      <ul class="delegation-warnings">
        {props.peers.map((peer) => (
          <li>
            {props.withVisit ? `${peer.visit.title} – ` : ''}
            <strong>{peer.organisation}</strong>
            {': '}
            {peer.agreements.map((a, i) => (
              <>
                {i ? ', ' : ''}
                <a href={href(lang, `/avtal/${a.slug}`)}>{a.name}</a>
              </>
            ))}
            {'.'}
            <Contacts lang={lang} contacts={peer.contacts} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * `/delegationer`: the warnings of the organisation's soonest incoming visits,
 * the other bodies' incoming visits near its soonest meetings, events,
 * exchanges and outgoing visits, and the invitations other bodies received
 * near either.
 */
export function DelegationsPage(props: {
  lang: Lang;
  account: string;
  organisationName: string;
  guidance: ArticleSummary[];
  delegations: DelegationOverlap[];
  visitsNear: DelegationOverlap[];
  invitations: InvitationNear[];
  peers: PeerBody[];
  days: number;
  problem?: { message: string; typed: string };
}) {
  const { lang } = props;
  const sv = lang === 'sv';
  return (
    <Layout lang={lang} title={sv ? 'Delegationer i samma område' : 'Delegations in the same area'} path="/delegationer" account={props.account}>
      <p>
        <a href={href(lang, '/oversikt')}>{sv ? 'Min uppföljning' : 'My follow-up'}</a>
      </p>
      <h1>{sv ? 'Delegationer i samma område' : 'Delegations in the same area'}</h1>
      <p class="lead">{props.organisationName}</p>
      <p>{delegationWarningsIntro(lang, props.days)}</p>
      <GuidanceLinks lang={lang} articles={props.guidance} />
      <p class="hint">
        {sv
          ? `De ${VISITS_AT_ONCE} närmaste inkommande besöken, och de ${VISITS_AT_ONCE} närmaste mötena, evenemangen, utbytena och utgående besöken, från ${props.days} dagar tillbaka till ${VISITS_AHEAD_DAYS} dagar framåt.`
          : `The ${VISITS_AT_ONCE} nearest incoming visits, and the ${VISITS_AT_ONCE} nearest meetings, events, exchanges and outgoing visits, from ${props.days} days back to ${VISITS_AHEAD_DAYS} days ahead.`}
      </p>
      <form method="get" action={href(lang, '/delegationer')} class="form">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <Field
          lang={lang}
          id="delegationer-dagar"
          label={sv ? 'Dagar före och efter besöket' : 'Days before and after the visit'}
          hint={sv ? `1 till ${DELEGATION_WINDOW_MAX_DAYS}; e-postvarningarna räknar med ${DELEGATION_WINDOW_DAYS}.` : `1 to ${DELEGATION_WINDOW_MAX_DAYS}; the e-mailed warnings count ${DELEGATION_WINDOW_DAYS}.`}
          problem={props.problem ? { field: 'dagar', message: props.problem.message } : undefined}
        >
          {(described) => <input id="delegationer-dagar" name="dagar" type="text" inputmode="numeric" value={props.problem?.typed ?? String(props.days)} {...described} />}
        </Field>
        <button type="submit">{sv ? 'Visa' : 'Show'}</button>
      </form>
      <h2 id="aktiviteter">{sv ? 'Andra organisationers aktiviteter' : "Other organisations' activities"}</h2>
      {props.delegations.length ? <DelegationWarnings lang={lang} overlaps={props.delegations} withVisit={true} /> : <p>{sv ? 'Inga just nu.' : 'None just now.'}</p>}
      <h2 id="besok">{sv ? 'Andra organisationers inkommande besök nära era aktiviteter' : "Other organisations' incoming visits near your activities"}</h2>
      <p>{sv ? `Andra organisationers inkommande besök inom ${props.days} dagar från era möten, evenemang, utbyten och utgående besök, som gäller samma ort eller en ort i samma provins, eller samma namngivna delegation eller person.` : `Other organisations' incoming visits within ${props.days} days of your meetings, events, exchanges and outgoing visits that concern the same place or a place in the same province, or the same named delegation or person.`}</p>
      {props.visitsNear.length ? <DelegationWarnings lang={lang} overlaps={props.visitsNear} withVisit={true} /> : <p>{sv ? 'Inga just nu.' : 'None just now.'}</p>}
      <h2 id="inbjudningar">{sv ? 'Inbjudningar till andra organisationer' : 'Invitations to other organisations'}</h2>
      <p>{invitationsNearIntro(lang, props.days, true)}</p>
      {props.invitations.length ? <InvitationsNear lang={lang} invitations={props.invitations} withActivity={true} /> : <p>{sv ? 'Inga just nu.' : 'None just now.'}</p>}
      <h2 id="avtal">{sv ? 'Andra organisationer med avtal i samma område' : 'Other organisations with agreements in the same area'}</h2>
      {props.peers.length ? <PeerBodies lang={lang} peers={props.peers} withVisit={true} /> : <p>{sv ? 'Inga just nu.' : 'None just now.'}</p>}
    </Layout>
  );
}
