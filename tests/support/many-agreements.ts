// Adds generated agreements to a register through the documented exchange
// format (the import a user runs), between the register's own actors and
// places: the shipped data plus thousands, for tests of large downloads.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import type { Context } from '../../src/domain/context.ts';
import { applyImport } from '../../src/domain/transfer/exchange/apply.ts';
import { planImport } from '../../src/domain/transfer/exchange/plan.ts';
import { readFiles } from '../../src/domain/transfer/exchange/read.ts';

export async function importGeneratedAgreements(ctx: Context, count: number, prefix = 'generated'): Promise<void> {
  const actors = await queryRows<{ slug: string }>(ctx.db, sql`select slug from actors where visibility = 'public' order by id`);
  const places = await queryRows<{ slug: string }>(ctx.db, sql`select slug from counterparts where visibility = 'public' order by id`);
  const lines = ['agreement,kind,parties,counterparts,official_title,event,event_date'];
  for (let i = 0; i < count; i++) {
    const agreement = `${prefix}-${i},${i % 3 ? 'vanort' : 'kommunalt_partnerskap'},${actors[i % actors.length]!.slug},${places[(i * 7) % places.length]!.slug},Avtal ${i} om samarbete`;
    lines.push(`${agreement},established,${1990 + (i % 25)}-${String(1 + (i % 12)).padStart(2, '0')}`);
    if (i % 4 === 0) lines.push(`${agreement},ended,${2016 + (i % 5)}`);
  }
  const read = await readFiles([{ name: 'agreements.csv', bytes: Buffer.from(`${lines.join('\n')}\n`) }]);
  const plan = await planImport(ctx, read.tables, read.problems);
  if (plan.problems.length) throw new Error(`generated agreements refused: ${JSON.stringify(plan.problems.slice(0, 3))}`);
  await applyImport(ctx, plan);
}
