// What an import would do, row by row, without writing anything: which
// records it creates, changes or leaves alone, and every problem with its
// row and column. apply.ts writes a plan without problems. Records are
// matched by natural keys (register-keys.ts), so importing a file twice
// changes nothing the second time. Status events are never changed: an
// event the register has (same agreement, type and date) with other details
// is a problem, not an edit.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { PARTY_ROLES, type PartyRole } from '../../../db/schema.ts';
import { createActorSchema } from '../../actors/schemas.ts';
import { createAgreementSchema } from '../../agreements/schemas.ts';
import type { Context } from '../../context.ts';
import { currentDataVersion } from '../../data-version.ts';
import { parseFuzzyDate } from '../../dates.ts';
import { createCounterpartSchema } from '../../counterparts/schemas.ts';
import { createSourceSchema } from '../../sources/schemas.ts';
import { recordEventSchema } from '../../status/schemas.ts';
import { normalizeForSearch } from '../../text/normalize.ts';
import { RowReader } from './cells.ts';
import type { TableName } from './format.ts';
import type { Problem, ReadTable } from './read.ts';
import { naturalKeyOf, newRef, RegisterKeys, type Ref } from './register-keys.ts';
import { columnFor, nullify, same, withAbsentKept } from './compare.ts';
import { planActionPlansAndActivities, type PlannedActionPlan, type PlannedActivity } from './plan-activities.ts';
import { planContactSurfaces, type PlannedContactSurface } from './plan-contact-surfaces.ts';
import { planArticles, type PlannedArticle } from './plan-articles.ts';

export type Action = 'create' | 'change' | 'unchanged';

export interface Outcome {
  file: string;
  table: TableName;
  row: number;
  action: Action;
  what: string;
}

export type Citation = { source: string; passage: string | null };

export interface SourceValues {
  kind: string;
  title: string;
  titleEn: string | null;
  language: string;
  author: string | null;
  publisher: string | null;
  published: string | null;
  url: string | null;
  archiveReference: string | null;
  retrievedOn: string | null;
  seedFile: string | null;
  seedPassage: string | null;
  note: string | null;
  noteEn: string | null;
}
export interface ActorValues {
  name: string;
  otherNames: string[];
  kind: string;
  municipalityCode: string | null;
  countyCode: string | null;
  existedFrom: string | null;
  existedTo: string | null;
  seatLat: number | null;
  seatLon: number | null;
  note: string | null;
  noteEn: string | null;
  sources: Citation[];
}
export interface CounterpartValues {
  countryCode: string;
  parent: Ref | null;
  nameLatin: string;
  nameNative: string | null;
  namePinyin: string | null;
  otherNames: string[];
  level: string;
  lat: number | null;
  lon: number | null;
  note: string | null;
  noteEn: string | null;
  sources: Citation[];
}
export interface AgreementValues {
  kind: string;
  officialTitle: string | null;
  officialTitleLanguage: string | null;
  officialTitleEn: string | null;
  signedOn: string | null;
  term: string | null;
  renewalRule: string | null;
  termMonths: number | null;
  renewalMonths: number | null;
  noticeMonths: number | null;
  noticeDays: number | null;
  endsOn: string | null;
  themes: string[];
  themesEn: string[];
  funding: string | null;
  fundingEn: string | null;
  responsibleUnit: string | null;
  parent: string | null;
  summary: string | null;
  summaryEn: string | null;
  parties: Array<{ role: PartyRole; actor: Ref }>;
  places: Ref[];
  sources: Citation[];
}
export interface EventValues {
  type: string;
  date: string;
  side: string | null;
  mode: string | null;
  decidingBody: string | null;
  reference: string | null;
  caseNumber: string | null;
  note: string | null;
  noteEn: string | null;
  reasons: Array<{ code: string; statedBy: string; text: string | null; textEn: string | null }>;
  sources: Citation[];
}

export interface Planned<V> {
  ref: Ref;
  action: Action;
  values: V;
}
export interface PlannedAgreement extends Planned<AgreementValues> {
  /** Events to add, in file order. */
  newEvents: EventValues[];
}

export interface ImportPlan {
  /** The register's data version the plan was made against: apply refuses to write it over another. */
  dataVersion: number;
  problems: Problem[];
  outcomes: Outcome[];
  sources: Planned<SourceValues>[];
  actors: Planned<ActorValues>[];
  counterparts: Planned<CounterpartValues>[];
  agreements: PlannedAgreement[];
  actionPlans: PlannedActionPlan[];
  activities: PlannedActivity[];
  contactSurfaces: PlannedContactSurface[];
  articles: PlannedArticle[];
}

