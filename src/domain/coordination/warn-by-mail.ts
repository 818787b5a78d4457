// Delegation warnings by e-mail. A saved incoming visit, other activity that
// may meet one (a meeting, event, exchange or outgoing visit) or invitation
// waits in `delegation_checks` (delegation-checks.ts); each run of the job
// looks for the overlaps of each one waiting (the one record against others,
// by index: an incoming visit against others' activities, and another kind
// against others' incoming visits, delegations.ts, each against others'
// invitations, invitations-near-visit.ts; an invitation against others'
// invitations and activities, received-invitations.ts, the same rules read
// from the other side, so whichever of the two is recorded first, the
// second one's check finds the pair) and tells both bodies of
// each overlap, their active editors and coordinators, who else is involved
// and whom to contact. Each overlap goes to each recipient once, as the
// reminders do (reminders/send.ts): one transaction per recipient and
// overlap takes an advisory lock on the recipient, records the overlap in
// `delegation_warnings_sent` (its unique key skips one already recorded) and
// sends; the commit follows the send. A second process waits on the lock and
// then finds it recorded. A record is taken off the queue once every mail of
// it went; a mail server that refuses an address for good leaves it queued,
// to be tried again next run.
//
// What is told: only what each side may read. An internal visit or
// invitation warns nobody (the other body may not read it), and it is read
// as a signed-in reader of its organisation reads (shared and public records
// of others), so another body's internal record is never named. The window
// is the default one (DELEGATION_WINDOW_DAYS): a page's reader may choose
// another for a search, a mail has no reader to choose.
//
// Each mail ends with the knowledge base's guidance on delegations, as the
// warnings page links it (web/knowledge/guidance-links.tsx): every article
// in force on the topic `delegation_warning`, read once per run, or the whole
// knowledge base when none is; the links are absolute, from the configured
// public address (`origin`: http/public-url.ts's configuredOrigin).
import { eq, sql } from 'drizzle-orm';
import { organisationName } from '../accounts/list-organisations.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { activities, agreements, delegationWarningsSent, receivedInvitations, type DelegationRecordKind } from '../../db/schema.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Principal } from '../context.ts';
import { articlesOnTopic, type ArticleSummary } from '../knowledge/articles.ts';
import { delegationKeys } from './delegation-names.ts';
import { contactsOf, delegationOverlaps, mayWarnOfDelegation, namesMatching, visitsNearActivities } from './delegations.ts';
import { invitationsNearActivity } from './invitations-near-visit.ts';
import { invitationsOf } from './received-invitations.ts';

/** Records taken off the queue per run: the rest wait for the next. */
const CHECKS_PER_RUN = 200;
/** Others' activities mailed per invitation (its page shows the first VISITS_PER_INVITATION), as many as a visit's overlaps (delegations.ts). */
const MAILED_PER_INVITATION = 200;

type RecordRef = { kind: DelegationRecordKind; id: number };
/** A record as a mail names it; `path`, where the recipient reads it, null when no page shows it to them (another body's invitation). */
type Described = { organisation: string; title: string; date: string; path: string | null };
type Contact = { name: string; email: string };

/** One overlap as one side is told of it: its own record, the other body's, why they meet, whom to ask there, and the page of its warnings (none: no page lists this kind). */
interface Side {
  recipients: string[];
  warnings: string | null;
  ours: Described;
  theirs: Described;
  why: string[];
  contacts: Contact[];
}

interface Overlap {
  pair: [RecordRef, RecordRef];
  sides: [Side, Side];
}

export interface DelegationWarningRun {
  /** Records looked at. */
  checked: number;
  /** Overlaps found among them. */
  overlaps: number;
  /** Mails sent (one per recipient and overlap). */
  mails: number;
  /** Addresses the mail server refused for good; their records stay queued. */
  refused: string[];
}

/** What a signed-in reader of the organisation may read: shared and public records, and the organisation's own. */
const readerOf = (organisationId: number): Principal => ({ kind: 'user', subject: 'delegation-warnings', organisationId, role: 'reader' });

