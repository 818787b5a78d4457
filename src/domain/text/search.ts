// A text query as SQL over a search_text column, which holds a record's
// names normalised (normalize.ts): "contains the query, normalised".
//
// Three characters or more are found through the column's trigram index
// (pg_trgm). A trigram index cannot find two: it has no trigram to look up,
// and reads every row. Two characters are a whole Chinese place name (苏州,
// 杭州, 广州) and a common start of a search; they are found through a GIN
// index of the text's two-character pieces, search_bigrams() (migration
// 0007). One character is looked for row by row.
import { sql, type SQL } from 'drizzle-orm';
import { normalizeForSearch } from './normalize.ts';

/** `column` contains `query`, normalised; null when the query has nothing to look for. */
export function textMatches(column: SQL, query: string | undefined): SQL | null {
  const needle = query ? normalizeForSearch(query) : '';
  if (!needle) return null;
  const contains = sql`${column} like ${`%${needle.replace(/[\\%_]/g, '\\$&')}%`}`;
  // Pieces never hold a space: normalised, a two-character query never does either.
  return [...needle].length === 2 ? sql`(search_bigrams(${column}) @> array[${needle}]::text[] and ${contains})` : contains;
}
