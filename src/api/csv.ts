import { stringify } from 'csv-stringify/sync';

// A cell that a spreadsheet would run as a formula is neutralised with a
// leading apostrophe (OWASP CSV injection).
const neutralise = (value: unknown) => {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

export function toCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
  return stringify([columns, ...rows.map((r) => columns.map((c) => neutralise(r[c])))], { bom: true, record_delimiter: '\r\n' });
}
