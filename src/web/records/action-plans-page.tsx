// An agreement's action plans: signed-in people read the plans they may
// read, each goal with its indicator, planned activities, outcome and
// assessment, and its progress (the activities linked to it), and each
// plan's sources; the organisation's editors and administrators make a plan
// (with its title, description and goals in English too), add goals per
// thematic area, review it, and cite its sources.
import { GOAL_ASSESSMENTS } from '../../db/schema.ts';
import { THEMATIC_AREAS, themeInBothLanguages } from '../../domain/action-plans/themes.ts';
import type { PlanGoal, PlanOfAgreement } from '../../domain/action-plans/list.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { formatEdtf, formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { agreementName } from './sources-page.tsx';
import { ASSESSMENT_NAMES, sayRecords, VISIBILITY_NAMES } from './words.ts';
import { VisibilityField } from './visibility-field.tsx';
import { CheckboxList } from './checkbox-list.tsx';
import { Localized, Sources } from '../pages/shared.tsx';
import { CitationRemovals, CiteSourceFields } from './cite-source-fields.tsx';

export const PLAN_FIELDS = ['title', 'titleEn', 'periodFrom', 'periodTo', 'responsibleUnit', 'budgetSek', 'note', 'noteEn', 'visibility'] as const;
export const GOAL_FIELDS = ['theme', 'themeEn', 'goal', 'goalEn', 'indicator', 'plannedActivities'] as const;
export const PLAN_CITE_FIELDS = ['source', 'passage', 'passageEn', 'expectedVersion'] as const;
export const REVIEW_FIELDS = ['reviewedOn', 'reviewNote', 'expectedVersion'] as const;

export interface ActionPlansPageProps {
  lang: Lang;
  account: string;
  csrf: string;
  agreement: { slug: string; officialTitle: string | null; partyLabel: string; counterpartLabel: string; visibility: string };
  plans: PlanOfAgreement[];
  /** Other agreements a new plan may also serve (the same Swedish party's, that the person may change). */
  furtherChoices: Array<{ slug: string; partyLabel: string; counterpartLabel: string }>;
  mayChange: boolean;
  /** The sources the person may cite (those they may read), for a plan's citation form. */
  citable: Array<{ slug: string; title: string }>;
  /** The form refused: `plan`, `goal-<plan id>` or `review-<plan id>`; with its problems and what was typed. */
  failed?: { form: string; problems: FieldProblem[]; typed: Record<string, string> };
  /** A review refused because someone else changed the plan first. */
  notice?: string;
  done?: string;
}

const DONE: Record<string, { sv: string; en: string }> = {
  plan: { sv: 'Handlingsplanen är sparad.', en: 'The action plan is saved.' },
  goal: { sv: 'Målet är tillagt.', en: 'The goal is added.' },
  review: { sv: 'Uppföljningen är sparad.', en: 'The review is saved.' },
  changed: { sv: 'Handlingsplanen är ändrad.', en: 'The action plan is changed.' },
  removed: { sv: 'Handlingsplanen är borttagen.', en: 'The action plan is removed.' },
  'goal-changed': { sv: 'Målet är ändrat.', en: 'The goal is changed.' },
  'goal-removed': { sv: 'Målet är borttaget.', en: 'The goal is removed.' },
  cited: { sv: 'Källan är citerad.', en: 'The source is cited.' },
  uncited: { sv: 'Citeringen är borttagen.', en: 'The citation is removed.' },
};

/** The id of the field a problem is shown beside: the further agreements share one fieldset. */
const fieldId = (form: string, field: string) => `${form}-${field.startsWith('alsoServes') ? 'alsoServes' : field.replaceAll('.', '-')}`;

