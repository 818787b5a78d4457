// Whole rows built as JSON by the database and read back exactly as drizzle
// reads them from the driver: a page that needs an agreement with its parties,
// places, events, reasons and sources gets them in one statement (one round
// trip, one plan) instead of one statement per table, and they still arrive
// as the tables' own row types.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

// json_build_object takes at most 100 arguments: 50 keys.
const MAX_COLUMNS = 50;

const columnsOf = new WeakMap<PgTable, Array<[string, PgTable['_']['columns'][string]]>>();
function entries(table: PgTable) {
  let list = columnsOf.get(table);
  if (!list) columnsOf.set(table, (list = Object.entries(getTableColumns(table))));
  return list;
}

/**
 * `json_build_object('camelKey', alias.column, …)` for every column of a
 * table. Timestamps go as their text form, the form the drivers hand drizzle,
 * so that `rowFromJson` maps them to the same Date. The `withheld` keys are
 * null, whatever the row holds: columns the reader may not read.
 */
export function rowJson(table: PgTable, alias: string, withheld: readonly string[] = []): SQL {
  const columns = entries(table);
  if (columns.length > MAX_COLUMNS) throw new Error(`rowJson: ${columns.length} columns is more than json_build_object takes`);
  return sql.raw(
    `json_build_object(${columns
      .map(([key, column]) =>
        withheld.includes(key) ? `'${key}', null` : `'${key}', ${alias}."${column.name}"${column.getSQLType().startsWith('timestamp') ? '::text' : ''}`,
      )
      .join(', ')})`,
  );
}

const timestampKeysOf = new WeakMap<PgTable, Array<[string, PgTable['_']['columns'][string]]>>();
function timestampKeys(table: PgTable) {
  let list = timestampKeysOf.get(table);
  if (!list) timestampKeysOf.set(table, (list = entries(table).filter(([, column]) => column.getSQLType().startsWith('timestamp'))));
  return list;
}

/**
 * A row that `rowJson` built, as drizzle maps the driver's: JSON already holds
 * every other column as drizzle would (numbers, text, booleans, arrays, days
 * as text), so only the timestamps, sent as text, are mapped (to Date). The
 * parsed object is the row: no copy (this runs for every nested row of every
 * page read). tests/integration/json-rows.test.ts checks every table read
 * this way against drizzle's own select.
 */
export function rowFromJson<T extends PgTable>(table: T, value: Record<string, unknown>): T['$inferSelect'] {
  for (const [key, column] of timestampKeys(table)) {
    const v = value[key];
    if (v !== null && v !== undefined) value[key] = column.mapFromDriverValue(v);
  }
  return value as T['$inferSelect'];
}
