// The public register in the exchange format (format.ts): the columns the
// import reads, so that export → import into an empty database → export
// gives the same files (agreements in the order they were registered, which an
// import keeps). Only public records, read as the public reads them
// (access.ts, PUBLIC_READER): a party, a place or an event that is not
// public stays out of a public agreement's row, and a confidential source
// (never public) with its citations. Rows are read in batches (keyset on the id) and
// streamed, so memory stays flat however large the register is.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { KNOWLEDGE_TOPICS } from '../../../db/schema.ts';
import { canReadAlias, PUBLIC_READER } from '../../access.ts';
import type { Context } from '../../context.ts';
import { COLUMNS, csvLine, joinList, neutraliseCell, TABLES, type TableName } from './format.ts';
import { counterpartSearchText } from '../../text/normalize.ts';
import { writeWorkbook, type Cells } from './workbook.ts';

type Reason = { code: string; stated_by: string; text: string | null; text_en: string | null };
/** A reasons cell: code (who): text, with the Swedish or the English text. */
const reasonsCell = (reasons: Reason[], text: 'text' | 'text_en') => joinList(reasons.map((r) => `${r.code} (${r.stated_by})${r[text] ? `: ${r[text]}` : ''}`));

// Measured on 100,000 agreements / 1,000,000 events (PostgreSQL): 250 a batch
// exported 110,000–122,000 rows/s at 220–230 MB peak; 2,000 a batch was slower
// (78,000–85,000 rows/s, 270–290 MB), its rows living long enough to be promoted.
const AGREEMENTS_PER_BATCH = 250;

interface Names {
  actorCell: Map<number, string>;
  placeCell: Map<number, string>;
  placePath: Map<number, string>;
}

/** The rows of table alias `alias` the public may read. */
const isPublic = (alias: string) => canReadAlias(PUBLIC_READER, alias);

/** How a row refers to public actors and places: code and name, or the id where a name is not unique among them. */
async function loadNames(ctx: Context): Promise<Names> {
  // Names are compared as the import matches them, normalised: search_text
  // holds each record's names normalised (normalize.ts, searchTextOf), the
  // name first, so the export need not normalise 100,000 names again.
  const actors = await queryRows<{ id: number; slug: string; name: string; municipality_code: string | null; key: string }>(
    ctx.db,
    sql`select a.id, a.slug, a.name, a.municipality_code, split_part(a.search_text, ' | ', 1) as key from actors a where ${isPublic('a')}`,
  );
  const byName = new Map<string, number>();
  for (const a of actors) byName.set(a.key, (byName.get(a.key) ?? 0) + 1);
  const actorCell = new Map(
    actors.map((a) => [a.id, a.municipality_code ? `${a.municipality_code} ${a.name}` : byName.get(a.key) === 1 && !/^\d{4}(\s|$)/.test(a.name) && !a.name.includes(':') ? a.name : a.slug]),
  );
  const places = await queryRows<{ id: number; slug: string; parent_id: number | null; name_latin: string; name_native: string | null; name_pinyin: string | null; other_names: string[]; search_text: string }>(
    ctx.db,
    sql`select c.id, c.slug, c.parent_id, c.name_latin, c.name_native, c.name_pinyin, c.other_names, c.search_text from counterparts c
        where ${isPublic('c')} order by array_length(c.ancestor_ids, 1) nulls first, c.id`,
  );
  // A public place inside one that is not public is exported as a top-level place.
  const publicIds = new Set(places.map((p) => p.id));
  for (const p of places) if (p.parent_id !== null && !publicIds.has(p.parent_id)) p.parent_id = null;
  // The names the import matches a place by (register-keys.ts): its search
  // text less its other names, which few places have (only those are
  // normalised again).
  const matchNames = (p: (typeof places)[number]) => (p.other_names.length ? counterpartSearchText({ nameLatin: p.name_latin, nameNative: p.name_native, namePinyin: p.name_pinyin }) : p.search_text).split(' | ');
  // A step is a place's Latin name, unless a sibling answers to the same name.
  const siblingNames = new Map<string, number>();
  for (const p of places) for (const n of matchNames(p)) siblingNames.set(`${p.parent_id}|${n}`, (siblingNames.get(`${p.parent_id}|${n}`) ?? 0) + 1);
  const placePath = new Map<number, string>();
  const placeCell = new Map<number, string>();
  const ambiguous = new Set<number>();
  for (const p of places) {
    const clash = siblingNames.get(`${p.parent_id}|${p.search_text.split(' | ', 1)[0]}`)! > 1 || /[>|:\\]/.test(p.name_latin) || (p.parent_id !== null && ambiguous.has(p.parent_id));
    if (clash) ambiguous.add(p.id);
    const path = p.parent_id === null ? p.name_latin : `${placePath.get(p.parent_id)} > ${p.name_latin}`;
    placePath.set(p.id, path);
    placeCell.set(p.id, clash ? p.slug : path);
  }
  return { actorCell, placeCell, placePath };
}