/** Looks for the overlaps of the visits and invitations waiting and mails those not yet told; `origin` makes the links absolute. */
export async function sendDelegationWarnings({ db, mailer, today, origin }: { db: Db; mailer: Mailer; today: string; origin: string }): Promise<DelegationWarningRun> {
  // The time queued as text: a Date keeps milliseconds, the column microseconds.
  const waiting = await queryRows<{ recordKind: DelegationRecordKind; recordId: number; queuedAt: string }>(
    db,
    sql`select record_kind as "recordKind", record_id as "recordId", queued_at::text as "queuedAt" from delegation_checks order by queued_at limit ${CHECKS_PER_RUN}`,
  );
  const run: DelegationWarningRun = { checked: waiting.length, overlaps: 0, mails: 0, refused: [] };
  if (!waiting.length) return run;
  const guidance = await articlesOnTopic({ db, principal: { kind: 'anonymous' } }, 'delegation_warning');
  for (const check of waiting) {
    const ref = { kind: check.recordKind, id: check.recordId };
    const overlaps = await overlapsOf(db, ref, today);
    run.overlaps += overlaps.length;
    let complete = true;
    for (const overlap of overlaps) {
      for (const side of overlap.sides) {
        for (const to of side.recipients) {
          try {
            if (await sendOnce(db, mailer, overlap.pair, to, warningMail(to, side, origin, guidance))) run.mails += 1;
          } catch (error) {
            // Refused for good (5xx): the others are told, this one next run. Anything else stops the run.
            const code = (error as { responseCode?: unknown }).responseCode;
            if (!(typeof code === 'number' && code >= 500 && code < 600)) throw error;
            run.refused.push(to);
            complete = false;
          }
        }
      }
    }
    // Off the queue unless it was queued again meanwhile (a change while the mails went): that one is looked at next run.
    if (complete) {
      await db.execute(sql`delete from delegation_checks where record_kind = ${check.recordKind} and record_id = ${check.recordId} and queued_at = ${check.queuedAt}::timestamptz`);
    }
  }
  return run;
}

/** Records the overlap for the recipient and sends, in one transaction under the recipient's lock; false when it was told already. */
function sendOnce(db: Db, mailer: Mailer, [first, second]: [RecordRef, RecordRef], to: string, mail: Parameters<Mailer>[0]): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ortsband.delegation-warnings'), hashtext(${to}))`);
    const recorded = await tx
      .insert(delegationWarningsSent)
      .values({ firstKind: first.kind, firstId: first.id, secondKind: second.kind, secondId: second.id, recipient: to })
      .onConflictDoNothing()
      .returning({ id: delegationWarningsSent.id });
    if (!recorded.length) return false;
    await mailer(mail);
    return true;
  });
}

const keyOf = (r: RecordRef) => `${r.kind}:${r.id}`;
/** The two records of an overlap in a fixed order, whichever was saved last. */
const ordered = (a: RecordRef, b: RecordRef): [RecordRef, RecordRef] => (keyOf(a) < keyOf(b) ? [a, b] : [b, a]);

/** Whom to tell at an organisation: its active editors and coordinators. */
async function contactsAt(db: Db, organisationId: number): Promise<Contact[]> {
  const [row] = await queryRows<{ contacts: Contact[] | string }>(db, sql`select ${contactsOf(String(organisationId))} as contacts`);
  const contacts = row?.contacts ?? [];
  return typeof contacts === 'string' ? (JSON.parse(contacts) as Contact[]) : contacts;
}

/** The overlaps of one record as both sides are told of them; none when it is gone, internal, or of a kind that warns of none. */
async function overlapsOf(db: Db, ref: RecordRef, today: string): Promise<Overlap[]> {
  return ref.kind === 'activity' ? activityOverlaps(db, ref.id, today) : invitationOverlaps(db, ref.id);
}

const activityPath = (agreementSlug: string) => `/avtal/${agreementSlug}/aktiviteter`;
const invitationTitle = (i: { sender: string; subject: string }) => `${i.sender}: ${i.subject}`;
/** Where a body reads the warnings of its activity: an incoming visit's on /delegationer, another kind's beside it on its page (none: the mail links the page). */
const warningsOf = (kind: string) => (kind === 'visit_incoming' ? '/delegationer' : null);

