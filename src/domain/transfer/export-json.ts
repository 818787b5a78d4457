// The whole public register as one JSON document, built from the same read
// the pages and the API use, written as it is read: agreements in batches of
// one statement each (agreementDetailsAfter), so memory stays flat and the
// statements do not grow with the register one per agreement.
import type { Writable } from 'node:stream';
import { listActors } from '../actors/list.ts';
import { agreementDetailsAfter } from '../agreements/get.ts';
import type { Context } from '../context.ts';
import { listCounterparts } from '../counterparts/list.ts';
import { write } from './exchange/export.ts';

const AGREEMENTS_PER_BATCH = 200;

/** `{ generatedAt, actors: [...], counterparts: [...], agreements: [...] }`, each agreement as its page's API gives it. */
export async function writePublicRegister(ctx: Context, out: Writable, perBatch = AGREEMENTS_PER_BATCH): Promise<number> {
  const actors = await listActors({ ctx, input: {} });
  const counterparts = await listCounterparts({ ctx, input: {} });
  await write(out, `{"generatedAt":${JSON.stringify(new Date().toISOString())},"actors":${JSON.stringify(actors)},"counterparts":${JSON.stringify(counterparts)},"agreements":[`);
  let count = 0;
  for (let after = 0; ; ) {
    const details = await agreementDetailsAfter(ctx, after, perBatch);
    if (!details.length) break;
    await write(out, details.map((d) => `${count++ ? ',' : ''}\n${JSON.stringify(d)}`).join(''));
    after = details.at(-1)!.agreement.id;
  }
  await write(out, '\n]}\n');
  return count;
}