// A list (other names) as the import reads one: items separated by |.
const text = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? joinList(v as string[]) : String(v));
const citationCell = (list: Array<{ slug: string; passage: string | null }> | null) => joinList((list ?? []).map((c) => (c.passage ? `${c.slug}: ${c.passage}` : c.slug)));

// Citations to public sources (a confidential one never is), as JSON per subject.
const citedSql = (subjectType: string, idColumn: ReturnType<typeof sql.raw>) => sql`(select json_agg(json_build_object('slug', s.slug, 'passage', c.passage) order by c.id)
  from citations c join sources s on s.id = c.source_id
  where c.subject_type = ${subjectType} and c.subject_id = ${idColumn} and ${isPublic('s')})`;

/** The rows of one table, in batches, as cells in the table's column order (not yet neutralised). */
export async function* exchangeRows(ctx: Context, table: TableName, names?: Names): AsyncGenerator<Cells[]> {
  if (table === 'sources') {
    const rows = await queryRows<Record<string, unknown>>(
      ctx.db,
      sql`select slug as source, kind, title, title_en, language, author, publisher, published, url, archive_reference, retrieved_on, seed_file, seed_passage, note, note_en
          from sources s where ${isPublic('s')} order by slug`,
    );
    yield rows.map((r) => COLUMNS.sources.map((c) => text(r[c.name])));
    return;
  }
  // Articles name no body or place.
  if (table === 'knowledge_articles') {
    yield* articleRows(ctx);
    return;
  }
  if (table === 'knowledge_article_versions') {
    yield* articleVersionRows(ctx);
    return;
  }
  const n = names ?? (await loadNames(ctx));
  if (table === 'actors') {
    const rows = await queryRows<Record<string, unknown> & { cited: Array<{ slug: string; passage: string | null }> | null }>(
      ctx.db,
      sql`select a.slug as actor, a.name, a.other_names, a.kind, a.municipality_code, a.county_code, a.existed_from, a.existed_to, a.seat_lat, a.seat_lon, a.note, a.note_en,
            ${citedSql('actor', sql.raw('a.id'))} as cited
          from actors a where ${isPublic('a')} order by a.slug`,
    );
    yield rows.map((r) => COLUMNS.actors.map((c) => (c.name === 'sources' ? citationCell(r.cited) : text(r[c.name]))));
    return;
  }
  if (table === 'counterparts') {
    const rows = await queryRows<Record<string, unknown> & { id: number; parent_id: number | null; cited: Array<{ slug: string; passage: string | null }> | null }>(
      ctx.db,
      sql`select p.id, p.parent_id, p.slug as counterpart, p.country_code as country, p.name_latin, p.name_native, p.name_pinyin, p.other_names, p.level, p.lat, p.lon, p.note, p.note_en,
            ${citedSql('counterpart', sql.raw('p.id'))} as cited
          from counterparts p where ${isPublic('p')}`,
    );
    // Parents before the places inside them, then by path.
    const path = (r: { id: number }) => n.placePath.get(r.id)!;
    rows.sort((a, b) => path(a).split(' > ').length - path(b).split(' > ').length || path(a).localeCompare(path(b)) || text(a.counterpart).localeCompare(text(b.counterpart)));
    yield rows.map((r) =>
      COLUMNS.counterparts.map((c) => (c.name === 'sources' ? citationCell(r.cited) : c.name === 'parent' ? (r.parent_id === null ? '' : (n.placeCell.get(r.parent_id) ?? '')) : text(r[c.name]))),
    );
    return;
  }
  if (table === 'action_plans') {
    yield* actionPlanRows(ctx);
    return;
  }
  if (table === 'activities') {
    yield* activityRows(ctx, n);
    return;
  }
  if (table === 'contact_surfaces') {
    yield* contactSurfaceRows(ctx, n);
    return;
  }
  const batchAfter = (after: number) =>
    queryRows<Record<string, unknown> & { id: number; slug: string; parties: Array<{ role: string; actor: number }> | null; places: number[] | null; cited: Array<{ slug: string; passage: string | null }> | null }>(
      ctx.db,
      sql`select a.id, a.slug, a.kind, a.official_title, a.official_title_language, a.official_title_en, a.signed_on, a.term, a.renewal_rule, a.term_months, a.renewal_months, a.notice_months, a.notice_days, a.ends_on, a.themes, a.themes_en, a.funding, a.funding_en, a.responsible_unit, p.slug as parent, a.summary, a.summary_en,
            (select json_agg(json_build_object('role', x.role, 'actor', x.actor_id) order by x.role, x.actor_id) from agreement_parties x join actors xa on xa.id = x.actor_id
              where x.agreement_id = a.id and ${isPublic('xa')}) as parties,
            (select array_agg(x.counterpart_id order by x.counterpart_id) from agreement_counterparts x join counterparts xc on xc.id = x.counterpart_id
              where x.agreement_id = a.id and ${isPublic('xc')}) as places,
            ${citedSql('agreement', sql.raw('a.id'))} as cited
          from agreements a left join agreements p on p.id = a.parent_id and ${isPublic('p')}
          where ${isPublic('a')} and a.id > ${after} order by a.id limit ${AGREEMENTS_PER_BATCH}`,
    );
  // The next batch is read while this one is written out.
  let next = batchAfter(0);
  for (;;) {
    const agreements = await next;
    if (!agreements.length) return;
    // One index range scan; events of agreements in the range that are not public are read and left out.
    const eventsRead = queryRows<Record<string, unknown> & { agreement_id: number; reasons: Reason[] | null; cited: Array<{ slug: string; passage: string | null }> | null }>(
      ctx.db,
      sql`select e.agreement_id, e.type as event, e.date as event_date, e.side as event_side, e.mode as event_mode, e.deciding_body, e.reference, e.case_number, e.note as event_note, e.note_en as event_note_en,
            (select json_agg(json_build_object('code', r.code, 'stated_by', r.stated_by, 'text', r.text, 'text_en', r.text_en) order by r.id) from event_reasons r where r.event_id = e.id) as reasons,
            ${citedSql('event', sql.raw('e.id'))} as cited
          from status_events e where ${isPublic('e')} and e.agreement_id between ${agreements[0]!.id} and ${agreements.at(-1)!.id}
          order by e.agreement_id, e.id`,
    );
    next = batchAfter(agreements.at(-1)!.id);
    const events = await eventsRead;
    const eventsOf = new Map<number, typeof events>();
    for (const e of events) {
      const list = eventsOf.get(e.agreement_id);
      if (list) list.push(e);
      else eventsOf.set(e.agreement_id, [e]);
    }
    const batch: Cells[] = [];
    for (const a of agreements) {
      const agreementCells: Record<string, string> = {
        agreement: a.slug,
        parties: joinList(
          (a.parties ?? [])
            .map((p) => (p.role === 'party' ? n.actorCell.get(p.actor)! : `${p.role}: ${n.actorCell.get(p.actor)}`))
            .sort((x, y) => Number(x.includes(': ')) - Number(y.includes(': ')) || x.localeCompare(y)),
        ),
        counterparts: joinList((a.places ?? []).map((id) => n.placeCell.get(id)!).sort()),
        themes: joinList((a.themes as string[] | null) ?? []),
        themes_en: joinList((a.themes_en as string[] | null) ?? []),
        sources: citationCell(a.cited),
      };
      const cellOf = (name: string, row: Record<string, unknown> | undefined) => {
        if (name in agreementCells) return agreementCells[name]!;
        if (name === 'reasons') return reasonsCell((row?.reasons as Reason[] | null) ?? [], 'text');
        // The English only where a reason has one: a file without any stays as it was.
        if (name === 'reasons_en') {
          const reasons = (row?.reasons as Reason[] | null) ?? [];
          return reasons.some((r) => r.text_en) ? reasonsCell(reasons, 'text_en') : '';
        }
        if (name === 'event_sources') return row ? citationCell(row.cited as never) : '';
        if (name in a) return text(a[name]);
        return text(row?.[name]);
      };
      const list = eventsOf.get(a.id) ?? [];
      if (!list.length) batch.push(COLUMNS.agreements.map((c) => cellOf(c.name, undefined)));
      for (const e of list) batch.push(COLUMNS.agreements.map((c) => cellOf(c.name, e)));
    }
    yield batch;
  }
}

