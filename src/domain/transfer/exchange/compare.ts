// How an import compares what a file says with what the register holds:
// records by value (refs by token), a column the file lacks keeping the
// register's value, and a field's column by its name.
import type { ReadTable } from './read.ts';
import type { Ref } from './register-keys.ts';

export const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
/** Refs compare by token; everything else as it is. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    if ('token' in value) return (value as Ref).token;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value ?? null;
}

/** Columns of a schema's fields, where they differ from the snake-case name. */
export const columnFor = (overrides: Record<string, string>) => (field: string) => overrides[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The values to compare with and write over a record the register has: a
 * column the file does not have keeps the register's value, so that a file
 * made before a column existed (summary_en, event_note_en, reasons_en, other_names, note_en, a source's language,
 * a source's title_en, official_title_language, official_title_en, themes_en, funding_en) or
 * one that leaves columns out changes only what it holds. An empty cell of a
 * column the file has still clears the value.
 */
export function withAbsentKept<T extends object>(values: T, existing: T | undefined, table: ReadTable | undefined, column: (field: string) => string, structural: string[] = []): T {
  if (!existing || !table) return values;
  const kept = { ...values } as Record<string, unknown>;
  for (const field of Object.keys(values)) {
    if (!structural.includes(field) && !table.columns.includes(column(field))) kept[field] = (existing as Record<string, unknown>)[field];
  }
  return kept as T;
}

export function nullify<T extends Record<string, unknown>>(values: T): { [K in keyof T]-?: Exclude<T[K], undefined> | null } {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? null])) as never;
}