export function ActionPlansPage(p: ActionPlansPageProps) {
  const { lang, agreement } = p;
  const sv = lang === 'sv';
  const path = `/avtal/${agreement.slug}/handlingsplaner`;
  const name = agreementName(agreement);
  const problems = (form: string) => (p.failed?.form === form ? p.failed.problems.map((x) => ({ field: x.field, message: sayRecords(lang, x.message), id: fieldId(form, x.field), ...(x.field === 'budgetSek' ? { label: 'Budget' } : {}) /* shorter than its label */ })) : []);
  const problemOf = (form: string, field: string) => problems(form).find((x) => x.id === fieldId(form, field));
  const typedIn = (form: string) => (p.failed?.form === form ? p.failed.typed : {});
  const kronor = (n: number) => `${formatNumber(n, lang)} ${sv ? 'kr' : 'SEK'}`;

  const textField = (form: string, typed: Record<string, string>, field: string, words: string, { long = false, hint, value = '', list }: { long?: boolean; hint?: string; value?: string; list?: string } = {}) => {
    const id = fieldId(form, field);
    return (
      <Field lang={lang} id={id} label={words} hint={hint} problem={problemOf(form, field)}>
        {(described) =>
          long ? (
            <textarea id={id} name={field} rows={3} maxlength={5000} {...described}>
              {typed[field] ?? value}
            </textarea>
          ) : (
            <input id={id} name={field} type="text" maxlength={1000} value={typed[field] ?? value} list={list} {...described} />
          )
        }
      </Field>
    );
  };

  /**
   * The fields of a plan, for a new one (`plan`) or a change (`change-<id>`):
   * `typed` what was typed, else `initial`, the plan as it is.
   */
  const planFields = (form: string, typed: Record<string, string>, initial: Record<string, string> = {}) => {
    const value = (field: string) => typed[field] ?? initial[field] ?? '';
    const alsoProblem = problems(form).find((x) => x.id === `${form}-alsoServes`);
    const dateHint = sv ? 'Så exakt som det är känt: 2026, 2026-01 eller 2026-01-01.' : 'As precisely as it is known: 2026, 2026-01 or 2026-01-01.';
    const chosen = p.failed?.form === form ? typed : initial;
    return (
      <>
        {textField(form, typed, 'title', sv ? 'Rubrik' : 'Title', { value: value('title') })}
        {textField(form, typed, 'titleEn', sv ? 'Rubrik på engelska (valfritt)' : 'Title in English (optional)', { value: value('titleEn') })}
        {textField(form, typed, 'periodFrom', sv ? 'Perioden börjar' : 'The period begins', { hint: dateHint, value: value('periodFrom') })}
        {textField(form, typed, 'periodTo', sv ? 'Perioden slutar' : 'The period ends', { hint: dateHint, value: value('periodTo') })}
        {textField(form, typed, 'responsibleUnit', sv ? 'Ansvarig enhet (valfritt)' : 'Responsible unit (optional)', { value: value('responsibleUnit') })}
        <Field lang={lang} id={`${form}-budgetSek`} label={sv ? 'Budget i kr (valfri)' : 'Budget in SEK (optional)'} problem={problemOf(form, 'budgetSek')}>
          {(described) => <input id={`${form}-budgetSek`} name="budgetSek" type="text" inputmode="numeric" maxlength={20} value={value('budgetSek')} {...described} />}
        </Field>
        {p.furtherChoices.length || alsoProblem ? (
          <CheckboxList
            form={form}
            name="alsoServes"
            legend={sv ? 'Planen gäller också dessa avtal (valfritt)' : 'The plan also serves these agreements (optional)'}
            choices={p.furtherChoices.map((choice) => ({ value: choice.slug, label: `${choice.partyLabel} – ${choice.counterpartLabel}` }))}
            typed={chosen}
            problem={alsoProblem}
          />
        ) : null}
        {textField(form, typed, 'note', sv ? 'Beskrivning (valfri)' : 'Description (optional)', { long: true, value: value('note') })}
        {textField(form, typed, 'noteEn', sv ? 'Beskrivning på engelska (valfri)' : 'Description in English (optional)', { long: true, value: value('noteEn') })}
        <VisibilityField lang={lang} id={`${form}-visibility`} label={sv ? 'Vem får se planen' : 'Who may see the plan'} problem={problemOf(form, 'visibility')} chosen={typed.visibility ?? initial.visibility} fallback="internal" />
      </>
    );
  };

  const planForm = () => (
    <>
      <h2 id="ny-plan">{sv ? 'Ny handlingsplan' : 'New action plan'}</h2>
      <ErrorSummary lang={lang} problems={problems('plan')} />
      <form method="post" action={href(lang, path)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        {planFields('plan', typedIn('plan'))}
        <button type="submit">{sv ? 'Spara handlingsplanen' : 'Save the action plan'}</button>
      </form>
    </>
  );

  /** Changing or removing a plan made for this agreement, at the version the page shows. */
  const changeForms = (plan: PlanOfAgreement) => {
    const form = `change-${plan.id}`;
    const removing = `remove-${plan.id}`;
    const initial: Record<string, string> = {
      title: plan.title,
      titleEn: plan.titleEn ?? '',
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      responsibleUnit: plan.responsibleUnit ?? '',
      budgetSek: plan.budgetSek === null ? '' : String(plan.budgetSek),
      note: plan.note ?? '',
      noteEn: plan.noteEn ?? '',
      visibility: plan.visibility,
      ...Object.fromEntries(plan.serves.slice(1).map((s, i) => [`alsoServes.${i}`, s.slug])),
    };
    return (
      <details open={p.failed?.form === form || p.failed?.form === removing}>
        <summary>{sv ? `Ändra eller ta bort planen: ${plan.title}` : `Change or remove the plan: ${plan.title}`}</summary>
        <ErrorSummary lang={lang} problems={problems(form)} />
        <form method="post" action={href(lang, `${path}/${plan.id}/andra`)} class="form" novalidate>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <input type="hidden" name="expectedVersion" value={String(plan.version)} />
          {planFields(form, typedIn(form), initial)}
          {textField(form, typedIn(form), 'reason', sv ? 'Varför ändras den (valfritt, syns i historiken)' : 'Why it changes (optional, shown in the history)')}
          <button type="submit">{sv ? 'Spara ändringarna' : 'Save the changes'}</button>
        </form>
        <ErrorSummary lang={lang} problems={problems(removing)} />
        <form method="post" action={href(lang, `${path}/${plan.id}/ta-bort`)} class="form">
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <input type="hidden" name="expectedVersion" value={String(plan.version)} />
          <p>
            {sv
              ? `Planens ${plan.goals.length} mål tas bort med den; aktiviteter som var kopplade till dem finns kvar utan koppling.`
              : `Its ${plan.goals.length} goals are removed with it; activities linked to them stay, unlinked.`}
          </p>
          {textField(removing, typedIn(removing), 'reason', sv ? 'Varför tas den bort (valfritt)' : 'Why it is removed (optional)')}
          <button type="submit">{sv ? 'Ta bort planen' : 'Remove the plan'}</button>
        </form>
      </details>
    );
  };

  /**
   * The fields of a goal, for a new one (`goal-<plan id>`) or a change
   * (`goal-change-<goal id>`). The English of a known area is not shown to be
   * kept: it follows the area (themes.ts), so that a changed area does not
   * keep the English of the one before.
   */
  const goalFields = (form: string, typed: Record<string, string>, goal?: PlanGoal) => (
    <>
      {textField(form, typed, 'theme', sv ? 'Tematiskt område' : 'Thematic area', {
        hint: sv ? 'Till exempel utbildning, kultur, handel och näringsliv, miljö och energi, hälsa eller turism.' : 'For example education, culture, trade and business, environment and energy, health or tourism.',
        list: 'tematiska-omraden',
        value: goal?.theme ?? '',
      })}
      {textField(form, typed, 'themeEn', sv ? 'Området på engelska (valfritt)' : 'The area in English (optional)', {
        hint: sv ? 'Behövs inte för områdena i listan: de har sina engelska namn.' : 'Not needed for the areas in the list: they have their English names.',
        value: goal && goal.themeEn !== themeInBothLanguages(goal.theme, null).themeEn ? (goal.themeEn ?? '') : '',
      })}
      {textField(form, typed, 'goal', sv ? 'Mål' : 'Goal', { long: true, value: goal?.goal ?? '' })}
      {textField(form, typed, 'goalEn', sv ? 'Målet på engelska (valfritt)' : 'The goal in English (optional)', { long: true, value: goal?.goalEn ?? '' })}
      {textField(form, typed, 'indicator', sv ? 'Indikator: hur målet mäts (valfritt)' : 'Indicator: how the goal is measured (optional)', { long: true, value: goal?.indicator ?? '' })}
      {textField(form, typed, 'plannedActivities', sv ? 'Planerade aktiviteter (valfritt)' : 'Planned activities (optional)', { long: true, value: goal?.plannedActivities ?? '' })}
    </>
  );

  /** Changing or removing one goal of a plan made for this agreement. */
  const goalChangeForms = (plan: PlanOfAgreement, goal: PlanGoal) => {
    const form = `goal-change-${goal.id}`;
    const removing = `goal-remove-${goal.id}`;
    return (
      <details open={p.failed?.form === form || p.failed?.form === removing}>
        <summary>{sv ? `Ändra eller ta bort målet: ${goal.theme}: ${goal.goal.length > 60 ? `${goal.goal.slice(0, 60)}…` : goal.goal}` : `Change or remove the goal: ${goal.theme}: ${goal.goal.length > 60 ? `${goal.goal.slice(0, 60)}…` : goal.goal}`}</summary>
        <ErrorSummary lang={lang} problems={problems(form)} />
        <form method="post" action={href(lang, `${path}/${plan.id}/mal/${goal.id}/andra`)} class="form" novalidate>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <input type="hidden" name="expectedVersion" value={String(plan.version)} />
          {goalFields(form, typedIn(form), goal)}
          <button type="submit">{sv ? 'Spara målet' : 'Save the goal'}</button>
        </form>
        <form method="post" action={href(lang, `${path}/${plan.id}/mal/${goal.id}/ta-bort`)} class="form">
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <input type="hidden" name="expectedVersion" value={String(plan.version)} />
          <button type="submit">{sv ? 'Ta bort målet' : 'Remove the goal'}</button>
        </form>
      </details>
    );
  };

  const goalForm = (plan: PlanOfAgreement) => {
    const form = `goal-${plan.id}`;
    const typed = typedIn(form);
    return (
      <details open={p.failed?.form === form}>
        <summary>{sv ? `Lägg till ett mål: ${plan.title}` : `Add a goal: ${plan.title}`}</summary>
        <ErrorSummary lang={lang} problems={problems(form)} />
        <form method="post" action={href(lang, `${path}/${plan.id}/mal`)} class="form" novalidate>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          {goalFields(form, typed)}
          <button type="submit">{sv ? 'Lägg till målet' : 'Add the goal'}</button>
        </form>
      </details>
    );
  };

  const reviewForm = (plan: PlanOfAgreement) => {
    const form = `review-${plan.id}`;
    const typed = typedIn(form);
    return (
      <details open={p.failed?.form === form}>
        <summary>{sv ? `Följ upp planen: ${plan.title}` : `Review the plan: ${plan.title}`}</summary>
        <ErrorSummary lang={lang} problems={problems(form)} />
        <form method="post" action={href(lang, `${path}/${plan.id}/uppfoljning`)} class="form" novalidate>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <input type="hidden" name="expectedVersion" value={String(plan.version)} />
          <Field lang={lang} id={`${form}-reviewedOn`} label={sv ? 'Uppföljningens datum' : 'Date of the review'} hint={sv ? 'Till exempel 2027-01-31.' : 'For example 2027-01-31.'} problem={problemOf(form, 'reviewedOn')}>
            {(described) => <input id={`${form}-reviewedOn`} name="reviewedOn" type="text" inputmode="numeric" maxlength={10} value={typed.reviewedOn ?? plan.reviewedOn ?? ''} {...described} />}
          </Field>
          {plan.goals.map((goal) => {
            const at = (field: string) => `goals.${goal.id}.${field}`;
            return (
              <fieldset>
                <legend>
                  {goal.theme}: {goal.goal}
                </legend>
                {textField(form, typed, at('outcome'), sv ? 'Utfall' : 'Outcome', { long: true, value: goal.outcome ?? '' })}
                <Field lang={lang} id={fieldId(form, at('assessment'))} label={sv ? 'Bedömning' : 'Assessment'} problem={problemOf(form, at('assessment'))}>
                  {(described) => (
                    <select id={fieldId(form, at('assessment'))} name={at('assessment')} {...described}>
                      {GOAL_ASSESSMENTS.map((a) => (
                        <option value={a} selected={(typed[at('assessment')] ?? goal.assessment) === a}>
                          {ASSESSMENT_NAMES[a][lang]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {textField(form, typed, at('assessmentNote'), sv ? 'Kommentar till bedömningen (valfri)' : 'Comment on the assessment (optional)', { value: goal.assessmentNote ?? '' })}
              </fieldset>
            );
          })}
          {textField(form, typed, 'reviewNote', sv ? 'Slutsatser av uppföljningen (valfritt)' : 'Conclusions of the review (optional)', { long: true, value: plan.reviewNote ?? '' })}
          <button type="submit">{sv ? 'Spara uppföljningen' : 'Save the review'}</button>
        </form>
      </details>
    );
  };

  /** For a plan made here: a button per source that removes its citation, and a form that cites another. */
  const sourcesOf = (plan: PlanOfAgreement) => {
    const form = `cite-${plan.id}`;
    const typed = typedIn(form);
    const editable = p.mayChange && madeHere(plan);
    return (
      <>
        {editable && plan.sources.length ? (
          <details open={plan.sources.some((c) => p.failed?.form === `uncite-${c.id}`)}>
            <summary>{sv ? `Ta bort en citering: ${plan.title}` : `Remove a citation: ${plan.title}`}</summary>
            <CitationRemovals lang={lang} csrf={p.csrf} version={plan.version} list={plan.sources} action={(id) => href(lang, `${path}/${plan.id}/kallor/${id}/ta-bort`)} />
          </details>
        ) : null}
        {editable && p.citable.length ? (
          <details open={p.failed?.form === form}>
            <summary>{sv ? `Citera en källa för planen: ${plan.title}` : `Cite a source for the plan: ${plan.title}`}</summary>
            <ErrorSummary lang={lang} problems={problems(form)} />
            <form method="post" action={href(lang, `${path}/${plan.id}/kallor`)} class="form" novalidate>
              <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
              <input type="hidden" name="expectedVersion" value={String(plan.version)} />
              <CiteSourceFields lang={lang} form={form} citable={p.citable} typed={typed} problemOf={(field) => problemOf(form, field)} />
              <button type="submit">{sv ? 'Citera källan' : 'Cite the source'}</button>
            </form>
          </details>
        ) : null}
      </>
    );
  };

  const progress = (goal: PlanGoal) =>
    goal.activities.length ? (
      <ul>
        {goal.activities.map((a) => (
          <li>
            <a href={href(lang, `/avtal/${a.agreementSlug}/aktiviteter`) + `#aktivitet-${a.id}`}>{a.title}</a> ({formatEdtf(a.date, lang)}
            {a.costSek !== null ? `, ${kronor(a.costSek)}` : ''})
          </li>
        ))}
      </ul>
    ) : (
      <>{sv ? 'Inga aktiviteter kopplade.' : 'No activities linked.'}</>
    );

  /** Whether the plan is made for this agreement (it is changed there), not only serving it. */
  const madeHere = (plan: PlanOfAgreement) => plan.serves[0]?.slug === agreement.slug;

  const planSection = (plan: PlanOfAgreement) => (
    <section aria-labelledby={`plan-${plan.id}`} id={`plan-${plan.id}-avsnitt`}>
      <h2 id={`plan-${plan.id}`}>
        <Localized lang={lang} sv={plan.title} en={plan.titleEn} /> ({formatEdtf(plan.periodFrom, lang)}–{formatEdtf(plan.periodTo, lang)})
      </h2>
      <dl class="facts">
        <dt>{sv ? 'Vem får se planen' : 'Who may see the plan'}</dt>
        <dd>{VISIBILITY_NAMES[plan.visibility][lang]}</dd>
        <dt>{sv ? 'Gäller avtalen' : 'Serves the agreements'}</dt>
        <dd>
          <ul>
            {plan.serves.map((s) => (
              <li>
                <a href={href(lang, `/avtal/${s.slug}`)}>
                  {s.partyLabel} – {s.counterpartLabel}
                </a>
              </li>
            ))}
          </ul>
        </dd>
        {plan.responsibleUnit ? (
          <>
            <dt>{sv ? 'Ansvarig enhet' : 'Responsible unit'}</dt>
            <dd>{plan.responsibleUnit}</dd>
          </>
        ) : null}
        {plan.budgetSek !== null ? (
          <>
            <dt>{sv ? 'Budget' : 'Budget'}</dt>
            <dd>{kronor(plan.budgetSek)}</dd>
          </>
        ) : null}
        <dt>{sv ? 'Uppföljd' : 'Reviewed'}</dt>
        <dd>{plan.reviewedOn ?? (sv ? 'Inte ännu' : 'Not yet')}</dd>
        {plan.reviewNote ? (
          <>
            <dt>{sv ? 'Slutsatser' : 'Conclusions'}</dt>
            <dd class="prewrap">{plan.reviewNote}</dd>
          </>
        ) : null}
      </dl>
      {plan.note ? (
        <p class="prewrap">
          <Localized lang={lang} sv={plan.note} en={plan.noteEn} />
        </p>
      ) : null}
      {plan.goals.length ? (
        <table>
          <caption>{sv ? `Mål: ${plan.title}` : `Goals: ${plan.title}`}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Tematiskt område' : 'Thematic area'}</th>
              <th scope="col">{sv ? 'Mål' : 'Goal'}</th>
              <th scope="col">{sv ? 'Indikator' : 'Indicator'}</th>
              <th scope="col">{sv ? 'Planerade aktiviteter' : 'Planned activities'}</th>
              <th scope="col">{sv ? 'Genomförda aktiviteter' : 'Activities carried out'}</th>
              <th scope="col">{sv ? 'Utfall och bedömning' : 'Outcome and assessment'}</th>
            </tr>
          </thead>
          <tbody>
            {plan.goals.map((goal) => (
              <tr id={`mal-${goal.id}`}>
                <td>
                  <Localized lang={lang} sv={goal.theme} en={goal.themeEn} />
                </td>
                <td class="prewrap">
                  <Localized lang={lang} sv={goal.goal} en={goal.goalEn} />
                </td>
                <td class="prewrap">{goal.indicator ?? ''}</td>
                <td class="prewrap">{goal.plannedActivities ?? ''}</td>
                <td>{progress(goal)}</td>
                <td>
                  <strong>{ASSESSMENT_NAMES[goal.assessment][lang]}</strong>
                  {goal.outcome ? <div class="prewrap">{goal.outcome}</div> : null}
                  {goal.assessmentNote ? <div class="prewrap">{goal.assessmentNote}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{sv ? 'Planen har inga mål ännu.' : 'The plan has no goals yet.'}</p>
      )}
      <Sources lang={lang} list={plan.sources} />
      {p.mayChange ? goalForm(plan) : null}
      {p.mayChange && plan.goals.length ? reviewForm(plan) : null}
      {sourcesOf(plan)}
      {p.mayChange && madeHere(plan) ? plan.goals.map((goal) => goalChangeForms(plan, goal)) : null}
      {p.mayChange && madeHere(plan) ? changeForms(plan) : null}
    </section>
  );

  return (
    <Layout lang={lang} title={`${sv ? 'Handlingsplaner' : 'Action plans'}: ${name}`} path={path} account={p.account}>
      <p>
        <a href={href(lang, `/avtal/${agreement.slug}`)}>{sv ? `Till avtalet ${name}` : `To the agreement ${name}`}</a> ·{' '}
        <a href={href(lang, `/avtal/${agreement.slug}/aktiviteter`)}>{sv ? 'Aktiviteter och uppföljning' : 'Activities and follow-up'}</a>
      </p>
      <h1>{sv ? 'Handlingsplaner' : 'Action plans'}</h1>
      <p class="lead">{name}</p>
      <p>
        {sv
          ? 'En handlingsplan säger vad som ska göras under en period, med mål per tematiskt område. Aktiviteter som kopplas till ett mål visas som målets framsteg.'
          : 'An action plan says what is to be done in a period, with goals per thematic area. Activities linked to a goal show as its progress.'}
      </p>
      <Notices done={p.done ? DONE[p.done]?.[lang] : undefined} alert={p.notice} />
      {p.plans.length === 0 ? <p>{sv ? 'Inga handlingsplaner registrerade.' : 'No action plans recorded.'}</p> : null}
      {p.plans.map(planSection)}
      {p.mayChange ? (
        <datalist id="tematiska-omraden">
          {THEMATIC_AREAS.map((a) => (
            <option value={a[lang]} />
          ))}
        </datalist>
      ) : null}
      {p.mayChange ? planForm() : null}
    </Layout>
  );
}