// Action plans and activities: those the public may read, of agreements the
// public may read (the others' rows would name an agreement the file lacks),
// in the order they were registered, which an import keeps.
const PLANS_PER_BATCH = 500;
const ACTIVITIES_PER_BATCH = 2_000;
type Cited = Array<{ slug: string; passage: string | null }> | null;

/** One row per goal, the plan's columns repeated; a plan without goals has one row. */
async function* actionPlanRows(ctx: Context): AsyncGenerator<Cells[]> {
  for (let after = 0; ; ) {
    const plans = await queryRows<Record<string, unknown> & { id: number; also_serves: string[] | null; cited: Cited }>(
      ctx.db,
      sql`select p.id, p.title as action_plan, a.slug as agreement, p.title_en, p.period_from, p.period_to,
            (select array_agg(x.slug order by x.slug) from action_plan_agreements pa join agreements x on x.id = pa.agreement_id
              where pa.action_plan_id = p.id and ${isPublic('x')}) as also_serves,
            p.responsible_unit, p.budget_sek, p.note, p.note_en, p.reviewed_on::text as reviewed_on, p.review_note,
            ${citedSql('action_plan', sql.raw('p.id'))} as cited
          from action_plans p join agreements a on a.id = p.agreement_id
          where ${isPublic('p')} and ${isPublic('a')} and p.id > ${after} order by p.id limit ${PLANS_PER_BATCH}`,
    );
    if (!plans.length) return;
    after = plans.at(-1)!.id;
    // A goal has no visibility of its own: it is read with its plan (docs/visibility.md).
    const goals = await queryRows<Record<string, unknown> & { action_plan_id: number }>(
      ctx.db,
      sql`select g.action_plan_id, g.sort_order as goal, g.theme, g.theme_en, g.goal as goal_text, g.goal_en as goal_text_en, g.indicator, g.planned_activities, g.follow_up,
            g.outcome, g.assessment, g.assessment_note
          from action_plan_goals g where g.action_plan_id = any(${sql.param(plans.map((p) => p.id))}::int[]) order by g.action_plan_id, g.sort_order, g.id`,
    );
    const goalsOf = new Map<number, typeof goals>();
    for (const g of goals) goalsOf.set(g.action_plan_id, [...(goalsOf.get(g.action_plan_id) ?? []), g]);
    const batch: Cells[] = [];
    for (const plan of plans) {
      const cellOf = (name: string, goal: Record<string, unknown> | undefined) =>
        name === 'sources' ? citationCell(plan.cited) : name === 'also_serves' ? joinList(plan.also_serves ?? []) : name in plan ? text(plan[name]) : text(goal?.[name]);
      const own = goalsOf.get(plan.id) ?? [];
      if (!own.length) batch.push(COLUMNS.action_plans.map((c) => cellOf(c.name, undefined)));
      for (const goal of own) batch.push(COLUMNS.action_plans.map((c) => cellOf(c.name, goal)));
    }
    yield batch;
  }
}

