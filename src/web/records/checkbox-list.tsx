// A list of checkboxes that a form sends as `name.0`, `name.1`, …: the
// further agreements a plan or an activity serves, the places of an
// activity. One fieldset, its problem shown at its top; the id of the
// fieldset is what an error summary links to (`<form>-<name>`).
import type { FieldProblem } from '../../domain/errors.ts';

type Problem = FieldProblem | undefined;

export interface Choice {
  value: string;
  label: string;
}

/** `typed` what was sent (`name.<i>` → value), so a refused form keeps the boxes ticked. */
export function CheckboxList(props: { form: string; name: string; legend: string; choices: Choice[]; typed: Record<string, string>; problem: Problem }) {
  const id = `${props.form}-${props.name}`;
  const ticked = new Set(Object.entries(props.typed).filter(([key]) => key.startsWith(`${props.name}.`)).map(([, value]) => value));
  return (
    <fieldset id={id} name={props.name} tabindex={-1} aria-describedby={props.problem ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.problem ? (
        <span class="error-message" id={`${id}-error`}>
          {props.problem.message}
        </span>
      ) : null}
      {props.choices.map((choice, i) => (
        <div class="field checkbox">
          <input type="checkbox" id={`${id}-${i}`} name={`${props.name}.${i}`} value={choice.value} checked={ticked.has(choice.value)} />
          <label for={`${id}-${i}`} class="inline-label">
            {choice.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
