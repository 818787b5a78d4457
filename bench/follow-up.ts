// The follow-up benchmark (`npm run bench -- --target=postgres --only=followup`):
// the register's generated scale (bench/generate.ts) spread over about 290
// organisations, with 1,000,000 activities, 200,000 follow-up points and
// 20,000 action plans (fewer in proportion at --scale=small), served by
// `ortsband serve`. Measured as the follow-up issue asks:
//
// - the overview /oversikt, signed in as editors of 100 organisations, and
//   of the largest one alone, from 20 clients, beside the bare SQL the page
//   runs (the person's points and calendar feeds, the organisation's points,
//   dueReminders of the organisation, its quiet months) replayed from 20
//   clients;
// - the public page of the agreement with 500 activities (uncached) and its
//   activities page signed in as an editor of its organisation (points and
//   forms shown), from 20 clients, beside the bare SQL of each;
// - the yearly report of the largest organisation for 2025, as a page and
//   as a PDF: one client, 5 requests a run;
// - one reminder run over the whole register (sendReminders, in this
//   process) to a real SMTP server started here, reminders_sent emptied
//   before each run.
//
// Closed loops in this process (bench/load.ts); p50/p95 of each run and the
// median of the runs, with the server's and PostgreSQL's CPU per request
// (bench/process-tree.ts).
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { vacuumAfterGeneration } from '../src/db/after-bulk-load.ts';
import { openDatabase, queryRows, type DatabaseTarget, type Db } from '../src/db/client.ts';
import { startSession } from '../src/domain/accounts/sessions.ts';
import { quietAfterMonthsOf } from '../src/domain/accounts/list-organisations.ts';
import { findAgreementBySlug } from '../src/domain/agreements/find-by-slug.ts';
import { getAgreement } from '../src/domain/agreements/get.ts';
import type { Context } from '../src/domain/context.ts';
import { activitiesOfAgreement, organisationOpenPoints } from '../src/domain/follow-up/list.ts';
import { OVERVIEW_ROWS, personalOverview } from '../src/domain/follow-up/overview.ts';
import { dueReminders } from '../src/domain/reminders/due.ts';
import { sendReminders } from '../src/domain/reminders/send.ts';
import { readEnv } from '../src/env.ts';
import { SESSION_COOKIE } from '../src/http/session.ts';
import { createMailer } from '../src/mail/mailer.ts';
import { CHART_NAMES } from '../src/web/charts/statistics-charts.ts';
import { todayInStockholm } from '../src/web/format.ts';
import { bareReplayer, type CapturedSets } from './bare-replayer.ts';
import { load, median, medianLoad, type Load } from './load.ts';
import { postgresCpuMs } from './process-tree.ts';
import { medianMeasured, serverLoad, type Measured } from './server-load.ts';

const CLIENTS = 20;
const ORGANISATIONS = 290;
/** Activities on the one agreement whose pages are measured. */
const BIG_AGREEMENT_ACTIVITIES = 500;
/** Organisations whose editors ask for the overview, the largest among them. */
const OVERVIEW_ORGANISATIONS = 100;
const REPORT_YEAR = 2025;
const REPORT_REQUESTS = 5;

/** What the follow-up part adds to a register of `agreements` agreements: the issue's figures at 100,000. */
export const followUpScale = (agreements: number) => ({ activities: agreements * 10, points: agreements * 2, plans: agreements / 5, largest: Math.round(agreements / 100) });

/**
 * Spreads the generated agreements over ORGANISATIONS organisations (the
 * first 1 % by id to the largest, the rest evenly), gives each two editors,
 * and adds activities, follow-up points and action plans with their goals,
 * in set-based SQL; then VACUUM and ANALYZE. Skipped when the database holds the
 * activities already. Returns the seconds it took, or null when skipped.
 */