/**
 * One row per activity; its goal only where the goal's plan is exported too;
 * of its further agreements and places, the public ones (places named as an
 * agreement's row names them).
 */
async function* activityRows(ctx: Context, n: Names): AsyncGenerator<Cells[]> {
  for (let after = 0; ; ) {
    const rows = await queryRows<Record<string, unknown> & { id: number; also: string[] | null; actor_ids: number[] | null; place_ids: number[] | null; cited: Cited }>(
      ctx.db,
      sql`select x.id, x.title as activity, a.slug as agreement, x.kind, x.date, x.title_en, x.purpose, x.purpose_en, x.outcome, x.outcome_en,
            x.cost_sek, x.cost_travel_sek, x.cost_hospitality_sek, x.cost_project_sek, x.cost_other_sek, x.funding,
            x.participants_politicians, x.participants_officials, x.participants_companies, x.participants_education, x.participants_students,
            plan.title as action_plan, case when plan.title is null then null else g.sort_order end as goal,
            (select array_agg(f.slug order by f.slug) from activity_agreements aa join agreements f on f.id = aa.agreement_id where aa.activity_id = x.id and ${isPublic('f')}) as also,
            (select array_agg(l.actor_id) from activity_places l join actors pa on pa.id = l.actor_id where l.activity_id = x.id and ${isPublic('pa')}) as actor_ids,
            (select array_agg(l.counterpart_id) from activity_places l join counterparts pc on pc.id = l.counterpart_id where l.activity_id = x.id and ${isPublic('pc')}) as place_ids,
            ${citedSql('activity', sql.raw('x.id'))} as cited
          from activities x join agreements a on a.id = x.agreement_id
            left join action_plan_goals g on g.id = x.action_plan_goal_id
            left join lateral (select p.title from action_plans p join agreements pa on pa.id = p.agreement_id
              where p.id = g.action_plan_id and ${isPublic('p')} and ${isPublic('pa')}) plan on true
          where ${isPublic('x')} and ${isPublic('a')} and x.id > ${after} order by x.id limit ${ACTIVITIES_PER_BATCH}`,
    );
    if (!rows.length) return;
    after = rows.at(-1)!.id;
    yield rows.map((r) => {
      const lists: Record<string, string> = {
        also_serves: joinList(r.also ?? []),
        swedish_places: joinList((r.actor_ids ?? []).map((id) => n.actorCell.get(id)!).sort()),
        chinese_places: joinList((r.place_ids ?? []).map((id) => n.placeCell.get(id)!).sort()),
        sources: citationCell(r.cited),
      };
      return COLUMNS.activities.map((c) => lists[c.name] ?? text(r[c.name]));
    });
  }
}

