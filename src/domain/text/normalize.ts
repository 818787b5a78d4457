// One normalisation for everything searchable, applied when a record is
// written and to every query, so that 蘇州/苏州, "Suzhou", "Sūzhōu",
// "Goteborg" and "Göteborg" meet in the same text.
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function normalizeForSearch(text: string): string {
  return toSimplified(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '') // tone marks and Swedish diacritics
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '') // Xi’an = Xian
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type ActorNames = { name: string; municipalityCode?: string | null; otherNames?: readonly string[] | null };
type CounterpartNames = { nameLatin: string; nameNative?: string | null; namePinyin?: string | null; otherNames?: readonly string[] | null };

/** What an actor is found by: its name, its SCB code and the names it is also known by. */
export const actorNames = (a: ActorNames) => [a.name, a.municipalityCode, ...(a.otherNames ?? [])];
/** What a counterpart is found by: its names in Latin letters, its own script and pinyin, and its other names. */
export const counterpartNames = (c: CounterpartNames) => [c.nameLatin, c.nameNative, c.namePinyin, ...(c.otherNames ?? [])];

export const actorSearchText = (a: ActorNames) => searchTextOf(actorNames(a));
export const counterpartSearchText = (c: CounterpartNames) => searchTextOf(counterpartNames(c));

/** The text a record is found by: every name it goes by, normalised. */
export function searchTextOf(names: Array<string | null | undefined>): string {
  const parts = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const normalized = normalizeForSearch(name);
    if (normalized) parts.add(normalized);
  }
  return [...parts].join(' | ');
}
