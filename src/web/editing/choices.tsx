// Choosing parties, counterparts and sources without JavaScript: what is
// chosen is a list of ticked boxes; a search field and its "Sök" button in
// the same form send everything typed so far, and the page comes back with
// the matches added as unticked boxes. Ticking one and saving (or searching
// again) keeps it.
import { PARTY_ROLES } from '../../db/schema.ts';
import type { ActorChoice, PlaceChoice, SourceChoice } from '../../domain/agreements/choices.ts';
import { label, type Lang } from '../i18n.ts';
import { formatEdtf } from '../format.ts';

export interface PartyRow {
  actor: string;
  role: string;
  note: string;
  noteEn: string;
  keep: boolean;
}
export interface PlaceRow {
  slug: string;
  keep: boolean;
}
export interface SourceRow {
  slug: string;
  passage: string;
  keep: boolean;
}

/** What a search in the form found, or why it found nothing. */
export interface SearchNote {
  message: string;
  more?: boolean;
}

function ErrorText(props: { id: string; message?: string }) {
  return props.message ? (
    <span class="error-message" id={props.id}>
      {props.message}
    </span>
  ) : null;
}

function SearchField(props: { lang: Lang; id: string; name: string; label: string; hint: string; value: string; action: string; note?: SearchNote }) {
  const sv = props.lang === 'sv';
  return (
    <div class="search-row">
      <label for={props.id}>{props.label}</label>
      <span class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
      <input id={props.id} name={props.name} type="search" value={props.value} maxlength={200} aria-describedby={`${props.id}-hint${props.note ? ` ${props.id}-note` : ''}`} />{' '}
      <button type="submit" name="action" value={props.action} class="secondary">
        {sv ? 'Sök' : 'Search'}
      </button>
      {props.note ? (
        <p class="hint" id={`${props.id}-note`} role="status">
          {props.note.message}
          {props.note.more ? (sv ? ' Fler finns: skriv mer av namnet för att se dem.' : ' There are more: type more of the name to see them.') : ''}
        </p>
      ) : null}
    </div>
  );
}

