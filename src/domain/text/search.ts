// A text query as SQL over a search_text column, which holds a record's
// names normalised (normalize.ts), each name once, joined by " | ". A query
// is its words: every word must be contained somewhere in the text, in any
// name and in any order ("Kronoberg Suzhou" finds the agreement of Region
// Kronoberg with Suzhou, whose text holds both names apart).
//
// A word of three characters or more is found through the column's trigram
// index (pg_trgm); the words of one query are keys of one scan of it. A
// trigram index cannot find two characters: it has no trigram to look up,
// and reads every row. Two characters are a whole Chinese place name (苏州,
// 杭州, 广州) and a common start of a search; they are found through a GIN
// index of the text's two-character pieces, search_bigrams() (migration
// 0007). The same index holds each Chinese character alone (migration 0010):
// one Chinese character (州) is a search people make. One Latin letter is
// looked for row by row: nearly every name holds it. It is written as
// strpos(), which no index serves, so that beside other words it stays a
// check on their matches and never makes the trigram index read itself whole.
import { sql, type SQL } from 'drizzle-orm';
import { invalid } from '../errors.ts';
import { normalizeForSearch } from './normalize.ts';

/** U+2E80, where the CJK blocks begin: search_bigrams() indexes single characters from here (migration 0010). */
const FIRST_CJK_CODE_POINT = 0x2e80;

/**
 * The words a query looks for, normalised, each once; a word inside another
 * word of the query is left out (whatever holds "suzhou" holds "su").
 */
export function searchWords(query: string | undefined): string[] {
  const words = [...new Set((query ? normalizeForSearch(query) : '').split(' ').filter(Boolean))];
  return words.filter((w) => !words.some((other) => other !== w && other.includes(w)));
}

/** Whether a query has something to look for: a letter or a digit. A query of punctuation alone (%, _, -) has not. */
export const hasSearchText = (query: string | undefined) => searchWords(query).length > 0;

/** The problem of a query that is given but has nothing to look for, as the verbs report it. */
export const NOTHING_TO_SEARCH = 'has no letter or digit to search for';

function wordMatches(column: SQL, word: string): SQL {
  const characters = [...word];
  if (characters.length === 1 && word.codePointAt(0)! < FIRST_CJK_CODE_POINT) return sql`strpos(${column}, ${word}) > 0`;
  const contains = sql`${column} like ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`;
  // Pieces never hold a space, and neither does a word.
  const indexed = characters.length <= 2;
  return indexed ? sql`(search_bigrams(${column}) @> array[${word}]::text[] and ${contains})` : contains;
}

/**
 * `column` contains every word of `query`, normalised; null when no query is
 * given. A query given with nothing to look for is refused (field `field`):
 * it would otherwise match everything, silently.
 */
export function textMatches(column: SQL, query: string | undefined, field = 'q'): SQL | null {
  if (query === undefined || query.trim() === '') return null;
  const words = searchWords(query);
  if (!words.length) throw invalid([{ field, message: NOTHING_TO_SEARCH }]);
  return sql.join(
    words.map((word) => wordMatches(column, word)),
    sql` and `,
  );
}
