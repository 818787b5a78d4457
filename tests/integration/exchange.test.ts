// Import and export in the exchange format on a real database: round trips
// (export → import into an empty database → export gives the same files),
// idempotence, dry runs, and 250+ broken files that each get a report
// naming row and column while nothing is written.
import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { addArticle, changeArticle, getArticle, withdrawArticle } from '../../src/domain/knowledge/articles.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { applyImport } from '../../src/domain/transfer/exchange/apply.ts';
import { writeCsv, writeJson, writeXlsx } from '../../src/domain/transfer/exchange/export.ts';
import { COLUMNS, TABLES } from '../../src/domain/transfer/exchange/format.ts';
import { templateCsv, writeTemplateXlsx } from '../../src/domain/transfer/exchange/template.ts';
import { createApp } from '../../src/app.ts';
import { planImport, summarise } from '../../src/domain/transfer/exchange/plan.ts';
import { readFiles, type InputFile } from '../../src/domain/transfer/exchange/read.ts';
import type { Context } from '../../src/domain/context.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { fingerprint } from '../support/fingerprint.ts';

let shipped: TestDatabase;
let empty: TestDatabase;
beforeAll(async () => {
  [shipped, empty] = await Promise.all([openTestDatabase(), openTestDatabase({ empty: true })]);
});
afterAll(async () => Promise.all([shipped?.close(), empty?.close()]));

async function capture(work: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await work(out);
  return Buffer.concat(chunks);
}

async function exportCsv(ctx: Context): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const table of TABLES) files.push({ name: `${table}.csv`, bytes: await capture((out) => writeCsv(ctx, table, out)) });
  return files;
}

async function importFiles(ctx: Context, files: InputFile[], dryRun = false) {
  const read = await readFiles(files);
  const plan = await planImport(ctx, read.tables, read.problems);
  if (!dryRun && !plan.problems.length) await applyImport(ctx, plan);
  return plan;
}

async function registerState(ctx: Context) {
  const [row] = await queryRows<Record<string, number>>(
    ctx.db,
    sql`select (select version::int from data_version where id = 1) as version, (select count(*)::int from agreements) as agreements,
          (select count(*)::int from status_events) as events, (select count(*)::int from actors) as actors, (select count(*)::int from citations) as citations,
          (select count(*)::int from audit_log) as audit`,
  );
  return row!;
}

async function xlsxCells(bytes: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    sheets[sheet.name] = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
  });
  return sheets;
}

