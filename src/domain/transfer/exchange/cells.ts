// From a row's cells to the values a schema checks: empty cells are absent,
// the apostrophe an export put before a formula-like cell is taken away, a
// formula is refused, numbers may have a decimal comma; and from a Zod
// problem to a sentence a clerk understands, naming the column.
import type { z } from 'zod';
import { looksLikeFormula, restoreCell, splitList, type TableName } from './format.ts';
import type { Problem, TableRow } from './read.ts';

export class RowReader {
  constructor(
    readonly file: string,
    readonly table: TableName,
    readonly row: TableRow,
    readonly problems: Problem[],
  ) {}

  problem(column: string | undefined, message: string) {
    this.problems.push({ file: this.file, table: this.table, row: this.row.row, ...(column ? { column } : {}), message });
  }

  /** The cell's text, or undefined when empty or refused. */
  text(column: string): string | undefined {
    const raw = this.row.cells[column];
    if (raw === undefined || raw === '') return undefined;
    if (looksLikeFormula(raw)) {
      this.problem(column, `'${clip(raw)}' would run as a spreadsheet formula; remove the leading '${raw[0]}' (or start the cell with an apostrophe)`);
      return undefined;
    }
    return restoreCell(raw);
  }

  number(column: string): number | undefined {
    const raw = restoreCell(this.row.cells[column] ?? '');
    if (raw === undefined || raw === '') return undefined;
    if (!/^-?\d+([.,]\d+)?$/.test(raw)) {
      this.problem(column, `'${clip(raw)}' is not a number; write it as 57,7 or 57.7`);
      return undefined;
    }
    return Number(raw.replace(',', '.'));
  }

  list(column: string): string[] {
    const text = this.text(column);
    return text === undefined ? [] : splitList(text);
  }

  /** "source: passage | source" → citations. */
  citations(column: string): Array<{ source: string; passage: string | null }> {
    return this.list(column).map((item) => {
      const at = item.indexOf(':');
      return at < 0 ? { source: item, passage: null } : { source: item.slice(0, at).trim(), passage: item.slice(at + 1).trim() || null };
    });
  }

  /** Parses with a schema; each problem names the column `columnOf` maps its field to. */
  /** `readerOf` reports a column's problem on another row (an agreement's columns may stand on any of its rows). */
  parse<S extends z.ZodType>(schema: S, input: Record<string, unknown>, columnOf: (field: string) => string, readerOf: (column: string) => RowReader = () => this): z.infer<S> | null {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const value = issue.path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined), input);
      const column = field ? columnOf(field) : undefined;
      (column ? readerOf(column) : this).problem(column, describeIssue(issue, value));
    }
    return null;
  }
}

export const clip = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length)}…` : text);

export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const shown = typeof value === 'string' ? `'${clip(value)}'` : value === undefined ? '' : JSON.stringify(value);
  switch (issue.code) {
    case 'invalid_value':
      return `${shown} is not allowed; write one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return value === undefined || value === null ? 'is empty; it is needed' : `${shown} is not ${issue.expected === 'number' ? 'a number' : 'text'}`;
    case 'too_big':
      return issue.origin === 'string' ? `is ${String(value).length} characters long; at most ${issue.maximum}` : `has more than ${issue.maximum} entries`;
    case 'too_small':
      return issue.origin === 'string' ? 'is empty; it is needed' : issue.origin === 'array' ? `needs at least ${issue.minimum}` : `${shown} is less than ${issue.minimum}`;
    default:
      // Custom messages (dates, codes) already say what to write.
      return issue.message.startsWith("'") || !shown ? issue.message : `${shown} ${issue.message}`;
  }
}
