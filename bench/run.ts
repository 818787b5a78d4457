// npm run bench [-- --target=postgres|pglite|both --scale=issue|small --runs=3 --seconds=5 --only=all|pictures|http|bare|transfer|xlsx|backup|downloads|editors|followup|coordination|transfer,backup|cold --keep=NAME --scenarios=list,listByName,agreementPage,pointInTime]
//
// --keep=NAME (PostgreSQL only) generates into database NAME once and keeps it
// for the next run with the same name, which then skips the three-minute
// generation: for measuring one change after another. Drop it by hand after.
//
// Generates the register issue's scale (bench/generate.ts), serves it with
// `ortsband serve` in a child process, and measures with 20 concurrent
// clients over HTTP (wrk, bench/wrk.ts; runs of --seconds): the list with a
// text query and two filters, the agreement page, and the point-in-time list,
// each uncached and from the response cache (src/http/response-cache.ts);
// the bare SQL those requests run (captured from drizzle, replayed from 20
// clients on a pool of the server's size; on PostgreSQL each bare run right
// after its HTTP run, and the ratio of each pair reported); then a cold
// `npm start` on an empty data folder; on PostgreSQL also `ortsband backup`
// of the whole generated database and `ortsband restore` of it into a fresh
// one (bench/backup.ts). Medians of --runs runs. Prints the results as JSON
// and writes bench/results-<target>.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { getAgreement } from '../src/domain/agreements/get.ts';
import { listAgreements } from '../src/domain/agreements/list.ts';
import { recordStatusEvent } from '../src/domain/status/record-event.ts';
import type { Context } from '../src/domain/context.ts';
import { openDatabase, PGLITE_EXTENSIONS, queryRows, type DatabaseTarget } from '../src/db/client.ts';
import { createDatabase, databaseUrl, dropDatabase, onServer } from '../src/db/server-databases.ts';
import { migrate } from '../src/db/migrate.ts';
import { snapshotPath } from '../src/cli/snapshot.ts';
import { readEnv } from '../src/env.ts';
import { CHART_NAMES } from '../src/web/charts/statistics-charts.ts';
import { benchBackup } from './backup.ts';
import { runOrtsband } from './run-command.ts';
import { generateRegister, ISSUE_SCALE, type Scale } from './generate.ts';
import { benchTransfer } from './transfer.ts';
import { benchDownloads } from './downloads.ts';
import { benchEditors } from './editors.ts';
import { benchCoordination } from './coordination.ts';
import { benchFollowUp } from './follow-up.ts';
import { bareReplayer } from './bare-replayer.ts';
import { load, median, medianLoad, percentile, type Load } from './load.ts';
import { ensureWrk, wrkLoad } from './wrk.ts';
import { serverRssMb, treeRssMb } from './process-tree.ts';

const { values: args } = parseArgs({
  options: { keep: { type: 'string' }, only: { type: 'string', default: 'all' }, target: { type: 'string', default: 'both' }, scale: { type: 'string', default: 'issue' }, runs: { type: 'string', default: '3' }, requests: { type: 'string', default: '3000' }, seconds: { type: 'string', default: '5' }, scenarios: { type: 'string' } },
});
const SCALE: Scale = args.scale === 'small' ? { actors: 3_000, counterparts: 5_000, agreements: 10_000, eventsPerAgreement: 10 } : ISSUE_SCALE;
const RUNS = Number(args.runs);
// --only=all, pictures, http, bare (the bare SQL alone), transfer, xlsx (the XLSX import alone), backup, downloads (bench/downloads.ts), editors (bench/editors.ts), followup (bench/follow-up.ts, PostgreSQL only; never part of all: it adds a million activities to the register the other parts measure), coordination (bench/coordination.ts: the follow-up register plus 200,000 contact surfaces; PostgreSQL only, never part of all), or a list such as transfer,backup (one generation for all); cold (a cold start alone).
const wants = (part: string) => (args.only === 'all' && part !== 'followup' && part !== 'coordination') || args.only.split(',').includes(part);
const onlyCold = args.only === 'cold';
const onlyParts = (parts: string[]) => args.only.split(',').every((part) => parts.includes(part));
// Parts measured without the HTTP scenarios; transfer, xlsx and backup on PostgreSQL only.
const onlyTransfer = onlyParts(['transfer', 'xlsx', 'backup', 'downloads', 'editors', 'followup', 'coordination']);
const onlyPostgres = onlyParts(['transfer', 'xlsx', 'backup', 'followup', 'coordination']);
// Statements per bare-SQL run; seconds per HTTP run.
const REQUESTS = Number(args.requests);
const SECONDS = Number(args.seconds);
const CONCURRENCY = 20;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SYLLABLES = ['su', 'zhou', 'hang', 'guang', 'dong', 'shan', 'nan', 'jing', 'lan', 'han'];
const COUNTIES = ['01', '05', '12', '14', '20', '24'];