describe('round trip', () => {
  it('export → import into an empty database → export gives identical CSV and JSON files, and XLSX with identical cells', async () => {
    // An activity serving a goal of the shipped action plan, with costs by category, funding and head counts: the link and the figures must come back.
    const ctx = systemCtx(shipped);
    const [goal] = await queryRows<{ id: number; agreement_id: number }>(
      ctx.db,
      sql`select g.id, p.agreement_id from action_plan_goals g join action_plans p on p.id = g.action_plan_id where g.sort_order = 4 order by p.id limit 1`,
    );
    await createActivity({
      ctx, agreementId: goal!.agreement_id,
      input: {
        kind: 'exchange', date: '2016-10', title: 'Lärarutbyte', titleEn: 'Teacher exchange', costTravelSek: 42_000, costOtherSek: 3_500, funding: ['own_budget', 'icld_sida'], participantsEducation: 6, actionPlanGoalId: goal!.id, sources: [{ source: 'nkk2022', passage: 'Utbyten' }],
        // Further agreements and places (one three steps down): each must come back.
        alsoServes: ['bengtsfors--wuzhou', 'borlange--wuhan'], swedishPlaces: ['linkoping', 'region-dalarna'], chinesePlaces: ['guangzhou', 'changxing'],
      },
    });
    // The term, renewal and notice in numbers, on three agreements (no form of the shipped data gives them).
    await ctx.db.execute(sql`update agreements set term_months = 36, renewal_months = 12, notice_months = 3 where slug = 'linkoping--guangzhou'`);
    await ctx.db.execute(sql`update agreements set term_months = 24, notice_days = 90 where slug = 'bengtsfors--wuzhou'`);
    await ctx.db.execute(sql`update agreements set term_months = 1200 where slug = 'borlange--wuhan'`);
    // Contact surfaces of several kinds, linking bodies and places (one inside a province), citing with and without a passage; the internal one stays out of the files.
    const surfaces = [
      { kind: 'confucius', title: 'Konfuciusklassrum i Kalix', titleEn: 'Confucius classroom in Kalix', description: 'Lärare från Zhejiang.', descriptionEn: 'Teachers from Zhejiang.', date: '2012', endDate: '2019-06', actors: ['kalix'], places: ['zhejiang'], sources: ['nkk2022'], visibility: 'public' },
      { kind: 'investment', title: 'Förvärv av ett verkstadsföretag', date: '2018-03', actors: ['goteborg', 'linkoping'], places: ['guangzhou', 'hangzhou'], sources: ['nkk2022', 'scb-codes'], visibility: 'public' },
      { kind: 'academic', title: 'Forskningssamarbete', date: '2015/2020', actors: ['lulea'], visibility: 'public' },
      { kind: 'influence', title: 'Intern iakttagelse', date: '2021', actors: ['kalix'], places: ['suzhou'], visibility: 'internal' },
    ] as const;
    const [ortsband] = await queryRows<{ id: number }>(ctx.db, sql`select id from organisations where slug = 'ortsband'`);
    for (const input of surfaces) await createContactSurface({ ctx, organisationId: ortsband!.id, input: { ...input, actors: [...input.actors], places: 'places' in input ? [...input.places] : [], sources: 'sources' in input ? [...input.sources] : [] } });
    // A passage, as the form does not write one (the files carry it: `source: passage`).
    await ctx.db.execute(sql`update citations set passage = 'Bilaga, rad 3' where subject_type = 'contact_surface' and source_id = (select id from sources where slug = 'nkk2022')`);
    // Guidance: a shipped article changed once through the form by a county board's coordinator (version 2: the files carry
    // its text as it stands and her organisation, never her), a new one whose text starts as a formula would and whose topics
    // come in another order than the fixed one, and a withdrawn one, which is no longer guidance and stays out of the files.
    await addOrganisation({ ctx, input: { slug: 'lst-norrbotten', name: 'Länsstyrelsen i Norrbottens län' } });
    await addUser({ ctx, input: { email: 'samordnare@lst-norrbotten.example', displayName: 'Sam Ordnare', organisation: 'lst-norrbotten', role: 'coordinator' } });
    const infor = await getArticle(ctx, 'infor-beslut');
    await changeArticle({
      ctx, slug: 'infor-beslut',
      input: { titleSv: infor.titleSv, titleEn: infor.titleEn, bodySv: `${infor.bodySv}\n\nFråga länsstyrelsen.`, bodyEn: `${infor.bodyEn}\n\nAsk the county board.`, sourceNote: infor.sourceNote, owner: 'samordnare@lst-norrbotten.example', reviewOn: '2027-09-30', topics: infor.topics, expectedVersion: 1 },
    });
    // Its history too: version 1 kept by the county board, version 2 by nobody, both with texts that start as a formula would.
    const visit = { slug: 'ta-emot-besok', titleSv: 'Ta emot ett besök', titleEn: 'Receiving a visit', reviewOn: '2028-01-15', topics: ['delegation_warning', 'decision_basis'] as const };
    await addArticle({ ctx, input: { ...visit, topics: [...visit.topics], titleSv: 'Besök', titleEn: 'Visits', bodySv: '- Fråga vem.', bodyEn: '- Ask who.', owner: 'samordnare@lst-norrbotten.example', sourceNote: 'Seed 003', reviewOn: '2027-01-15' } });
    const { slug: _s, ...visitFields } = visit;
    await changeArticle({ ctx, slug: 'ta-emot-besok', input: { ...visitFields, topics: [...visit.topics], bodySv: '- Fråga vem som kommer.', bodyEn: '- Ask who is coming.', expectedVersion: 1 } });
    await changeArticle({ ctx, slug: 'ta-emot-besok', input: { ...visitFields, topics: [...visit.topics], bodySv: '- Fråga vem som kommer.\n- Anteckna vad som sades.', bodyEn: '- Ask who is coming.\n- Note what was said.', expectedVersion: 2 } });
    await addArticle({ ctx, input: { slug: 'gammal-vagledning', titleSv: 'Gammal vägledning', titleEn: 'Old guidance', bodySv: 'Gäller inte längre.', bodyEn: 'No longer in force.', reviewOn: '2020-01-01' } });
    await withdrawArticle({ ctx, slug: 'gammal-vagledning', input: { expectedVersion: 1 } });
    // Organisations come with accounts, never through the files: the receiving register has the one named.
    await addOrganisation({ ctx: systemCtx(empty), input: { slug: 'lst-norrbotten', name: 'Länsstyrelsen i Norrbottens län' } });
    const before = await exportCsv(shipped.anonymous);
    const jsonBefore = await capture((out) => writeJson(shipped.anonymous, out));
    const xlsxBefore = await capture((out) => writeXlsx(shipped.anonymous, out));

    const plan = await importFiles(systemCtx(empty), before);
    expect(plan.problems).toEqual([]);
    expect(summarise(plan).agreements.create).toBe(58);
    const [counts] = await queryRows<Record<string, number>>(
      shipped.anonymous.db,
      sql`select (select count(*)::int from activities) as activities, (select count(*)::int from action_plans) as plans, (select count(*)::int from action_plan_goals) as goals`,
    );
    expect(counts!.activities).toBeGreaterThan(10);
    expect(summarise(plan).activities.create).toBe(counts!.activities);
    expect(summarise(plan).action_plans.create).toBe(counts!.plans);
    expect(summarise(plan).goals.create).toBe(counts!.goals);
    expect(summarise(plan).contact_surfaces).toEqual({ create: 3, change: 0, unchanged: 0 });
    // The empty register has the guidance its migrations ship: one of them is changed, one new article made.
    expect(summarise(plan).knowledge_articles).toEqual({ create: 1, change: 1, unchanged: 2 });
    // Every earlier version comes along: the changed article's one and the new article's two.
    expect(summarise(plan).knowledge_article_versions).toEqual({ create: 3, change: 0, unchanged: 0 });

    const after = await exportCsv(empty.anonymous);
    for (const [i, file] of before.entries()) expect(after[i]!.bytes.toString(), file.name).toBe(Buffer.from(file.bytes).toString());
    expect((await capture((out) => writeJson(empty.anonymous, out))).toString()).toBe(jsonBefore.toString());
    expect(await xlsxCells(await capture((out) => writeXlsx(empty.anonymous, out)))).toEqual(await xlsxCells(xlsxBefore));

    // The same register: every agreement has the same derived status, periods and labels.
    const state = (ctx: Context) =>
      queryRows(ctx.db, sql`select slug, current_status, established_min::text, party_label, counterpart_label, search_text,
        (select string_agg(status || valid_from || coalesce(valid_to::text, ''), ',' order by valid_from) from agreement_status_periods p where p.agreement_id = a.id) as periods
        from agreements a where visibility = 'public' order by slug`);
    expect(await state(empty.anonymous)).toEqual(await state(shipped.anonymous));
    // The activity serves the same goal of the same plan, with its figures.
    const linked = (ctx: Context) =>
      queryRows(ctx.db, sql`select x.title, x.cost_sek, x.cost_travel_sek, x.funding, x.participants_education, p.title as plan, g.sort_order, a.slug
        from activities x join agreements a on a.id = x.agreement_id join action_plan_goals g on g.id = x.action_plan_goal_id join action_plans p on p.id = g.action_plan_id`);
    expect(await linked(empty.anonymous)).toEqual(await linked(shipped.anonymous));
    expect(await linked(empty.anonymous)).toEqual([expect.objectContaining({ title: 'Lärarutbyte', cost_sek: 45_500, sort_order: 4 })]);
    // Its further agreements and places, and the agreements' term, renewal and notice in numbers.
    const links = (ctx: Context) =>
      queryRows(ctx.db, sql`select x.title, x.date,
          (select array_agg(g.slug order by g.slug) from activity_agreements aa join agreements g on g.id = aa.agreement_id where aa.activity_id = x.id) as also,
          (select array_agg(a.slug order by a.slug) from activity_places l join actors a on a.id = l.actor_id where l.activity_id = x.id) as swedish,
          (select array_agg(c.slug order by c.slug) from activity_places l join counterparts c on c.id = l.counterpart_id where l.activity_id = x.id) as chinese
        from activities x where exists (select 1 from activity_places l where l.activity_id = x.id) or exists (select 1 from activity_agreements aa where aa.activity_id = x.id) order by x.title, x.date`);
    expect(await links(empty.anonymous)).toEqual(await links(shipped.anonymous));
    expect(await links(empty.anonymous)).toEqual([
      { title: 'Lärarutbyte', date: '2016-10', also: ['bengtsfors--wuzhou', 'borlange--wuhan'], swedish: ['linkoping', 'region-dalarna'], chinese: ['changxing', 'guangzhou'] },
    ]);
    const terms = (ctx: Context) =>
      queryRows(ctx.db, sql`select slug, term_months, renewal_months, notice_months, notice_days from agreements where term_months is not null order by slug`);
    expect(await terms(empty.anonymous)).toEqual(await terms(shipped.anonymous));
    expect(await terms(empty.anonymous)).toEqual([
      { slug: 'bengtsfors--wuzhou', term_months: 24, renewal_months: null, notice_months: null, notice_days: 90 },
      { slug: 'borlange--wuhan', term_months: 1200, renewal_months: null, notice_months: null, notice_days: null },
      { slug: 'linkoping--guangzhou', term_months: 36, renewal_months: 12, notice_months: 3, notice_days: null },
    ]);
    // The public contact surfaces, with their links, citations and cached counties and provinces; not the internal one.
    const surfaceState = (ctx: Context) =>
      queryRows<Record<string, unknown>>(ctx.db, sql`select s.kind, s.title, s.title_en, s.description, s.description_en, s.date, s.end_date, s.date_min::text, s.visibility, s.county_codes,
          (select array_agg(p.slug order by p.slug) from counterparts p where p.id = any(s.province_ids)) as provinces,
          (select array_agg(a.slug order by a.slug) from contact_surface_actors l join actors a on a.id = l.actor_id where l.surface_id = s.id) as actors,
          (select array_agg(c.slug order by c.slug) from contact_surface_places l join counterparts c on c.id = l.counterpart_id where l.surface_id = s.id) as places,
          (select array_agg(src.slug || ': ' || coalesce(ci.passage, '') order by src.slug) from citations ci join sources src on src.id = ci.source_id where ci.subject_type = 'contact_surface' and ci.subject_id = s.id) as cited
        from contact_surfaces s where s.visibility = 'public' order by s.id`);
    const imported = await surfaceState(empty.anonymous);
    expect(imported).toEqual(await surfaceState(shipped.anonymous));
    expect(imported.map((r) => [r.kind, r.actors, r.places, r.county_codes, r.provinces, r.cited])).toEqual([
      ['confucius', ['kalix'], ['zhejiang'], ['25'], ['zhejiang'], ['nkk2022: Bilaga, rad 3']],
      ['investment', ['goteborg', 'linkoping'], ['guangzhou', 'hangzhou'], ['05', '14'], ['guangdong', 'zhejiang'], ['nkk2022: Bilaga, rad 3', 'scb-codes: ']],
      ['academic', ['lulea'], null, ['25'], null, null],
    ]);
    expect((await queryRows<{ n: number }>(empty.anonymous.db, sql`select count(*)::int as n from contact_surfaces where title = 'Intern iakttagelse'`))[0]!.n).toBe(0);
    // The guidance in force with the same text, review day, topics and keeping organisation; the person stays behind.
    const guidance = (ctx: Context) =>
      queryRows<Record<string, unknown>>(ctx.db, sql`select k.slug, k.title_sv, k.title_en, k.body_sv, k.body_en, k.source_note, k.review_on::text,
          (select array_agg(t order by t) from unnest(k.topics) t) as topics, o.slug as organisation
        from knowledge_articles k left join users u on u.id = k.owner_id left join organisations o on o.id = coalesce(u.organisation_id, k.owner_organisation_id)
        where k.withdrawn_at is null order by k.slug`);
    const articles = await guidance(empty.anonymous);
    expect(articles).toEqual(await guidance(shipped.anonymous));
    expect(articles.map((a) => [a.slug, a.organisation, a.topics])).toEqual([
      ['folj-upp-avtalen', null, null],
      ['infor-beslut', 'lst-norrbotten', ['decision_basis', 'new_agreement']],
      ['samordna-med-andra', null, ['delegation_warning']],
      ['ta-emot-besok', null, ['decision_basis', 'delegation_warning']],
    ]);
    // The changed article's version 1 is the text both registers had, replaced when the source's was; nobody is named, the organisation is.
    const [changed] = await queryRows<Record<string, unknown>>(empty.anonymous.db, sql`select k.version, k.owner_id, v.version as earlier, v.body_sv = ${infor.bodySv} as kept
      from knowledge_articles k join knowledge_article_versions v on v.article_id = k.id where k.slug = 'infor-beslut'`);
    expect(changed).toEqual({ version: 2, owner_id: null, earlier: 1, kept: true });
    // Every earlier version, numbered as in the source, with its text, review day, keeping organisation and when it was replaced.
    const history = (ctx: Context) =>
      queryRows<Record<string, unknown>>(ctx.db, sql`select k.slug, k.version as stands_at, v.version, v.title_sv, v.title_en, v.body_sv, v.body_en, v.source_note, v.review_on::text, v.saved_at, o.slug as organisation
        from knowledge_article_versions v join knowledge_articles k on k.id = v.article_id left join users u on u.id = v.owner_id left join organisations o on o.id = coalesce(u.organisation_id, v.owner_organisation_id)
        where k.withdrawn_at is null order by k.slug, v.version`);
    const versions = await history(empty.anonymous);
    expect(versions).toEqual(await history(shipped.anonymous));
    expect(versions.map((v) => [v.slug, v.stands_at, v.version, v.body_sv, v.organisation])).toEqual([
      ['infor-beslut', 2, 1, infor.bodySv, null],
      ['ta-emot-besok', 3, 1, '- Fråga vem.', 'lst-norrbotten'],
      ['ta-emot-besok', 3, 2, '- Fråga vem som kommer.', null],
    ]);
    // The page of an earlier version, and the API's address for it, give the imported register's reader what the source's gives.
    const pageOf = async (db: TestDatabase, address: string) => {
      const answer = await createApp(db.database).request(address);
      expect(answer.status, address).toBe(200);
      // The page's main part: its footer names the register's data version, which differs.
      const body = await answer.text();
      return body.startsWith('{') ? body : body.slice(body.indexOf('<main'), body.indexOf('</main>'));
    };
    for (const address of ['/kunskap/ta-emot-besok?version=1', '/kunskap/ta-emot-besok?version=2&lang=en', '/api/knowledge/articles/ta-emot-besok/versions/1']) {
      expect(await pageOf(empty, address), address).toBe(await pageOf(shipped, address));
    }
    expect(await pageOf(empty, '/kunskap/ta-emot-besok?version=1')).toContain('<li>Fråga vem.</li>');
    expect(JSON.parse(await pageOf(empty, '/api/knowledge/articles/ta-emot-besok/versions/2'))).toMatchObject({ version: 2, bodySv: '- Fråga vem som kommer.', bodyEn: '- Ask who is coming.', current: false });
    expect((await queryRows<{ n: number }>(empty.anonymous.db, sql`select count(*)::int as n from knowledge_articles where slug = 'gammal-vagledning'`))[0]!.n).toBe(0);
  });

  it('imports each format the same way: JSON and XLSX into the imported register change nothing', async () => {
    const ctx = systemCtx(empty);
    const json = { name: 'register.json', bytes: await capture((out) => writeJson(shipped.anonymous, out)) };
    const xlsx = { name: 'register.xlsx', bytes: await capture((out) => writeXlsx(shipped.anonymous, out)) };
    for (const file of [json, xlsx]) {
      const plan = await importFiles(ctx, [file], true);
      expect(plan.problems, file.name).toEqual([]);
      const s = summarise(plan);
      expect(s.agreements, file.name).toEqual({ create: 0, change: 0, unchanged: 58 });
      expect(s.events.create + s.events.change, file.name).toBe(0);
      for (const table of ['action_plans', 'goals', 'activities', 'contact_surfaces', 'knowledge_articles', 'knowledge_article_versions'] as const) expect(s[table].create + s[table].change, `${file.name} ${table}`).toBe(0);
    }
  });

  it('importing the same files twice changes nothing the second time', async () => {
    const ctx = systemCtx(empty);
    const files = await exportCsv(empty.anonymous);
    const before = await registerState(ctx);
    const plan = await importFiles(ctx, files);
    expect(plan.outcomes.every((o) => o.action === 'unchanged')).toBe(true);
    expect(await registerState(ctx)).toEqual(before);
  });

  it('a file without the columns added later (English, other names, a source\'s language) changes nothing: a column a file lacks keeps the register\'s value', async () => {
    const ctx = systemCtx(empty);
    const later = ['summary_en', 'event_note_en', 'reasons_en', 'other_names', 'note_en', 'language'];
    const files = (await exportCsv(empty.anonymous)).map((file) => {
      const rows = parse(Buffer.from(file.bytes).toString().replace(/^\uFEFF/, ''), { columns: false }) as string[][];
      const keep = rows[0]!.map((name) => !later.includes(name));
      return { name: file.name, bytes: Buffer.from(stringify(rows.map((row) => row.filter((_, i) => keep[i])))) };
    });
    const [english] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from agreements where summary_en is not null`);
    expect(english!.n).toBeGreaterThan(0);
    const [notes] = await queryRows<{ n: number }>(ctx.db, sql`select (select count(*) from actors where note_en is not null)::int * (select count(*) from event_reasons where text_en is not null)::int as n`);
    expect(notes!.n).toBeGreaterThan(0);
    const [inEnglish] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from sources where language = 'en'`);
    expect(inEnglish!.n).toBeGreaterThan(0);
    const plan = await importFiles(ctx, files, true);
    expect(plan.problems).toEqual([]);
    expect(plan.outcomes.filter((o) => o.action !== 'unchanged')).toEqual([]);
  });

  it('imports a new action plan with its goals and an activity of a further agreement serving one of them: a dry run writes nothing and the same plan applies after it; again, nothing changes; a changed cell changes that record only', async () => {
    const ctx = systemCtx(empty);
    const plans = stringify([
      ['action_plan', 'agreement', 'period_from', 'period_to', 'also_serves', 'budget_sek', 'sources', 'goal', 'theme', 'goal_text', 'assessment'],
      ['Plan för Bengtsfors', 'bengtsfors--wuzhou', '2019', '2021~', 'borlange--wuhan', '120000', 'nkk2022: Bilaga', '1', 'Kultur', 'Utställning', ''],
      ['Plan för Bengtsfors', 'bengtsfors--wuzhou', '2019', '2021~', 'borlange--wuhan', '120000', 'nkk2022: Bilaga', '3', 'Turism', 'Fler besök', 'partly_met'],
    ]);
    const activity = (outcome: string) =>
      stringify([
        ['activity', 'agreement', 'kind', 'date', 'outcome', 'cost_travel_sek', 'cost_project_sek', 'funding', 'participants_officials', 'action_plan', 'goal', 'sources'],
        ['Resa till Wuhan', 'borlange--wuhan', 'visit_outgoing', '2020-01', outcome, '10000', '2500', 'own_budget | eu', '4', 'Plan för Bengtsfors', '3', 'nkk2022'],
      ]);
    const files = (outcome: string) => [
      { name: 'action_plans.csv', bytes: Buffer.from(plans) },
      { name: 'activities.csv', bytes: Buffer.from(activity(outcome)) },
    ];
    const before = await fingerprint(ctx);
    const read = await readFiles(files('Två avtal'));
    const plan = await planImport(ctx, read.tables, read.problems);
    expect(plan.problems).toEqual([]);
    expect(summarise(plan)).toMatchObject({ action_plans: { create: 1 }, goals: { create: 2 }, activities: { create: 1 } });
    await applyImport(ctx, plan, { dryRun: true });
    expect(await fingerprint(ctx)).toEqual(before);
    await applyImport(ctx, plan);
    const stored = () =>
      queryRows(ctx.db, sql`select x.title, x.cost_sek, x.funding, x.participants_officials, a.slug as agreement, p.title as plan, g.sort_order, g.theme_en, g.assessment, p.budget_sek,
          (select array_agg(s.slug) from action_plan_agreements pa join agreements s on s.id = pa.agreement_id where pa.action_plan_id = p.id) as serves, x.outcome,
          (select count(*)::int from citations c where c.subject_type = 'activity' and c.subject_id = x.id) as cited
        from activities x join agreements a on a.id = x.agreement_id join action_plan_goals g on g.id = x.action_plan_goal_id join action_plans p on p.id = g.action_plan_id
        where x.title = 'Resa till Wuhan'`);
    expect(await stored()).toEqual([
      { title: 'Resa till Wuhan', cost_sek: 12_500, funding: ['own_budget', 'eu'], participants_officials: 4, agreement: 'borlange--wuhan', plan: 'Plan för Bengtsfors', sort_order: 3, theme_en: 'Tourism', assessment: 'partly_met', budget_sek: 120_000, serves: ['borlange--wuhan'], outcome: 'Två avtal', cited: 1 },
    ]);
    const again = await importFiles(ctx, files('Två avtal'));
    expect(again.outcomes.filter((o) => o.action !== 'unchanged')).toEqual([]);
    const changed = await importFiles(ctx, files('Tre avtal'));
    expect(changed.problems).toEqual([]);
    expect(changed.outcomes.filter((o) => o.action !== 'unchanged')).toEqual([expect.objectContaining({ table: 'activities', row: 2, action: 'change' })]);
    expect(await stored()).toEqual([expect.objectContaining({ outcome: 'Tre avtal', sort_order: 3 })]);
  });

  it('imports contact surfaces naming bodies by code, name or id and places by path or id: a dry run writes nothing, again nothing changes, a changed cell changes that surface only; a body whose county the import changes moves the cached county', async () => {
    const ctx = systemCtx(empty);
    const surfaces = (description: string) =>
      stringify([
        ['contact_surface', 'kind', 'description', 'date', 'actors', 'places', 'sources', 'visibility'],
        ['Handel med maskiner', 'trade', description, '2022', '1460 | Region Dalarna', 'Zhejiang > Huzhou | suzhou', 'nkk2022: s. 4 | scb-codes', 'public'],
        ['Offentlig upphandling', 'procurement', '', '2023-02', 'region-dalarna', '', '', 'shared'],
      ]);
    const files = (description: string) => [{ name: 'kontaktytor.csv', bytes: Buffer.from(surfaces(description)) }];
    const before = await fingerprint(ctx);
    const read = await readFiles(files('Export av maskiner'));
    const plan = await planImport(ctx, read.tables, read.problems);
    expect(plan.problems).toEqual([]);
    expect(summarise(plan).contact_surfaces).toEqual({ create: 2, change: 0, unchanged: 0 });
    expect(plan.outcomes.filter((o) => o.table === 'contact_surfaces').map((o) => `${o.row} ${o.action} ${o.what}`)).toEqual([
      "2 create contact surface 'Handel med maskiner' 2022",
      "3 create contact surface 'Offentlig upphandling' 2023-02",
    ]);
    await applyImport(ctx, plan, { dryRun: true });
    expect(await fingerprint(ctx)).toEqual(before);
    await applyImport(ctx, plan);
    const stored = () =>
      queryRows<Record<string, unknown>>(
        ctx.db,
        sql`select s.title, s.kind, s.description, s.visibility, s.date_min::text, s.county_codes, s.version,
            (select array_agg(a.slug order by a.slug) from contact_surface_actors l join actors a on a.id = l.actor_id where l.surface_id = s.id) as actors,
            (select array_agg(c.slug order by c.slug) from contact_surface_places l join counterparts c on c.id = l.counterpart_id where l.surface_id = s.id) as places,
            (select array_agg(p.slug order by p.slug) from counterparts p where p.id = any(s.province_ids)) as provinces,
            (select array_agg(src.slug || ':' || coalesce(ci.passage, '') order by src.slug) from citations ci join sources src on src.id = ci.source_id where ci.subject_type = 'contact_surface' and ci.subject_id = s.id) as cited
          from contact_surfaces s where s.title in ('Handel med maskiner', 'Offentlig upphandling') order by s.id`,
      );
    expect(await stored()).toEqual([
      { title: 'Handel med maskiner', kind: 'trade', description: 'Export av maskiner', visibility: 'public', date_min: '2022-01-01', county_codes: ['14', '20'], version: 1, actors: ['bengtsfors', 'region-dalarna'], places: ['huzhou', 'suzhou'], provinces: ['jiangsu', 'zhejiang'], cited: ['nkk2022:s. 4', 'scb-codes:'] },
      { title: 'Offentlig upphandling', kind: 'procurement', description: null, visibility: 'shared', date_min: '2023-02-01', county_codes: ['20'], version: 1, actors: ['region-dalarna'], places: null, provinces: null, cited: null },
    ]);
    const audited = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where action = 'contact_surface.import.create'
      and entity_id in (select id from contact_surfaces where title in ('Handel med maskiner', 'Offentlig upphandling'))`);
    expect(audited[0]!.n).toBe(2);
    const again = await importFiles(ctx, files('Export av maskiner'));
    expect(again.outcomes.filter((o) => o.action !== 'unchanged')).toEqual([]);
    const changed = await importFiles(ctx, files('Import av maskiner'));
    expect(changed.problems).toEqual([]);
    expect(changed.outcomes.filter((o) => o.action !== 'unchanged')).toEqual([expect.objectContaining({ table: 'contact_surfaces', row: 2, action: 'change' })]);
    expect((await stored())[0]).toMatchObject({ description: 'Import av maskiner', version: 2, actors: ['bengtsfors', 'region-dalarna'], county_codes: ['14', '20'] });
    // Region Dalarna in another county, by the actors table: both surfaces that link it count it there at once.
    const actors = parse(Buffer.from((await exportCsv(empty.anonymous))[1]!.bytes).toString().replace(/^\uFEFF/, ''), { columns: false }) as string[][];
    const at = { slug: actors[0]!.indexOf('actor'), county: actors[0]!.indexOf('county_code') };
    const moved = actors.filter((row, i) => i === 0 || row[at.slug] === 'region-dalarna').map((row, i) => (i === 0 ? row : row.map((cell, j) => (j === at.county ? '17' : cell))));
    const relocated = await importFiles(ctx, [{ name: 'actors.csv', bytes: Buffer.from(stringify(moved)) }]);
    expect(relocated.problems).toEqual([]);
    expect((await stored()).map((r) => r.county_codes)).toEqual([['14', '17'], ['17']]);
    const restored = await importFiles(ctx, [{ name: 'actors.csv', bytes: Buffer.from(stringify(actors.filter((row, i) => i === 0 || row[at.slug] === 'region-dalarna'))) }]);
    expect(restored.problems).toEqual([]);
    expect((await stored()).map((r) => r.county_codes)).toEqual([['14', '20'], ['20']]);
  });

  it("imports guidance articles by their address: a changed text is a new version keeping the one it replaces, a person stays while the row names their organisation, nothing is removed, a withdrawn article's text is refused; a dry run writes nothing", async () => {
    const ctx = systemCtx(empty);
    // A file of the rows given, each over the article's row as the register exports it now (or empty cells for a new one).
    const file = async (rows: Array<Record<string, string>>, drop: string[] = []) => {
      const sheet = parse(Buffer.from((await exportCsv(empty.anonymous)).find((f) => f.name === 'knowledge_articles.csv')!.bytes).toString().replace(/^\uFEFF/, ''), { columns: false }) as string[][];
      const header = sheet[0]!;
      const keep = header.map((name) => !drop.includes(name));
      const body = rows.map((cells) => (sheet.find((r) => r[header.indexOf('article')] === cells.article) ?? header.map(() => '')).map((cell, j) => cells[header[j]!] ?? cell));
      return [{ name: 'knowledge_articles.csv', bytes: Buffer.from(stringify([header, ...body].map((r) => r.filter((_, j) => keep[j])))) }];
    };
    const stored = async (slug: string) =>
      (await queryRows<Record<string, unknown>>(ctx.db, sql`select k.version, k.body_sv, k.owner_id, o.slug as organisation, k.topics, k.withdrawn_at is not null as withdrawn,
          (select array_agg(v.version || ': ' || left(v.body_sv, 20) order by v.version) from knowledge_article_versions v where v.article_id = k.id) as versions
        from knowledge_articles k left join organisations o on o.id = k.owner_organisation_id where k.slug = ${slug}`))[0];
    const count = async () => (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from knowledge_articles`))[0]!.n;
    const articlesBefore = await count();

    // One row, its Swedish text changed: a dry run writes nothing; apply keeps version 1 and writes version 2; the other articles are not in the file and stay.
    const changed = await file([{ article: 'ta-emot-besok', text: 'Fråga först vem som kommer.' }]);
    const before = await fingerprint(ctx);
    const read = await readFiles(changed);
    const plan = await planImport(ctx, read.tables, read.problems);
    expect(plan.problems).toEqual([]);
    expect(plan.outcomes).toEqual([{ file: 'knowledge_articles.csv', table: 'knowledge_articles', row: 2, action: 'change', what: 'article ta-emot-besok' }]);
    await applyImport(ctx, plan, { dryRun: true });
    expect(await fingerprint(ctx)).toEqual(before);
    await applyImport(ctx, plan);
    expect(await stored('ta-emot-besok')).toMatchObject({ version: 4, body_sv: 'Fråga först vem som kommer.', versions: ['1: - Fråga vem.', '2: - Fråga vem som komm', '3: - Fråga vem som komm'] });
    expect(await count()).toBe(articlesBefore);
    expect((await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where action = 'knowledge_article.import.change' and entity_id = (select id from knowledge_articles where slug = 'ta-emot-besok')`))[0]!.n).toBe(1);
    expect((await importFiles(ctx, changed)).outcomes.map((o) => o.action)).toEqual(['unchanged']);

    // A new article, its organisation named by name; a file without the owner and topics columns keeps both.
    const added = await importFiles(ctx, await file([{ article: 'efter-besoket', title: 'Efter besöket', title_en: 'After the visit', text: 'Skriv ner vad som lovades.', text_en: 'Write down what was promised.', owner_organisation: 'länsstyrelsen i norrbottens län', review_on: '2027-03-01', topics: 'new_agreement' }]));
    expect(added.problems).toEqual([]);
    expect(await stored('efter-besoket')).toMatchObject({ version: 1, organisation: 'lst-norrbotten', owner_id: null, topics: ['new_agreement'], versions: null });
    expect((await importFiles(ctx, await file([{ article: 'efter-besoket', text: 'Skriv ner vad som lovades, och av vem.' }], ['owner_organisation', 'topics']))).problems).toEqual([]);
    expect(await stored('efter-besoket')).toMatchObject({ version: 2, organisation: 'lst-norrbotten', topics: ['new_agreement'] });

    // A person named through the form stays while a row names their organisation; a row naming none leaves neither.
    await addUser({ ctx, input: { email: 'granskare@lst-norrbotten.example', displayName: 'Gran Skare', organisation: 'lst-norrbotten', role: 'coordinator' } });
    const current = await getArticle(ctx, 'efter-besoket');
    await changeArticle({ ctx, slug: 'efter-besoket', input: { titleSv: current.titleSv, titleEn: current.titleEn, bodySv: current.bodySv, bodyEn: current.bodyEn, owner: 'granskare@lst-norrbotten.example', reviewOn: current.reviewOn, topics: current.topics, expectedVersion: 2 } });
    const person = (await stored('efter-besoket'))!.owner_id;
    expect(person).not.toBeNull();
    expect((await importFiles(ctx, await file([{ article: 'efter-besoket', review_on: '2027-04-01' }]))).problems).toEqual([]);
    expect(await stored('efter-besoket')).toMatchObject({ version: 4, owner_id: person, organisation: 'lst-norrbotten' });
    expect((await importFiles(ctx, await file([{ article: 'efter-besoket', owner_organisation: '' }]))).problems).toEqual([]);
    expect(await stored('efter-besoket')).toMatchObject({ version: 5, owner_id: null, organisation: null, versions: expect.arrayContaining(['4: Skriv ner vad som lo']) });

    // A withdrawn article: the same row leaves it alone, another text is refused naming the row; it stays withdrawn.
    const versionNow = (await stored('efter-besoket'))!.version as number;
    await withdrawArticle({ ctx, slug: 'efter-besoket', input: { expectedVersion: versionNow } });
    const withdrawnRow = [{ article: 'efter-besoket', title: 'Efter besöket', title_en: 'After the visit', text: 'Skriv ner vad som lovades, och av vem.', text_en: 'Write down what was promised.', owner_organisation: '', review_on: '2027-04-01', topics: 'new_agreement' }];
    expect((await importFiles(ctx, await file(withdrawnRow))).outcomes.map((o) => o.action)).toEqual(['unchanged']);
    const refused = await importFiles(ctx, await file([{ ...withdrawnRow[0]!, text: 'Ny text.' }]));
    expect(refused.problems).toEqual([expect.objectContaining({ table: 'knowledge_articles', row: 2, column: 'article', message: expect.stringContaining('is withdrawn') })]);
    expect(await stored('efter-besoket')).toMatchObject({ version: versionNow, withdrawn: true });
    // Nor does it take versions: its history as the register has it, continued by its text as it stands, is refused naming that row.
    const history = await queryRows<Record<string, string | null>>(ctx.db, sql`select k.slug as version_of, v.version::text as version, v.title_sv as title, v.title_en, v.body_sv as text, v.body_en as text_en, v.source_note,
        o.slug as owner_organisation, v.review_on::text as review_on, to_char(v.saved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as replaced_at
      from knowledge_article_versions v join knowledge_articles k on k.id = v.article_id left join users u on u.id = v.owner_id left join organisations o on o.id = coalesce(u.organisation_id, v.owner_organisation_id)
      where k.slug = 'efter-besoket' order by v.version`);
    const columns = COLUMNS.knowledge_article_versions.map((c) => c.name);
    const nowRow = { version_of: 'efter-besoket', version: String(versionNow), title: 'Efter besöket', title_en: 'After the visit', text: withdrawnRow[0]!.text, text_en: withdrawnRow[0]!.text_en, source_note: null, owner_organisation: null, review_on: '2027-04-01', replaced_at: new Date().toISOString() };
    const versionFile = { name: 'knowledge_article_versions.csv', bytes: Buffer.from(stringify([columns, ...[...history, nowRow].map((r) => columns.map((c) => (r as Record<string, string | null>)[c] ?? ''))])) };
    const withHistory = await importFiles(ctx, [...(await file(withdrawnRow)), versionFile]);
    expect(withHistory.problems).toEqual([expect.objectContaining({ table: 'knowledge_article_versions', row: history.length + 2, column: 'version_of', message: expect.stringContaining('is withdrawn') })]);
    expect(await stored('efter-besoket')).toMatchObject({ version: versionNow, withdrawn: true });
    expect(await count()).toBe(articlesBefore + 1);
  });

  it("an import gives an activity the further agreements and places its row lists (an empty cell none; a file without the columns keeps them) and an agreement the term, renewal and notice its rows give; a dry run writes nothing", async () => {
    const ctx = systemCtx(empty);
    const sheetOf = async (table: string) => {
      const file = (await exportCsv(empty.anonymous)).find((f) => f.name === `${table}.csv`)!;
      return parse(Buffer.from(file.bytes).toString().replace(/^\uFEFF/, ''), { columns: false }) as string[][];
    };
    const activities = await sheetOf('activities');
    const at = (name: string) => activities[0]!.indexOf(name);
    const original = activities.find((row) => row[at('activity')] === 'Lärarutbyte')!;
    const file = (cells: Record<string, string>, drop: string[] = []) => {
      const keep = activities[0]!.map((name) => !drop.includes(name));
      const row = original.map((cell, j) => cells[activities[0]![j]!] ?? cell);
      return [{ name: 'activities.csv', bytes: Buffer.from(stringify([activities[0]!, row].map((r) => r.filter((_, j) => keep[j])))) }];
    };
    const stored = async () =>
      (
        await queryRows<Record<string, unknown>>(ctx.db, sql`select x.version, x.outcome,
          (select array_agg(g.slug order by g.slug) from activity_agreements aa join agreements g on g.id = aa.agreement_id where aa.activity_id = x.id) as also,
          (select array_agg(a.slug order by a.slug) from activity_places l join actors a on a.id = l.actor_id where l.activity_id = x.id) as swedish,
          (select array_agg(c.slug order by c.slug) from activity_places l join counterparts c on c.id = l.counterpart_id where l.activity_id = x.id) as chinese,
          x.place_ids @> array[(select id from counterparts where slug = 'zhejiang')] as in_zhejiang
        from activities x where x.title = 'Lärarutbyte'`)
      )[0]!;
    const had = await stored();
    expect(had).toMatchObject({ also: ['bengtsfors--wuzhou', 'borlange--wuhan'], swedish: ['linkoping', 'region-dalarna'], chinese: ['changxing', 'guangzhou'] });

    // Other links, named by code, name and path: a dry run writes nothing, apply replaces the links and gives a new version.
    const other = file({ also_serves: 'bengtsfors--wuzhou', swedish_places: '1460 | Region Dalarna', chinese_places: 'Zhejiang > Huzhou' });
    const before = await fingerprint(ctx);
    const read = await readFiles(other);
    const plan = await planImport(ctx, read.tables, read.problems);
    expect(plan.problems).toEqual([]);
    expect(plan.outcomes).toEqual([expect.objectContaining({ table: 'activities', row: 2, action: 'change' })]);
    await applyImport(ctx, plan, { dryRun: true });
    expect(await fingerprint(ctx)).toEqual(before);
    await applyImport(ctx, plan);
    expect(await stored()).toEqual({ ...had, version: (had.version as number) + 1, also: ['bengtsfors--wuzhou'], swedish: ['bengtsfors', 'region-dalarna'], chinese: ['huzhou'], in_zhejiang: true });
    expect((await importFiles(ctx, other)).outcomes.map((o) => o.action)).toEqual(['unchanged']);
    // Empty cells: none.
    expect((await importFiles(ctx, file({ also_serves: '', swedish_places: '', chinese_places: '' }))).problems).toEqual([]);
    expect(await stored()).toMatchObject({ also: null, swedish: null, chinese: null });
    // Back as exported; then a file without the columns changes the outcome and keeps the links.
    expect((await importFiles(ctx, file({}))).problems).toEqual([]);
    expect((await importFiles(ctx, file({ outcome: 'Sex lärare' }, ['also_serves', 'swedish_places', 'chinese_places']))).problems).toEqual([]);
    expect(await stored()).toMatchObject({ outcome: 'Sex lärare', also: had.also, swedish: had.swedish, chinese: had.chinese });

    // An agreement's term, renewal and notice: what its rows give, an empty cell none, a file without the columns keeps them.
    const agreements = await sheetOf('agreements');
    const col = (name: string) => agreements[0]!.indexOf(name);
    const linkoping = (cells: Record<string, string>, drop: string[] = []) => {
      const keep = agreements[0]!.map((name) => !drop.includes(name));
      const rows = agreements.filter((row, i) => i === 0 || row[col('agreement')] === 'linkoping--guangzhou').map((row, i) => (i === 0 ? row : row.map((cell, j) => cells[agreements[0]![j]!] ?? cell)));
      return [{ name: 'agreements.csv', bytes: Buffer.from(stringify(rows.map((r) => r.filter((_, j) => keep[j])))) }];
    };
    const term = async () => (await queryRows(ctx.db, sql`select term_months, renewal_months, notice_months, notice_days, version from agreements where slug = 'linkoping--guangzhou'`))[0]!;
    const termBefore = await term();
    expect(termBefore).toMatchObject({ term_months: 36, renewal_months: 12, notice_months: 3, notice_days: null });
    const changed = await importFiles(ctx, linkoping({ term_months: '48', notice_months: '', notice_days: '60' }));
    expect(changed.problems).toEqual([]);
    expect(changed.outcomes.filter((o) => o.action !== 'unchanged')).toEqual([expect.objectContaining({ table: 'agreements', action: 'change', what: 'agreement linkoping--guangzhou' })]);
    expect(await term()).toMatchObject({ term_months: 48, renewal_months: 12, notice_months: null, notice_days: 60 });
    expect((await importFiles(ctx, linkoping({ summary: 'Ny sammanfattning' }, ['term_months', 'renewal_months', 'notice_months', 'notice_days']))).problems).toEqual([]);
    expect(await term()).toMatchObject({ term_months: 48, renewal_months: 12, notice_days: 60 });
    expect((await importFiles(ctx, linkoping({}))).problems).toEqual([]);
    expect(await term()).toMatchObject({ term_months: 36, renewal_months: 12, notice_months: 3, notice_days: null });
  });

  it("takes a source's language as two letters, refuses anything else naming the column, and writes nothing then", async () => {
    const ctx = systemCtx(empty);
    const sources = parse(Buffer.from((await exportCsv(empty.anonymous))[0]!.bytes).toString().replace(/^\uFEFF/, ''), { columns: false }) as string[][];
    const at = { slug: sources[0]!.indexOf('source'), language: sources[0]!.indexOf('language') };
    const kalix = sources.findIndex((row) => row[at.slug] === 'seed000-kalix');
    expect(sources[kalix]![at.language]).toBe('en');
    const withLanguage = (language: string) => [{ name: 'sources.csv', bytes: Buffer.from(stringify(sources.map((row, i) => (i === kalix ? row.map((cell, j) => (j === at.language ? language : cell)) : row)))) }];
    const before = await registerState(ctx);
    for (const bad of ['english', 'EN', 'e']) {
      const plan = await importFiles(ctx, withLanguage(bad));
      expect(plan.problems).toEqual([expect.objectContaining({ table: 'sources', row: kalix + 1, column: 'language', message: expect.stringContaining('two lower-case letters') })]);
    }
    expect(await registerState(ctx)).toEqual(before);
    // An empty cell is Swedish, the default; a dry run says so and changes nothing.
    const plan = await importFiles(ctx, withLanguage(''), true);
    expect(plan.problems).toEqual([]);
    expect(plan.outcomes.filter((o) => o.action !== 'unchanged').map((o) => o.what)).toEqual(['source seed000-kalix']);
    expect(plan.sources.find((s) => s.ref.slug === 'seed000-kalix')!.values.language).toBe('sv');
    expect(await registerState(ctx)).toEqual(before);
  });

  it('reads semicolons, a BOM or none, and decimal commas', async () => {
    const ctx = systemCtx(empty);
    const actors = parse(Buffer.from((await exportCsv(empty.anonymous))[1]!.bytes).toString().replace(/^\uFEFF/, ''), { columns: false }) as string[][];
    const lat = actors[0]!.indexOf('seat_lat');
    const swedish = actors.map((row, i) => (i === 0 ? row : row.map((cell, j) => (j === lat || j === lat + 1 ? cell.replace('.', ',') : cell))));
    const bytes = Buffer.from(stringify(swedish, { delimiter: ';' }), 'utf8');
    const plan = await importFiles(ctx, [{ name: 'aktorer.csv', bytes }], true);
    expect(plan.problems).toEqual([]);
    expect(summarise(plan).actors).toEqual({ create: 0, change: 0, unchanged: 54 });
  });
});

describe('templates and documentation', () => {
  it("the contact surfaces' template, made from format.ts, imports as one new surface; the workbook template and the open-data page describe each of its columns in both languages", async () => {
    const template = templateCsv('contact_surfaces', ';');
    expect(template.split('\r\n')[0]).toBe(`\uFEFF${COLUMNS.contact_surfaces.map((c) => c.name).join(';')}`);
    const plan = await importFiles(systemCtx(shipped), [{ name: 'mall.csv', bytes: Buffer.from(template) }], true);
    expect(plan.problems).toEqual([]);
    expect(plan.outcomes.map((o) => `${o.action} ${o.what}`)).toEqual(["create contact surface 'Konfuciusklassrum på Kalix gymnasium' 2012"]);

    const sheets = await xlsxCells(await capture((out) => writeTemplateXlsx(out)));
    expect(sheets.contact_surfaces![0]).toEqual(COLUMNS.contact_surfaces.map((c) => c.name));
    const described = sheets.anvisningar!.filter((row) => row[0] === 'contact_surfaces');
    expect(described.map((row) => row[1])).toEqual(COLUMNS.contact_surfaces.map((c) => c.name));
    expect(described.find((row) => row[1] === 'visibility')!.slice(2)).toEqual(['', 'vem som får läsa den: public, shared eller internal (tom cell: shared) (högst 60 tecken)', 'who may read it: public, shared or internal (empty: shared) (at most 60 characters)']);

    const app = createApp(shipped.database);
    for (const [lang, field] of [['sv', 'sv'], ['en', 'en']] as const) {
      const page = await (await app.request(`/oppna-data?lang=${lang}`)).text();
      expect(page).toContain('href="/api/exchange/contact_surfaces.csv"');
      expect(page).toContain('href="/api/exchange/template/contact_surfaces.csv"');
      const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&#39;');
      for (const c of COLUMNS.contact_surfaces) expect(page, c.name).toContain(`<td>${escaped(c[field])}</td>`);
    }
    const file = await app.request('/api/exchange/template/contact_surfaces.csv');
    expect(file.status).toBe(200);
    expect(await file.text()).toBe(templateCsv('contact_surfaces').replace(/^\uFEFF/, ''));
  });
});

describe('templates and documentation of the guidance articles', () => {
  it("the guidance articles' template imports as one new article, with the versions' template as its version 1; the workbook template and the open-data page describe each column in both languages; the CSV is downloadable", async () => {
    const template = templateCsv('knowledge_articles');
    const plan = await importFiles(systemCtx(shipped), [{ name: 'mall.csv', bytes: Buffer.from(template) }], true);
    expect(plan.problems).toEqual([]);
    expect(plan.outcomes.map((o) => `${o.action} ${o.what}`)).toEqual(['create article infor-ett-besok']);
    // The versions' template names the same article: the two together make it with its version 1, one alone names the article it lacks.
    const versions = { name: 'versioner.csv', bytes: Buffer.from(templateCsv('knowledge_article_versions')) };
    const both = await importFiles(systemCtx(shipped), [{ name: 'mall.csv', bytes: Buffer.from(template) }, versions], true);
    expect(both.problems).toEqual([]);
    expect(both.outcomes.map((o) => `${o.action} ${o.what}`).sort()).toEqual(['create article infor-ett-besok', 'create version 1 of article infor-ett-besok']);
    expect((await importFiles(systemCtx(shipped), [versions], true)).problems).toEqual([expect.objectContaining({ row: 2, column: 'version_of', message: expect.stringContaining("no article 'infor-ett-besok'") })]);
    const sheets = await xlsxCells(await capture((out) => writeTemplateXlsx(out)));
    for (const table of ['knowledge_articles', 'knowledge_article_versions'] as const) {
      expect(sheets[table]![0]).toEqual(COLUMNS[table].map((c) => c.name));
      expect(sheets.anvisningar!.filter((row) => row[0] === table).map((row) => row[1])).toEqual(COLUMNS[table].map((c) => c.name));
    }
    const app = createApp(shipped.database);
    for (const [lang, field] of [['sv', 'sv'], ['en', 'en']] as const) {
      const page = await (await app.request(`/oppna-data?lang=${lang}`)).text();
      expect(page).toContain('href="/api/exchange/knowledge_articles.csv"');
      const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&#39;');
      for (const c of [...COLUMNS.knowledge_articles, ...COLUMNS.knowledge_article_versions]) expect(page, c.name).toContain(`<td>${escaped(c[field])}</td>`);
    }
    for (const table of ['knowledge_articles', 'knowledge_article_versions'] as const) {
      const file = await app.request(`/api/exchange/${table}.csv`);
      expect(file.status).toBe(200);
      expect((await file.text()).split('\r\n')[0]).toBe(COLUMNS[table].map((c) => c.name).join(','));
    }
  });
});

describe('changes', () => {
  it('adds an event and changes an agreement, reporting row by row; a dry run writes nothing', async () => {
    const ctx = systemCtx(empty);
    const header = 'agreement,kind,parties,counterparts,official_title,event,event_date,event_side,event_mode,deciding_body,reasons\n';
    const rows = [
      'amal--dunhuang,vanort,1492 Åmåls kommun,Gansu > Jiuquan > Dunhuang,Vänortsavtal (ändrat),,,,,,',
      ',vanort,1492,Dunhuang,,activity_observed,2023-05,,,,',
    ];
    const file = { name: 'amal.csv', bytes: Buffer.from(header + rows.join('\n')) };
    const before = await registerState(ctx);
    const dry = await importFiles(ctx, [file], true);
    expect(dry.problems).toEqual([]);
    expect(dry.outcomes.map((o) => `${o.row} ${o.action} ${o.what}`)).toEqual([
      '2 change agreement amal--dunhuang',
      '3 create event activity_observed 2023-05',
    ]);
    expect(await registerState(ctx)).toEqual(before);
    await importFiles(ctx, [file]);
    const [row] = await queryRows<{ official_title: string; events: number; version: number }>(
      ctx.db,
      sql`select official_title, version, (select count(*)::int from status_events e where e.agreement_id = a.id) as events from agreements a where slug = 'amal--dunhuang'`,
    );
    expect(row!.official_title).toBe('Vänortsavtal (ändrat)');
    expect(await registerState(ctx)).toMatchObject({ version: before.version! + 1, events: before.events! + 1, audit: before.audit! + 1 });
    expect(summarise(await importFiles(ctx, [file], true)).agreements).toEqual({ create: 0, change: 0, unchanged: 1 });
  });

  it('a changed agreement keeps the notes on the parts of the parties it still has (the files do not carry them)', async () => {
    const own = await openTestDatabase();
    try {
      const ctx = systemCtx(own);
      const notes = () =>
        queryRows<{ actor: string; role: string; note: string; note_en: string }>(
          ctx.db,
          sql`select p.slug as actor, ap.role, ap.note, ap.note_en from agreement_parties ap join actors p on p.id = ap.actor_id
              join agreements a on a.id = ap.agreement_id where a.slug = 'region-kronoberg--suzhou' and ap.note is not null order by p.slug, ap.role`,
        );
      const before = await notes();
      expect(before.map((n) => `${n.actor} ${n.role}`)).toEqual(['lst-kronoberg co_financier', 'vaxjo co_financier', 'vaxjo participant']);
      expect(before.every((n) => n.note_en)).toBe(true);
      // Växjö's part as participant is left out; the title changes.
      const parties = 'region-kronoberg | original_signatory: regionforbundet-sodra-smaland | co_financier: lst-kronoberg | co_financier: vaxjo';
      const file = { name: 'kronoberg.csv', bytes: Buffer.from(`agreement,kind,parties,counterparts,official_title\nregion-kronoberg--suzhou,vanort,${parties},suzhou,Vänortsavtal\n`) };
      const plan = await importFiles(ctx, [file]);
      expect(plan.problems).toEqual([]);
      expect(plan.outcomes.map((o) => `${o.action} ${o.what}`)).toEqual(['change agreement region-kronoberg--suzhou']);
      expect(await notes()).toEqual(before.filter((n) => n.role !== 'participant'));
    } finally {
      await own.close();
    }
  });

  it("a new event's reasons carry their English from reasons_en, which must name the same reasons in the same order", async () => {
    const ctx = systemCtx(empty);
    const header = 'agreement,kind,parties,counterparts,event,event_date,reasons,reasons_en\n';
    const file = (reasonsEn: string) => ({
      name: 'reasons.csv',
      bytes: Buffer.from(header + `amal--dunhuang,vanort,1492,gansu > jiuquan > dunhuang,paused,2024-03,"other (decision_maker): Inga resor | lack_of_activity (representative): För lite hände","${reasonsEn}"\n`),
    });
    const mismatched = await importFiles(ctx, [file('lack_of_activity (representative): Too little happened | other (decision_maker): No travel')], true);
    expect(mismatched.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'reasons_en', message: 'must name the same reasons as the reasons column, in the same order: other (decision_maker) | lack_of_activity (representative)' }),
    ]);
    const plan = await importFiles(ctx, [file('other (decision_maker): No travel | lack_of_activity (representative): Too little happened')]);
    expect(plan.problems).toEqual([]);
    const reasons = await queryRows<{ code: string; text: string; text_en: string }>(
      ctx.db,
      sql`select r.code, r.text, r.text_en from event_reasons r join status_events e on e.id = r.event_id join agreements a on a.id = e.agreement_id
          where a.slug = 'amal--dunhuang' and e.date = '2024-03' order by r.id`,
    );
    expect(reasons).toEqual([
      { code: 'other', text: 'Inga resor', text_en: 'No travel' },
      { code: 'lack_of_activity', text: 'För lite hände', text_en: 'Too little happened' },
    ]);
  });

  it('refuses to change an event the register has', async () => {
    const file = { name: 'x.csv', bytes: Buffer.from('agreement,kind,parties,counterparts,event,event_date,deciding_body\namal--dunhuang,vanort,1492,gansu > jiuquan > dunhuang,activity_observed,2023-05,kommunstyrelsen\n') };
    const plan = await importFiles(systemCtx(empty), [file], true);
    expect(plan.problems).toEqual([expect.objectContaining({ row: 2, column: 'deciding_body', message: expect.stringContaining('status events are never changed') })]);
  });
});

// ---- 1,000+ broken inputs -------------------------------------------------

function rng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

type Sheet = string[][];
interface Broken {
  name: string;
  files: InputFile[];
  /** The row (as a spreadsheet numbers it) a problem must name, when the breakage is in one row. */
  row?: number;
  column?: string;
}

describe('broken files', () => {
  let base: Sheet;
  const csv = (sheet: Sheet, delimiter = ',', bom = true) => Buffer.from(stringify(sheet, { bom, delimiter }), 'utf8');
  const col = (name: string) => base[0]!.indexOf(name);
  beforeAll(async () => {
    const all = parse(Buffer.from((await exportCsv(shipped.anonymous))[3]!.bytes).toString().replace(/^\uFEFF/, '')) as Sheet;
    base = all.slice(0, 9); // header and eight rows the shipped register has
  });

  function cases(): Broken[] {
    const random = rng(42);
    const list: Broken[] = [];
    const dataRows = base.length - 1;
    const withCell = (row: number, column: string, value: string): Sheet => base.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === col(column) ? value : c)) : r));
    // Two variants (comma and semicolon); the corpus of 1,000+ files is import-corpus.test.ts.
    for (let variant = 0; variant < 2; variant++) {
      const delimiter = variant % 2 ? ';' : ',';
      const bom = variant % 4 < 2;
      const file = (sheet: Sheet, name = 'agreements.csv') => [{ name, bytes: csv(sheet, delimiter, bom) }];
      const row = 2 + Math.floor(random() * dataRows);
      // Wrong encoding: Latin-1 bytes for Swedish letters.
      list.push({ name: 'latin-1', files: [{ name: 'a.csv', bytes: Buffer.from(stringify(base, { delimiter }), 'latin1') }] });
      list.push({ name: 'utf-16', files: [{ name: 'a.csv', bytes: Buffer.from(`\uFEFF${stringify(base, { delimiter })}`, 'utf16le') }] });
      // Missing, extra, unnamed and doubled columns.
      for (const name of ['kind', 'parties', 'counterparts']) list.push({ name: `missing ${name}`, files: file(base.map((r) => r.filter((_, j) => j !== col(name)))), row: 1, column: name });
      for (const extra of ['kommentar', 'Status', 'agreement ']) {
        list.push({ name: `extra column ${extra}`, files: file(base.map((r, i) => [...r, i === 0 ? extra : 'x'])), row: 1 });
      }
      list.push({ name: 'unnamed column', files: file(base.map((r, i) => [...r, i === 0 ? '' : 'x'])), row: 1 });
      list.push({ name: 'doubled column', files: file(base.map((r) => [...r, r[col('kind')]!])), row: 1, column: 'kind' });
      list.push({ name: 'no table', files: file(base.map((r) => r.slice(1))), row: 1 });
      list.push({ name: 'empty file', files: [{ name: 'a.csv', bytes: Buffer.from(bom ? '\uFEFF' : '') }] });
      list.push({ name: 'too many cells', files: file(base.map((r, i) => (i === row - 1 ? [...r, 'surplus'] : r))), row });
      // Quotes left open.
      for (let k = 0; k < 4; k++) {
        const text = stringify(base, { delimiter }).split('\n');
        const at = 1 + Math.floor(random() * dataRows);
        text[at] = `"${text[at]}`;
        list.push({ name: 'open quote', files: [{ name: 'a.csv', bytes: Buffer.from(text.join('\n')) }] });
      }
      // Impossible dates, unknown values, formulas, huge cells, unknown references, in every row.
      for (let r = 2; r <= base.length; r++) {
        for (const date of ['2019-13-45', '2019-02-30', '20199', 'nästa år', '2019-00', '19/05/2019', '2019-5-1']) {
          list.push({ name: `date ${date}`, files: file(withCell(r, 'event_date', date)), row: r, column: 'event_date' });
        }
        list.push({ name: 'signed_on', files: file(withCell(r, 'signed_on', '31 februari 2020')), row: r, column: 'signed_on' });
        for (const [column, value] of [['event', 'exploded'], ['event_side', 'left'], ['kind', 'friendship'], ['reasons', 'greed (mayor)'], ['event_mode', 'by magic']] as const) {
          list.push({ name: `${column} ${value}`, files: file(withCell(r, column, value)), row: r, column });
        }
        for (const formula of ['=HYPERLINK("http://example.com","klicka")', '+cmd|\' /C calc\'!A0', '@SUM(A1:A2)', '-cmd|x', '=1+1']) {
          const column = ['official_title', 'event_note', 'deciding_body', 'summary', 'funding'][Math.floor(random() * 5)]!;
          list.push({ name: `formula in ${column}`, files: file(withCell(r, column, formula)), row: r, column });
        }
        list.push({ name: '1 MB cell', files: file(withCell(r, 'event_note', 'å'.repeat(1_048_576))), row: r, column: 'event_note' });
        list.push({ name: 'long title', files: file(withCell(r, 'official_title', 'x'.repeat(2_001))), row: r, column: 'official_title' });
        for (const [column, value] of [
          ['parties', '9999 Atlantis kommun'],
          ['parties', 'Atlantis kommun'],
          ['counterparts', 'Atlantis > Nowhere'],
          ['counterparts', 'Gansu > Nowhere'],
          ['event_sources', 'no-such-source: p. 3'],
          ['sources', 'nope'],
          ['parent', 'no-such-agreement'],
        ] as const) {
          list.push({ name: `unknown ${column}`, files: file(withCell(r, column, value)), row: r, column });
        }
      }
      // Rows of one agreement that disagree, and an event given twice.
      const otherKind = base[1]![col('kind')] === 'vanort' ? 'kommunalt_partnerskap' : 'vanort';
      const disagreeing = base[1]!.map((c, j) => (j === col('kind') ? otherKind : j === col('event') ? 'renewed' : j === col('event_date') ? '2099' : c));
      list.push({ name: 'disagreeing rows', files: file([...base, disagreeing]), row: base.length + 1, column: 'kind' });
      list.push({ name: 'event twice', files: file([...base, base[1]!]), row: base.length + 1, column: 'event' });
      // Broken workbooks and JSON.
      const junk = Buffer.from(Array.from({ length: 200 + variant * 50 }, () => Math.floor(random() * 256)));
      list.push({ name: 'junk xlsx', files: [{ name: 'a.xlsx', bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), junk]) }] });
      list.push({ name: 'junk json', files: [{ name: 'a.json', bytes: junk }] });
      const json = JSON.stringify({ agreements: base.slice(1).map((r) => Object.fromEntries(base[0]!.map((h, j) => [h, r[j]]))) });
      list.push({ name: 'truncated json', files: [{ name: 'a.json', bytes: Buffer.from(json.slice(0, 50 + Math.floor(random() * (json.length - 60)))) }] });
      list.push({ name: 'json array', files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify(base)) }] });
      list.push({ name: 'json nested', files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify({ agreements: [{ agreement: 'x', kind: { a: 1 } }] })) }], row: 2, column: 'kind' });
      list.push({ name: 'json unknown table', files: [{ name: 'a.json', bytes: Buffer.from(JSON.stringify({ avtal: [] })) }] });
      list.push({ name: 'actors with a bad number', files: [{ name: 'actors.csv', bytes: Buffer.from('actor,name,kind,seat_lat\nx-kommun,X kommun,kommun,femtio\n') }], row: 2, column: 'seat_lat' });
    }
    return list;
  }

  it('gives each of 250+ broken inputs (encodings, headers, quotes, unknown references, broken workbooks and JSON) a report naming what is wrong, never throws, and writes nothing', async () => {
    const ctx = systemCtx(shipped);
    const before = await registerState(ctx);
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(250);
    // The unbroken base imports cleanly: every problem below comes from the breakage.
    expect((await importFiles(ctx, [{ name: 'a.csv', bytes: csv(base) }], true)).problems).toEqual([]);
    let applied = 0;
    for (const [i, c] of all.entries()) {
      const plan = await importFiles(ctx, c.files, true);
      expect(plan.problems.length, c.name).toBeGreaterThan(0);
      for (const p of plan.problems) expect(p.message.length, c.name).toBeGreaterThan(10);
      if (c.row !== undefined) expect(plan.problems.some((p) => (p.row === c.row || p.message.includes(`row ${c.row}`)) && (!c.column || p.column?.includes(c.column))), `${c.name}: ${JSON.stringify(plan.problems)}`).toBe(true);
      // Applying a plan with problems is refused as a whole.
      if (i % 10 === 0) {
        await expect(applyImport(ctx, plan)).rejects.toBeInstanceOf(DomainError);
        applied++;
      }
    }
    expect(applied).toBeGreaterThan(10);
    expect(await registerState(ctx)).toEqual(before);
  }, 300_000);

  it("says what to write for a date a clerk got wrong", async () => {
    const rows = [...base];
    while (rows.length < 14) rows.push(base[1]!.map((c, j) => (j === col('event_date') ? String(1990 + rows.length) : c)));
    rows[13] = rows[13]!.map((c, j) => (j === col('event_date') ? '2019-13-45' : c));
    const plan = await importFiles(systemCtx(shipped), [{ name: 'a.csv', bytes: csv(rows) }], true);
    expect(plan.problems).toContainEqual({
      file: 'a.csv',
      table: 'agreements',
      row: 14,
      column: 'event_date',
      message: "'2019-13-45' is not a date; write 2019, 2019-05, 2019-05-14, 2002/2022 or XXXX",
    });
  });
});