// Contact surfaces the public may read, in the order they were registered,
// which an import keeps; of their links, the public bodies and places (named
// as an agreement's row names them) and the public sources.
const SURFACES_PER_BATCH = 2_000;

// The surface is `x`: citedSql names the sources `s`.
async function* contactSurfaceRows(ctx: Context, n: Names): AsyncGenerator<Cells[]> {
  for (let after = 0; ; ) {
    const rows = await queryRows<Record<string, unknown> & { id: number; actor_ids: number[] | null; place_ids: number[] | null; cited: Cited }>(
      ctx.db,
      sql`select x.id, x.title as contact_surface, x.kind, x.title_en, x.description, x.description_en, x.date, x.end_date, x.visibility,
            (select array_agg(l.actor_id) from contact_surface_actors l join actors a on a.id = l.actor_id where l.surface_id = x.id and ${isPublic('a')}) as actor_ids,
            (select array_agg(l.counterpart_id) from contact_surface_places l join counterparts c on c.id = l.counterpart_id where l.surface_id = x.id and ${isPublic('c')}) as place_ids,
            ${citedSql('contact_surface', sql.raw('x.id'))} as cited
          from contact_surfaces x where ${isPublic('x')} and x.id > ${after} order by x.id limit ${SURFACES_PER_BATCH}`,
    );
    if (!rows.length) return;
    after = rows.at(-1)!.id;
    yield rows.map((r) => {
      const links: Record<string, string> = {
        actors: joinList((r.actor_ids ?? []).map((id) => n.actorCell.get(id)!).sort()),
        places: joinList((r.place_ids ?? []).map((id) => n.placeCell.get(id)!).sort()),
        sources: citationCell(r.cited),
      };
      return COLUMNS.contact_surfaces.map((c) => links[c.name] ?? text(r[c.name]));
    });
  }
}

// The guidance articles in force (all are public; a withdrawn one is no
// longer guidance), by address: a few dozen, in one read. Of the owner, the
// organisation only (the person's name and address are personal data), as
// the article's page tells the public.
async function* articleRows(ctx: Context): AsyncGenerator<Cells[]> {
  const rows = await queryRows<Record<string, unknown> & { topics: string[] }>(
    ctx.db,
    sql`select k.slug as article, k.title_sv as title, k.title_en, k.body_sv as text, k.body_en as text_en, k.source_note, o.slug as owner_organisation, k.review_on::text as review_on, k.topics
        from knowledge_articles k left join users u on u.id = k.owner_id left join organisations o on o.id = coalesce(u.organisation_id, k.owner_organisation_id)
        where k.withdrawn_at is null order by k.slug`,
  );
  // Topics in their fixed order, as an import compares them.
  yield rows.map((r) => COLUMNS.knowledge_articles.map((c) => (c.name === 'topics' ? joinList(KNOWLEDGE_TOPICS.filter((t) => r.topics.includes(t))) : text(r[c.name]))));
}

