// The coordination benchmark (`npm run bench -- --target=postgres --only=coordination`):
// the follow-up benchmark's register (bench/follow-up.ts: the generated
// register spread over about 290 organisations, 1,000,000 activities,
// 200,000 follow-up points, 20,000 action plans at the issue's scale) plus
// 200,000 contact surfaces (bench/generate.ts), a delegation named on one
// visit in twenty, and a decision basis on two decisions of each of 100
// organisations; served by `ortsband serve`. Measured as the coordination
// issue asks:
//
// - the calendar month view /besokskalender?month=…, the twelve months up to
//   this one (the generated visits end about now), for the public and signed
//   in (the shared visits too), 20 clients;
// - the national overview /samordning: its work (the response cache
//   bypassed), signed in, and from the response cache, 20 clients;
// - the delegation check a save queues (delegationOverlaps of one incoming
//   visit, as the job runs it), in this process, one at a time; and that of
//   a meeting, event, exchange or outgoing visit (visitsNearActivities);
// - the decision basis page /avtal/…/beslut/…, signed in as an editor of the
//   agreement's organisation, one client and 20 clients;
// - the map with every layer of contact surfaces /karta?lager=alla: right
//   after a write (a contact surface recorded, so nothing computed before it
//   may be served), uncached (the data unchanged, the response cache
//   bypassed) one client at a time, and unchanged from the response cache
//   under 20 clients.
//
// Medians of the runs, with the server's and PostgreSQL's CPU per request
// (bench/server-load.ts).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { vacuumAfterGeneration } from '../src/db/after-bulk-load.ts';
import { openDatabase, queryRows, type DatabaseTarget } from '../src/db/client.ts';
import { startSession } from '../src/domain/accounts/sessions.ts';
import { createContactSurface } from '../src/domain/contact-surfaces/save.ts';
import type { Context } from '../src/domain/context.ts';
import { delegationKeys } from '../src/domain/coordination/delegation-names.ts';
import { DELEGATION_WINDOW_DAYS, delegationOverlaps, NEAR_VISIT_KINDS, visitsNearActivities } from '../src/domain/coordination/delegations.ts';
import { saveDecisionBasis } from '../src/domain/decisions/basis.ts';
import { DECISION_EVENT_TYPES } from '../src/domain/decisions/kinds.ts';
import { SESSION_COOKIE } from '../src/http/session.ts';
import { CHART_NAMES } from '../src/web/charts/statistics-charts.ts';
import { todayInStockholm } from '../src/web/format.ts';
import { followUpScale, generateFollowUp, type FollowUpServer } from './follow-up.ts';
import { CONTACT_SURFACES_AT_SCALE, generateContactSurfaces } from './generate.ts';
import { median, percentile, type Load } from './load.ts';
import { medianMeasured, serverLoad, type Measured } from './server-load.ts';

const CLIENTS = 20;
/** Organisations whose editors are signed in: the largest first. */
const EDITORS = 100;
/** Decisions with a saved basis in each of those organisations. */
const BASES_PER_ORGANISATION = 2;
/** Incoming visits whose delegation check is timed. */
const CHECKS = 300;
/** Names of delegations and leading persons, one on every twentieth visit. */
const DELEGATIONS = Array.from({ length: 40 }, (_, i) => ({ delegationName: `Delegation från provinsregeringen ${i + 1}`, delegationPersons: [`Wang Wei ${i + 1}`, `Li Na ${i + 1}`] }));

export const COORDINATION_PARTS = ['calendarMonth', 'calendarMonthSignedIn', 'nationalOverview', 'nationalOverviewSignedIn', 'delegationCheck', 'delegationCheckOther', 'decisionBasis', 'mapEveryLayer'] as const;

/** Contact surfaces at a register of `agreements` agreements: the issue's 200,000 at 100,000. */
const surfacesAt = (agreements: number) => Math.round((CONTACT_SURFACES_AT_SCALE * agreements) / 100_000);

