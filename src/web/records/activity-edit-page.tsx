// Changing or removing one activity: the form as it was recorded, filled
// with what it holds now; its sources, cited and removed one at a time at
// the activity's version; and below them the removal, which says what goes
// with it (its follow-up points).
import type { FieldProblem } from '../../domain/errors.ts';
import type { ActivityWithPoints } from '../../domain/follow-up/list.ts';
import type { GoalChoice } from '../../domain/action-plans/list.ts';
import type { PlaceChoice } from '../../domain/activities/place-choices.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { formatEdtf } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { Sources } from '../pages/shared.tsx';
import { CitationRemovals, CiteSourceFields } from './cite-source-fields.tsx';
import { ACTIVITY_NUMBER_FIELDS, ACTIVITY_NUMBER_NAMES, ActivityForm, FUNDING_FIELDS } from './activity-form.tsx';
import { agreementName } from './sources-page.tsx';
import { problemsFor } from './words.ts';

export interface ActivityEditPageProps {
  lang: Lang;
  account: string;
  csrf: string;
  agreement: { slug: string; officialTitle: string | null; partyLabel: string; counterpartLabel: string };
  activity: ActivityWithPoints;
  goals: GoalChoice[];
  furtherChoices: Array<{ slug: string; partyLabel: string; counterpartLabel: string }>;
  placeChoices: { swedish: PlaceChoice[]; chinese: PlaceChoice[] };
  /** The sources the person may cite (those they may read), for the citation form. */
  citable: Array<{ slug: string; title: string }>;
  /** The form refused (`change`, `remove`, `cite` or `uncite-<citation id>`), with its problems and what was typed. */
  failed?: { form: string; problems: FieldProblem[]; typed: Record<string, string> };
  /** Someone else changed the activity first. */
  notice?: string;
  /** What was just done: `cited` or `uncited`. */
  done?: string;
}

/** The fields of the form that cites a source for the activity. */
export const ACTIVITY_CITE_FIELDS = ['source', 'passage', 'passageEn', 'expectedVersion'] as const;

const DONE: Record<string, { sv: string; en: string }> = {
  cited: { sv: 'Källan är citerad.', en: 'The source is cited.' },
  uncited: { sv: 'Citeringen är borttagen.', en: 'The citation is removed.' },
};

/** The activity as the form's fields: what a browser would send back unchanged. */
export function activityAsTyped(a: ActivityWithPoints): Record<string, string> {
  const typed: Record<string, string> = {
    kind: a.kind,
    title: a.title,
    titleEn: a.titleEn ?? '',
    date: a.date,
    participants: a.participants ?? '',
    delegationName: a.delegationName ?? '',
    delegationPersons: a.delegationPersons.join('\n'),
    purpose: a.purpose ?? '',
    purposeEn: a.purposeEn ?? '',
    outcome: a.outcome ?? '',
    outcomeEn: a.outcomeEn ?? '',
    actionPlanGoalId: a.actionPlanGoalId === null ? '' : String(a.actionPlanGoalId),
    visibility: a.visibility,
  };
  for (const field of ACTIVITY_NUMBER_FIELDS) typed[field] = a[field] === null ? '' : String(a[field]);
  // The total is written only where no category is: with categories it is their sum.
  if (a.costTravelSek !== null || a.costHospitalitySek !== null || a.costProjectSek !== null || a.costOtherSek !== null) typed.costSek = '';
  for (const field of FUNDING_FIELDS) if (a.funding.includes(field.slice('funding.'.length) as never)) typed[field] = '1';
  a.places.filter((p) => p.kind === 'swedish').forEach((p, i) => (typed[`swedishPlaces.${i}`] = p.slug));
  a.places.filter((p) => p.kind === 'chinese').forEach((p, i) => (typed[`chinesePlaces.${i}`] = p.slug));
  a.agreements.slice(1).forEach((g, i) => (typed[`alsoServes.${i}`] = g.slug));
  return typed;
}