export async function generateFollowUp(db: Db, agreementCount: number): Promise<number | null> {
  const scale = followUpScale(agreementCount);
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from activities`)) as [{ n: number }];
  if (n >= scale.activities) return null;
  const started = performance.now();
  await db.transaction(async (tx) => {
    const exec = async (what: string, query: ReturnType<typeof sql>) => {
      const t = performance.now();
      await tx.execute(query);
      console.error(`[followup] ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    // A partial earlier generation goes first: the counts below are exact.
    await exec('clear', sql`delete from follow_up_points; delete from action_plan_goals; delete from action_plans; delete from activities; delete from reminders_sent`);
    await exec(
      'organisations',
      sql`insert into organisations (slug, name) select 'bench-kommun-' || n, 'Benchkommun ' || n from generate_series(1, ${ORGANISATIONS}::int) n on conflict (slug) do nothing`,
    );
    await exec('numbering', sql`
      create temp table bench_org on commit drop as select id, substr(slug, 14)::int as n from organisations where slug like 'bench-kommun-%';
      create temp table bench_agreement on commit drop as select id, row_number() over (order by id)::int as r from agreements;
      create unique index on bench_agreement (r);
      analyze bench_org; analyze bench_agreement`);
    // The largest organisation holds the first 1 % (by id: the generator's order is random), the others the rest, evenly.
    await exec('agreements to organisations', sql`
      update agreements g set organisation_id = o.id
      from bench_agreement b join bench_org o on o.n = case when b.r <= ${scale.largest}::int then 1 else 2 + (b.r::bigint * 7919) % ${ORGANISATIONS - 1}::int end
      where g.id = b.id`);
    // Rows that belong to an agreement belong to its organisation.
    await exec('status events', sql`update status_events e set organisation_id = g.organisation_id from agreements g where g.id = e.agreement_id and e.organisation_id <> g.organisation_id`);
    await exec('county entries', sql`update agreement_county_entries c set organisation_id = g.organisation_id from agreements g where g.id = c.agreement_id and c.organisation_id <> g.organisation_id`);
    // Some agreements in force end within the reminder horizon or have ended (ends_on is a plain field, in no cache).
    await exec('end days', sql`
      update agreements set ends_on = case when id % 2 = 0 then to_char(date '2025-06-01' + (id % 1400), 'YYYY-MM-DD') else to_char(date '2025-06-01' + (id % 1400), 'YYYY-MM') end
      where id % 33 = 0 and current_status in ('active', 'dormant', 'paused', 'partly_ended')`);
    await exec('editors', sql`
      insert into users (organisation_id, email, display_name, role)
      select o.id, 'redaktor' || k || '.' || o.n || '@benchkommun.se', 'Redaktör ' || k || ' i Benchkommun ' || o.n, 'editor'
      from bench_org o cross join generate_series(1, 2) k on conflict (email) do nothing`);
    // The first agreement (of the largest organisation) gets exactly 500; the rest are spread evenly over the others.
    const agreementsN = sql.raw(String(agreementCount));
    await exec('activities', sql`
      insert into activities (agreement_id, kind, title, date, date_min, participants, purpose, outcome, cost_sek, organisation_id, visibility, created_at)
      select g.id, (array['visit_outgoing', 'visit_incoming', 'meeting', 'project', 'exchange', 'event'])[1 + s.i % 6],
        (array['Delegationsresa till vänorten', 'Besök från vänorten', 'Möte om samarbetet', 'Skolprojekt', 'Elevutbyte', 'Kulturfestival'])[1 + s.i % 6] || ' ' || s.i,
        case when s.u < 0.6 then to_char(s.d, 'YYYY-MM-DD') else to_char(s.d, 'YYYY-MM') end,
        case when s.u < 0.6 then s.d else date_trunc('month', s.d)::date end,
        case when s.u < 0.5 then 'Kommunstyrelsens ordförande, två tjänstepersoner och en tolk' end,
        case when s.v < 0.5 then 'Att följa upp samarbetsavtalet och planera nästa års utbyte inom utbildning, kultur och näringsliv.' end,
        case when s.v < 0.3 then 'Parterna kom överens om ett nytt elevutbyte och ett gemensamt seminarium.' end,
        case when s.w < 0.35 then null else (500 + s.w * 150000)::int end,
        g.organisation_id,
        case when s.x < 0.8 then 'public' when s.x < 0.9 then 'shared' else 'internal' end,
        s.d + time '10:00'
      from (
        select i, case when i <= ${BIG_AGREEMENT_ACTIVITIES}::int then 1 else 2 + (i::bigint * 104729) % (${agreementsN} - 1) end as r,
          random() as u, random() as v, random() as w, random() as x, date '2015-01-01' + (random() * 4382)::int as d
        from generate_series(1, ${scale.activities}::int) i
      ) s join bench_agreement b on b.r = s.r join agreements g on g.id = b.id`);
    // Every fifth activity raises a point, owned by one of the two editors of its organisation; about a quarter open and overdue.
    await exec('follow-up points', sql`
      insert into follow_up_points (activity_id, agreement_id, text, owner_id, due_on, state, state_comment, closed_at, organisation_id, created_at, updated_at)
      select a.id, a.agreement_id, 'Skicka minnesanteckningar och följ upp det som avtalades (' || a.id || ')', u.id, a.due, a.state,
        case when a.state = 'dropped' then 'Inte längre aktuellt' end,
        case when a.state <> 'open' then greatest(a.created, least(now() - interval '1 hour', a.due + (a.s * 60 - 20)::int + time '15:00')) end,
        a.organisation_id, a.created, a.created
      from (
        select a.id, a.agreement_id, a.organisation_id, a.date_min + (random() * 200)::int as due, a.date_min + time '16:00' as created, s,
          case when a.date_min > current_date - 30 or s < 0.28 then 'open' when s < 0.9 then 'done' else 'dropped' end as state,
          1 + (row_number() over (order by a.id)) % 2 as k
        from (select a.*, random() as s, row_number() over (order by a.id) as rn from activities a) a
        where a.rn % 5 = 0
      ) a join users u on u.organisation_id = a.organisation_id and u.email like 'redaktor' || a.k || '.%@benchkommun.se'`);
    // Action plans: many cover 2024–2026, the rest earlier periods; three goals each.
    await exec('action plans', sql`
      insert into action_plans (agreement_id, title, period_from, period_to, note, organisation_id, visibility)
      select g.id, 'Handlingsplan ' || s.i, s.y::text, (s.y + 1 + (s.v * 3)::int)::text, 'Antagen av kommunstyrelsen', g.organisation_id,
        case when s.v < 0.85 then 'public' else 'internal' end
      from (
        select i, 2 + (i::bigint * 7919) % (${agreementsN} - 1) as r, random() as v,
          case when random() < 0.6 then 2023 + (random() * 2)::int else 2010 + (random() * 13)::int end as y
        from generate_series(1, ${scale.plans}::int) i
      ) s join bench_agreement b on b.r = s.r join agreements g on g.id = b.id`);
    await exec('action plan goals', sql`
      insert into action_plan_goals (action_plan_id, theme, goal, follow_up)
      select p.id, (array['Utbildning', 'Näringsliv', 'Kultur'])[k], 'Mål ' || k || ': fler utbyten inom ' || lower((array['utbildning', 'näringsliv', 'kultur'])[k]),
        case when k = 1 then 'Årlig uppföljning i kommunstyrelsen' end
      from action_plans p cross join generate_series(1, 3) k`);
  });
  // Every agreement was rewritten above (its organisation): vacuumed as autovacuum would, which is off on this machine.
  const vacuuming = performance.now();
  await vacuumAfterGeneration(db);
  console.error(`[followup] vacuum and analyze: ${((performance.now() - vacuuming) / 1000).toFixed(1)} s`);
  return Math.round((performance.now() - started) / 100) / 10;
}

