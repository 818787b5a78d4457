// Changing or removing one activity: the form as it was recorded, filled
// with what it holds now, and below it the removal, which says what goes
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
  /** The form refused (`change` or `remove`), with its problems and what was typed. */
  failed?: { form: 'change' | 'remove'; problems: FieldProblem[]; typed: Record<string, string> };
  /** Someone else changed the activity first. */
  notice?: string;
}

/** The activity as the form's fields: what a browser would send back unchanged. */
export function activityAsTyped(a: ActivityWithPoints): Record<string, string> {
  const typed: Record<string, string> = {
    kind: a.kind,
    title: a.title,
    date: a.date,
    participants: a.participants ?? '',
    delegationName: a.delegationName ?? '',
    delegationPersons: a.delegationPersons.join('\n'),
    purpose: a.purpose ?? '',
    outcome: a.outcome ?? '',
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
  const reasonProblem = problems('remove').find((x) => x.id === 'remove-reason');
  const title = `${sv ? 'Ändra aktiviteten' : 'Change the activity'}: ${activity.title}`;
  return (
    <Layout lang={lang} title={title} path={`${base}/${activity.id}/andra`} account={p.account}>
      <p>
        <a href={`${href(lang, base)}#aktivitet-${activity.id}`}>{sv ? `Till aktiviteterna för ${name}` : `To the activities of ${name}`}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {formatEdtf(activity.date, lang)} · {label(lang, 'activity', activity.kind)} · {name}
      </p>
      <Notices alert={p.notice} />
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