export function summarise(plan: ImportPlan) {
  const count = (list: Array<{ action: Action }>) => ({
    create: list.filter((p) => p.action === 'create').length,
    change: list.filter((p) => p.action === 'change').length,
    unchanged: list.filter((p) => p.action === 'unchanged').length,
  });
  const events = plan.outcomes.filter((o) => o.what.startsWith('event '));
  return {
    sources: count(plan.sources),
    actors: count(plan.actors),
    counterparts: count(plan.counterparts),
    agreements: count(plan.agreements),
    events: count(events),
    action_plans: count(plan.actionPlans),
    goals: count(plan.actionPlans.flatMap((p) => p.goals)),
    activities: count(plan.activities),
    contact_surfaces: count(plan.contactSurfaces),
    knowledge_articles: count(plan.articles),
    knowledge_article_versions: count(plan.articles.flatMap((a) => a.versions)),
    problems: plan.problems.length,
  };
}

/** The column each field of an event is read from. */
const eventColumn = columnFor({ type: 'event', date: 'event_date', side: 'event_side', mode: 'event_mode', note: 'event_note', noteEn: 'event_note_en', sources: 'event_sources' });

export async function planImport(ctx: Context, tables: ReadTable[], readProblems: Problem[] = []): Promise<ImportPlan> {
  // Read before the keys: a change committed between the two reads makes the
  // plan older than its version says, never newer (apply then refuses it).
  const dataVersion = await currentDataVersion(ctx);
  const keys = await RegisterKeys.load(ctx);
  const plan: ImportPlan = { dataVersion, problems: [...readProblems], outcomes: [], sources: [], actors: [], counterparts: [], agreements: [], actionPlans: [], activities: [], contactSurfaces: [], articles: [] };
  const table = (name: TableName) => tables.find((t) => t.table === name);
  const citationsKnown = (reader: RowReader, column: string, list: Citation[]) => {
    for (const c of list) if (!keys.sources.has(c.source)) reader.problem(column, `no source '${c.source}' in the register or the sources table; add it there first`);
  };
  const outcome = (reader: RowReader, action: Action, what: string) =>
    plan.outcomes.push({ file: reader.file, table: reader.table, row: reader.row.row, action, what });

  // Sources first: the other tables cite them.
  const sourceTable = table('sources');
  // The register's records are read only for the tables the files have.
  const sourceDetails = sourceTable ? await existingSources(ctx) : new Map<string, SourceValues>();
  for (const row of sourceTable?.rows ?? []) {
    const r = new RowReader(sourceTable!.file, 'sources', row, plan.problems);
    const input = {
      slug: r.text('source'), kind: r.text('kind'), title: r.text('title'), titleEn: r.text('title_en'), language: r.text('language') ?? undefined, author: r.text('author'), publisher: r.text('publisher'), published: r.text('published'),
      url: r.text('url'), archiveReference: r.text('archive_reference'), retrievedOn: r.text('retrieved_on'), seedFile: r.text('seed_file'), seedPassage: r.text('seed_passage'), note: r.text('note'),
      noteEn: r.text('note_en'),
    };
    const parsed = r.parse(createSourceSchema, input, columnFor({ slug: 'source' }));
    if (!parsed) continue;
    const { slug, confidential: _c, visibility: _v, ...rest } = parsed;
    const ref = keys.sources.get(slug);
    const values = withAbsentKept(nullify(rest) as SourceValues, sourceDetails.get(slug), sourceTable, columnFor({}));
    if (plan.sources.some((s) => s.ref.slug === slug)) {
      r.problem('source', `the source '${slug}' comes twice in the file`);
      continue;
    }
    const action: Action = !ref ? 'create' : same(sourceDetails.get(slug), values) ? 'unchanged' : 'change';
    const planned = { ref: ref ?? newRef(slug), action, values };
    if (!ref) keys.sources.set(slug, planned.ref);
    plan.sources.push(planned);
    outcome(r, action, `source ${slug}`);
  }

  // Actors: matched by SCB municipality code, else by id.
  const actorTable = table('actors');
  const actorDetails = actorTable ? await existingActors(ctx) : new Map<number, ActorValues>();
  const actorRows = (actorTable?.rows ?? []).map((row) => new RowReader(actorTable!.file, 'actors', row, plan.problems));
  for (const r of actorRows) {
    const sources = r.citations('sources');
    citationsKnown(r, 'sources', sources);
    const input = {
      slug: r.text('actor'), name: r.text('name'), otherNames: r.list('other_names'), kind: r.text('kind'), municipalityCode: r.text('municipality_code'), countyCode: r.text('county_code'),
      existedFrom: r.text('existed_from'), existedTo: r.text('existed_to'), seatLat: r.number('seat_lat'), seatLon: r.number('seat_lon'), note: r.text('note'), noteEn: r.text('note_en'), sources,
    };
    const parsed = r.parse(createActorSchema, input, columnFor({ slug: 'actor' }));
    if (!parsed) continue;
    const { slug, visibility: _v, sources: cited, ...rest } = parsed;
    const read = { ...nullify(rest), sources: cited.map((c) => ({ source: c.source, passage: c.passage ?? null })) } as ActorValues;
    const byCode = read.municipalityCode ? keys.actorsByCode.get(read.municipalityCode) : undefined;
    const bySlug = keys.actorsBySlug.get(slug);
    if (byCode && bySlug && byCode.ref !== bySlug.ref) {
      r.problem('municipality_code', `the municipality code ${read.municipalityCode} is ${byCode.ref.slug}'s, but the id '${slug}' is another body's (${bySlug.name}); correct one of them`);
      continue;
    }
    const found = byCode ?? bySlug;
    const values = withAbsentKept(read, found?.ref.id ? actorDetails.get(found.ref.id) : undefined, actorTable, columnFor({}), ['name', 'kind', 'municipalityCode']);
    if (plan.actors.some((a) => a.ref.slug === slug || (found && a.ref === found.ref))) {
      r.problem('actor', `the actor '${slug}' comes twice in the file`);
      continue;
    }
    if (found && found.ref.id === null) continue; // unreachable: new refs are in plan.actors
    const action: Action = !found ? 'create' : same(actorDetails.get(found.ref.id!), values) ? 'unchanged' : 'change';
    const ref = found?.ref ?? newRef(slug);
    if (!found) keys.addActor({ ref, name: values.name, otherNames: values.otherNames, municipalityCode: values.municipalityCode });
    plan.actors.push({ ref, action, values });
    outcome(r, action, `actor ${ref.slug}`);
  }

  // Counterparts: parents before the places inside them.
  const placeTable = table('counterparts');
  const placeDetails = placeTable ? await existingCounterparts(ctx) : new Map<number, CounterpartValues>();
  const placeRows = (placeTable?.rows ?? [])
    .map((row) => new RowReader(placeTable!.file, 'counterparts', row, plan.problems))
    .sort((a, b) => depth(a.row.cells.parent) - depth(b.row.cells.parent));
  // Places of the file by id and name, and the last step of their parent: a
  // parent nothing can resolve may be a place of the file that lies inside
  // this one (directly or further down), which is a cycle, said as one.
  const fileParent = new Map<string, { name: string; parent: string }>();
  for (const r of placeRows) {
    const parent = r.row.cells.parent?.split('>').at(-1)?.trim();
    if (!parent) continue;
    for (const key of [r.row.cells.counterpart, r.row.cells.name_latin]) if (key) fileParent.set(normalizeForSearch(key), { name: r.row.cells.name_latin || key, parent });
  }
  const fileCycle = (r: RowReader): string[] | null => {
    const own = [r.row.cells.counterpart, r.row.cells.name_latin].filter((k): k is string => !!k).map(normalizeForSearch);
    const path = [r.row.cells.name_latin || r.row.cells.counterpart || '?'];
    let step = r.row.cells.parent?.split('>').at(-1)?.trim();
    for (let n = 0; step && n < 100; n++) {
      const at = fileParent.get(normalizeForSearch(step));
      path.push(at?.name ?? step);
      if (own.includes(normalizeForSearch(step))) return path;
      step = at?.parent;
    }
    return null;
  };
  for (const r of placeRows) {
    const sources = r.citations('sources');
    citationsKnown(r, 'sources', sources);
    const parentPath = r.text('parent');
    let parent: Ref | null = null;
    if (parentPath) {
      const found = keys.findPlace(parentPath);
      if ('problem' in found) {
        const cycle = fileCycle(r);
        r.problem('parent', cycle ? `the places ${cycle.join(' > ')} lie inside each other in a circle: a place cannot lie inside itself` : found.problem);
        continue;
      }
      parent = found.place.ref;
    }
    const input = {
      slug: r.text('counterpart'), countryCode: r.text('country'), nameLatin: r.text('name_latin'), nameNative: r.text('name_native'), namePinyin: r.text('name_pinyin'), otherNames: r.list('other_names'),
      level: r.text('level'), lat: r.number('lat'), lon: r.number('lon'), note: r.text('note'), noteEn: r.text('note_en'), sources,
    };
    const parsed = r.parse(createCounterpartSchema, input, columnFor({ slug: 'counterpart', countryCode: 'country' }));
    if (!parsed) continue;
    const { slug, visibility: _v, sources: cited, parent: _p, ...rest } = parsed;
    const read = { ...nullify(rest), parent, sources: cited.map((c) => ({ source: c.source, passage: c.passage ?? null })) } as CounterpartValues;
    // The same name inside the same parent is the same place.
    const siblings = keys.placesByParent.get(parent?.token ?? 'root') ?? [];
    const found = siblings.find((p) => normalizeForSearch(p.nameLatin) === normalizeForSearch(read.nameLatin) && p.countryCode === read.countryCode) ?? keys.placesBySlug.get(slug);
    // A place does not move (apply keeps its parent), and none lies inside itself: a parent the file
    // gives that differs from the one the register has is a contradiction, not a change.
    if (found && placeTable!.columns.includes('parent') && (found.parent?.token ?? null) !== (parent?.token ?? null)) {
      const inside = (ref: Ref | null) => (ref ? keys.placesByToken.get(ref.token)?.nameLatin ?? ref.slug : 'nothing (top level)');
      r.problem(
        'parent',
        parent && keys.liesInside(parent, found.ref)
          ? `'${parentPath}' is ${found.nameLatin} itself or lies inside it: a place cannot lie inside itself`
          : `the register has ${found.nameLatin} (${found.ref.slug}) inside ${inside(found.parent)}, not ${inside(parent)}; a place does not move: correct the parent, or give the other place another id`,
      );
      continue;
    }
    const values = withAbsentKept(read, found?.ref.id ? placeDetails.get(found.ref.id) : undefined, placeTable, columnFor({ countryCode: 'country' }), ['parent', 'nameLatin', 'countryCode', 'level']);
    if (plan.counterparts.some((p) => p.ref.slug === slug || (found && p.ref === found.ref))) {
      r.problem('counterpart', `the counterpart '${slug}' (${values.nameLatin}) comes twice in the file`);
      continue;
    }
    const action: Action = !found ? 'create' : same(placeDetails.get(found.ref.id!), values) ? 'unchanged' : 'change';
    const ref = found?.ref ?? newRef(slug);
    if (!found) keys.addPlace({ ref, parent, countryCode: values.countryCode, names: [values.nameLatin, values.nameNative, values.namePinyin].filter((n): n is string => !!n), nameLatin: values.nameLatin });
    plan.counterparts.push({ ref, action, values });
    outcome(r, action, `counterpart ${ref.slug}`);
  }

  await planAgreements(ctx, table('agreements'), keys, plan, citationsKnown, outcome);
  // Action plans after the agreements they serve, activities after the plans whose goals they serve.
  await planActionPlansAndActivities(ctx, table('action_plans'), table('activities'), keys, plan, citationsKnown, outcome);
  // Contact surfaces after the bodies, places and sources they link.
  await planContactSurfaces(ctx, table('contact_surfaces'), keys, plan, citationsKnown, outcome);
  await planArticles(ctx, table('knowledge_articles'), table('knowledge_article_versions'), plan, outcome);
  return plan;
}

