// The whole public register as one JSON document, built from the same reads
// the pages and the API use.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { listActors } from '../actors/list.ts';
import { getAgreement } from '../agreements/get.ts';
import type { Context } from '../context.ts';
import { listCounterparts } from '../counterparts/list.ts';
import { canReadRow } from '../access.ts';

export async function exportPublicRegister(ctx: Context) {
  const slugs = await queryRows<{ slug: string }>(
    ctx.db,
    sql`select slug from agreements a where ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)} order by a.id`,
  );
  const agreements = [];
  for (const { slug } of slugs) agreements.push(await getAgreement({ ctx, slug }));
  return {
    generatedAt: new Date().toISOString(),
    actors: await listActors({ ctx, input: {} }),
    counterparts: await listCounterparts({ ctx, input: {} }),
    agreements,
  };
}