export interface FollowUpServer {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** The parts measured, all unless --scenarios names some. */
export const FOLLOW_UP_PARTS = ['overview', 'overviewLargest', 'agreementPage', 'activitiesPage', 'yearlyReport', 'reminders'] as const;

export async function benchFollowUp(target: DatabaseTarget & { kind: 'postgres' }, agreementCount: number, runs: number, serve: () => Promise<FollowUpServer>, parts: readonly string[] = FOLLOW_UP_PARTS) {
  const unknown = parts.filter((part) => !(FOLLOW_UP_PARTS as readonly string[]).includes(part));
  if (unknown.length) throw new Error(`bench: no follow-up part ${unknown.join(', ')}; the parts are ${FOLLOW_UP_PARTS.join(', ')}`);
  const wants = (part: string) => parts.includes(part);
  const databaseName = new URL(target.url).pathname.slice(1);
  const result: Record<string, unknown> = {};
  const database = await openDatabase(target);
  const generated = await generateFollowUp(database.db, agreementCount);
  if (generated !== null) result.generateSeconds = generated;
  console.error(`[followup] ${generated === null ? 'activities present: generation skipped' : `generated in ${generated} s`}`);

  // The register as measured.
  const [counts] = await queryRows<Record<string, number>>(
    database.db,
    sql`select (select count(*)::int from agreements) as agreements, (select count(*)::int from status_events) as "statusEvents",
          (select count(*)::int from organisations where slug like 'bench-kommun-%') as organisations, (select count(*)::int from activities) as activities,
          (select count(*)::int from follow_up_points) as points, (select count(*)::int from follow_up_points where state = 'open') as "openPoints",
          (select count(*)::int from follow_up_points where state = 'open' and due_on < ${todayInStockholm()}::date) as "openOverduePoints",
          (select count(*)::int from action_plans) as "actionPlans", (select count(*)::int from action_plan_goals) as goals`,
  );
  result.register = counts;
  console.error(`[followup] register: ${JSON.stringify(counts)}`);

  // The agreement with 500 activities, the largest organisation, and editors of 100 organisations (the largest first) with sessions.
  const [big] = await queryRows<{ slug: string; organisationId: number; activities: number }>(
    database.db,
    sql`select g.slug, g.organisation_id as "organisationId", count(*)::int as activities from activities a join agreements g on g.id = a.agreement_id
        group by g.id order by count(*) desc limit 1`,
  );
  const editors = await queryRows<{ id: number; version: number; email: string; organisationId: number; agreements: number }>(
    database.db,
    sql`select u.id, u.version, u.email, u.organisation_id as "organisationId", (select count(*)::int from agreements g where g.organisation_id = u.organisation_id) as agreements
        from users u join organisations o on o.id = u.organisation_id
        where u.email like 'redaktor1.%@benchkommun.se' order by substr(o.slug, 14)::int limit ${OVERVIEW_ORGANISATIONS}`,
  );
  const largest = editors[0]!;
  if (largest.organisationId !== big!.organisationId) throw new Error('bench: the agreement with 500 activities should be the largest organisation’s');
  result.largestOrganisation = { agreements: largest.agreements, agreementWith500Activities: big };
  const cookies: string[] = [];
  for (const editor of editors) cookies.push(`${SESSION_COOKIE}=${(await startSession(database.db, editor)).token}`);
  const largestCookie = cookies[0]!;

  // The bare SQL of each measured page, captured from drizzle as the verbs send it.
  const captured: Array<{ query: string; params: unknown[] }> = [];
  const capturing = await openDatabase({ ...target, onQuery: (query, params) => captured.push({ query, params }) });
  const today = todayInStockholm();
  const capture = async (work: () => Promise<unknown>) => {
    captured.length = 0;
    await work();
    return [...captured];
  };
  const bareSets: CapturedSets = { overview: [], overviewLargest: [], agreementPage: [], activitiesPage: [] };
  const overviewOf = (ctx: Context, editor: { id: number; organisationId: number }) =>
    Promise.all([personalOverview(ctx, editor.id, today, OVERVIEW_ROWS), organisationOpenPoints(ctx, today, OVERVIEW_ROWS), quietAfterMonthsOf(ctx.db, editor.organisationId), dueReminders(ctx.db, { today, organisationId: editor.organisationId, withoutPoints: true })]);
  const userCtx = (editor: { email: string; organisationId: number }): Context => ({ db: capturing.db, principal: { kind: 'user', subject: editor.email, organisationId: editor.organisationId, role: 'editor' } });
  for (const editor of editors) bareSets.overview!.push(await capture(() => overviewOf(userCtx(editor), editor)));
  bareSets.overviewLargest!.push(await capture(() => overviewOf(userCtx(largest), largest)));
  bareSets.agreementPage!.push(await capture(() => getAgreement({ ctx: { db: capturing.db, principal: { kind: 'anonymous' } }, slug: big!.slug })));
  bareSets.activitiesPage!.push(
    await capture(async () => {
      const ctx = userCtx(largest);
      return activitiesOfAgreement(ctx, await findAgreementBySlug(ctx, big!.slug));
    }),
  );
  await capturing.close();
  result.statementsPerRequest = Object.fromEntries(Object.entries(bareSets).map(([name, sets]) => [name, sets[0]!.length]));

  const server = await serve();
  const { fetchTimed, measure, close } = serverLoad(server, databaseName, CLIENTS);
  const bare = await bareReplayer(target.url, bareSets, { poolSize: readEnv().DATABASE_POOL_SIZE, concurrency: CLIENTS, requests: 1_000, prepared: ['agreementPage'] });
  try {
    // `serve` reads the register for the charts and maps in the background at start: wait for it.
    for (const chart of CHART_NAMES) await fetchTimed(`/api/statistics/${chart}.svg`, { cookie: 'bench=uncached' });

    const scenarios: Array<{ name: string; total: number; path: (i: number) => string; headers: (i: number) => Record<string, string> }> = [
      { name: 'overview', total: 1_000, path: () => '/oversikt', headers: (i) => ({ cookie: cookies[i % cookies.length]! }) },
      { name: 'overviewLargest', total: 1_000, path: () => '/oversikt', headers: () => ({ cookie: largestCookie }) },
      { name: 'agreementPage', total: 1_000, path: () => `/avtal/${big!.slug}`, headers: () => ({ cookie: 'bench=uncached', 'accept-encoding': 'gzip' }) },
      { name: 'activitiesPage', total: 300, path: () => `/avtal/${big!.slug}/aktiviteter`, headers: () => ({ cookie: largestCookie }) },
    ];
    const http: Record<string, ReturnType<typeof medianMeasured> & { bytes: number }> = {};
    const bareSql: Record<string, Load & { runsP95: number[] }> = {};
    const ratios: Record<string, { median: number; runs: number[] }> = {};
    for (const scenario of scenarios.filter((s) => wants(s.name))) {
      const one = async (i: number) => (await fetchTimed(scenario.path(i), scenario.headers(i))).ok;
      const { bytes } = await fetchTimed(scenario.path(0), scenario.headers(0));
      await load(CLIENTS, Math.min(200, scenario.total), one); // warm up: the server's JIT, the pool's prepared statements
      await bare(scenario.name, Math.min(200, scenario.total));
      const httpRuns: Measured[] = [];
      const bareRuns: Load[] = [];
      // Each HTTP run right before its bare run: the machine's speed drifts from minute to minute (bench/RESULTS.md).
      for (let r = 0; r < runs; r++) {
        httpRuns.push(await measure(scenario.total, one));
        bareRuns.push(await bare(scenario.name, scenario.total));
      }
      http[scenario.name] = { ...medianMeasured(httpRuns), bytes };
      // The public page alone, one client at a time, as run.ts measures the register's agreement page.
      if (scenario.name === 'agreementPage') {
        const single: Load[] = [];
        for (let r = 0; r < runs; r++) single.push(await load(1, 100, one));
        result.agreementPageOneClient = medianLoad(single);
        console.error(`[followup] agreementPage, one client: ${JSON.stringify(result.agreementPageOneClient)}`);
      }
      bareSql[scenario.name] = { ...medianLoad(bareRuns), runsP95: bareRuns.map((l) => Number(l.p95.toFixed(1))) };
      const each = httpRuns.map((h, r) => Number((h.p95 / bareRuns[r]!.p95).toFixed(2)));
      ratios[scenario.name] = { median: median(each), runs: each };
      console.error(`[followup] ${scenario.name}: ${JSON.stringify(http[scenario.name])}`);
      console.error(`[followup] ${scenario.name}, bare SQL (${bareSets[scenario.name]![0]!.length} statements): ${JSON.stringify(bareSql[scenario.name])}; HTTP p95 / bare p95 ${JSON.stringify(ratios[scenario.name])}`);
    }
    result.http = http;
    result.bareSql = bareSql;
    result.httpToBareP95 = ratios;

    // The yearly report of the largest organisation: one client, REPORT_REQUESTS sequential requests a run.
    const report: Record<string, { medianMs: number; maxMs: number; runs: Array<{ medianMs: number; maxMs: number }>; bytes: number }> = {};
    for (const [name, path] of wants('yearlyReport') ? ([['page', `/oversikt/arsrapport?ar=${REPORT_YEAR}`], ['pdf', `/oversikt/arsrapport.pdf?ar=${REPORT_YEAR}`]] as const) : []) {
      const { ok, bytes } = await fetchTimed(path, { cookie: largestCookie }); // warm up (the PDF's fonts are read once per process)
      if (!ok) throw new Error(`bench: ${path} did not answer 200`);
      const perRun: Array<{ medianMs: number; maxMs: number }> = [];
      for (let r = 0; r < runs; r++) {
        const times: number[] = [];
        for (let i = 0; i < REPORT_REQUESTS; i++) {
          const started = performance.now();
          if (!(await fetchTimed(path, { cookie: largestCookie })).ok) throw new Error(`bench: ${path} did not answer 200`);
          times.push(performance.now() - started);
        }
        perRun.push({ medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)) });
      }
      report[name] = { medianMs: median(perRun.map((p) => p.medianMs)), maxMs: median(perRun.map((p) => p.maxMs)), runs: perRun, bytes };
      console.error(`[followup] yearly report ${name}: ${JSON.stringify(report[name])}`);
    }
    if (wants('yearlyReport')) result.yearlyReport = report;
  } finally {
    await bare.close();
    await close();
    await server.stop();
  }

  // One reminder run over the whole register, to a real SMTP server in this process; each run from an empty reminders_sent.
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const mailer = createMailer({ url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: 'Ortsband <noreply@ortsband.test>' });
  const reminderRuns: Array<{ seconds: number; due: number; sent: number; mails: number; received: number; postgresCpuSeconds: number; benchCpuSeconds: number }> = [];
  try {
    for (let r = 0; r < (wants('reminders') ? runs : 0); r++) {
      await database.db.execute(sql`delete from reminders_sent`);
      received = 0;
      const pg = postgresCpuMs(databaseName);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const run = await sendReminders({ db: database.db, mailer, today, origin: 'https://ortsband.example.se' });
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const used = process.cpuUsage(cpu);
      reminderRuns.push({ seconds, ...run, received, postgresCpuSeconds: Math.round((postgresCpuMs(databaseName) - pg) / 100) / 10, benchCpuSeconds: Math.round((used.user + used.system) / 100_000) / 10 });
      console.error(`[followup] reminder run ${r + 1}: ${JSON.stringify(reminderRuns.at(-1))}`);
    }
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await database.close();
  }
  if (reminderRuns.length) result.reminders = { medianSeconds: median(reminderRuns.map((x) => x.seconds)), runs: reminderRuns };
  return result;
}
