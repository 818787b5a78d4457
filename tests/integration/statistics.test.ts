// The statistics keep the register between data versions and re-read only
// what changed: after each write they must say exactly what a computation
// from scratch says. The map counts bundles in the database; they must be the
// ties it would draw one by one, counted.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { ListAgreementsInput } from '../../src/domain/agreements/schemas.ts';
import type { Context } from '../../src/domain/context.ts';
import { mapContent, mapTies } from '../../src/domain/maps/ties.ts';
import { statisticsOverview } from '../../src/domain/statistics/overview.ts';
import { RULE_IDS } from '../../src/domain/statistics/rules.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { applyImport } from '../../src/domain/transfer/exchange/apply.ts';
import { planImport } from '../../src/domain/transfer/exchange/plan.ts';
import { readFiles } from '../../src/domain/transfer/exchange/read.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t?.close());

const YEAR = 2026;
const TODAY = '2026-05-01';

// Inside a transaction the statistics have no register kept from before: they read everything.
const fromScratch = (ctx: Context, rule: (typeof RULE_IDS)[number]) =>
  t.database.db.transaction(async (tx) => JSON.stringify(await statisticsOverview({ ...ctx, db: tx }, rule, YEAR, TODAY)));

async function expectAsFromScratch(ctx: Context) {
  for (const rule of RULE_IDS) {
    expect(JSON.stringify(await statisticsOverview(ctx, rule, YEAR, TODAY)), rule).toBe(await fromScratch(ctx, rule));
  }
}

