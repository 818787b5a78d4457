// What tables the database holds, read from PostgreSQL's catalog rather than
// from schema.ts, so that backup and restore include every table a migration
// adds without anyone updating a list: columns in order with their types,
// primary keys, foreign keys, and the sequences behind serial and identity
// columns. The same catalog queries run on PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from './client.ts';

export interface CatalogColumn {
  name: string;
  /** As format_type prints it ("integer[]", "timestamp with time zone"): what a text value is cast to. */
  type: string;
  /** GENERATED ALWAYS AS (…) STORED: computed by the database, never written. */
  generated: boolean;
  identity: boolean;
}

export interface CatalogTable {
  name: string;
  /** Every column, in the table's order. */
  columns: CatalogColumn[];
  /** The primary key's columns in key order; empty when the table has none. */
  primaryKey: CatalogColumn[];
}

export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  /** As pg_get_constraintdef prints it: what `alter table … add constraint name` takes to make it again. */
  definition: string;
}

/** A name as a quoted SQL identifier. Names come from the catalog, never from input. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Tables in the public schema; partitions are read through their parent, and
// an extension's own tables belong to the extension.
const PUBLIC_TABLES = sql`
  select c.oid, c.relname
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

/** The public schema's tables, referenced tables before the tables that reference them. */
export async function readTables(db: Executor): Promise<CatalogTable[]> {
  const columns = await queryRows<{ table_name: string; name: string; type: string; generated: boolean; identity: boolean }>(
    db,
    sql`with t as (${PUBLIC_TABLES})
        select t.relname as table_name, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               a.attgenerated <> '' as generated, a.attidentity <> '' as identity
        from t join pg_attribute a on a.attrelid = t.oid
        where a.attnum > 0 and not a.attisdropped
        order by t.relname, a.attnum`,
  );
  const keys = await queryRows<{ table_name: string; name: string }>(
    db,
    sql`with t as (${PUBLIC_TABLES})
        select t.relname as table_name, a.attname as name
        from t
        join pg_constraint con on con.conrelid = t.oid and con.contype = 'p'
        cross join lateral unnest(con.conkey) with ordinality as k(attnum, position)
        join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
        order by t.relname, k.position`,
  );
  const tables = new Map<string, CatalogTable>();
  for (const c of columns) {
    const table = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [] };
    table.columns.push({ name: c.name, type: c.type, generated: c.generated, identity: c.identity });
    tables.set(c.table_name, table);
  }
  for (const k of keys) {
    const table = tables.get(k.table_name)!;
    table.primaryKey.push(table.columns.find((c) => c.name === k.name)!);
  }
  return inReferenceOrder([...tables.values()], await readForeignKeys(db));
}

export async function readForeignKeys(db: Executor): Promise<ForeignKey[]> {
  return queryRows<ForeignKey>(
    db,
    sql`with t as (${PUBLIC_TABLES})
        select con.conname as name, t.relname as "table", f.relname as "references", pg_get_constraintdef(con.oid) as definition
        from t
        join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
        join pg_class f on f.oid = con.confrelid
        order by t.relname, con.conname`,
  );
}

/**
 * Orders tables so that each comes after the tables it references (ties by
 * name, so the order is the same on every database with the same schema).
 * A table that references itself, or tables in a cycle, cannot be ordered
 * that way (restore does not need it to be: it checks the keys at the end).
 */
export function inReferenceOrder(tables: CatalogTable[], keys: ForeignKey[]): CatalogTable[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: CatalogTable[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.values()]
      .filter((t) => !keys.some((k) => k.table === t.name && k.references !== t.name && remaining.has(k.references)))
      .sort((a, b) => a.name.localeCompare(b.name));
    // In a cycle nothing is ready: take the first by name and go on.
    const next = ready.length > 0 ? ready : [[...remaining.values()].sort((a, b) => a.name.localeCompare(b.name))[0]!];
    for (const t of next) {
      ordered.push(t);
      remaining.delete(t.name);
    }
  }
  return ordered;
}

export interface SerialColumn {
  table: string;
  column: string;
  sequence: string;
}

/** The columns a sequence fills (serial, bigserial, identity). */
export async function readSerialColumns(db: Executor): Promise<SerialColumn[]> {
  return queryRows<SerialColumn>(
    db,
    sql`with t as (${PUBLIC_TABLES}),
        s as (
          select t.relname as "table", a.attname as "column",
                 pg_get_serial_sequence(format('public.%I', t.relname), a.attname) as sequence
          from t join pg_attribute a on a.attrelid = t.oid
          where a.attnum > 0 and not a.attisdropped
        )
        select * from s where sequence is not null order by "table", "column"`,
  );
}