/**
 * An activity's overlaps: an incoming visit's with others' activities near it
 * (delegations.ts: delegationOverlaps), a meeting's, event's, exchange's or
 * outgoing visit's with others' incoming visits near it (the same rule from
 * the other side: visitsNearActivities), and either's with others'
 * invitations near it (invitations-near-visit.ts). An activity of an
 * internal agreement is paired with nothing: the other side reads an
 * activity only with its agreement, and would learn of one it may not read.
 */
async function activityOverlaps(db: Db, id: number, today: string): Promise<Overlap[]> {
  const [mine] = await db
    .select({ organisationId: activities.organisationId, visibility: activities.visibility, kind: activities.kind, title: activities.title, date: activities.date, keys: activities.delegationKeys, agreementSlug: agreements.slug, agreementVisibility: agreements.visibility })
    .from(activities)
    .innerJoin(agreements, eq(agreements.id, activities.agreementId))
    .where(eq(activities.id, id));
  if (!mine || mine.agreementVisibility === 'internal' || !mayWarnOfDelegation(mine) || mine.visibility === 'internal') return [];
  const ctx = { db, principal: readerOf(mine.organisationId) };
  const near = { organisationId: mine.organisationId, today, only: [id] };
  const [found, invitations] = await Promise.all([
    mine.kind === 'visit_incoming' ? delegationOverlaps(ctx, near) : visitsNearActivities(ctx, near),
    invitationsNearActivity(ctx, id),
  ]);
  if (!found.length && !invitations.length) return [];
  const [ourContacts, ourName] = await Promise.all([contactsAt(db, mine.organisationId), organisationName(db, mine.organisationId)]);
  const ours = { organisation: ourName, title: mine.title, date: mine.date, path: activityPath(mine.agreementSlug) };
  const byActivity = await Promise.all(
    found.map(async (o): Promise<Overlap> => {
      const why = [...o.places, ...o.names];
      const theirs = { organisation: o.other.organisation, title: o.other.title, date: o.other.date, path: activityPath(o.other.agreementSlug) };
      const theirContacts = await contactsAt(db, o.other.organisationId);
      return {
        pair: ordered({ kind: 'activity', id }, { kind: 'activity', id: o.other.id }),
        sides: [
          { recipients: ourContacts.map((c) => c.email), warnings: warningsOf(mine.kind), ours, theirs, why, contacts: theirContacts },
          { recipients: theirContacts.map((c) => c.email), warnings: warningsOf(o.other.kind), ours: theirs, theirs: ours, why, contacts: ourContacts },
        ],
      };
    }),
  );
  const byInvitation = invitations.map((x): Overlap => {
    const invitation = { organisation: x.organisation, title: invitationTitle(x), date: x.eventDate ?? x.receivedOn, path: '/inbjudningar' };
    const why = [...x.places, ...namesMatching(mine.keys, x.delegationName, x.delegationPersons)];
    return invitationAndActivity(x.id, invitation, x.contacts, id, ours, ourContacts, why);
  });
  return [...byActivity, ...byInvitation];
}

/** An overlap of an invitation and another body's activity, told to both: the invitation's page lists the activity, no page of the activity's body lists the invitation. */
function invitationAndActivity(invitationId: number, invitation: Described, invitationContacts: Contact[], activityId: number, activity: Described, activityContacts: Contact[], why: string[]): Overlap {
  return {
    pair: ordered({ kind: 'invitation', id: invitationId }, { kind: 'activity', id: activityId }),
    sides: [
      { recipients: invitationContacts.map((c) => c.email), warnings: '/inbjudningar', ours: invitation, theirs: activity, why, contacts: activityContacts },
      { recipients: activityContacts.map((c) => c.email), warnings: null, ours: activity, theirs: { ...invitation, path: null }, why, contacts: invitationContacts },
    ],
  };
}

