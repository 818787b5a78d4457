// What a page left out of the address it was given (domain/left-out.ts),
// said where the results begin: which value names nothing and what is
// shown instead.
import type { LeftOut } from '../../domain/left-out.ts';
import type { Lang } from '../i18n.ts';

const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

function sentence(lang: Lang, l: LeftOut, subject: 'list' | 'map'): string {
  const v = shown(l.value);
  const sv = subject === 'list' ? 'Listan' : 'Kartan';
  const en = subject === 'list' ? 'The list' : 'The map';
  switch (l.field) {
    case 'q':
      return lang === 'sv'
        ? `Sökningen ”${v}” innehåller inga bokstäver eller siffror att söka efter. ${sv} visas utan sökning.`
        : `The search “${v}” contains no letters or digits to search for. ${en} is shown without a search.`;
    case 'county':
      return lang === 'sv' ? `Det finns inget län med koden ${v}. ${sv} visas utan länsval.` : `There is no county with the code ${v}. ${en} is shown without a county.`;
    case 'place':
      return lang === 'sv' ? `Det finns ingen ort ”${v}” i registret. ${sv} visas utan ortsval.` : `There is no place “${v}” in the register. ${en} is shown without a place.`;
    case 'kind':
      return lang === 'sv' ? `Det finns ingen avtalsform ”${v}” i registret. ${sv} visas utan val av avtalsform.` : `There is no kind of agreement “${v}” in the register. ${en} is shown without a kind.`;
    case 'page': {
      const pages = l.pages ?? 1;
      return lang === 'sv'
        ? `Sidan ${v} finns inte: det finns ${pages === 1 ? '1 sida' : `${pages} sidor`}. Här visas den sista.`
        : `There is no page ${v}: there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}. This is the last.`;
    }
  }
}

export function LeftOutNotice(props: { lang: Lang; leftOut: readonly LeftOut[] | undefined; subject?: 'list' | 'map' }) {
  if (!props.leftOut?.length) return null;
  return (
    <div class="notice" id="left-out">
      {props.leftOut.map((l) => (
        <p>{sentence(props.lang, l, props.subject ?? 'list')}</p>
      ))}
    </div>
  );
}
