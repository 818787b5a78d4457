// Writing many rows in few statements: each batch is one JSON parameter that
// the database unpacks into the table's row type. Drizzle's insert builder
// spends about 60 µs a row building parameters (measured on the import of
// 100,000 events), which this avoids; the rows use the database's column
// names (snake_case).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from './client.ts';

const BATCH = 5_000;

function columnsOf(rows: ReadonlyArray<Record<string, unknown>>): SQL {
  return sql.join(Object.keys(rows[0]!).map((c) => sql.identifier(c)), sql`, `);
}

/** A row of camelCase fields as the database's snake_case columns, for insertRows. */
export const snakeColumns = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

/** Inserts rows (objects by column name) into `table`; `onConflict` is appended as it is. */
export async function insertRows(db: Executor, table: string, rows: ReadonlyArray<Record<string, unknown>>, onConflict: SQL = sql``): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const columns = columnsOf(batch);
    await db.execute(
      sql`insert into ${sql.identifier(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(batch)}::json) ${onConflict}`,
    );
  }
}

/** `count` new ids from a table's id sequence, in order: rows written with them can be referred to before they are written. */
export async function nextIds(db: Executor, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await queryRows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${count})`);
  return rows.map((r) => r.id);
}
