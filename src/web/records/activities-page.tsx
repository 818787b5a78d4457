// An agreement's activities (visits, meetings, projects, exchanges, events)
// and the follow-up points raised at them: signed-in people read the
// activities they may read, with the sources cited for each that they may
// read; the points are the owning organisation's own
// work (its people and administrators read them); its editors record
// activities, raise points and close them.
import type { DelegationOverlap, PeerBody } from '../../domain/coordination/delegations.ts';
import type { InvitationNear } from '../../domain/coordination/invitations-near-visit.ts';
import { DelegationWarnings, delegationWarningsIntro, InvitationsNear, invitationsNearIntro, PeerBodies, visitsNearIntro } from './delegation-warnings.tsx';
import type { FieldProblem } from '../../domain/errors.ts';
import type { GoalChoice } from '../../domain/action-plans/list.ts';
import type { PlaceChoice } from '../../domain/activities/place-choices.ts';
import type { ActivityWithPoints, FollowUpPoint } from '../../domain/follow-up/list.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { formatEdtf } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { agreementName } from './sources-page.tsx';
import { problemsFor, VISIBILITY_NAMES } from './words.ts';
import { ACTIVITY_NUMBER_NAMES, ActivityForm, GoalSelect } from './activity-form.tsx';
import { DelegationNames } from './delegation-warnings.tsx';
import { Localized, Sources } from '../pages/shared.tsx';
import { ActivityFigures } from '../pages/activity-figures.tsx';
import { ActivityLinks } from '../pages/activity-links.tsx';
import { GuidanceLinks } from '../knowledge/guidance-links.tsx';
import type { ArticleSummary } from '../../domain/knowledge/articles.ts';

export interface ActivitiesPageProps {
  lang: Lang;
  /** The guidance in force on delegation warnings, linked beside them (web/knowledge/guidance-links.tsx). */
  guidance: ArticleSummary[];
  account: string;
  csrf: string;
  agreement: { slug: string; officialTitle: string | null; partyLabel: string; counterpartLabel: string; visibility: string };
  activities: ActivityWithPoints[];
  /** The action-plan goals an activity of the agreement may serve. */
  goals: GoalChoice[];
  /** Other agreements a new activity may also serve (the same Swedish party's, that the person may change). */
  furtherChoices: Array<{ slug: string; partyLabel: string; counterpartLabel: string }>;
  /** Other bodies' activities near the agreement's incoming visits, and other bodies' incoming visits near its other activities (coordination/delegations.ts). */
  delegations: DelegationOverlap[];
  /** Invitations other bodies received near the agreement's activities (coordination/invitations-near-visit.ts). */
  invitations: InvitationNear[];
  /** Other bodies with agreements in the places of those visits. */
  peers: PeerBody[];
  /** The places a new activity may name: the agreement's Swedish parties and its Chinese places with their provinces. */
  placeChoices: { swedish: PlaceChoice[]; chinese: PlaceChoice[] };
  mayChange: boolean;
  /** The organisation that keeps the agreement: named to a signed-in reader who may not change it. */
  keeper?: string;
  mayReadPoints: boolean;
  /** The form refused: `activity`, `point-<activity id>`, `goal-<activity id>` or `state-<point id>`; with its problems and what was typed. */
  failed?: { form: string; problems: FieldProblem[]; typed: Record<string, string> };
  /** A state change refused because someone else changed the point first. */
  notice?: string;
  done?: string;
  today: string;
}

const DONE: Record<string, { sv: string; en: string }> = {
  activity: { sv: 'Aktiviteten är registrerad.', en: 'The activity is recorded.' },
  point: { sv: 'Uppföljningspunkten är tillagd.', en: 'The follow-up point is added.' },
  state: { sv: 'Uppföljningspunkten är uppdaterad.', en: 'The follow-up point is updated.' },
  goal: { sv: 'Aktivitetens mål i handlingsplanen är sparat.', en: "The activity's action-plan goal is saved." },
  changed: { sv: 'Aktiviteten är ändrad.', en: 'The activity is changed.' },
  removed: { sv: 'Aktiviteten är borttagen.', en: 'The activity is removed.' },
};

export const FOLLOW_UP_STATE_NAMES = {
  open: { sv: 'Öppen', en: 'Open' },
  done: { sv: 'Klar', en: 'Done' },
  dropped: { sv: 'Struken', en: 'Dropped' },
} as const;

