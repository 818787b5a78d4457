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
