// The form of an activity, as it is recorded (the activities page) and as
// it is changed (its own page): what it was, where, for which agreements and
// goal, who took part, what it cost and who paid, and who may see it.
import { ACTIVITY_KINDS, FUNDING_SOURCES, type FundingSource } from '../../db/schema.ts';
import type { GoalChoice } from '../../domain/action-plans/list.ts';
import type { PlaceChoice } from '../../domain/activities/place-choices.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field } from '../account/form.tsx';
import { formatEdtf } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { CheckboxList } from './checkbox-list.tsx';
import { DelegationFields } from './delegation-fields.tsx';
import { VisibilityField } from './visibility-field.tsx';
import { DATE_EXAMPLES } from './words.ts';

export const COST_FIELDS = ['costTravelSek', 'costHospitalitySek', 'costProjectSek', 'costOtherSek'] as const;
export const COUNT_FIELDS = ['participantsPoliticians', 'participantsOfficials', 'participantsCompanies', 'participantsEducation', 'participantsStudents'] as const;
/** Each source of funding is a checkbox of its own: `funding.<code>`. */
export const FUNDING_FIELDS = FUNDING_SOURCES.map((f) => `funding.${f}` as const);
export const ACTIVITY_FIELDS = ['kind', 'title', 'titleEn', 'date', 'participants', 'delegationName', 'delegationPersons', 'purpose', 'purposeEn', 'outcome', 'outcomeEn', 'costSek', ...COST_FIELDS, ...COUNT_FIELDS, ...FUNDING_FIELDS, 'actionPlanGoalId', 'visibility'] as const;
/** The numbers of the activity form: those parsed as whole numbers before the verb sees them. */
export const ACTIVITY_NUMBER_FIELDS = ['costSek', ...COST_FIELDS, ...COUNT_FIELDS] as const;

export const COST_CATEGORY_NAMES: Record<(typeof COST_FIELDS)[number], { sv: string; en: string }> = {
  costTravelSek: { sv: 'Resor', en: 'Travel' },
  costHospitalitySek: { sv: 'Representation och värdskap', en: 'Hospitality' },
  costProjectSek: { sv: 'Projekt', en: 'Project' },
  costOtherSek: { sv: 'Övrigt', en: 'Other' },
};
export const PARTICIPANT_GROUP_NAMES: Record<(typeof COUNT_FIELDS)[number], { sv: string; en: string }> = {
  participantsPoliticians: { sv: 'Politiker', en: 'Politicians' },
  participantsOfficials: { sv: 'Tjänstepersoner', en: 'Officials' },
  participantsCompanies: { sv: 'Företag', en: 'Companies' },
  participantsEducation: { sv: 'Skolor och lärosäten', en: 'Schools and universities' },
  participantsStudents: { sv: 'Elever och studenter', en: 'Pupils and students' },
};
/** What a number's problem is said after: the same message stands under each of these fields (problemsFor). */
export const ACTIVITY_NUMBER_NAMES: Record<(typeof ACTIVITY_NUMBER_FIELDS)[number], { sv: string; en: string }> = {
  ...COST_CATEGORY_NAMES,
  costSek: { sv: 'Kostnad totalt', en: 'Total cost' },
  ...PARTICIPANT_GROUP_NAMES,
};
export const FUNDING_NAMES: Record<FundingSource, { sv: string; en: string }> = {
  own_budget: { sv: 'Egen budget', en: 'Own budget' },
  icld_sida: { sv: 'ICLD/Sida', en: 'ICLD/Sida' },
  eu: { sv: 'EU', en: 'EU' },
  counterpart: { sv: 'Motparten', en: 'The counterpart' },
  other: { sv: 'Annan finansiering', en: 'Other funding' },
};

