// CSV downloads of the API: UTF-8 with BOM, cells a spreadsheet would run as
// formulas neutralised (OWASP CSV injection), as the exchange format writes them.
import { csvLine, neutraliseCell } from '../domain/transfer/exchange/format.ts';

const text = (value: unknown) => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value));

export function toCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
  return `\uFEFF${csvLine(columns)}${rows.map((r) => csvLine(columns.map((c) => neutraliseCell(text(r[c]))))).join('')}`;
}
