// What a database holds, as one value to compare before and after: each
// table's row count and a hash of its rows (in the order of their text), in
// one statement. How the tests check, rather than assume, that something
// refused left the database unchanged.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import type { Context } from '../../src/domain/context.ts';

/**
 * `ignore`: columns left out of the hash, by table: bookkeeping that a
 * refused request may still move (a key's last use, a session's sliding expiry).
 */
export async function fingerprint(ctx: Context, { ignore = {} }: { ignore?: Record<string, string[]> } = {}): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(ctx.db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const parts = tables.map((t) => {
    const left = ignore[t.name];
    const row = left?.length ? sql`(to_jsonb(x) - ${sql`array[${sql.join(left.map((c) => sql`${c}`), sql`, `)}]::text[]`})::text` : sql`x::text`;
    return sql`${t.name}::text, (select count(*) || ':' || coalesce(md5(string_agg(${row}, E'\\n' order by ${row})), '') from ${sql.identifier(t.name)} x)`;
  });
  // A function takes at most 100 arguments: 50 tables an object, the objects joined.
  const objects = [];
  for (let i = 0; i < parts.length; i += 50) objects.push(sql`jsonb_build_object(${sql.join(parts.slice(i, i + 50), sql`, `)})`);
  const [row] = await queryRows<{ f: Record<string, string> }>(ctx.db, sql`select ${sql.join(objects, sql` || `)} as f`);
  return row!.f;
}
