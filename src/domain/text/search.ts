// A text query as SQL over a search_text column, which holds a record's
// names normalised (normalize.ts): "contains the query, normalised".
//
// Three characters or more are found through the column's trigram index
// (pg_trgm). A trigram index cannot find two: it has no trigram to look up,
// and reads every row. Two characters are a whole Chinese place name (苏州,
// 杭州, 广州) and a common start of a search; they are found through a GIN
// index of the text's two-character pieces, search_bigrams() (migration
// 0007). The same index holds each Chinese character alone (migration 0010):
// one Chinese character (州) is a search people make. One Latin letter is
// looked for row by row: nearly every name holds it.
import { sql, type SQL } from 'drizzle-orm';
import { normalizeForSearch } from './normalize.ts';

/** U+2E80, where the CJK blocks begin: search_bigrams() indexes single characters from here (migration 0010). */
const FIRST_CJK_CODE_POINT = 0x2e80;

/** `column` contains `query`, normalised; null when the query has nothing to look for. */
export function textMatches(column: SQL, query: string | undefined): SQL | null {
  const needle = query ? normalizeForSearch(query) : '';
  if (!needle) return null;
  const contains = sql`${column} like ${`%${needle.replace(/[\\%_]/g, '\\$&')}%`}`;
  // Pieces never hold a space: normalised, a two-character query never does either.
  const characters = [...needle];
  const indexed = characters.length === 2 || (characters.length === 1 && needle.codePointAt(0)! >= FIRST_CJK_CODE_POINT);
  return indexed ? sql`(search_bigrams(${column}) @> array[${needle}]::text[] and ${contains})` : contains;
}
