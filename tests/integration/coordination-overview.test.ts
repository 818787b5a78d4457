// The coordinators' overviews: the country, a county, a region. The public
// reads the public register; a signed-in person also the shared records,
// never an organisation's internal ones (not even their own, so that one
// answer serves every signed-in reader). Incoming visits in the coming
// months, recent decisions with their reasons, quiet agreements and trends
// come from the register; the page and the API say the same.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import { createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import type { CoordinationOverview } from '../../src/domain/coordination/overview/overview.ts';
import type { RiskGradings } from '../../src/domain/coordination/overview/risk-gradings.ts';
import type { Context } from '../../src/domain/context.ts';
import { saveDecisionBasis } from '../../src/domain/decisions/basis.ts';
import { RISK_AREAS, riskFieldsOf, type SaveDecisionBasisInput } from '../../src/domain/decisions/schemas.ts';
import { RISK_LEVELS, type RiskLevel } from '../../src/db/schema.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { signedInVisitors, type Visitor } from '../support/visitors.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let visitors: Record<'coordinator' | 'editor' | 'otherEditor' | 'anonymous', Visitor>;
/** Another organisation than the editorial one, with decision bases of its own. */
const OTHER = uniqueSlug('annan-kommun');
const GOTEBORG = 'goteborg--shanghai'; // Västra Götalands län (14)