export function ActivityEditPage(p: ActivityEditPageProps) {
  const { lang, agreement, activity } = p;
  const sv = lang === 'sv';
  const base = `/avtal/${agreement.slug}/aktiviteter`;
  const name = agreementName(agreement);
  const problems = (form: string) => (p.failed?.form === form ? problemsFor(lang, form, p.failed.problems, ACTIVITY_NUMBER_NAMES) : []);
  const typed = p.failed?.form === 'change' ? p.failed.typed : activityAsTyped(activity);
  const removeTyped = p.failed?.form === 'remove' ? p.failed.typed : {};
  const citeTyped = p.failed?.form === 'cite' ? p.failed.typed : {};
  const citeProblem = (field: string) => problems('cite').find((x) => x.id === `cite-${field}`);
  const reasonProblem = problems('remove').find((x) => x.id === 'remove-reason');
  const title = `${sv ? 'Ändra aktiviteten' : 'Change the activity'}: ${sv ? activity.title : (activity.titleEn ?? activity.title)}`;
  return (
    <Layout lang={lang} title={title} path={`${base}/${activity.id}/andra`} account={p.account}>
      <p>
        <a href={`${href(lang, base)}#aktivitet-${activity.id}`}>{sv ? `Till aktiviteterna för ${name}` : `To the activities of ${name}`}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {formatEdtf(activity.date, lang)} · {label(lang, 'activity', activity.kind)} · {name}
      </p>
      <Notices done={p.done ? DONE[p.done]?.[lang] : undefined} alert={p.notice} />
      <ActivityForm
        lang={lang}
        csrf={p.csrf}
        form="change"
        action={href(lang, `${base}/${activity.id}/andra`)}
        typed={typed}
        problems={problems('change')}
        goals={p.goals}
        furtherChoices={p.furtherChoices}
        placeChoices={p.placeChoices}
        expectedVersion={activity.version}
        submit={sv ? 'Spara ändringarna' : 'Save the changes'}
      >
        <Field lang={lang} id="change-reason" label={sv ? 'Varför ändras den (valfritt, syns i historiken)' : 'Why it changes (optional, shown in the history)'}>
          {(described) => <input id="change-reason" name="reason" type="text" maxlength={2000} value={typed.reason ?? ''} {...described} />}
        </Field>
      </ActivityForm>

      <h2 id="kallor">{sv ? 'Källor' : 'Sources'}</h2>
      {activity.sources.length ? <Sources lang={lang} list={activity.sources} /> : <p>{sv ? 'Inga källor citerade för aktiviteten.' : 'No sources cited for the activity.'}</p>}
      {/* An activity has no documents of its own: a document belongs to a source or to the agreement (documents/attach.ts). */}
      <p class="hint">
        {sv ? 'Aktiviteten har inga egna dokument. Ett dokument (ett protokoll, en inbjudan) bifogas till en källa eller till avtalet på sidan ' : 'An activity has no documents of its own. A document (minutes, an invitation) is attached to a source or to the agreement on the page '}
        <a href={href(lang, `/avtal/${agreement.slug}/kallor`)}>{sv ? 'Källor och dokument' : 'Sources and documents'}</a>
        {sv ? '; en citerad källas egen sida nås genom dess titel.' : "; a cited source's own page is reached through its title."}
      </p>
      {p.failed?.form.startsWith('uncite-') ? <ErrorSummary lang={lang} problems={problems(p.failed.form)} /> : null}
      {activity.sources.length ? (
        <CitationRemovals
          lang={lang}
          csrf={p.csrf}
          version={activity.version}
          list={activity.sources}
          action={(id) => href(lang, `${base}/${activity.id}/kallor/${id}/ta-bort`)}
          label={sv ? 'Ta bort en citering' : 'Remove a citation'}
        />
      ) : null}
      {p.citable.length ? (
        <>
          <h3 id="citera">{sv ? 'Citera en källa' : 'Cite a source'}</h3>
          <ErrorSummary lang={lang} problems={problems('cite')} />
          <form method="post" action={href(lang, `${base}/${activity.id}/kallor`)} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <input type="hidden" name="expectedVersion" value={String(activity.version)} />
            <CiteSourceFields lang={lang} form="cite" citable={p.citable} typed={citeTyped} problemOf={citeProblem} />
            <button type="submit">{sv ? 'Citera källan' : 'Cite the source'}</button>
          </form>
        </>
      ) : null}

      <h2 id="ta-bort">{sv ? 'Ta bort aktiviteten' : 'Remove the activity'}</h2>
      <p>
        {activity.points.length
          ? sv
            ? `Aktivitetens ${activity.points.length} uppföljningspunkter tas bort med den. Historiken behåller vad den innehöll.`
            : `Its ${activity.points.length} follow-up points are removed with it. The history keeps what it held.`
          : sv
            ? 'Historiken behåller vad den innehöll.'
            : 'The history keeps what it held.'}
      </p>
      <ErrorSummary lang={lang} problems={problems('remove')} />
      <form method="post" action={href(lang, `${base}/${activity.id}/ta-bort`)} class="form">
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="expectedVersion" value={String(activity.version)} />
        <Field lang={lang} id="remove-reason" label={sv ? 'Varför tas den bort (valfritt)' : 'Why it is removed (optional)'} problem={reasonProblem}>
          {(described) => <input id="remove-reason" name="reason" type="text" maxlength={2000} value={removeTyped.reason ?? ''} {...described} />}
        </Field>
        <button type="submit">{sv ? 'Ta bort aktiviteten' : 'Remove the activity'}</button>
      </form>
    </Layout>
  );
}