/** The select of the goals an activity may serve, with "none" first; `chosen` as a string ('' for none). */
export function GoalSelect(props: { lang: Lang; form: string; goals: GoalChoice[]; chosen: string; problem: FieldProblem | undefined }) {
  const { lang, form } = props;
  const sv = lang === 'sv';
  return (
    <Field
      lang={lang}
      id={`${form}-actionPlanGoalId`}
      label={sv ? 'Handlingsplanens mål (valfritt)' : "The action plan's goal (optional)"}
      hint={sv ? 'Aktiviteten visas som framsteg för målet på sidan Handlingsplaner.' : 'The activity shows as progress of the goal on the Action plans page.'}
      problem={props.problem}
    >
      {(described) => (
        <select id={`${form}-actionPlanGoalId`} name="actionPlanGoalId" {...described}>
          <option value="" selected={props.chosen === ''}>
            {sv ? 'Inget mål' : 'No goal'}
          </option>
          {props.goals.map((g) => (
            <option value={String(g.id)} selected={props.chosen === String(g.id)}>
              {`${g.planTitle} (${formatEdtf(g.periodFrom, lang)}–${formatEdtf(g.periodTo, lang)}): ${g.theme}: ${g.goal.length > 80 ? `${g.goal.slice(0, 80)}…` : g.goal}`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface ActivityFormProps {
  lang: Lang;
  csrf: string;
  /** The form's name: the prefix of its fields' ids. */
  form: string;
  action: string;
  /** What the form shows: what was typed, or the activity as it is. */
  typed: Record<string, string>;
  /** Its problems, each with the id of the field it is shown beside (problemsFor). */
  problems: Array<FieldProblem & { id: string }>;
  goals: GoalChoice[];
  furtherChoices: Array<{ slug: string; partyLabel: string; counterpartLabel: string }>;
  placeChoices: { swedish: PlaceChoice[]; chinese: PlaceChoice[] };
  /** The version of the activity the form was opened at, when it changes one. */
  expectedVersion?: number;
  submit: string;
  /** Further fields before the button (the reason for a change). */
  children?: unknown;
}

export function ActivityForm(p: ActivityFormProps) {
  const { lang, form, typed } = p;
  const sv = lang === 'sv';
  const problemOf = (_form: string, field: string) => p.problems.find((x) => x.id === `${form}-${field}`);
    // A field in English (its name ends so) is marked as English text, whatever the page's language.
    const text = (field: 'title' | 'titleEn' | 'participants' | 'purpose' | 'purposeEn' | 'outcome' | 'outcomeEn', words: string, long = false) => {
      const written = field.endsWith('En') ? 'en' : undefined;
      return (
        <Field lang={lang} id={`${form}-${field}`} label={words} problem={problemOf(form, field)}>
          {(described) =>
            long ? (
              <textarea id={`${form}-${field}`} name={field} rows={3} maxlength={5000} lang={written} {...described}>
                {typed[field] ?? ''}
              </textarea>
            ) : (
              <input id={`${form}-${field}`} name={field} type="text" maxlength={1000} lang={written} value={typed[field] ?? ''} {...described} />
            )
          }
        </Field>
      );
    };
    return (
      <>
        <ErrorSummary lang={lang} problems={p.problems} />
        <form method="post" action={p.action} class="form" novalidate>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          {p.expectedVersion !== undefined ? <input type="hidden" name="expectedVersion" value={String(p.expectedVersion)} /> : null}
          <Field lang={lang} id={`${form}-kind`} label={sv ? 'Slags aktivitet' : 'Kind of activity'} problem={problemOf(form, 'kind')}>
            {(described) => (
              <select id={`${form}-kind`} name="kind" {...described}>
                {ACTIVITY_KINDS.map((kind) => (
                  <option value={kind} selected={typed.kind === kind}>
                    {label(lang, 'activity', kind)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('title', sv ? 'Rubrik' : 'Title')}
          {text('titleEn', sv ? 'Rubrik på engelska (valfri: visas på de engelska sidorna)' : 'Title in English (optional: shown on the English pages)')}
          <Field
            lang={lang}
            id={`${form}-date`}
            label={sv ? 'Datum' : 'Date'}
            hint={sv ? `Så exakt som det är känt: ${DATE_EXAMPLES.sv}.` : `As precisely as it is known: ${DATE_EXAMPLES.en}.`}
            problem={problemOf(form, 'date')}
          >
            {(described) => <input id={`${form}-date`} name="date" type="text" maxlength={40} value={typed.date ?? ''} {...described} />}
          </Field>
          {text('participants', sv ? 'Deltagare (valfritt)' : 'Participants (optional)')}
          <DelegationFields lang={lang} form={form} typed={typed} problemOf={(field) => problemOf(form, field)} />
          {text('purpose', sv ? 'Syfte och program (valfritt)' : 'Purpose and programme (optional)', true)}
          {text('purposeEn', sv ? 'Syfte och program på engelska (valfritt)' : 'Purpose and programme in English (optional)', true)}
          {text('outcome', sv ? 'Resultat (valfritt)' : 'Outcome (optional)', true)}
          {text('outcomeEn', sv ? 'Resultat på engelska (valfritt)' : 'Outcome in English (optional)', true)}
          <fieldset>
            <legend>{sv ? 'Deltagare per grupp, antal (valfritt)' : 'Participants by group, how many (optional)'}</legend>
            {COUNT_FIELDS.map((field) => (
              <Field lang={lang} id={`${form}-${field}`} label={PARTICIPANT_GROUP_NAMES[field][lang]} problem={problemOf(form, field)}>
                {(described) => <input id={`${form}-${field}`} name={field} type="text" inputmode="numeric" maxlength={10} value={typed[field] ?? ''} {...described} />}
              </Field>
            ))}
          </fieldset>
          <fieldset>
            <legend>{sv ? 'Kostnad i kr (valfri)' : 'Cost in SEK (optional)'}</legend>
            <p class="hint">{sv ? 'Per kategori, eller bara totalt. Med kategorier räknas totalen ut.' : 'By category, or only the total. With categories the total is their sum.'}</p>
            {COST_FIELDS.map((field) => (
              <Field lang={lang} id={`${form}-${field}`} label={COST_CATEGORY_NAMES[field][lang]} problem={problemOf(form, field)}>
                {(described) => <input id={`${form}-${field}`} name={field} type="text" inputmode="numeric" maxlength={20} value={typed[field] ?? ''} {...described} />}
              </Field>
            ))}
            <Field lang={lang} id={`${form}-costSek`} label={sv ? 'Totalt' : 'Total'} problem={problemOf(form, 'costSek')}>
              {(described) => <input id={`${form}-costSek`} name="costSek" type="text" inputmode="numeric" maxlength={20} value={typed.costSek ?? ''} {...described} />}
            </Field>
          </fieldset>
          <fieldset id={`${form}-funding`}>
            <legend>{sv ? 'Finansiering (valfri)' : 'Funding (optional)'}</legend>
            {problemOf(form, 'funding') ? (
              <p class="error-message" id={`${form}-funding-error`}>
                {problemOf(form, 'funding')!.message}
              </p>
            ) : null}
            {FUNDING_SOURCES.map((f) => (
              <div class="field checkbox">
                <input id={`${form}-funding-${f}`} name={`funding.${f}`} type="checkbox" value="1" checked={typed[`funding.${f}`] === '1'} />
                <label for={`${form}-funding-${f}`} class="inline-label">{FUNDING_NAMES[f][lang]}</label>
              </div>
            ))}
          </fieldset>
          {(
            [
              ['swedishPlaces', sv ? 'Platser i Sverige (valfritt)' : 'Places in Sweden (optional)', p.placeChoices.swedish.map((c) => ({ value: c.slug, label: c.name }))],
              ['chinesePlaces', sv ? 'Platser i Kina (valfritt)' : 'Places in China (optional)', p.placeChoices.chinese.map((c) => ({ value: c.slug, label: c.name }))],
              [
                'alsoServes',
                sv ? 'Aktiviteten gäller också dessa avtal (valfritt)' : 'The activity also serves these agreements (optional)',
                p.furtherChoices.map((c) => ({ value: c.slug, label: `${c.partyLabel} – ${c.counterpartLabel}` })),
              ],
            ] as const
          ).map(([name, legend, choices]) =>
            choices.length || problemOf(form, name) ? <CheckboxList form={form} name={name} legend={legend} choices={choices} typed={typed} problem={problemOf(form, name)} /> : null,
          )}
          {p.goals.length || problemOf(form, 'actionPlanGoalId') ? (
            <GoalSelect lang={lang} form={form} goals={p.goals} chosen={typed.actionPlanGoalId ?? ''} problem={problemOf(form, 'actionPlanGoalId')} />
          ) : null}
          {/* Internal unless chosen otherwise: an activity may name people (participants, a delegation), and what is shared is read by every other body. The hint says what that means for the shared calendar. */}
          <VisibilityField
            lang={lang}
            id={`${form}-visibility`}
            label={sv ? 'Vem får se aktiviteten' : 'Who may see the activity'}
            hint={
              sv
                ? 'Ett internt besök visas bara för den egna organisationen, inte för andra organ i den gemensamma besökskalendern. Välj delad för att de ska se det.'
                : 'An internal visit is shown to your own organisation only, not to other bodies in the shared calendar of visits. Choose shared for them to see it.'
            }
            problem={problemOf(form, 'visibility')}
            chosen={typed.visibility}
            fallback="internal"
          />
          {p.children}
          <button type="submit">{p.submit}</button>
        </form>
      </>
    );
}
