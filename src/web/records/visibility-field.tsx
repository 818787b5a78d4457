// The field that says who may see a record (public, shared, internal), as
// every records form asks it.
import { VISIBILITIES } from '../../db/schema.ts';
import { Field } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';
import { VISIBILITY_NAMES } from './words.ts';

type Problem = Parameters<typeof Field>[0]['problem'];

/** `id` the select's; `chosen` what was typed, else `fallback`; `hint` what the choice means for this record. */
export function VisibilityField(props: { lang: Lang; id: string; label: string; problem: Problem; chosen: string | undefined; fallback: string; hint?: string }) {
  return (
    <Field lang={props.lang} id={props.id} label={props.label} hint={props.hint} problem={props.problem}>
      {(described) => (
        <select id={props.id} name="visibility" {...described}>
          {VISIBILITIES.map((v) => (
            <option value={v} selected={(props.chosen ?? props.fallback) === v}>
              {VISIBILITY_NAMES[v][props.lang]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
