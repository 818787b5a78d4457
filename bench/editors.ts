// Editors at work on the generated register, served by `ortsband serve`:
// 20 editors of the organisation that holds the agreements, each with a
// write key, record status events on different agreements through the API
// (POST /api/agreements/{slug}/events); 20 open an agreement's edit form
// (GET /avtal/{slug}/andra, signed in); and the public reads (an uncached
// list with a text query and an agreement page) are measured alone and
// while the editors write. Closed loops of 20 clients in this process;
// p50/p95 of each run, the median of the runs; the server's CPU per request.
import { eq, sql } from 'drizzle-orm';
import { Agent, request } from 'undici';
import { openDatabase, queryRows, type DatabaseTarget } from '../src/db/client.ts';
import { users } from '../src/db/schema.ts';
import { addUser } from '../src/domain/accounts/add-user.ts';
import { createApiToken } from '../src/domain/accounts/api-tokens.ts';
import { startSession } from '../src/domain/accounts/sessions.ts';
import { load, median, medianLoad, type Load } from './load.ts';
import { postgresCpuMs, treeCpuMs } from './process-tree.ts';

const EDITORS = 20;
const SYLLABLES = ['su', 'zhou', 'hang', 'guang', 'dong', 'shan', 'nan', 'jing', 'lan', 'han'];

interface Measured extends Load {
  serverCpuMsPerRequest: number;
  /** PostgreSQL's CPU per request (every postgres process on the machine). */
  postgresCpuMsPerRequest: number;
}

export async function benchEditors(server: { url: string; pid: number }, target: DatabaseTarget, slugs: string[], runs: number, requests: number) {
  // The editors: users of the organisation that holds the generated agreements.
  const database = await openDatabase(target);
  const keys: string[] = [];
  const cookies: string[] = [];
  try {
    const [holder] = await queryRows<{ slug: string }>(database.db, sql`select o.slug from organisations o join agreements a on a.organisation_id = o.id where a.slug = ${slugs[0]!} limit 1`);
    const system = { db: database.db, principal: { kind: 'system' as const, label: 'bench', organisationId: 0 } };
    for (let n = 0; n < EDITORS; n++) {
      const email = `bench-editor-${Date.now().toString(36)}-${n}@kommun.se`;
      await addUser({ ctx: system, input: { email, displayName: `Redaktör ${n}`, organisation: holder!.slug, role: 'editor' } });
      const [user] = await database.db.select().from(users).where(eq(users.email, email));
      keys.push((await createApiToken(database.db, { userId: user!.id }, { name: 'bench', scope: 'write', days: 30 })).token);
      cookies.push(`ortsband_session=${(await startSession(database.db, user!)).token}`);
    }
  } finally {
    await database.close();
  }

  const dispatcher = new Agent({ connections: EDITORS * 2, pipelining: 1 });
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await request(`${server.url}${path}`, { dispatcher, headers });
    await response.body.dump();
    return response.statusCode === 200;
  };
  // Each request a different agreement, spread over the register; no two editors on one agreement at once.
  let written = 0;
  const writeEvent = async (i: number) => {
    const slug = slugs[((written++ + i) * 7919) % slugs.length]!;
    const response = await request(`${server.url}/api/agreements/${slug}/events`, {
      dispatcher,
      method: 'POST',
      headers: { authorization: `Bearer ${keys[i % EDITORS]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'renewed', date: '2026-11-30', note: 'Förnyat enligt beslut', comment: 'bench' }),
    });
    await response.body.dump();
    return response.statusCode === 201;
  };
  const openForm = (i: number) => get(`/avtal/${slugs[(i * 104_729) % slugs.length]}/andra`, { cookie: cookies[i % EDITORS]! });
  // Uncached public reads: a cookie keeps the response cache out of it, as in the register's benchmark.
  const readList = (i: number) => get(`/api/agreements?q=${SYLLABLES[i % SYLLABLES.length]}&kind=vanort&pageSize=50`, { cookie: 'bench=uncached' });
  const readPage = (i: number) => get(`/avtal/${slugs[(i * 15_485_863) % slugs.length]}`, { cookie: 'bench=uncached' });

  const measure = async (one: (i: number) => Promise<boolean>, total: number): Promise<Measured> => {
    const cpu = treeCpuMs(server.pid);
    const pg = postgresCpuMs();
    const result = await load(EDITORS, total, one);
    const perRequest = (ms: number) => Math.round((ms / total) * 10) / 10;
    return { ...result, serverCpuMsPerRequest: perRequest(treeCpuMs(server.pid) - cpu), postgresCpuMsPerRequest: perRequest(postgresCpuMs() - pg) };
  };
  const medianOf = (all: Measured[]) => ({
    ...medianLoad(all),
    serverCpuMsPerRequest: median(all.map((m) => m.serverCpuMsPerRequest)),
    postgresCpuMsPerRequest: median(all.map((m) => m.postgresCpuMsPerRequest)),
  });

  const results: Record<string, ReturnType<typeof medianOf>> = {};
  const runsOf = async (name: string, work: () => Promise<Measured>) => {
    const all: Measured[] = [];
    for (let run = 0; run < runs; run++) all.push(await work());
    results[name] = medianOf(all);
    console.error(`[editors] ${name}: ${JSON.stringify(results[name])}`);
  };
  await runsOf('recordEvent', () => measure(writeEvent, requests));
  await runsOf('openEditForm', () => measure(openForm, requests));
  await runsOf('listAlone', () => measure(readList, requests));
  await runsOf('agreementPageAlone', () => measure(readPage, requests));
  // Reads while 20 editors write: both loops at once; the reads' figures are reported.
  const during = async (read: (i: number) => Promise<boolean>) => {
    let writing = true;
    const writes = (async () => {
      let i = 0;
      await Promise.all(Array.from({ length: EDITORS }, async () => {
        while (writing) await writeEvent(i++).catch(() => false);
      }));
    })();
    const measured = await measure(read, requests);
    writing = false;
    await writes;
    return measured;
  };
  await runsOf('listDuringWrites', () => during(readList));
  await runsOf('agreementPageDuringWrites', () => during(readPage));
  await dispatcher.close();
  return results;
}