// The request alone, without the write before it.
const afterWriteTimes: number[] = [];
const summarise = (times: number[]): Load => ({ p50: percentile(times, 50), p95: percentile(times, 95), errors: 0, requests: times.length });

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  const port = 3400 + Math.floor(Math.random() * 500);
  const started = performance.now();
  // As `npm start` runs it: package.json's start script (tsx, and the V8
  // flags there), tsx by its shebang on the Node that runs the bench (first on
  // PATH). Without that, a bench started outside npm served on the machine's
  // Node 20, at up to twice the CPU per request of Node 24.
  const [command, ...args] = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
  const child = spawn(path.resolve('node_modules/.bin', command!), args, {
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  return new Promise((resolve, reject) => {
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`server exited with ${child.exitCode}`));
      try {
        if ((await fetch(url + '/')).ok) return resolve({ child, url, readyMs: performance.now() - started });
      } catch {
        /* not up yet */
      }
      setTimeout(poll, 50);
    };
    void poll();
  });
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

async function benchTarget(kind: 'postgres' | 'pglite') {
  const result: Record<string, unknown> = { target: kind, scale: SCALE };
  let target: DatabaseTarget;
  let serverEnv: Record<string, string>;
  let cleanup: () => Promise<void>;
  let reuse = false;
  if (kind === 'postgres') {
    const name = args.keep ?? `ortsband_bench_${Date.now()}`;
    reuse = (await onServer(SERVER_URL, 'select 1 from pg_database where datname = $1', [name])).length === 1;
    if (!reuse) await createDatabase(SERVER_URL, name);
    target = { kind: 'postgres', url: databaseUrl(SERVER_URL, name) };
    serverEnv = { DATABASE_URL: target.url };
    cleanup = async () => {
      if (!args.keep) await dropDatabase(SERVER_URL, name);
    };
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'ortsband-bench-'));
    target = { kind: 'pglite', dataDir: dir };
    serverEnv = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = () => rm(dir, { recursive: true, force: true });
  }

  // Generate.
  const database = await openDatabase(target);
  await migrate(database);
  let started = performance.now();
  let slugs: string[];
  if (reuse) {
    slugs = (await queryRows<{ slug: string }>(database.db, sql`select slug from agreements order by id`)).map((r) => r.slug);
    console.error(`[${kind}] reusing ${args.keep}: ${slugs.length} agreements`);
  } else {
    const generated = await generateRegister(database.db, SCALE);
    slugs = generated.slugs;
    result.generateSeconds = Math.round((performance.now() - started) / 100) / 10;
    result.events = generated.events;
    console.error(`[${kind}] generated ${SCALE.agreements} agreements, ${generated.events} events in ${result.generateSeconds} s`);
  }
  await database.close();

  // Import and export, backup and restore (issue 4), on PostgreSQL; `--only=transfer|backup` measures only those.
  if (kind === 'postgres' && wants('backup')) {
    result.backup = await benchBackup(SERVER_URL, (target as { url: string }).url, RUNS);
    console.error(`[${kind}] backup and restore: ${JSON.stringify(result.backup)}`);
  }
  if (kind === 'postgres' && (wants('transfer') || wants('xlsx'))) result.transfer = await benchTransfer(target, RUNS, { csv: wants('transfer'), xlsx: wants('transfer') || wants('xlsx') });
  if (wants('downloads')) {
    const server = await startServer(serverEnv);
    try {
      // --scenarios names the downloads to measure (bench/downloads.ts, DOWNLOADS), all by default.
      result.downloads = await benchDownloads({ url: server.url, pid: server.child.pid! }, args.scenarios?.split(',').map((s) => s.trim()));
    } finally {
      await stop(server.child);
    }
  }
  if (wants('editors')) {
    const server = await startServer(serverEnv);
    try {
      result.editors = await benchEditors({ url: server.url, pid: server.child.pid! }, target, slugs, RUNS, REQUESTS);
    } finally {
      await stop(server.child);
    }
  }
  const serveFollowUp = async () => {
    const server = await startServer(serverEnv);
    return { url: server.url, pid: server.child.pid!, stop: () => stop(server.child) };
  };
  if (kind === 'postgres' && wants('followup')) {
    // --scenarios names the follow-up parts to measure (bench/follow-up.ts, FOLLOW_UP_PARTS), all by default.
    result.followUp = await benchFollowUp(target as DatabaseTarget & { kind: 'postgres' }, slugs.length, RUNS, serveFollowUp, args.scenarios?.split(',').map((s) => s.trim()));
  }
  if (kind === 'postgres' && wants('coordination')) {
    // --scenarios names the coordination parts to measure (bench/coordination.ts, COORDINATION_PARTS), all by default.
    result.coordination = await benchCoordination(target as DatabaseTarget & { kind: 'postgres' }, slugs.length, RUNS, serveFollowUp, args.scenarios?.split(',').map((s) => s.trim()));
  }
  if (onlyTransfer) {
    await cleanup();
    return result;
  }

  // Capture the SQL each scenario's verb runs, for the bare-SQL replay.
  const captured: Array<{ query: string; params: unknown[] }> = [];
  // Names of prefecture-level places in the generated register (the level below the provinces).
  const placeNames = await (async () => {
    const c = await openDatabase(target);
    const rows = (await c.db.execute(sql`select name_latin from counterparts where level = 'prefecture_city' order by id limit 500`)) as unknown as { rows: Array<{ name_latin: string }> };
    await c.close();
    return rows.rows.map((r) => r.name_latin);
  })();
  const capturing = await openDatabase({ ...target, onQuery: (query, params) => captured.push({ query, params }) } as DatabaseTarget);
  const ctx: Context = { db: capturing.db, principal: { kind: 'anonymous' } };
  const scenarios = {
    list: (i: number) => ({ path: `/api/agreements?q=${SYLLABLES[i % SYLLABLES.length]}&county=${COUNTIES[i % COUNTIES.length]}&kind=vanort&pageSize=50`, verb: () => listAgreements({ ctx, input: { q: SYLLABLES[i % SYLLABLES.length], county: COUNTIES[i % COUNTIES.length], kind: 'vanort', pageSize: 50 } }) }),
    // A register search as people make them: a place's name (about 20–60 matches) and two filters.
    listByName: (i: number) => ({ path: `/api/agreements?q=${encodeURIComponent(placeNames[i % placeNames.length]!)}&actorKind=kommun&kind=vanort&pageSize=50`, verb: () => listAgreements({ ctx, input: { q: placeNames[i % placeNames.length], actorKind: 'kommun', kind: 'vanort', pageSize: 50 } }) }),
    agreementPage: (i: number) => ({ path: `/avtal/${slugs[(i * 7919) % slugs.length]}`, verb: () => getAgreement({ ctx, slug: slugs[(i * 7919) % slugs.length]! }) }),
    pointInTime: (i: number) => ({ path: `/api/agreements?on=${1990 + (i % 30)}-12-31&status=in_force&pageSize=50`, verb: () => listAgreements({ ctx, input: { on: `${1990 + (i % 30)}-12-31`, status: 'in_force', pageSize: 50 } }) }),
  };
  // Each scenario's uncached runs cycle through the same REQUEST_SET requests
  // (for the page, as many agreements), over HTTP and as bare SQL alike.
  const REQUEST_SET = 1_000;
  const bareStatements: Record<string, Array<Array<{ query: string; params: unknown[] }>>> = {};
  // --scenarios=agreementPage,list measures only those (of list, listByName, agreementPage, pointInTime).
  const named = args.scenarios?.split(',').map((name) => name.trim());
  const unknown = named?.filter((name) => !(name in scenarios)) ?? [];
  if (unknown.length) throw new Error(`bench: no scenario ${unknown.join(', ')}; the scenarios are ${Object.keys(scenarios).join(', ')}`);
  const measured = Object.entries(scenarios).filter(([name]) => !named || named.includes(name));
  for (const [name, make] of measured) {
    bareStatements[name] = [];
    for (let i = 0; i < REQUEST_SET; i++) {
      captured.length = 0;
      await make(i).verb();
      bareStatements[name].push([...captured]);
    }
  }
  await capturing.close();

  // The same statements with nothing around them, from 20 clients on a pool as
  // large as the server's (DATABASE_POOL_SIZE), sent as the server sends them:
  // the agreement page's one statement prepared (named), the lists' not. On
  // PostgreSQL each scenario's bare runs alternate with its HTTP runs (HTTP,
  // bare, HTTP, bare…), so that a pair is measured within seconds of each
  // other: this machine's speed drifts by a quarter from minute to minute
  // (1,170–1,630 pages a second in consecutive runs), which made a ratio of
  // medians measured minutes apart move by as much.
  const bareReplay = kind === 'postgres' && (wants('http') || wants('bare')) ? await bareReplayer((target as { url: string }).url, bareStatements, { poolSize: readEnv().DATABASE_POOL_SIZE, concurrency: CONCURRENCY, requests: REQUESTS, prepared: ['agreementPage'] }) : null;
  const bareRuns: Record<string, Load[]> = {};
  const httpRuns: Record<string, Load[]> = {};
  if (wants('http') || wants('pictures')) {
    // HTTP under 20 concurrent clients.
    const server = await startServer(serverEnv);
    const http: Record<string, Load> = {};
    // A request with a cookie bypasses the response cache (it is for anonymous
    // readers only): that measures the work itself. The cached runs repeat the
    // same URLs with no cookie, as readers of an unchanged register do.
    //
    // The load under 20 clients comes from wrk (bench/wrk.ts), asking for gzip
    // as browsers do. The requests of one client at a time (the agreement page
    // alone, the pictures right after a write) are undici's request() on a
    // kept-alive connection, reading the body as it comes without unpacking it.
    const UNCACHED = { cookie: 'bench=uncached', 'accept-encoding': 'gzip' };
    const CACHED = { 'accept-encoding': 'gzip' };
    const wrk = (paths: string[], headers: Record<string, string>, seconds = SECONDS, expect = 200) =>
      wrkLoad(server.url, paths, { seconds, connections: CONCURRENCY, headers, expect });
    const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
    const send = async (url: string, headers: Record<string, string> = {}) => {
      const response = await request(url, { dispatcher: agent, headers: { 'accept-encoding': 'gzip', ...headers } });
      for await (const _chunk of response.body) {
        // read to the end
      }
      return response;
    };
    const get = async (url: string, cached: boolean) => (await send(url, cached ? {} : { cookie: 'bench=uncached' })).statusCode === 200;
    // `serve` reads the register for the statistics and maps in the background
    // at start (seconds at this scale; cold start is measured on its own): wait
    // for it, asking once for every picture (each chart, and the map on the
    // report's date and today), so that no scenario measures it.
    const picturePaths = [...CHART_NAMES.map((chart) => `/api/statistics/${chart}.svg`), '/api/maps/ties.svg?on=2016-12-31&status=in_force', '/api/maps/ties.svg?status=in_force'];
    for (const path of picturePaths) await get(server.url + path, false);
    const pathsOf = (make: (i: number) => { path: string }, count: number) => Array.from({ length: count }, (_, i) => make(i).path);
    for (const [name, make] of (wants('http') ? measured : [])) {
      const uncached = pathsOf(make, REQUEST_SET);
      await wrk(uncached, UNCACHED, 3); // warm up: the server's JIT, each connection's prepared statements
      const runs: Load[] = [];
      const cachedRuns: Load[] = [];
      if (bareReplay) {
        await bareReplay(name); // warm up: the pool's connections, their prepared statements
        bareRuns[name] = [];
      }
      for (let r = 0; r < RUNS; r++) {
        runs.push(await wrk(uncached, UNCACHED));
        if (bareReplay) bareRuns[name]!.push(await bareReplay(name));
        await wrk(pathsOf(make, 50), CACHED, 1); // fill the cache
        cachedRuns.push(await wrk(pathsOf(make, 50), CACHED));
      }
      http[name] = medianLoad(runs);
      httpRuns[name] = runs;
      http[`${name}Cached`] = medianLoad(cachedRuns);
      // The agreement page alone, one client at a time.
      if (name === 'agreementPage') {
        const single: Load[] = [];
        for (let r = 0; r < RUNS; r++) single.push(await load(1, 300, (i) => get(server.url + make(i).path, false)));
        http.agreementPageSingleClient = medianLoad(single);
      }
      for (const key of [name, `${name}Cached`]) console.error(`[${kind}] http ${key}: p50 ${http[key]!.p50.toFixed(1)} ms, p95 ${http[key]!.p95.toFixed(1)} ms, errors ${http[key]!.errors}, steal ≤ ${http[key]!.stealPercent} %, client CPU ${http[key]!.clientCpuMs} ms per request`);
    }
    // Charts and maps, one client: right after a write (a status event recorded
    // through the verb, so the data version changes and nothing computed before
    // it may be served), uncached (the response cache bypassed, the data
    // unchanged), then cached under 20 clients; the register issue's scale.
    const pictures: Record<string, Load> = {};
    // The writes come from this process. A PGlite folder is the server's
    // alone while it runs (src/db/folder-lock.ts), so there the pictures are
    // measured without a write before them.
    const writer = kind === 'postgres' ? await openDatabase(target) : null;
    const system: Context | null = writer && { db: writer.db, principal: { kind: 'system', label: 'bench', organisationId: 0 } };
    const agreementIds = writer ? ((await writer.db.execute(sql`select id from agreements order by id`)) as unknown as { rows: Array<{ id: number }> }) : { rows: [] };
    let writes = 0;
    const write = async () => {
      const id = agreementIds.rows[(writes++ * 7919) % agreementIds.rows.length]!.id;
      await recordStatusEvent({ ctx: system!, agreementId: id, input: { type: 'activity_observed', date: String(1990 + (writes % 30)) } });
    };
    for (const path of wants('pictures') ? picturePaths : []) {
      const name = path.replace(/^\/api\//, '').replace('?on=2016-12-31&status=in_force', ' 2016-12-31').replace('?status=in_force', ' today');
      const afterWrite: Load[] = [];
      for (let r = 0; r < (writer ? RUNS : 0); r++) {
        afterWrite.push(
          await load(1, 5, async () => {
            await write();
            const started = performance.now();
            const ok = await get(server.url + path, false);
            afterWriteTimes.push(performance.now() - started);
            return ok;
          }).then((all) => ({ ...summarise(afterWriteTimes.splice(0)), errors: all.errors })),
        );
      }
      if (writer) pictures[`${name} after a write`] = medianLoad(afterWrite);
      const runs: Load[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await load(1, 3, () => get(server.url + path, false)));
      pictures[name] = medianLoad(runs);
      await wrk([path], CACHED, 1); // fill the cache, open the connections
      const cached: Load[] = [];
      for (let r = 0; r < RUNS; r++) cached.push(await wrk([path], CACHED));
      pictures[`${name} cached`] = medianLoad(cached);
      // A browser that has the picture asks again with its ETag and gets 304.
      const etag = String((await send(server.url + path)).headers.etag);
      const revalidated: Load[] = [];
      for (let r = 0; r < RUNS; r++) revalidated.push(await wrk([path], { ...CACHED, 'if-none-match': etag }, SECONDS, 304));
      pictures[`${name} revalidated`] = medianLoad(revalidated);
      console.error(
        `[${kind}] ${name}: p95 ${writer ? `${pictures[`${name} after a write`]!.p95.toFixed(0)} ms after a write, ` : ''}${pictures[name].p95.toFixed(0)} ms uncached, ${pictures[`${name} cached`]!.p95.toFixed(1)} ms cached, ${pictures[`${name} revalidated`]!.p95.toFixed(1)} ms revalidated (304)`,
      );
    }
    await writer?.close();
    result.pictures = pictures;
    await agent.close();
    // What the server holds after the run (issue 22, point 26: at most 400 MB).
    // Right after the last request, and after 10 and 30 seconds without any:
    // V8 gives back what it collected when the server is idle (its memory reducer).
    const rss = () => ({ server: serverRssMb(server.child.pid!), withNpmAndTsx: treeRssMb(server.child.pid!) });
    const idle = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const atEnd = rss();
    await idle(10);
    const after10 = rss();
    await idle(20);
    result.serverRssMbAfterRun = { atEnd, afterTenIdleSeconds: after10, afterThirtyIdleSeconds: rss() };
    console.error(`[${kind}] resident memory after the run (MB): ${JSON.stringify(result.serverRssMbAfterRun)}`);
    await stop(server.child);
    result.http = http;
  }

  // The bare SQL: on PostgreSQL measured alongside the HTTP runs above, and
  // here only when the HTTP part was not run (--only=bare); on PGlite here,
  // after the server has let go of the data folder.
  const bare: Record<string, Load> = {};
  const httpToBareP95: Record<string, { median: number; runs: number[]; httpP95: number[]; bareP95: number[] }> = {};
  if (!wants('http') && !wants('bare')) {
    // no scenarios measured
  } else if (bareReplay) {
    for (const name of Object.keys(bareStatements)) {
      if (!bareRuns[name]) {
        bareRuns[name] = [];
        await bareReplay(name); // warm up, as before the paired runs
        for (let r = 0; r < RUNS; r++) bareRuns[name].push(await bareReplay(name));
      }
      bare[name] = medianLoad(bareRuns[name]);
      // HTTP p95 over bare p95 of each pair of runs measured together.
      const ratios = httpRuns[name]?.map((h, i) => h.p95 / bareRuns[name]![i]!.p95) ?? [];
      const p95s = (runs: Load[]) => runs.map((l) => Number(l.p95.toFixed(1)));
      if (ratios.length) httpToBareP95[name] = { median: Number(median(ratios).toFixed(2)), runs: ratios.map((r) => Number(r.toFixed(2))), httpP95: p95s(httpRuns[name]!), bareP95: p95s(bareRuns[name]!) };
      const gc = bareRuns[name].map((l) => `${l.clientGcMs?.toFixed(0)} ms (longest ${l.clientGcMaxMs?.toFixed(1)})`).join(', ');
      console.error(
        `[${kind}] bare SQL ${name}: p50 ${bare[name].p50.toFixed(1)} ms, p95 ${bare[name].p95.toFixed(1)} ms, steal ≤ ${bare[name].stealPercent} %, client CPU ${bare[name].clientCpuMs} ms per request, client GC pauses run by run ${gc}` +
          (ratios.length ? `; HTTP p95 / bare p95 run by run ${ratios.map((r) => r.toFixed(2)).join(', ')}` : ''),
      );
    }
    await bareReplay.close();
    if (Object.keys(httpToBareP95).length) result.httpToBareP95 = httpToBareP95;
  } else {
    // PGlite is one connection in one process: replay one statement at a time.
    const client = await PGlite.create({ dataDir: (target as { dataDir: string }).dataDir, extensions: PGLITE_EXTENSIONS });
    for (const [name, sets] of Object.entries(bareStatements)) {
      const runs: Load[] = [];
      for (let r = 0; r < RUNS; r++) {
        runs.push(
          await load(1, Math.min(REQUESTS, 300), async (i) => {
            for (const s of sets[i % sets.length]!) await client.query(s.query, s.params as unknown[]);
            return true;
          }),
        );
      }
      bare[name] = medianLoad(runs);
    }
    await client.close();
  }
  result.bareSql = bare;
  await cleanup();
  return result;
}