const depth = (path: string | undefined) => (path ? path.split('>').length : 0);


const AGREEMENT_COLUMNS = ['kind', 'parties', 'counterparts', 'official_title', 'signed_on', 'term', 'renewal_rule', 'term_months', 'renewal_months', 'notice_months', 'notice_days', 'ends_on', 'themes', 'funding', 'responsible_unit', 'parent', 'summary', 'summary_en', 'sources'];
const EVENT_COLUMNS = ['event_date', 'event_side', 'event_mode', 'deciding_body', 'reference', 'case_number', 'event_note', 'event_note_en', 'reasons', 'reasons_en', 'event_sources'];
const REASON = /^([a-z_]+)\s*(?:\(([a-z_]+)\))?\s*(?::\s*([\s\S]*))?$/;

async function planAgreements(
  ctx: Context,
  agreementTable: ReadTable | undefined,
  keys: RegisterKeys,
  plan: ImportPlan,
  citationsKnown: (r: RowReader, column: string, list: Citation[]) => void,
  outcome: (r: RowReader, action: Action, what: string) => void,
) {
  if (!agreementTable) return;
  // Parties and places repeat on every row of an agreement: resolve each text once.
  const partyCache = new Map<string, { parties: AgreementValues['parties']; problems: string[] }>();
  const placeCache = new Map<string, { places: Ref[]; problems: string[] }>();
  const resolveParties = (text: string) => {
    let hit = partyCache.get(text);
    if (!hit) {
      hit = { parties: [], problems: [] };
      for (const item of text.split('|').map((s) => s.trim()).filter(Boolean)) {
        const roleMatch = /^([a-z_]+):\s*(.+)$/.exec(item);
        const role = roleMatch && (PARTY_ROLES as readonly string[]).includes(roleMatch[1]!) ? (roleMatch[1] as PartyRole) : 'party';
        const found = keys.findActor(role === 'party' ? item : roleMatch![2]!);
        if ('problem' in found) hit.problems.push(found.problem);
        else if (hit.parties.some((p) => p.actor === found.actor.ref && p.role === role)) hit.problems.push(`'${item}' comes twice`);
        else hit.parties.push({ role, actor: found.actor.ref });
      }
      partyCache.set(text, hit);
    }
    return hit;
  };
  const resolvePlaces = (text: string) => {
    let hit = placeCache.get(text);
    if (!hit) {
      hit = { places: [], problems: [] };
      for (const path of text.split('|').map((s) => s.trim()).filter(Boolean)) {
        const found = keys.findPlace(path);
        if ('problem' in found) hit.problems.push(found.problem);
        else if (hit.places.includes(found.place.ref)) hit.problems.push(`'${path}' comes twice`);
        else hit.places.push(found.place.ref);
      }
      placeCache.set(text, hit);
    }
    return hit;
  };

  // Rows into agreements: by id when given, else by kind, parties and places,
  // which may name an agreement of the register or one the file gives an id.
  const groups = new Map<string, RowReader[]>();
  const naturalKeyOfRow = (r: RowReader) => {
    const parties = resolveParties(r.text('parties') ?? '');
    const places = resolvePlaces(r.text('counterparts') ?? '');
    const kind = r.text('kind');
    if (parties.problems.length || places.problems.length || !parties.parties.length || !places.places.length || !kind) return { parties, places, key: null };
    return { parties, places, key: naturalKeyOf(kind, parties.parties, places.places) };
  };
  const readers = agreementTable.rows.map((row) => new RowReader(agreementTable.file, 'agreements', row, plan.problems));
  const slugOfNaturalKey = new Map<string, string>();
  for (const r of readers) {
    const id = r.text('agreement');
    if (!id) continue;
    groups.set(`slug:${id}`, [...(groups.get(`slug:${id}`) ?? []), r]);
    const { key } = naturalKeyOfRow(r);
    if (key && !slugOfNaturalKey.has(key)) slugOfNaturalKey.set(key, id);
  }
  for (const r of readers) {
    if (r.text('agreement')) continue;
    const { parties, places, key } = naturalKeyOfRow(r);
    if (!key) {
      r.problem(undefined, 'without an id in the agreement column, a row needs kind, parties and counterparts that the register knows, to tell which agreement it is');
      parties.problems.forEach((p) => r.problem('parties', p));
      places.problems.forEach((p) => r.problem('counterparts', p));
      continue;
    }
    const inRegister = keys.agreementsByKey.get(key) ?? [];
    const slug = slugOfNaturalKey.get(key) ?? (inRegister.length === 1 ? inRegister[0]!.ref.slug : undefined);
    const group = slug ? `slug:${slug}` : `natural:${key}`;
    groups.set(group, [...(groups.get(group) ?? []), r]);
  }

  const matchedIds: number[] = [];
  const drafts: Array<{ rows: RowReader[]; planned: PlannedAgreement; events: Array<{ r: RowReader; values: EventValues }> }> = [];
  // A generated id must not be one the register or a later row of the file uses.
  const givenSlugs = new Set([...groups.keys()].filter((k) => k.startsWith('slug:')).map((k) => k.slice('slug:'.length)));
  const taken = (slug: string) => keys.agreementsBySlug.has(slug) || givenSlugs.has(slug);
  for (const [groupKey, rows] of groups) {
    const first = rows[0]!;
    // An agreement's columns may repeat on each of its rows, but must not differ.
    const cell: Record<string, string | undefined> = {};
    let consistent = true;
    // Parties and places compare by what they name: "1492" and "1492 Åmåls kommun" are the same.
    const comparable = (column: string, text: string) => {
      const resolved = column === 'parties' ? resolveParties(text) : column === 'counterparts' ? resolvePlaces(text) : null;
      if (!resolved || resolved.problems.length) return text;
      return 'parties' in resolved ? naturalKeyOf('', resolved.parties, []) : naturalKeyOf('', [], resolved.places);
    };
    for (const column of AGREEMENT_COLUMNS) {
      for (const r of rows) {
        const value = r.row.cells[column] ? comparable(column, r.row.cells[column]) : undefined;
        if (value === undefined) continue;
        if (cell[column] === undefined) cell[column] = value;
        else if (cell[column] !== value) {
          r.problem(column, `differs from row ${rows.find((o) => o.row.cells[column] && comparable(column, o.row.cells[column]) === cell[column])!.row.row} of the same agreement; an agreement's columns must be the same on each of its rows`);
          consistent = false;
        }
      }
    }
    if (!consistent) {
      // The rows disagree; what is wrong inside a row is still said on that row (a formula, a party or
      // place that cannot be resolved, a date that is none), not only that it differs from another.
      for (const r of rows) {
        for (const column of AGREEMENT_COLUMNS) {
          const text = r.text(column);
          if (!text) continue;
          if (column === 'parties') resolveParties(text).problems.forEach((p) => r.problem(column, p));
          if (column === 'counterparts') resolvePlaces(text).problems.forEach((p) => r.problem(column, p));
          if (column === 'signed_on' || column === 'ends_on') {
            try {
              parseFuzzyDate(text);
            } catch (error) {
              r.problem(column, (error as Error).message);
            }
          }
        }
      }
      continue;
    }
    const holder = (column: string) => rows.find((r) => r.row.cells[column]) ?? first;
    const parties = resolveParties(holder('parties').text('parties') ?? '');
    parties.problems.forEach((p) => holder('parties').problem('parties', p));
    const places = resolvePlaces(holder('counterparts').text('counterparts') ?? '');
    places.problems.forEach((p) => holder('counterparts').problem('counterparts', p));
    const sources = holder('sources').citations('sources');
    citationsKnown(holder('sources'), 'sources', sources);
    const kind = holder('kind').text('kind');
    if (kind && !keys.kinds.has(kind)) holder('kind').problem('kind', `'${kind}' is not an agreement kind; write one of ${[...keys.kinds].join(', ')}`);
    const givenSlug = groupKey.startsWith('slug:') ? groupKey.slice('slug:'.length) : undefined;
    const input = {
      slug: givenSlug ?? 'new-agreement',
      kind,
      officialTitle: holder('official_title').text('official_title'),
      officialTitleLanguage: holder('official_title_language').text('official_title_language'),
      officialTitleEn: holder('official_title_en').text('official_title_en'),
      signedOn: holder('signed_on').text('signed_on'),
      term: holder('term').text('term'),
      renewalRule: holder('renewal_rule').text('renewal_rule'),
      termMonths: holder('term_months').number('term_months'),
      renewalMonths: holder('renewal_months').number('renewal_months'),
      noticeMonths: holder('notice_months').number('notice_months'),
      noticeDays: holder('notice_days').number('notice_days'),
      endsOn: holder('ends_on').text('ends_on'),
      themes: holder('themes').list('themes'),
      themesEn: holder('themes_en').list('themes_en'),
      funding: holder('funding').text('funding'),
      fundingEn: holder('funding_en').text('funding_en'),
      responsibleUnit: holder('responsible_unit').text('responsible_unit'),
      parent: holder('parent').text('parent'),
      summary: holder('summary').text('summary'),
      summaryEn: holder('summary_en').text('summary_en'),
      // The schema checks counts and roles; the refs are resolved above.
      // (Unresolved ones are reported above, not again as missing.)
      parties: parties.problems.length ? [{ actor: 'x' }] : parties.parties.map((p) => ({ actor: 'x', role: p.role })),
      counterparts: places.problems.length ? ['x'] : places.places.map(() => 'x'),
      sources,
    };
    const parsed = first.parse(createAgreementSchema, input, columnFor({ slug: 'agreement', counterparts: 'counterparts' }), holder);
    if (!parsed || parties.problems.length || places.problems.length) continue;
    const { slug: _slug, parties: _parties, counterparts: _places, sources: _sources, visibility: _visibility, themes, themesEn, ...scalars } = parsed;
    const values: AgreementValues = {
      ...nullify(scalars),
      kind: parsed.kind,
      themes,
      themesEn,
      parties: [...parties.parties].sort((a, b) => (a.role + a.actor.token).localeCompare(b.role + b.actor.token)),
      places: [...places.places].sort((a, b) => a.token.localeCompare(b.token)),
      sources: sources,
    };
    const naturalKey = naturalKeyOf(values.kind, values.parties, values.places);
    let match = givenSlug ? keys.agreementsBySlug.get(givenSlug) : undefined;
    if (!givenSlug) {
      const candidates = keys.agreementsByKey.get(naturalKey) ?? [];
      if (candidates.length > 1) {
        first.problem('agreement', `the register has ${candidates.length} agreements of this kind between these parties (${candidates.map((c) => c.ref.slug).join(', ')}); write the one you mean in the agreement column`);
        continue;
      }
      match = candidates[0];
    }
    const ref = match?.ref ?? newRef(givenSlug ?? uniqueSlug(taken, values, keys));
    if (!match) keys.addAgreement({ ref, kind: values.kind, naturalKey });
    else matchedIds.push(ref.id!);

    const events: Array<{ r: RowReader; values: EventValues }> = [];
    for (const r of rows) {
      const type = r.text('event');
      if (!type) {
        const stray = EVENT_COLUMNS.find((c) => r.row.cells[c]);
        if (stray) r.problem('event', `the row has ${stray} but no event; write the event, e.g. established or ended`);
        continue;
      }
      const eventSources = r.citations('event_sources');
      citationsKnown(r, 'event_sources', eventSources);
      const reasonsIn = (column: string) =>
        r.list(column).map((text) => {
          const m = REASON.exec(text);
          if (!m) r.problem(column, `'${text}' is not a reason; write code (who): text, e.g. democracy_human_rights (decision_maker)`);
          return { code: m?.[1] ?? text, statedBy: m?.[2] ?? 'decision_maker', text: m?.[3]?.trim() || null };
        });
      const swedish = reasonsIn('reasons');
      const english = reasonsIn('reasons_en');
      // The English names the same reasons, in the same order, with their English texts.
      if (english.length && (english.length !== swedish.length || english.some((e, i) => e.code !== swedish[i]!.code || e.statedBy !== swedish[i]!.statedBy))) {
        const expected = swedish.map((x) => `${x.code} (${x.statedBy})`).join(' | ') || 'no reasons, as the reasons column has none';
        r.problem('reasons_en', `must name the same reasons as the reasons column, in the same order: ${expected}`);
      }
      const reasons = swedish.map((x, i) => ({ ...x, textEn: english[i]?.text ?? null }));
      const eventInput = {
        type, date: r.text('event_date'), side: r.text('event_side'), mode: r.text('event_mode'), decidingBody: r.text('deciding_body'), reference: r.text('reference'),
        caseNumber: r.text('case_number'), note: r.text('event_note'), noteEn: r.text('event_note_en'), reasons, sources: eventSources,
      };
      const parsedEvent = r.parse(recordEventSchema, eventInput, eventColumn);
      if (!parsedEvent) continue;
      const { reasons: parsedReasons, sources: _eventSources, visibility: _eventVisibility, expectedVersion: _version, ...eventScalars } = parsedEvent;
      const eventValues: EventValues = {
        ...nullify(eventScalars),
        type: parsedEvent.type,
        date: parsedEvent.date,
        reasons: parsedReasons.map((x) => ({ code: x.code, statedBy: x.statedBy, text: x.text ?? null, textEn: x.textEn ?? null })),
        sources: eventSources,
      };
      const twin = events.find((e) => e.values.type === eventValues.type && e.values.date === eventValues.date);
      if (twin) {
        r.problem('event', `'${type} ${eventValues.date}' comes twice for this agreement (row ${twin.r.row.row} too)`);
        continue;
      }
      events.push({ r, values: eventValues });
    }
    drafts.push({ rows, planned: { ref, action: match ? 'unchanged' : 'create', values, newEvents: [] }, events });
  }

  // Parents may be in the register or in the file.
  for (const d of drafts) {
    const parent = d.planned.values.parent;
    if (parent && !keys.agreementsBySlug.has(parent)) {
      (d.rows.find((r) => r.row.cells.parent) ?? d.rows[0]!).problem('parent', `no agreement '${parent}' in the register or the file`);
    }
  }

  const existing = await existingAgreements(ctx, matchedIds);
  for (const d of drafts) {
    const old = d.planned.ref.id === null ? undefined : existing.get(d.planned.ref.id);
    if (old) d.planned.values = withAbsentKept(d.planned.values, old.values, agreementTable, columnFor({ places: 'counterparts' }), ['kind', 'parties', 'places']);
    if (old && !same(old.values, d.planned.values)) d.planned.action = 'change';
    const first = d.rows[0]!;
    outcome(first, d.planned.action, `agreement ${d.planned.ref.slug}`);
    for (const { r, values: read } of d.events) {
      const had = old?.events.find((e) => e.type === read.type && e.date === read.date);
      const values = withAbsentKept(read, had, agreementTable, eventColumn, ['type', 'date']);
      // A file without reasons_en keeps the register's English of the reasons it lists.
      if (had && !agreementTable?.columns.includes('reasons_en')) values.reasons = values.reasons.map((x, i) => ({ ...x, textEn: had.reasons[i]?.textEn ?? null }));
      if (!had) {
        d.planned.newEvents.push(values);
        outcome(r, 'create', `event ${values.type} ${values.date}`);
      } else if (same(had, values)) outcome(r, 'unchanged', `event ${values.type} ${values.date}`);
      else {
        const fields = (Object.keys(values) as Array<keyof EventValues>).filter((k) => !same(had[k], values[k]));
        r.problem(
          fields.map(eventColumn).join(', '),
          `the register has '${values.type} ${values.date}' for ${d.planned.ref.slug} with other details; status events are never changed, so record a new event or correct the file`,
        );
      }
    }
    plan.agreements.push(d.planned);
  }

  // No agreement is its own parent, grandparent and so on, in the register and the file taken together.
  for (const d of drafts) keys.agreementParents.set(d.planned.ref.slug, d.planned.values.parent);
  for (const d of drafts) {
    const slug = d.planned.ref.slug;
    const chain = [slug];
    for (let at = keys.agreementParents.get(slug) ?? null; at && chain.length <= keys.agreementParents.size + 1; at = keys.agreementParents.get(at) ?? null) {
      chain.push(at);
      if (at !== slug) continue;
      (d.rows.find((r) => r.row.cells.parent) ?? d.rows[0]!).problem('parent', `${chain.join(' > ')}: the agreement would be its own ${chain.length === 2 ? 'parent' : 'ancestor'}; parents cannot go round in a circle`);
      break;
    }
  }
}