/** An invitation's overlaps: others' invitations like it, and others' visits, meetings, events and exchanges near it (invitationsOf). */
async function invitationOverlaps(db: Db, id: number): Promise<Overlap[]> {
  const [row] = await db.select({ organisationId: receivedInvitations.organisationId, visibility: receivedInvitations.visibility }).from(receivedInvitations).where(eq(receivedInvitations.id, id));
  if (!row || row.visibility === 'internal') return [];
  const [invitation] = await invitationsOf({ db, principal: readerOf(row.organisationId) }, row.organisationId, { only: id, visitsShown: MAILED_PER_INVITATION });
  if (!invitation || (!invitation.alike.length && !invitation.visits.length)) return [];
  const [ourContacts, ourName] = await Promise.all([contactsAt(db, row.organisationId), organisationName(db, row.organisationId)]);
  const ours = { organisation: ourName, title: invitationTitle(invitation), date: invitation.eventDate ?? invitation.receivedOn, path: '/inbjudningar' };
  const keys = delegationKeys(invitation);
  const placeOnly = invitation.place ? [invitation.place.name] : [];
  const alike = invitation.alike.map((x): Overlap => {
    const theirs = { organisation: x.organisation, title: invitationTitle(x), date: x.eventDate ?? x.receivedOn, path: '/inbjudningar' };
    const names = [...(x.sender.toLowerCase() === invitation.sender.toLowerCase() ? [x.sender] : []), ...namesMatching(keys, x.delegationName, x.delegationPersons)];
    const why = names.length ? names : placeOnly;
    return {
      pair: ordered({ kind: 'invitation', id }, { kind: 'invitation', id: x.id }),
      sides: [
        { recipients: ourContacts.map((c) => c.email), warnings: '/inbjudningar', ours, theirs, why, contacts: x.contacts },
        { recipients: x.contacts.map((c) => c.email), warnings: '/inbjudningar', ours: theirs, theirs: ours, why, contacts: ourContacts },
      ],
    };
  });
  const near = invitation.visits.map((v): Overlap => {
    const names = namesMatching(keys, v.delegationName, v.delegationPersons);
    const activity = { organisation: v.organisation, title: v.title, date: v.date, path: activityPath(v.agreementSlug) };
    return invitationAndActivity(id, ours, ourContacts, v.id, activity, v.contacts, names.length ? names : placeOnly);
  });
  return [...alike, ...near];
}

/** The guidance's links in one language: each article in force on delegations, or the knowledge base when there is none. */
function guidanceLines(guidance: ArticleSummary[], origin: string, lang: 'sv' | 'en'): string[] {
  const query = lang === 'en' ? '?lang=en' : '';
  if (!guidance.length) return [`${lang === 'sv' ? 'Vägledning: kunskapsbanken' : 'Guidance: the knowledge base'}, ${origin}/kunskap${query}`];
  return [lang === 'sv' ? 'Vägledning:' : 'Guidance:', ...guidance.map((a) => `- ${lang === 'sv' ? a.titleSv : a.titleEn}: ${origin}/kunskap/${a.slug}${query}`)];
}

/** The mail to one recipient of one side, Swedish first, English second. */
export function warningMail(to: string, side: Side, origin: string, guidance: ArticleSummary[]) {
  const { ours, theirs, why, contacts, warnings } = side;
  const whom = contacts.length ? contacts.map((c) => `- ${c.name} <${c.email}>`).join('\n') : '-';
  const reason = why.length ? why.join(', ') : '';
  const link = (query: string) => (theirs.path ? [`  ${origin}${theirs.path}${query}`] : []);
  return {
    to,
    subject: `Ortsband: ${theirs.organisation} möter kanske samma delegation / may meet the same delegation`,
    text: [
      `${theirs.organisation} har något som liknar ert (${ours.title}, ${ours.date}):`,
      `  ${theirs.title} (${theirs.date})${reason ? `\n  Gemensamt: ${reason}` : ''}`,
      ...link(''),
      '',
      `Kontakta ${theirs.organisation}:`,
      whom,
      '',
      warnings ? `Alla varningar för er organisation: ${origin}${warnings}` : `Ert: ${origin}${ours.path}`,
      '',
      ...guidanceLines(guidance, origin, 'sv'),
      '',
      '---',
      `${theirs.organisation} has something like yours (${ours.title}, ${ours.date}):`,
      `  ${theirs.title} (${theirs.date})${reason ? `\n  In common: ${reason}` : ''}`,
      ...link('?lang=en'),
      '',
      `Whom to contact at ${theirs.organisation}:`,
      whom,
      '',
      warnings ? `Every warning for your organisation: ${origin}${warnings}?lang=en` : `Yours: ${origin}${ours.path}?lang=en`,
      '',
      ...guidanceLines(guidance, origin, 'en'),
      '',
    ].join('\n'),
  };
}