/**
 * A cold `npm start` on an empty data folder, until `/` answers: as `npm
 * install` leaves the project (with the PGlite image of the shipped data its
 * prepare step builds; built here first if this checkout has none), and
 * without the image (the first start then initialises a cluster and loads
 * data/ through the verbs), with the image moved aside meanwhile.
 */
async function coldStart() {
  const image = await snapshotPath();
  const built = await stat(image).then(
    () => false,
    async () => {
      await runOrtsband(['snapshot']);
      return true;
    },
  );
  const measure = async () => {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const dir = await mkdtemp(path.join(tmpdir(), 'ortsband-cold-'));
      const server = await startServer({ DATA_DIR: dir, DATABASE_URL: '' });
      times.push(server.readyMs);
      await stop(server.child);
      await rm(dir, { recursive: true, force: true });
    }
    return { medianMs: Math.round(median(times)), runsMs: times.map(Math.round) };
  };
  const withImage = { ...(await measure()), imageBuiltByTheBench: built };
  const aside = `${image}.bench-aside`;
  await rename(image, aside);
  try {
    return { withImage, withoutImage: await measure() };
  } finally {
    await rename(aside, image);
  }
}

// Backup and restore are measured on PostgreSQL only.
const targets = onlyCold ? [] : onlyPostgres ? (['postgres'] as const) : args.target === 'both' ? (['postgres', 'pglite'] as const) : ([args.target] as Array<'postgres' | 'pglite'>);
if (Number(process.versions.node.split('.')[0]) < 24) console.error(`bench: on Node ${process.version}; \`npm run bench\` runs it on the project's Node 24`);
if (!onlyTransfer && !onlyCold) ensureWrk();
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, runs: RUNS, concurrency: CONCURRENCY };
for (const target of targets) {
  results[target] = await benchTarget(target);
  await writeFile(`bench/results-${target}.json`, JSON.stringify(results[target], null, 2));
}
if (args.only === 'all' || onlyCold) results.coldStart = await coldStart();
if (results.coldStart) {
  const { withImage, withoutImage } = results.coldStart as Record<'withImage' | 'withoutImage', { medianMs: number }>;
  console.error(`cold start on an empty data folder: median ${withImage.medianMs} ms as installed (with the PGlite image), ${withoutImage.medianMs} ms without the image`);
}
console.log(JSON.stringify(results, null, 2));