export async function benchCoordination(target: DatabaseTarget & { kind: 'postgres' }, agreementCount: number, runs: number, serve: () => Promise<FollowUpServer>, parts: readonly string[] = COORDINATION_PARTS) {
  const unknown = parts.filter((part) => !(COORDINATION_PARTS as readonly string[]).includes(part));
  if (unknown.length) throw new Error(`bench: no coordination part ${unknown.join(', ')}; the parts are ${COORDINATION_PARTS.join(', ')}`);
  const wants = (part: string) => parts.includes(part);
  const databaseName = new URL(target.url).pathname.slice(1);
  const result: Record<string, unknown> = {};
  const database = await openDatabase(target);
  const { db } = database;
  const today = todayInStockholm();
  try {
    // The follow-up register, then what the coordination part adds to it; each skipped when present.
    const generated = await generateFollowUp(db, agreementCount);
    if (generated !== null) result.generateFollowUpSeconds = generated;
    const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, query))[0]!.n;
    const surfaces = await count(sql`select count(*)::int as n from contact_surfaces`);
    if (surfaces < surfacesAt(agreementCount)) {
      const started = performance.now();
      await generateContactSurfaces(db, surfacesAt(agreementCount) - surfaces);
      result.generateSurfacesSeconds = Math.round((performance.now() - started) / 100) / 10;
    }
    let named = false;
    if ((await count(sql`select count(*)::int as n from activities where delegation_name is not null`)) === 0) {
      for (const [i, delegation] of DELEGATIONS.entries()) {
        // drizzle spreads a JS array into a list of parameters: spelt out as an array.
        const textArray = (items: string[]) => sql`array[${sql.join(items.map((item) => sql`${item}`), sql`, `)}]::text[]`;
        await db.execute(sql`update activities set delegation_name = ${delegation.delegationName}, delegation_persons = ${textArray(delegation.delegationPersons)}, delegation_keys = ${textArray(delegationKeys(delegation))}
          where id % 20 = 0 and (id / 20) % ${DELEGATIONS.length}::int = ${i}::int and kind in ('visit_incoming', 'visit_outgoing')`);
      }
      await db.execute(sql`analyze activities`);
      named = true;
    }
    // What was generated here rewrote rows (surfaces' cached counties, activities' names): vacuumed as autovacuum would (off on this machine).
    if (result.generateSurfacesSeconds !== undefined || named) await vacuumAfterGeneration(db);

    // Editors of 100 organisations, the largest first, each signed in.
    const editors = await queryRows<{ id: number; version: number; email: string; organisationId: number }>(
      db,
      sql`select u.id, u.version, u.email, u.organisation_id as "organisationId" from users u join organisations o on o.id = u.organisation_id
          where u.email like 'redaktor1.%@benchkommun.se' order by substr(o.slug, 14)::int limit ${EDITORS}`,
    );
    if (!editors.length) throw new Error('bench: no editors (generateFollowUp makes them)');
    const cookies: string[] = [];
    for (const editor of editors) cookies.push(`${SESSION_COOKIE}=${(await startSession(db, editor)).token}`);
    const editorCtx = (editor: (typeof editors)[number]): Context => ({ db, principal: { kind: 'user', subject: editor.email, organisationId: editor.organisationId, role: 'editor' } });

    // Decision bases: the latest decisions of each organisation, in the provinces with the most agreements first (the most peers to read).
    const decisions: Array<{ slug: string; eventId: number; editor: number }> = [];
    for (const [e, editor] of editors.entries()) {
      const rows = await queryRows<{ slug: string; eventId: number; saved: number }>(
        db,
        sql`select g.slug, s.id::int as "eventId", (select count(*)::int from decision_bases b where b.event_id = s.id) as saved
            from status_events s join agreements g on g.id = s.agreement_id
            where g.organisation_id = ${editor.organisationId} and s.type in (${sql.join(DECISION_EVENT_TYPES.map((t) => sql`${t}`), sql`, `)})
            order by cardinality(g.place_ids) desc, s.id desc limit ${BASES_PER_ORGANISATION}`,
      );
      for (const row of rows) {
        if (!row.saved) {
          await saveDecisionBasis({
            ctx: editorCtx(editor),
            slug: row.slug,
            eventId: row.eventId,
            today,
            input: { purpose: 'Att pröva om samarbetet ger det som avsågs.', expectedBenefit: 'Utbyte inom utbildning och näringsliv.', costsSoFarSek: 120_000, costsPlannedSek: 40_000, securityAdviceSought: true, securityAdviceFrom: 'Säkerhetspolisen', expectedVersion: 0 },
          });
        }
        decisions.push({ slug: row.slug, eventId: row.eventId, editor: e });
      }
    }

    // Incoming visits that the warnings look at (from the window before today to a year ahead), spread over the organisations, whose check is timed.
    const visits = await queryRows<{ id: number; organisationId: number; places: number; named: boolean }>(
      db,
      sql`select a.id, a.organisation_id as "organisationId", cardinality(g.place_ids) as places, a.delegation_name is not null as named
          from activities a join agreements g on g.id = a.agreement_id
          where a.kind = 'visit_incoming' and a.date_min between ${today}::date - ${DELEGATION_WINDOW_DAYS}::int and ${today}::date + 365 and a.organisation_id in (${sql.join(editors.map((e) => sql`${e.organisationId}`), sql`, `)})
          order by md5(a.id::text) limit ${CHECKS}`,
    );

    const [register] = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*)::int from agreements) as agreements, (select count(*)::int from activities) as activities,
            (select count(*)::int from activities where kind in ('visit_incoming', 'visit_outgoing')) as visits,
            (select count(*)::int from activities where delegation_name is not null) as "namedDelegations",
            (select count(*)::int from contact_surfaces) as "contactSurfaces", (select count(*)::int from decision_bases) as "decisionBases"`,
    );
    result.register = { ...register, scale: followUpScale(agreementCount), timedChecks: visits.length, decisionPages: decisions.length };
    console.error(`[coordination] register: ${JSON.stringify(result.register)}`);

    // The delegation check of one record, as the job runs it after a save: `checkOf` its query, timed over `records`.
    const timeChecks = async (records: Array<{ id: number; organisationId: number }>, checkOf: (ctx: Context, record: { id: number; organisationId: number }) => Promise<unknown[]>) => {
      const check = (i: number) => {
        const record = records[i % records.length]!;
        return checkOf(editorCtx(editors.find((e) => e.organisationId === record.organisationId)!), record);
      };
      for (let i = 0; i < Math.min(50, records.length); i++) await check(i); // warm up
      const perRun: Array<Load & { overlapsMedian: number; overlapsMax: number }> = [];
      for (let r = 0; r < runs; r++) {
        const times: number[] = [];
        const found: number[] = [];
        for (let i = 0; i < records.length; i++) {
          const started = performance.now();
          found.push((await check(i)).length);
          times.push(performance.now() - started);
        }
        perRun.push({ p50: percentile(times, 50), p95: percentile(times, 95), errors: 0, requests: times.length, overlapsMedian: median(found), overlapsMax: Math.max(...found) });
      }
      return { p50: median(perRun.map((r) => r.p50)), p95: median(perRun.map((r) => r.p95)), runs: perRun };
    };
    if (wants('delegationCheck')) {
      result.delegationCheck = await timeChecks(visits, (ctx, visit) => delegationOverlaps(ctx, { organisationId: visit.organisationId, today, only: [visit.id] }));
      console.error(`[coordination] delegation check: ${JSON.stringify(result.delegationCheck)}`);
    }
    // A meeting's, event's, exchange's or outgoing visit's check: others' incoming visits near it (the part of its check that differs from a visit's).
    if (wants('delegationCheckOther')) {
      const others = await queryRows<{ id: number; organisationId: number }>(
        db,
        sql`select a.id, a.organisation_id as "organisationId" from activities a
            where a.kind in (${sql.join(NEAR_VISIT_KINDS.map((k) => sql`${k}`), sql`, `)}) and a.visibility <> 'internal' and a.date !~ '^[0-9]{4}$'
              and a.date_min between ${today}::date - ${DELEGATION_WINDOW_DAYS}::int and ${today}::date + 365 and a.organisation_id in (${sql.join(editors.map((e) => sql`${e.organisationId}`), sql`, `)})
            order by md5(a.id::text) limit ${CHECKS}`,
      );
      result.delegationCheckOther = await timeChecks(others, (ctx, activity) => visitsNearActivities(ctx, { organisationId: activity.organisationId, today, only: [activity.id] }));
      console.error(`[coordination] delegation check of another kind: ${JSON.stringify(result.delegationCheckOther)}`);
    }

    const server = await serve();
    const { fetchTimed, measure, close } = serverLoad(server, databaseName, CLIENTS);
    try {
      // `serve` reads the register for the charts and maps in the background at start: wait for it.
      for (const chart of CHART_NAMES) await fetchTimed(`/api/statistics/${chart}.svg`, { cookie: 'bench=uncached' });
      const months = Array.from({ length: 12 }, (_, i) => {
        const d = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
        d.setUTCMonth(d.getUTCMonth() - i);
        return d.toISOString().slice(0, 7);
      });
      const UNCACHED = { cookie: 'bench=uncached', 'accept-encoding': 'gzip' };
      const signedIn = (i: number) => ({ cookie: cookies[i % cookies.length]!, 'accept-encoding': 'gzip' });
      const scenarios: Array<{ name: string; total: number; clients: number; path: (i: number) => string; headers: (i: number) => Record<string, string> }> = [
        { name: 'calendarMonth', total: 600, clients: CLIENTS, path: (i) => `/besokskalender?month=${months[i % months.length]}`, headers: () => UNCACHED },
        { name: 'calendarMonthSignedIn', total: 600, clients: CLIENTS, path: (i) => `/besokskalender?month=${months[i % months.length]}`, headers: signedIn },
        { name: 'nationalOverview', total: 1_000, clients: CLIENTS, path: () => '/samordning', headers: () => UNCACHED },
        { name: 'nationalOverviewCached', total: 2_000, clients: CLIENTS, path: () => '/samordning', headers: () => ({ 'accept-encoding': 'gzip' }) },
        { name: 'nationalOverviewSignedIn', total: 1_000, clients: CLIENTS, path: () => '/samordning', headers: signedIn },
        { name: 'decisionBasis', total: 600, clients: CLIENTS, path: (i) => `/avtal/${decisions[i % decisions.length]!.slug}/beslut/${decisions[i % decisions.length]!.eventId}`, headers: (i) => signedIn(decisions[i % decisions.length]!.editor) },
        { name: 'decisionBasisOneClient', total: 200, clients: 1, path: (i) => `/avtal/${decisions[i % decisions.length]!.slug}/beslut/${decisions[i % decisions.length]!.eventId}`, headers: (i) => signedIn(decisions[i % decisions.length]!.editor) },
        { name: 'mapEveryLayer', total: 30, clients: 1, path: () => '/karta?lager=alla', headers: () => UNCACHED },
        { name: 'mapEveryLayerCached', total: 2_000, clients: CLIENTS, path: () => '/karta?lager=alla', headers: () => ({ 'accept-encoding': 'gzip' }) },
      ];
      const partOf = (name: string) => name.replace(/Cached$|OneClient$/, '');
      const http: Record<string, ReturnType<typeof medianMeasured> & { bytes: number }> = {};
      for (const scenario of scenarios.filter((s) => wants(partOf(s.name)))) {
        const one = async (i: number) => (await fetchTimed(scenario.path(i), scenario.headers(i))).ok;
        const first = await fetchTimed(scenario.path(0), scenario.headers(0));
        if (!first.ok) throw new Error(`bench: ${scenario.path(0)} answered ${first.status}`);
        await measure(Math.min(100, scenario.total), one, scenario.clients); // warm up: the server's JIT, the pool's prepared statements
        const measured: Measured[] = [];
        for (let r = 0; r < runs; r++) measured.push(await measure(scenario.total, one, scenario.clients));
        http[scenario.name] = { ...medianMeasured(measured), bytes: first.bytes };
        console.error(`[coordination] ${scenario.name}: ${JSON.stringify(http[scenario.name])}`);
      }
      result.http = http;

      // The map with every layer right after a write: a contact surface recorded through the verb changes the data version.
      if (wants('mapEveryLayer')) {
        const writer = editors[0]!;
        const [body] = await queryRows<{ name: string }>(db, sql`select name from actors where slug like 'bench-actor-1-%' order by id limit 1`);
        const times: number[] = [];
        for (let r = 0; r < runs * 5; r++) {
          await createContactSurface({ ctx: editorCtx(writer), input: { kind: 'trade', title: `Handel med Kina ${Date.now()}-${r}`, actors: [body!.name], visibility: 'public' } });
          const started = performance.now();
          if (!(await fetchTimed('/karta?lager=alla', UNCACHED)).ok) throw new Error('bench: /karta?lager=alla did not answer 200');
          times.push(performance.now() - started);
        }
        result.mapEveryLayerAfterWrite = { medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)), requests: times.length };
        console.error(`[coordination] map with every layer after a write: ${JSON.stringify(result.mapEveryLayerAfterWrite)}`);
      }
    } finally {
      await close();
      await server.stop();
    }
  } finally {
    await database.close();
  }
  return result;
}