function uniqueSlug(taken: (slug: string) => boolean, values: AgreementValues, keys: RegisterKeys): string {
  // A ref's slug is the key its record is registered under.
  const party = keys.actorsBySlug.get(values.parties.find((p) => p.role === 'party')?.actor.slug ?? '');
  const place = keys.placesBySlug.get(values.places[0]?.slug ?? '');
  const base = [party?.name ?? 'avtal', place?.nameLatin ?? '', values.kind]
    .map((s) => normalizeForSearch(s).replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
  let slug = base || 'avtal';
  for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
  return slug;
}

// What the register holds, in the shape a plan compares with.

export async function citationsOf(ctx: Context, subjectType: string, ids?: number[]): Promise<Map<number, Citation[]>> {
  const rows = await queryRows<{ subject_id: number; slug: string; passage: string | null }>(
    ctx.db,
    sql`select c.subject_id, s.slug, c.passage from citations c join sources s on s.id = c.source_id
        where c.subject_type = ${subjectType} ${ids ? sql`and c.subject_id = any(${sql.param(ids)}::int[])` : sql``} order by c.id`,
  );
  const map = new Map<number, Citation[]>();
  for (const r of rows) map.set(r.subject_id, [...(map.get(r.subject_id) ?? []), { source: r.slug, passage: r.passage }]);
  return map;
}

async function existingSources(ctx: Context): Promise<Map<string, SourceValues>> {
  const rows = await queryRows<SourceValues & { slug: string }>(
    ctx.db,
    sql`select slug, kind, title, title_en as "titleEn", language, author, publisher, published, url, archive_reference as "archiveReference", retrieved_on as "retrievedOn",
          seed_file as "seedFile", seed_passage as "seedPassage", note, note_en as "noteEn" from sources`,
  );
  return new Map(rows.map(({ slug, ...values }) => [slug, values]));
}

async function existingActors(ctx: Context): Promise<Map<number, ActorValues>> {
  const cited = await citationsOf(ctx, 'actor');
  const rows = await queryRows<Omit<ActorValues, 'sources'> & { id: number }>(
    ctx.db,
    sql`select id, name, other_names as "otherNames", kind, municipality_code as "municipalityCode", county_code as "countyCode", existed_from as "existedFrom", existed_to as "existedTo",
          seat_lat as "seatLat", seat_lon as "seatLon", note, note_en as "noteEn" from actors`,
  );
  return new Map(rows.map(({ id, ...values }) => [id, { ...values, sources: cited.get(id) ?? [] }]));
}

async function existingCounterparts(ctx: Context): Promise<Map<number, CounterpartValues>> {
  const cited = await citationsOf(ctx, 'counterpart');
  const rows = await queryRows<Omit<CounterpartValues, 'sources' | 'parent'> & { id: number; parent_id: number | null }>(
    ctx.db,
    sql`select id, parent_id, country_code as "countryCode", name_latin as "nameLatin", name_native as "nameNative", name_pinyin as "namePinyin", other_names as "otherNames", level, lat, lon, note, note_en as "noteEn" from counterparts`,
  );
  return new Map(
    rows.map(({ id, parent_id, ...values }) => [id, { ...values, parent: parent_id === null ? null : ({ token: `id:${parent_id}` } as Ref), sources: cited.get(id) ?? [] }]),
  );
}

async function existingAgreements(ctx: Context, ids: number[]): Promise<Map<number, { values: AgreementValues; events: EventValues[] }>> {
  if (!ids.length) return new Map();
  const idList = sql.param(ids);
  const rows = await queryRows<Omit<AgreementValues, 'parties' | 'places' | 'sources'> & { id: number; parties: string[]; places: number[] }>(
    ctx.db,
    sql`select a.id, a.kind, a.official_title as "officialTitle", a.official_title_language as "officialTitleLanguage", a.official_title_en as "officialTitleEn",
          a.signed_on as "signedOn", a.term, a.renewal_rule as "renewalRule",
          a.term_months as "termMonths", a.renewal_months as "renewalMonths", a.notice_months as "noticeMonths", a.notice_days as "noticeDays", a.ends_on as "endsOn", a.themes, a.themes_en as "themesEn",
          a.funding, a.funding_en as "fundingEn", a.responsible_unit as "responsibleUnit", p.slug as parent, a.summary, a.summary_en as "summaryEn",
          (select array_agg(x.role || '=' || x.actor_id) from agreement_parties x where x.agreement_id = a.id) as parties,
          (select array_agg(x.counterpart_id) from agreement_counterparts x where x.agreement_id = a.id) as places
        from agreements a left join agreements p on p.id = a.parent_id where a.id = any(${idList}::int[])`,
  );
  const cited = await citationsOf(ctx, 'agreement', ids);
  const events = await queryRows<Omit<EventValues, 'reasons' | 'sources'> & { id: number; agreement_id: number; reasons: EventValues['reasons'] | null }>(
    ctx.db,
    sql`select e.id::int as id, e.agreement_id, e.type, e.date, e.side, e.mode, e.deciding_body as "decidingBody", e.reference, e.case_number as "caseNumber", e.note, e.note_en as "noteEn",
          (select json_agg(json_build_object('code', r.code, 'statedBy', r.stated_by, 'text', r.text, 'textEn', r.text_en) order by r.id) from event_reasons r where r.event_id = e.id) as reasons
        from status_events e where e.agreement_id = any(${idList}::int[]) order by e.id`,
  );
  const eventCitations = await citationsOf(ctx, 'event', events.map((e) => e.id));
  const map = new Map<number, { values: AgreementValues; events: EventValues[] }>();
  for (const { id, parties, places, ...rest } of rows) {
    map.set(id, {
      values: {
        ...rest,
        parties: (parties ?? [])
          .map((p) => {
            const [role, actorId] = p.split('=');
            return { role: role as PartyRole, actor: { token: `id:${actorId}` } as Ref };
          })
          .sort((a, b) => (a.role + a.actor.token).localeCompare(b.role + b.actor.token)),
        places: (places ?? []).map((p) => ({ token: `id:${p}` }) as Ref).sort((a, b) => a.token.localeCompare(b.token)),
        sources: cited.get(id) ?? [],
      },
      events: [],
    });
  }
  for (const { id, agreement_id, reasons, ...e } of events) {
    map.get(agreement_id)!.events.push({ ...e, reasons: reasons ?? [], sources: eventCitations.get(id) ?? [] });
  }
  return map;
}