/** A day `months` months from today. */
function monthsAhead(months: number): string {
  const d = new Date(`${todayInStockholm()}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await openTestDatabase();
  const app = createApp(t.database);
  await addOrganisation({ ctx: systemCtx(t), input: { slug: OTHER, name: 'Annan kommun' } });
  ({ visitors } = await signedInVisitors(t, app, {
    coordinator: { role: 'coordinator', organisation: 'ortsband' },
    editor: { role: 'editor', organisation: 'ortsband' },
    otherEditor: { role: 'editor', organisation: OTHER },
  }));
  const ctx = systemCtx(t);
  const [agreement] = await queryRows<{ id: number }>(t.database.db, sql`select id from agreements where slug = ${GOTEBORG}`);
  const id = agreement!.id;
  await createActivity({ ctx, agreementId: id, input: { kind: 'visit_incoming', title: 'Offentlig delegation från Shanghai', date: monthsAhead(1) } });
  await createActivity({ ctx, agreementId: id, input: { kind: 'visit_incoming', title: 'Delad delegation från Shanghai', date: monthsAhead(2), visibility: 'shared' } });
  await createActivity({ ctx, agreementId: id, input: { kind: 'visit_incoming', title: 'Intern delegation från Shanghai', date: monthsAhead(2), visibility: 'internal' } });
  await createActivity({ ctx, agreementId: id, input: { kind: 'visit_incoming', title: 'Delegation om ett år', date: monthsAhead(12) } });
  await recordStatusEvent({
    ctx,
    agreementId: id,
    input: { type: 'paused', date: todayInStockholm(), decidingBody: 'Kommunstyrelsen', reasons: [{ code: 'democracy_human_rights', text: 'Delat skäl till pausen' }], visibility: 'shared' },
  });
}, 120_000);
afterAll(async () => t?.close());

const overviewOf = async (who: Visitor, path: string) => (await (await who.request(path)).json()) as CoordinationOverview;

describe("coordinators' overviews", () => {
  it('the public reads the public incoming visits of the coming months; signed-in people the shared ones too, never internal ones', async () => {
    const titles = (o: CoordinationOverview) => o.incoming.visits.map((v) => v.title);
    const open = await overviewOf(visitors.anonymous, '/api/coordination');
    expect(open.reads).toBe('public');
    expect(titles(open)).toContain('Offentlig delegation från Shanghai');
    expect(titles(open)).not.toContain('Delad delegation från Shanghai');
    expect(titles(open)).not.toContain('Delegation om ett år');
    for (const who of ['coordinator', 'editor'] as const) {
      const shared = await overviewOf(visitors[who], '/api/coordination');
      expect(shared.reads, who).toBe('shared');
      expect(titles(shared), who).toEqual(expect.arrayContaining(['Offentlig delegation från Shanghai', 'Delad delegation från Shanghai']));
      expect(titles(shared), who).not.toContain('Intern delegation från Shanghai');
      expect(shared.decisions.find((d) => d.agreementSlug === GOTEBORG)?.reasons[0]?.text, who).toBe('Delat skäl till pausen');
    }
    expect(open.decisions.some((d) => d.agreementSlug === GOTEBORG)).toBe(false);
    const page = await (await visitors.anonymous.request('/samordning')).text();
    expect(page).toContain('Offentlig delegation från Shanghai');
    expect(page).not.toContain('Delad delegation');
    const signedIn = await (await visitors.coordinator.request('/samordning')).text();
    expect(signedIn).toContain('Delad delegation från Shanghai');
    expect(signedIn).toContain('Delat skäl till pausen');
    expect(signedIn).not.toContain('Intern delegation');
  });

  it('a county and a region narrow to the agreements with a Swedish party there', async () => {
    const vg = await overviewOf(visitors.anonymous, '/api/coordination/counties/14');
    expect(vg.scope).toEqual({ kind: 'county', county: '14', name: 'Västra Götalands län' });
    expect(vg.incoming.visits.map((v) => v.title)).toContain('Offentlig delegation från Shanghai');
    const skane = await overviewOf(visitors.anonymous, '/api/coordination/regions/region-skane');
    expect(skane.scope).toMatchObject({ kind: 'region', county: '12', slug: 'region-skane' });
    expect(skane.incoming.visits.map((v) => v.title)).not.toContain('Offentlig delegation från Shanghai');
    // The trends count in the database what the register holds: the shipped agreements' establishment years and endings.
    const country = await overviewOf(visitors.anonymous, '/api/coordination');
    expect(country.trends).toHaveLength(11);
    expect(country.trends.at(-1)!.year).toBe(Number(todayInStockholm().slice(0, 4)));
    const first = country.trends[0]!.year;
    const [established] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from agreements where visibility = 'public' and established_year between ${first} and ${first + 10}`,
    );
    expect(country.trends.reduce((n, y) => n + y.established, 0)).toBe(established!.n);
    expect(country.quiet.total).toBeGreaterThanOrEqual(country.quiet.agreements.length);
    // Contact surfaces the reader may read, by kind: a public one with a body in Västra Götaland, a shared one, an internal one.
    expect(country.contactSurfaces).toEqual([]);
    const [org] = await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = 'ortsband'`);
    for (const [kind, visibility] of [['trade', 'public'], ['trade', 'shared'], ['influence', 'internal']] as const) {
      await createContactSurface({ ctx: systemCtx(t), organisationId: org!.id, input: { kind, title: `En kontaktyta (${visibility})`, actors: ['goteborg'], visibility } });
    }
    expect((await overviewOf(visitors.anonymous, '/api/coordination')).contactSurfaces).toEqual([{ kind: 'trade', count: 1 }]);
    expect((await overviewOf(visitors.coordinator, '/api/coordination/counties/14')).contactSurfaces).toEqual([{ kind: 'trade', count: 2 }]);
    expect((await overviewOf(visitors.coordinator, '/api/coordination/regions/region-skane')).contactSurfaces).toEqual([]);
    expect(await (await visitors.anonymous.request('/samordning/lan/14')).text()).toContain('Lokalt företag med handel med Kina');
    for (const path of ['/samordning/lan/14', '/samordning/region/region-skane', '/samordning?lang=en']) expect((await visitors.anonymous.request(path)).status, path).toBe(200);
    expect(await (await visitors.anonymous.request('/samordning/region/region-skane')).text()).toContain('Samordning: Region Skåne');
    // A region is linked from its county's page, not from the country's (a register may know thousands of parties of kind region).
    expect(await (await visitors.anonymous.request('/samordning/lan/12')).text()).toContain('href="/samordning/region/region-skane"');
    expect(await (await visitors.anonymous.request('/samordning/lan/14')).text()).not.toContain('href="/samordning/region/region-skane"');
    expect(await (await visitors.anonymous.request('/samordning')).text()).not.toContain('/samordning/region/');
    // No county 99, a kommun is no region, a slug of no party: not found; a parameter the API does not take: named.
    for (const path of ['/samordning/lan/99', '/samordning/lan/ab', '/samordning/region/goteborg', '/samordning/region/no-such-region', '/api/coordination/counties/99', '/api/coordination/regions/goteborg']) {
      expect((await visitors.anonymous.request(path)).status, path).toBe(404);
    }
    const refused = await visitors.anonymous.request('/api/coordination?county=14');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('county');
  });

  it("count the risk gradings of the reader's own organisation's decision bases in scope, the latest version of each; nobody else's, none for the public", async () => {
    const ctx = systemCtx(t);
    const orgId = async (slug: string) => (await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where slug = ${slug}`))[0]!.id;
    const [mine, theirs] = [await orgId('ortsband'), await orgId(OTHER)];
    // mulberry32: the same bases on every run.
    let seed = 20261207;
    const r = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const grading = () => Object.fromEntries(RISK_AREAS.map((area) => [area, RISK_LEVELS[Math.floor(r() * RISK_LEVELS.length)]!])) as Record<(typeof RISK_AREAS)[number], RiskLevel>;
    const input = (g: ReturnType<typeof grading>, expectedVersion: number): SaveDecisionBasisInput => ({
      purpose: 'Syftet',
      securityAdviceSought: false,
      expectedVersion,
      ...Object.fromEntries(RISK_AREAS.flatMap((area) => [[riskFieldsOf(area).level, g[area]], [riskFieldsOf(area).justification, 'Skälet']])),
    });
    /** What each organisation's latest versions graded, per county of the party. */
    const latest: Array<{ organisation: number; county: string; grading: ReturnType<typeof grading> }> = [];
    const plan = [
      ...Array.from({ length: 5 }, (_, i) => ({ organisation: mine, party: 'goteborg', county: '14', visibility: (['public', 'shared', 'internal'] as const)[i % 3] })),
      ...Array.from({ length: 3 }, () => ({ organisation: mine, party: 'malmo', county: '12', visibility: 'shared' as const })),
      ...Array.from({ length: 3 }, () => ({ organisation: theirs, party: 'goteborg', county: '14', visibility: 'shared' as const })),
    ];
    for (const { organisation, party, county, visibility } of plan) {
      const agreement = await createAgreement({ ctx, organisationId: organisation, input: { slug: uniqueSlug('risk'), kind: 'vanort', parties: [party], counterparts: ['hangzhou'], visibility } });
      const asOrg: Context = { db: t.database.db, principal: { kind: 'system', label: 'test', organisationId: organisation } };
      // One decision or two; a basis saved once or twice (the first version's grading is not counted).
      const decisions = [await recordStatusEvent({ ctx: asOrg, agreementId: agreement.id, input: { type: 'established', date: '2015', visibility } })];
      if (r() < 0.5) decisions.push(await recordStatusEvent({ ctx: asOrg, agreementId: agreement.id, input: { type: 'paused', date: todayInStockholm(), decidingBody: 'Kommunstyrelsen', visibility } }));
      for (const decision of decisions) {
        let g = grading();
        await saveDecisionBasis({ ctx: asOrg, slug: agreement.slug, eventId: decision.id, input: input(g, 0), today: todayInStockholm() });
        if (r() < 0.5) {
          g = grading();
          await saveDecisionBasis({ ctx: asOrg, slug: agreement.slug, eventId: decision.id, input: input(g, 1), today: todayInStockholm() });
        }
        latest.push({ organisation, county, grading: g });
      }
    }
    const expected = (organisation: number, county?: string): RiskGradings => {
      const counted = latest.filter((b) => b.organisation === organisation && (!county || b.county === county));
      return {
        bases: counted.length,
        areas: RISK_AREAS.map((area) => ({ area, levels: Object.fromEntries(RISK_LEVELS.map((level) => [level, counted.filter((b) => b.grading[area] === level).length])) as Record<RiskLevel, number> })),
      };
    };
    // The shipped register has no decision basis: the counts are the generated ones.
    expect(latest.filter((b) => b.organisation === mine).length).toBeGreaterThan(8);
    for (const who of ['coordinator', 'editor'] as const) {
      expect((await overviewOf(visitors[who], '/api/coordination')).riskGradings, who).toEqual(expected(mine));
      expect((await overviewOf(visitors[who], '/api/coordination/counties/14')).riskGradings, who).toEqual(expected(mine, '14'));
      expect((await overviewOf(visitors[who], '/api/coordination/regions/region-skane')).riskGradings, who).toEqual(expected(mine, '12'));
    }
    // The other organisation's editor reads the same shared overview, and only its own bases' gradings.
    const other = await overviewOf(visitors.otherEditor, '/api/coordination/counties/14');
    expect(other.riskGradings).toEqual(expected(theirs, '14'));
    expect(other.riskGradings!.bases).toBeGreaterThan(0);
    expect(other.incoming).toEqual((await overviewOf(visitors.editor, '/api/coordination/counties/14')).incoming);
    // The public: none, on the page and in the API, whatever was kept before.
    expect((await overviewOf(visitors.anonymous, '/api/coordination')).riskGradings).toBeNull();
    const publicPage = await (await visitors.anonymous.request('/samordning')).text();
    expect(publicPage).not.toContain('id="riskbedomningar"');
    // The page: the table in both languages, the count of each level in its row.
    const page = await (await visitors.coordinator.request('/samordning/lan/14')).text();
    expect(page).toContain(`Beslutsunderlag: ${expected(mine, '14').bases}, det senaste sparade av varje.`);
    const democracy = expected(mine, '14').areas[0]!.levels;
    expect(page.replace(/\s+/g, ' ')).toContain(`<th scope="row">Demokrati och mänskliga rättigheter</th>${RISK_LEVELS.map((l) => `<td class="num">${democracy[l]}</td>`).join('')}`);
    expect(await (await visitors.coordinator.request('/samordning?lang=en')).text()).toContain('Decision bases by risk area and level');
  });
});
