// The whole public register as one JSON document, built from the same read
// the pages and the API use, written as it is read: agreements in batches of
// one statement each (agreementDetailsAfter), so memory stays flat and the
// statements do not grow with the register one per agreement.
import type { Writable } from 'node:stream';
import { listActors } from '../actors/list.ts';
import { agreementDetailsAfter } from '../agreements/get.ts';
import type { Context } from '../context.ts';
import { listCounterparts } from '../counterparts/list.ts';
import { contactSurfacesAfter } from '../contact-surfaces/read.ts';
import { articleAnswer, articlesInForce } from '../knowledge/articles.ts';
import { write } from './exchange/export.ts';

const AGREEMENTS_PER_BATCH = 200;

/** `{ generatedAt, actors: [...], counterparts: [...], agreements: [...], contactSurfaces: [...], knowledgeArticles: [...] }`, each record as its API address gives it. */
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
  // The public contact surfaces, as GET /api/contact-surfaces/{id} gives each.
  await write(out, '\n],"contactSurfaces":[');
  let surfaces = 0;
  for (let after = 0; ; ) {
    const batch = await contactSurfacesAfter(ctx, after, perBatch);
    if (!batch.length) break;
    await write(out, batch.map((s) => `${surfaces++ ? ',' : ''}\n${JSON.stringify(s)}`).join(''));
    after = batch.at(-1)!.id;
  }
  // The knowledge base's articles in force (all are public; a withdrawn one is no longer guidance), as GET /api/knowledge/articles/{slug} gives each.
  const articles = (await articlesInForce(ctx)).map(articleAnswer);
  await write(out, `\n],"knowledgeArticles":[${articles.map((a) => `\n${JSON.stringify(a)}`).join(',')}\n]}\n`);
  return count;
}
