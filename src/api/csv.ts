// CSV downloads of the API: UTF-8 with BOM, cells a spreadsheet would run as
// formulas neutralised (OWASP CSV injection), as the exchange format writes them.
import { csvLine, neutraliseCell } from '../domain/transfer/exchange/format.ts';

const text = (value: unknown) => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value));

/**
 * The rows as CSV. `delimiter`: `;` for Excel with Swedish settings.
 * `headers`: what the first line says of each column (the column's key when
 * not given: what programs read).
 */
export function toCsv(columns: string[], rows: Array<Record<string, unknown>>, options: { delimiter?: ',' | ';'; headers?: string[] } = {}): string {
  const d = options.delimiter ?? ',';
  return `\uFEFF${csvLine(options.headers ?? columns, d)}${rows.map((r) => csvLine(columns.map((c) => neutraliseCell(text(r[c]))), d)).join('')}`;
}

/** A column's header for people, in their language (the key when it has none). */
const HEADERS: Record<string, { sv: string; en: string }> = {
  slug: { sv: 'Adress i registret', en: 'Address in the register' },
  partyLabel: { sv: 'Svensk part', en: 'Swedish party' },
  counterpartLabel: { sv: 'Motpart', en: 'Counterpart' },
  kind: { sv: 'Avtalsform (kod)', en: 'Kind (code)' },
  kindName: { sv: 'Avtalsform', en: 'Kind' },
  officialTitle: { sv: 'Officiell benämning', en: 'Official title' },
  establishedYear: { sv: 'Etablerat år', en: 'Year established' },
  status: { sv: 'Status (kod)', en: 'Status (code)' },
  statusName: { sv: 'Status', en: 'Status' },
  year: { sv: 'År', en: 'Year' },
  decade: { sv: 'Decennium', en: 'Decade' },
  total: { sv: 'Totalt', en: 'Total' },
  ended: { sv: 'Avslutade', en: 'Ended' },
  endedBySwedishSide: { sv: 'Avslutade av svensk sida', en: 'Ended by the Swedish side' },
  endedByCounterpart: { sv: 'Avslutade av motparten', en: 'Ended by the counterpart' },
  endedSideUnknown: { sv: 'Avslutade, okänt av vem', en: 'Ended, by whom unknown' },
  paused: { sv: 'Pausade', en: 'Paused' },
  key: { sv: 'Kod', en: 'Code' },
  name: { sv: 'Namn', en: 'Name' },
  established: { sv: 'Etablerade', en: 'Established' },
  inForce: { sv: 'Pågående', en: 'In force' },
  code: { sv: 'Skäl (kod)', en: 'Reason (code)' },
  reasonName: { sv: 'Skäl', en: 'Reason' },
  decision_maker: { sv: 'Angivet i beslutet', en: 'Given in the decision' },
  representative: { sv: 'Angivet av företrädare', en: 'Given by representatives' },
  opposition: { sv: 'Angivet av oppositionen', en: 'Given by the opposition' },
};

/** Headers for people in `lang`; `named` names the columns HEADERS lacks (the kinds of agreement). */
export const peopleHeaders = (lang: 'sv' | 'en', columns: string[], named: (column: string) => string = (c) => c) =>
  columns.map((c) => HEADERS[c]?.[lang] ?? named(c));