describe('statistics after a change', () => {
  it('recording events and adding agreements changes the statistics exactly as a computation from scratch says', async () => {
    const ctx = systemCtx(t);
    const before = await statisticsOverview(t.anonymous, 'per-agreement', YEAR, TODAY);
    const inForce2019 = before.inForce.find((y) => y.year === 2019)!.total;
    await statisticsOverview(ctx, 'report', YEAR, TODAY);

    // Ends an agreement in force since before 2019, by the Chinese side, with a reason.
    const [inForce] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from agreements where current_status = 'active' and visibility = 'public' and established_year < 2019 order by id limit 1`,
    );
    await recordStatusEvent({
      ctx,
      agreementId: inForce!.id,
      input: { type: 'ended', date: '2019-06', side: 'counterpart', reasons: [{ code: 'democracy_human_rights', statedBy: 'decision_maker' }] },
    });
    const after = await statisticsOverview(t.anonymous, 'per-agreement', YEAR, TODAY);
    expect(after.inForce.find((y) => y.year === 2019)!.total).toBe(inForce2019 - 1);
    await expectAsFromScratch(t.anonymous);
    await expectAsFromScratch(ctx);

    // A new agreement of a pair that already has one (one unit under the report's rule), then one internal agreement.
    const org = (await t.database.db.query.organisations.findFirst())!;
    const second = await createAgreement({ ctx, organisationId: org.id, input: { slug: uniqueSlug('stats'), kind: 'vanort', parties: ['mora'], counterparts: ['jilin'] } });
    await recordStatusEvent({ ctx, agreementId: second.id, input: { type: 'established', date: '2010' } });
    await recordStatusEvent({ ctx, agreementId: second.id, input: { type: 'paused', date: '2020-03-01' } });
    const internal = await createAgreement({
      ctx,
      organisationId: org.id,
      input: { slug: uniqueSlug('stats'), kind: 'kommunalt_partnerskap', parties: ['kalix'], counterparts: ['zhejiang'], visibility: 'internal' },
    });
    await recordStatusEvent({ ctx, agreementId: internal.id, input: { type: 'established', date: '2012' } });
    await expectAsFromScratch(t.anonymous);
    await expectAsFromScratch(ctx);
    expect((await statisticsOverview(ctx, 'per-agreement', YEAR, TODAY)).inForce.find((y) => y.year === 2015)!.total).toBe(
      (await statisticsOverview(t.anonymous, 'per-agreement', YEAR, TODAY)).inForce.find((y) => y.year === 2015)!.total + 1,
    );
  });

  it('an import (new agreements, events on old ones, a renamed body) changes them exactly as from scratch', async () => {
    const ctx = systemCtx(t);
    await statisticsOverview(t.anonymous, 'report', YEAR, TODAY);
    const csv = [
      'agreement,kind,parties,counterparts,event,event_date,event_side',
      `${uniqueSlug('imported')},vanort,2514,Gansu > Lanzhou,established,2005,`,
      'amal--dunhuang,vanort,1492,Dunhuang,ended,2024-02,swedish',
    ].join('\n');
    const actors = 'actor,name,kind,municipality_code,county_code,seat_lat,seat_lon\nmora-kommun,Mora kommun (omdöpt),kommun,2062,20,"61,0","14,54"\n';
    const read = await readFiles([{ name: 'a.csv', bytes: Buffer.from(csv) }, { name: 'actors.csv', bytes: Buffer.from(actors) }]);
    const plan = await planImport(ctx, read.tables, read.problems);
    expect(plan.problems).toEqual([]);
    await applyImport(ctx, plan);
    await expectAsFromScratch(t.anonymous);
    await expectAsFromScratch(ctx);
    const labels = await queryRows<{ party_label: string }>(t.database.db, sql`select party_label from agreements a join agreement_parties p on p.agreement_id = a.id join actors x on x.id = p.actor_id where x.municipality_code = '2062' and p.role = 'party'`);
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l.party_label).toContain('Mora kommun (omdöpt)');
  });

  it('a write that touches no agreement keeps every number', async () => {
    const before = JSON.stringify(await statisticsOverview(t.anonymous, 'report', YEAR, TODAY));
    const { createCounterpart } = await import('../../src/domain/counterparts/create.ts');
    const org = (await t.database.db.query.organisations.findFirst())!;
    await createCounterpart({ ctx: systemCtx(t), organisationId: org.id, input: { slug: uniqueSlug('place'), nameLatin: 'Nowhere', level: 'province' } });
    expect(JSON.stringify(await statisticsOverview(t.anonymous, 'report', YEAR, TODAY))).toBe(before);
  });
});

describe('map bundles', () => {
  // The whole register on a day is counted in memory, filtered maps by the database: both must be the ties counted.
  const inputs: ListAgreementsInput[] = [{}, { on: '2016-12-31', status: 'in_force' }, { on: '2021-12-31' }, { status: 'ended' }, { county: '14' }, { on: '2010-06-30', kind: 'vanort' }];

  async function expectTiesCounted(input: ListAgreementsInput) {
    const ties = await mapTies({ ctx: t.anonymous, input });
    const counted = new Map<string, number>();
    for (const tie of ties) {
      const key = `${tie.actor.county}|${tie.province.slug}|${tie.province.name}|${tie.province.native}|${tie.status}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const content = await mapContent({ ctx: t.anonymous, input, maxTies: 0 });
    expect(content.kind).toBe('bundles');
    if (content.kind !== 'bundles') return;
    expect(content.ties).toBe(ties.length);
    expect(new Map(content.bundles.map((b) => [`${b.county}|${b.province.slug}|${b.province.name}|${b.province.native}|${b.status}`, b.n]))).toEqual(counted);
    expect(await mapContent({ ctx: t.anonymous, input, maxTies: ties.length })).toEqual({ kind: 'ties', ties });
  }

  it.each(inputs)('are the ties counted by county, province and status (%o)', expectTiesCounted);

  it('are the ties counted after agreements change', async () => {
    const ctx = systemCtx(t);
    for (const input of inputs) await mapContent({ ctx: t.anonymous, input, maxTies: 0 });
    const org = (await t.database.db.query.organisations.findFirst())!;
    const added = await createAgreement({ ctx, organisationId: org.id, input: { slug: uniqueSlug('map'), kind: 'vanort', parties: ['kalix'], counterparts: ['jilin', 'zhejiang'] } });
    await recordStatusEvent({ ctx, agreementId: added.id, input: { type: 'established', date: '2005' } });
    await recordStatusEvent({ ctx, agreementId: added.id, input: { type: 'paused', date: '2016' } });
    const [active] = await queryRows<{ id: number }>(t.database.db, sql`select id from agreements where current_status = 'active' and visibility = 'public' order by id desc limit 1`);
    await recordStatusEvent({ ctx, agreementId: active!.id, input: { type: 'ended', date: '2015-02-01' } });
    for (const input of inputs) await expectTiesCounted(input);
  });
});

describe('the response cache', () => {
  it('answers concurrent first requests for one URL with one computation', async () => {
    const app = createApp(t.database);
    const responses = await Promise.all(Array.from({ length: 8 }, () => app.request('/api/statistics/in-force.svg?rule=earliest-date')));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.headers.get('x-cache')).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'hit', 'hit', 'hit', 'miss']);
    expect(new Set(bodies).size).toBe(1);
    expect(responses.every((r) => r.headers.get('content-type')?.startsWith('image/svg+xml'))).toBe(true);
  });
});
