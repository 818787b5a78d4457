import { describe, expect, it } from 'vitest';
import { hasSearchText, searchWords } from './search.ts';

describe('the words of a search', () => {
  it('are its words normalised, each once, without those inside another', () => {
    expect(searchWords('Region Kronoberg – Suzhou')).toEqual(['region', 'kronoberg', 'suzhou']);
    expect(searchWords('Sū Suzhou 蘇州')).toEqual(['suzhou', '苏州']);
    expect(searchWords('kronoberg KRONOBERG')).toEqual(['kronoberg']);
  });

  it('a search of punctuation alone has nothing to look for; LIKE wildcards are never part of a word', () => {
    for (const q of ['%', '_', '-', '%_%', '–', '\\', "'"]) expect(hasSearchText(q), q).toBe(false);
    expect(searchWords('a%b_c')).toEqual(['a', 'b', 'c']);
  });
});