export function PartyChoices(props: { lang: Lang; rows: PartyRow[]; known: Map<string, ActorChoice>; query: string; note?: SearchNote; problem?: string }) {
  const { lang } = props;
  const sv = lang === 'sv';
  return (
    <fieldset class={props.problem ? 'choices field-error' : 'choices'} aria-describedby={props.problem ? 'parties-error' : undefined}>
      <legend>{sv ? 'Svenska parter' : 'Swedish parties'}</legend>
      <ErrorText id="parties-error" message={props.problem} />
      {props.rows.length ? (
        <ul class="choice-list">
          {props.rows.map((row, i) => {
            const actor = props.known.get(row.actor);
            const name = actor ? `${actor.name} (${label(lang, 'actorKind', actor.kind)}${actor.municipalityCode ? `, ${actor.municipalityCode}` : ''})` : row.actor;
            return (
              <li>
                <input type="hidden" name={`party.${i}.actor`} value={row.actor} />
                <input type="hidden" name={`party.${i}.noteEn`} value={row.noteEn} />
                <input type="checkbox" id={`party-${i}-keep`} name={`party.${i}.keep`} value="1" checked={row.keep} />
                <label for={`party-${i}-keep`} class="inline-label">
                  {name}
                </label>
                <span class="choice-details">
                  <label for={`party-${i}-role`} class="inline-label">
                    {sv ? 'Roll' : 'Role'}
                  </label>{' '}
                  <select id={`party-${i}-role`} name={`party.${i}.role`}>
                    {PARTY_ROLES.map((r) => (
                      <option value={r} selected={row.role === r}>
                        {label(lang, 'role', r)}
                      </option>
                    ))}
                  </select>{' '}
                  <label for={`party-${i}-note`} class="inline-label">
                    {sv ? 'Anteckning' : 'Note'}
                  </label>{' '}
                  <input type="text" id={`party-${i}-note`} name={`party.${i}.note`} value={row.note} maxlength={1000} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{sv ? 'Ingen vald ännu.' : 'None chosen yet.'}</p>
      )}
      <SearchField
        lang={lang}
        id="actor-q"
        name="actorQuery"
        label={sv ? 'Sök svensk part' : 'Find a Swedish party'}
        hint={sv ? 'Namn eller SCB-kod, till exempel Linköping eller 0580. Kryssa i den du vill ha.' : 'Name or SCB code, e.g. Linköping or 0580. Tick the one you want.'}
        value={props.query}
        action="find-actors"
        note={props.note}
      />
    </fieldset>
  );
}

/** "Hangzhou 杭州市 (Hángzhōu), stad på prefekturnivå i Zhejiang 浙江省". */
export function placeText(lang: Lang, p: PlaceChoice): string {
  const own = [p.nameLatin, p.nameNative, p.namePinyin && p.namePinyin !== p.nameLatin ? `(${p.namePinyin})` : null].filter(Boolean).join(' ');
  const chain = p.chain.length ? ` ${lang === 'sv' ? 'i' : 'in'} ${[...p.chain].reverse().map((c) => [c.nameLatin, c.nameNative].filter(Boolean).join(' ')).join(', ')}` : '';
  return `${own}, ${label(lang, 'level', p.level)}${chain}`;
}

export function PlaceChoices(props: { lang: Lang; rows: PlaceRow[]; known: Map<string, PlaceChoice>; query: string; note?: SearchNote; problem?: string }) {
  const { lang } = props;
  const sv = lang === 'sv';
  return (
    <fieldset class={props.problem ? 'choices field-error' : 'choices'} aria-describedby={props.problem ? 'counterparts-error' : undefined}>
      <legend>{sv ? 'Motparter' : 'Counterparts'}</legend>
      <ErrorText id="counterparts-error" message={props.problem} />
      {props.rows.length ? (
        <ul class="choice-list">
          {props.rows.map((row, i) => {
            const place = props.known.get(row.slug);
            return (
              <li>
                <input type="hidden" name={`place.${i}.slug`} value={row.slug} />
                <input type="checkbox" id={`place-${i}-keep`} name={`place.${i}.keep`} value="1" checked={row.keep} />
                <label for={`place-${i}-keep`} class="inline-label">
                  {place ? placeText(lang, place) : row.slug}
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{sv ? 'Ingen vald ännu.' : 'None chosen yet.'}</p>
      )}
      <SearchField
        lang={lang}
        id="place-q"
        name="placeQuery"
        label={sv ? 'Sök motpart' : 'Find a counterpart'}
        hint={sv ? '汉字, pinyin med eller utan toner, eller latinskt namn, till exempel 杭州, Hángzhōu eller Hangzhou.' : '汉字, pinyin with or without tones, or Latin name, e.g. 杭州, Hángzhōu or Hangzhou.'}
        value={props.query}
        action="find-places"
        note={props.note}
      />
    </fieldset>
  );
}

export function SourceChoices(props: { lang: Lang; rows: SourceRow[]; known: Map<string, SourceChoice>; query: string; note?: SearchNote; problems: Map<number, string> }) {
  const { lang } = props;
  const sv = lang === 'sv';
  return (
    <fieldset class="choices">
      <legend>{sv ? 'Källor' : 'Sources'}</legend>
      {props.rows.length ? (
        <ul class="choice-list">
          {props.rows.map((row, i) => {
            const source = props.known.get(row.slug);
            const problem = props.problems.get(i);
            return (
              <li class={problem ? 'field-error' : undefined}>
                <ErrorText id={`source-${i}-error`} message={problem} />
                <input type="hidden" name={`source.${i}.slug`} value={row.slug} />
                <input type="checkbox" id={`source-${i}-keep`} name={`source.${i}.keep`} value="1" checked={row.keep} aria-describedby={problem ? `source-${i}-error` : undefined} />
                <label for={`source-${i}-keep`} class="inline-label">
                  {source ? `${source.title}${source.published ? ` (${formatEdtf(source.published, lang)})` : ''}` : row.slug}
                </label>
                <span class="choice-details">
                  <label for={`source-${i}-passage`} class="inline-label">
                    {sv ? 'Ställe i källan' : 'Passage'}
                  </label>{' '}
                  <input type="text" id={`source-${i}-passage`} name={`source.${i}.passage`} value={row.passage} maxlength={1000} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{sv ? 'Ingen vald ännu.' : 'None chosen yet.'}</p>
      )}
      <SearchField
        lang={lang}
        id="source-q"
        name="sourceQuery"
        label={sv ? 'Sök källa' : 'Find a source'}
        hint={sv ? 'Del av titeln, utgivaren eller källans adress. Skriv sidan eller paragrafen under ”Ställe i källan”.' : 'Part of the title, publisher or the source’s address. Give the page or section under “Passage”.'}
        value={props.query}
        action="find-sources"
        note={props.note}
      />
    </fieldset>
  );
}