export const POINT_FIELDS = ['text', 'owner', 'dueOn'] as const;
export const STATE_FIELDS = ['state', 'comment', 'expectedVersion'] as const;

export function ActivitiesPage(p: ActivitiesPageProps) {
  const { lang, agreement } = p;
  const sv = lang === 'sv';
  const path = `/avtal/${agreement.slug}/aktiviteter`;
  const name = agreementName(agreement);
  const problems = (form: string) => (p.failed?.form === form ? problemsFor(lang, form, p.failed.problems, ACTIVITY_NUMBER_NAMES) : []);
  const problemOf = (form: string, field: string) => problems(form).find((x) => x.id === `${form}-${field}`);
  const typedIn = (form: string) => (p.failed?.form === form ? p.failed.typed : {});

  const linkForm = (activity: ActivityWithPoints) => {
    const form = `goal-${activity.id}`;
    const typed = typedIn(form);
    return (
      <details open={p.failed?.form === form}>
        <summary>{sv ? `Koppla till handlingsplanens mål: ${activity.title}` : `Link to an action-plan goal: ${activity.titleEn ?? activity.title}`}</summary>
        <ErrorSummary lang={lang} problems={problems(form)} />
        <form method="post" action={href(lang, `${path}/${activity.id}/mal`)} class="form" novalidate>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <GoalSelect lang={lang} form={form} goals={p.goals} chosen={typed.actionPlanGoalId ?? (activity.actionPlanGoalId === null ? '' : String(activity.actionPlanGoalId))} problem={problemOf(form, 'actionPlanGoalId')} />
          <button type="submit">{sv ? 'Spara kopplingen' : 'Save the link'}</button>
        </form>
      </details>
    );
  };

  const pointForm = (activity: ActivityWithPoints) => {
    const form = `point-${activity.id}`;
    const typed = typedIn(form);
    return (
      <details open={p.failed?.form === form}>
        <summary>{sv ? `Lägg till en uppföljningspunkt: ${activity.title}` : `Add a follow-up point: ${activity.titleEn ?? activity.title}`}</summary>
        <ErrorSummary lang={lang} problems={problems(form)} />
        <form method="post" action={href(lang, `${path}/${activity.id}/punkter`)} class="form" novalidate>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <Field lang={lang} id={`${form}-text`} label={sv ? 'Vad ska göras' : 'What is to be done'} problem={problemOf(form, 'text')}>
            {(described) => (
              <textarea id={`${form}-text`} name="text" rows={2} maxlength={2000} {...described}>
                {typed.text ?? ''}
              </textarea>
            )}
          </Field>
          <Field
            lang={lang}
            id={`${form}-owner`}
            label={sv ? 'Ansvarig (e-postadress)' : 'Responsible (e-mail address)'}
            hint={sv ? 'En redaktör i organisationen.' : 'An editor in the organisation.'}
            problem={problemOf(form, 'owner')}
          >
            {(described) => <input id={`${form}-owner`} name="owner" type="email" autocomplete="off" maxlength={254} value={typed.owner ?? ''} {...described} />}
          </Field>
          <Field lang={lang} id={`${form}-dueOn`} label={sv ? 'Klart senast' : 'Due by'} hint={sv ? 'Till exempel 2027-03-31.' : 'For example 2027-03-31.'} problem={problemOf(form, 'dueOn')}>
            {(described) => <input id={`${form}-dueOn`} name="dueOn" type="date" value={typed.dueOn ?? ''} {...described} />}
          </Field>
          <button type="submit">{sv ? 'Lägg till punkten' : 'Add the point'}</button>
        </form>
      </details>
    );
  };

  const stateForm = (point: FollowUpPoint) => {
    const form = `state-${point.id}`;
    const typed = typedIn(form);
    const next = point.state === 'open' ? (typed.state ?? 'done') : 'open';
    return (
      <form method="post" action={href(lang, `/avtal/${agreement.slug}/punkter/${point.id}`)} class="form inline">
        <ErrorSummary lang={lang} problems={problems(form)} />
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="expectedVersion" value={String(point.version)} />
        {point.state === 'open' ? (
          <>
            <Field lang={lang} id={`${form}-state`} label={sv ? 'Ny status' : 'New state'} problem={problemOf(form, 'state')}>
              {(described) => (
                <select id={`${form}-state`} name="state" {...described}>
                  {(['done', 'dropped'] as const).map((s) => (
                    <option value={s} selected={next === s}>
                      {FOLLOW_UP_STATE_NAMES[s][lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field lang={lang} id={`${form}-comment`} label={sv ? 'Kommentar (valfri)' : 'Comment (optional)'} problem={problemOf(form, 'comment')}>
              {(described) => <input id={`${form}-comment`} name="comment" type="text" maxlength={2000} value={typed.comment ?? ''} {...described} />}
            </Field>
            <button type="submit" aria-label={`${sv ? 'Spara status för' : 'Save the state of'} ${point.text}`}>
              {sv ? 'Spara' : 'Save'}
            </button>
          </>
        ) : (
          <>
            <input type="hidden" name="state" value="open" />
            <button type="submit" aria-label={`${sv ? 'Öppna igen' : 'Open again'}: ${point.text}`}>
              {sv ? 'Öppna igen' : 'Open again'}
            </button>
          </>
        )}
      </form>
    );
  };

  /** The goal an activity serves, linked to it on the plans page; a goal of a plan the reader may not read is not named. */
  const goalOf = (goalId: number) => {
    const goal = p.goals.find((g) => g.id === goalId);
    if (!goal) return sv ? 'Kopplad till ett mål i en handlingsplan.' : 'Linked to a goal of an action plan.';
    return (
      <>
        {sv ? 'Handlingsplanens mål: ' : "The action plan's goal: "}
        <a href={`${href(lang, `/avtal/${agreement.slug}/handlingsplaner`)}#mal-${goal.id}`}>
          {goal.theme}: {goal.goal}
        </a>
      </>
    );
  };

  /** Whether the activity is recorded under this agreement (its points and goal are kept there), not only serving it. */
  const recordedHere = (activity: ActivityWithPoints) => activity.agreements[0]?.slug === agreement.slug;

  const points = (activity: ActivityWithPoints) =>
    activity.points.length ? (
      <table>
        <caption>{sv ? `Uppföljningspunkter: ${activity.title}` : `Follow-up points: ${activity.titleEn ?? activity.title}`}</caption>
        <thead>
          <tr>
            <th scope="col">{sv ? 'Vad ska göras' : 'What is to be done'}</th>
            <th scope="col">{sv ? 'Ansvarig' : 'Responsible'}</th>
            <th scope="col">{sv ? 'Klart senast' : 'Due by'}</th>
            <th scope="col">{sv ? 'Status' : 'State'}</th>
            {p.mayChange ? <th scope="col">{sv ? 'Ändra' : 'Change'}</th> : null}
          </tr>
        </thead>
        <tbody>
          {activity.points.map((point) => (
            <tr id={`punkt-${point.id}`}>
              <td class="prewrap">{point.text}</td>
              <td>{point.ownerName}</td>
              <td>
                {point.dueOn}
                {point.state === 'open' && point.dueOn < p.today ? <strong>{sv ? ' (försenad)' : ' (overdue)'}</strong> : null}
              </td>
              <td>
                {FOLLOW_UP_STATE_NAMES[point.state][lang]}
                {point.stateComment ? `: ${point.stateComment}` : ''}
              </td>
              {p.mayChange ? <td>{stateForm(point)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    ) : p.mayReadPoints ? (
      <p>{sv ? 'Inga uppföljningspunkter.' : 'No follow-up points.'}</p>
    ) : null;

  return (
    <Layout lang={lang} title={`${sv ? 'Aktiviteter' : 'Activities'}: ${name}`} path={path} account={p.account}>
      <p>
        <a href={href(lang, `/avtal/${agreement.slug}`)}>{sv ? `Till avtalet ${name}` : `To the agreement ${name}`}</a> ·{' '}
        <a href={href(lang, '/oversikt')}>{sv ? 'Min uppföljning' : 'My follow-up'}</a>
      </p>
      <h1>{sv ? 'Aktiviteter och uppföljning' : 'Activities and follow-up'}</h1>
      <p class="lead">{name}</p>
      <p>
        {sv
          ? 'Uppföljningspunkterna är organisationens eget arbete: de visas bara för inloggade i den organisation som har avtalet och för administratörer, aldrig för allmänheten.'
          : "The follow-up points are the organisation's own work: shown only to signed-in people of the organisation that keeps the agreement and to administrators, never to the public."}
      </p>
      <Notices done={p.done ? DONE[p.done]?.[lang] : undefined} alert={p.notice} />
      {p.activities.length === 0 ? <p>{sv ? 'Inga aktiviteter registrerade.' : 'No activities recorded.'}</p> : null}
      {p.activities.map((activity) => (
        <section aria-labelledby={`aktivitet-${activity.id}`} id={`aktivitet-${activity.id}-avsnitt`}>
          <h2 id={`aktivitet-${activity.id}`}>
            {formatEdtf(activity.date, lang)} · {label(lang, 'activity', activity.kind)}: <Localized lang={lang} sv={activity.title} en={activity.titleEn} />
          </h2>
          <p class="hint">{VISIBILITY_NAMES[activity.visibility as keyof typeof VISIBILITY_NAMES]?.[lang] ?? activity.visibility}</p>
          {p.mayChange && recordedHere(activity) ? (
            <p>
              <a href={href(lang, `${path}/${activity.id}/andra`)}>{sv ? `Ändra eller ta bort: ${activity.title}` : `Change or remove: ${activity.titleEn ?? activity.title}`}</a>
            </p>
          ) : null}
          <ActivityLinks lang={lang} activity={activity} agreementSlug={agreement.slug} />
          {activity.participants ? <p>{`${sv ? 'Deltagare' : 'Participants'}: ${activity.participants}`}</p> : null}
          <DelegationNames lang={lang} name={activity.delegationName} persons={activity.delegationPersons} />
          {activity.purpose ? (
            <p class="prewrap">
              <Localized lang={lang} sv={activity.purpose} en={activity.purposeEn} />
            </p>
          ) : null}
          {activity.outcome ? (
            <p class="prewrap">
              {`${sv ? 'Resultat' : 'Outcome'}: `}
              <Localized lang={lang} sv={activity.outcome} en={activity.outcomeEn} />
            </p>
          ) : null}
          <ActivityFigures lang={lang} activity={activity} />
          <Sources lang={lang} list={activity.sources} />
          {activity.actionPlanGoalId !== null ? <p>{goalOf(activity.actionPlanGoalId)}</p> : null}
          {(() => {
            const near = p.delegations.filter((d) => d.visit.id === activity.id);
            const peers = p.peers.filter((peer) => peer.visit.id === activity.id);
            const invitations = p.invitations.filter((x) => x.activityId === activity.id);
            return near.length || peers.length || invitations.length ? (
              <div class="notice" role="note">
                <p>
                  <strong>{sv ? 'Andra organisationer i samma område vid samma tid' : 'Other organisations in the same area at the same time'}</strong>
                </p>
                {near.length || peers.length ? <p>{activity.kind === 'visit_incoming' ? delegationWarningsIntro(lang) : visitsNearIntro(lang)}</p> : null}
                <DelegationWarnings lang={lang} overlaps={near} withVisit={false} />
                <PeerBodies lang={lang} peers={peers} withVisit={false} />
                {invitations.length ? <p>{invitationsNearIntro(lang)}</p> : null}
                <InvitationsNear lang={lang} invitations={invitations} withActivity={false} />
                <GuidanceLinks lang={lang} articles={p.guidance} />
              </div>
            ) : null;
          })()}
          {recordedHere(activity) ? points(activity) : null}
          {p.mayChange && recordedHere(activity) ? pointForm(activity) : null}
          {p.mayChange && recordedHere(activity) && p.goals.length ? linkForm(activity) : null}
        </section>
      ))}
      {!p.mayChange && p.keeper ? (
        <p class="hint">
          {sv
            ? `Avtalet förs av ${p.keeper}: dess redaktörer registrerar aktiviteter och uppföljningspunkter här.`
            : `The agreement is kept by ${p.keeper}: its editors record activities and follow-up points here.`}
        </p>
      ) : null}
      {p.mayChange ? (
        <>
          <h2 id="ny-aktivitet">{sv ? 'Registrera en aktivitet' : 'Record an activity'}</h2>
          <ActivityForm
            lang={lang}
            csrf={p.csrf}
            form="activity"
            action={href(lang, path)}
            typed={typedIn('activity')}
            problems={problems('activity')}
            goals={p.goals}
            furtherChoices={p.furtherChoices}
            placeChoices={p.placeChoices}
            submit={sv ? 'Registrera aktiviteten' : 'Record the activity'}
          />
        </>
      ) : null}
    </Layout>
  );
}
