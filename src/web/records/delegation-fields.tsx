// The fields that name a delegation, in the activity form and the
// invitation form alike: its own name and its leading persons, one a line.
// Ortsband warns other bodies that meet the same names (docs/coordination.md).
import { DELEGATION_WINDOW_DAYS } from '../../domain/coordination/delegations.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { Field } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';

/** The persons written in the box, one a line, blank lines left out. */
export const personsOf = (typed: string | undefined): string[] => (typed ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');

export function DelegationFields(props: { lang: Lang; form: string; typed: Record<string, string>; problemOf: (field: string) => FieldProblem | undefined }) {
  const { lang, form, typed } = props;
  const sv = lang === 'sv';
  return (
    <fieldset>
      <legend>{sv ? 'Delegationen (valfritt)' : 'The delegation (optional)'}</legend>
      <p class="hint">
        {sv
          ? `Andra organisationer som möter samma delegation eller samma personer inom ${DELEGATION_WINDOW_DAYS} dagar får en varning, och ni får deras. Namnen visas bara för inloggade.`
          : `Other organisations meeting the same delegation or the same persons within ${DELEGATION_WINDOW_DAYS} days are warned, and you of theirs. The names are shown to signed-in people only.`}
      </p>
      <Field lang={lang} id={`${form}-delegationName`} label={sv ? 'Delegationens namn' : "The delegation's name"} problem={props.problemOf('delegationName')}>
        {(described) => <input id={`${form}-delegationName`} name="delegationName" type="text" maxlength={500} value={typed.delegationName ?? ''} {...described} />}
      </Field>
      <Field
        lang={lang}
        id={`${form}-delegationPersons`}
        label={sv ? 'Personer som leder den' : 'Persons leading it'}
        hint={sv ? 'En per rad, som namnet skrivs: 李明 eller Li Ming.' : 'One a line, as the name is written: 李明 or Li Ming.'}
        problem={props.problemOf('delegationPersons')}
      >
        {(described) => (
          <textarea id={`${form}-delegationPersons`} name="delegationPersons" rows={3} {...described}>
            {typed.delegationPersons ?? ''}
          </textarea>
        )}
      </Field>
    </fieldset>
  );
}