// The earlier versions of the articles in force (a withdrawn article's stay
// with it), by address and number. The organisation as of the article's row;
// replaced_at in UTC to the millisecond, as a JavaScript date holds it, so
// that an imported version is written back the same.
async function* articleVersionRows(ctx: Context): AsyncGenerator<Cells[]> {
  const rows = await queryRows<Record<string, unknown>>(
    ctx.db,
    sql`select k.slug as version_of, v.version::text as version, v.title_sv as title, v.title_en, v.body_sv as text, v.body_en as text_en, v.source_note, o.slug as owner_organisation,
          v.review_on::text as review_on, to_char(v.saved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as replaced_at
        from knowledge_article_versions v join knowledge_articles k on k.id = v.article_id left join users u on u.id = v.owner_id
          left join organisations o on o.id = coalesce(u.organisation_id, v.owner_organisation_id)
        where k.withdrawn_at is null order by k.slug, v.version`,
  );
  yield rows.map((r) => COLUMNS.knowledge_article_versions.map((c) => text(r[c.name])));
}

/** Writes a chunk, waiting when the stream asks the writer to (backpressure). */
export async function write(out: Writable, chunk: string | Uint8Array) {
  if (!out.write(chunk)) await once(out, 'drain');
}

export type CsvDelimiter = ',' | ';';

/** One table as CSV: UTF-8 with BOM (Excel reads it as UTF-8), CRLF, formula-like cells neutralised. */
export async function writeCsv(ctx: Context, table: TableName, out: Writable, delimiter: CsvDelimiter = ','): Promise<number> {
  let count = 0;
  await write(out, `\uFEFF${csvLine(COLUMNS[table].map((c) => c.name), delimiter)}`);
  for await (const batch of exchangeRows(ctx, table)) {
    count += batch.length;
    let text = '';
    for (const cells of batch) text += csvLine(cells.map(neutraliseCell), delimiter);
    await write(out, text);
  }
  return count;
}

/** Every table as JSON (cells neutralised as in CSV): `{ format, version, sources: [...], actors: [...], counterparts: [...], agreements: [...], action_plans: [...], activities: [...], contact_surfaces: [...], knowledge_articles: [...], knowledge_article_versions: [...] }`, empty cells left out. */
export async function writeJson(ctx: Context, out: Writable): Promise<number> {
  let count = 0;
  const names = await loadNames(ctx);
  await write(out, '{"format":"ortsband-exchange","version":1');
  for (const table of TABLES) {
    await write(out, `,\n${JSON.stringify(table)}:[`);
    let first = true;
    for await (const batch of exchangeRows(ctx, table, names)) {
      // Neutralised as in CSV: the import reads JSON cells by the same rule, so a value that
      // starts as a formula would (a guidance text's "- " list) comes back only with its apostrophe.
      const lines = batch.map((cells) => JSON.stringify(Object.fromEntries(COLUMNS[table].flatMap((c, i) => (cells[i] ? [[c.name, neutraliseCell(cells[i])]] : [])))));
      if (lines.length) await write(out, `${first ? '\n' : ',\n'}${lines.join(',\n')}`);
      first &&= lines.length === 0;
      count += batch.length;
    }
    await write(out, '\n]');
  }
  await write(out, '\n}\n');
  return count;
}

/** Every table's rows in the tables' order, batch by batch, each batch with its table's name (a table may give none). */
export async function* exchangeBatches(ctx: Context): AsyncGenerator<[TableName, Cells[]]> {
  const names = await loadNames(ctx);
  for (const table of TABLES) for await (const batch of exchangeRows(ctx, table, names)) yield [table, batch];
}

/** Every table as a sheet of one workbook, streamed (workbook.ts). */
export async function writeXlsx(ctx: Context, out: Writable): Promise<number> {
  return writeWorkbook(exchangeBatches(ctx), out);
}
