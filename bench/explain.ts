// Prints EXPLAIN ANALYZE of every statement a verb sends, on a PostgreSQL
// database (a --keep bench database): `tsx bench/explain.ts <url> page|list|byName|on|check` (check: the delegation check of
// an incoming visit of a bench organisation, as bench/coordination.ts times it).
import pg from 'pg';
import { getAgreement } from '../src/domain/agreements/get.ts';
import { listAgreements } from '../src/domain/agreements/list.ts';
import { openDatabase, queryRows } from '../src/db/client.ts';
import { sql } from 'drizzle-orm';
import type { Context } from '../src/domain/context.ts';
import { delegationOverlaps } from '../src/domain/coordination/delegations.ts';
import { todayInStockholm } from '../src/web/format.ts';

const [url, which = 'page'] = process.argv.slice(2);
const captured: Array<{ query: string; params: unknown[] }> = [];
const database = await openDatabase({ kind: 'postgres', url: url!, onQuery: (query, params) => captured.push({ query, params }) });
const ctx = { db: database.db, principal: { kind: 'anonymous' as const } };
const [{ slug }] = await queryRows<{ slug: string }>(database.db, sql`select slug from agreements order by id offset 4242 limit 1`) as [{ slug: string }];
captured.length = 0;
if (which === 'page') await getAgreement({ ctx, slug });
if (which === 'list') await listAgreements({ ctx, input: { q: 'su', county: '01', kind: 'vanort', pageSize: 50 } });
if (which === 'byName') {
  // As the bench's place-name scenario: a prefecture-level place's name, an actor kind and a kind.
  const [place] = await queryRows<{ name: string }>(database.db, sql`select name_latin as name from counterparts where level = 'prefecture_city' order by id offset 7 limit 1`);
  captured.length = 0;
  await listAgreements({ ctx, input: { q: place!.name, actorKind: 'kommun', kind: 'vanort', pageSize: 50 } });
}
if (which === 'check') {
  const [visit] = await queryRows<{ id: number; organisationId: number }>(
    database.db,
    sql`select a.id, a.organisation_id as "organisationId" from activities a join organisations o on o.id = a.organisation_id
        where o.slug like 'bench-kommun-%' and a.kind = 'visit_incoming' and a.date_min between current_date - 30 and current_date + 365 order by md5(a.id::text) limit 1`,
  );
  captured.length = 0;
  const editor: Context = { db: database.db, principal: { kind: 'user', subject: 'bench', organisationId: visit!.organisationId, role: 'editor' } };
  await delegationOverlaps(editor, { organisationId: visit!.organisationId, today: todayInStockholm(), only: [visit!.id] });
}
if (which === 'on') await listAgreements({ ctx, input: { on: '2005-12-31', status: 'in_force', pageSize: 50 } });
await database.close();
const client = new pg.Client({ connectionString: url });
await client.connect();
for (const { query, params } of captured) {
  const plan = await client.query(`explain (analyze, buffers) ${query}`, params as unknown[]);
  console.log('----\n' + query.slice(0, 300) + '\n' + plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
}
await client.end();
