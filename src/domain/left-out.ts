// Filter values that are well formed but name nothing a list can use: a
// search of punctuation alone (%, _, -), a länskod no county has (99), a
// place no record is (nowhere), a kind of agreement the register does not
// keep (foo), a page past the last. The verbs refuse them
// (the JSON API answers 400 naming the parameter); a page leaves them out,
// shows what the list holds without them, and says what it left out and why.
import { isCounty } from './counties.ts';
import { hasSearchText } from './text/search.ts';

export interface LeftOut {
  field: 'q' | 'county' | 'place' | 'kind' | 'page';
  /** What was asked for. */
  value: string;
  /** For a page past the last: how many pages there are. */
  pages?: number;
}

/** The query without a search that has nothing to look for and a county that does not exist, and what was left out. */
export function leaveOutUnusable<T extends { q?: string | undefined; county?: string | undefined }>(query: T): { query: T; leftOut: LeftOut[] } {
  const leftOut: LeftOut[] = [];
  const usable = { ...query };
  if (query.q !== undefined && query.q.trim() !== '' && !hasSearchText(query.q)) {
    leftOut.push({ field: 'q', value: query.q });
    delete usable.q;
  }
  if (query.county !== undefined && /^\d{2}$/.test(query.county) && !isCounty(query.county)) {
    leftOut.push({ field: 'county', value: query.county });
    delete usable.county;
  }
  return { query: usable, leftOut };
}
