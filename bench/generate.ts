// Generates a register at the scale the register issue names: 30,000 actors,
// 50,000 counterparts, 100,000 agreements and 1,000,000 status events, with
// the caches the verbs would write (status, periods, labels, search text),
// computed by the same functions (derive-status.ts, normalize.ts). Bulk
// inserts instead of one verb call per row: the verbs' per-row audit and
// savepoints would make generation take hours, and the benchmark measures
// reading, not loading.
import { sql } from 'drizzle-orm';
import { afterBulkLoad } from '../src/db/after-bulk-load.ts';
import type { Db } from '../src/db/client.ts';
import {
  actors,
  agreementCounterparts,
  agreementKinds,
  agreementParties,
  agreements,
  agreementStatusPeriods,
  CONTACT_SURFACE_KINDS,
  contactSurfaceActors,
  contactSurfacePlaces,
  contactSurfaces,
  counterparts,
  organisations,
  statusDayDeltas,
  statusEvents,
  type ActorKind,
  type EventType,
} from '../src/db/schema.ts';
import { parseFuzzyDate } from '../src/domain/dates.ts';
import { refreshSurfaceAreas } from '../src/domain/contact-surfaces/refresh-areas.ts';
import { periodDeltas, refreshCountyEntries } from '../src/domain/agreements/refresh-caches.ts';
import { currentStatus, statusPeriods, type StatusEventLike } from '../src/domain/status/derive-status.ts';
import { searchTextOf } from '../src/domain/text/normalize.ts';
import { AGREEMENT_KINDS } from '../src/domain/transfer/shipped-data.ts';
import { regionsOf } from '../src/web/maps/geodata.ts';

export interface Scale {
  actors: number;
  counterparts: number;
  agreements: number;
  eventsPerAgreement: number;
}
export const ISSUE_SCALE: Scale = { actors: 30_000, counterparts: 50_000, agreements: 100_000, eventsPerAgreement: 10 };

function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['su', 'zhou', 'hang', 'guang', 'dong', 'shan', 'xi', 'an', 'nan', 'jing', 'bei', 'tian', 'jin', 'lan', 'wu', 'han', 'chang', 'sha', 'cheng', 'du', 'yun', 'qing', 'dao', 'ning', 'bo', 'he', 'fei', 'zheng', 'tai', 'yuan'];
const HANZI = '苏州杭广东山西安南京北天津兰武汉长沙成都云青岛宁波合肥郑太原';
const SWEDISH = ['Åby', 'Älvsborg', 'Örby', 'Göta', 'Berg', 'Sjö', 'Dal', 'Strand', 'Holm', 'Vik', 'Lund', 'Ås', 'Näs', 'Mark', 'Skog'];
const KINDS: ActorKind[] = ['kommun', 'kommun', 'kommun', 'region', 'lansstyrelse', 'municipal_company', 'university'];
const COUNTIES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'];
const LATER: EventType[] = ['activity_observed', 'renewed', 'dormant', 'activity_observed', 'paused', 'resumed', 'activity_observed', 'renewed', 'dormant', 'ended'];

async function insertBatched<T extends Record<string, unknown>>(db: Db, table: Parameters<Db['insert']>[0], rows: T[], perRow: number) {
  const size = Math.floor(60_000 / perRow);
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never);
}

export async function generateRegister(db: Db, scale: Scale, seed = 1): Promise<{ events: number; slugs: string[] }> {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const word = (n: number) => Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

  const [org] = await db.insert(organisations).values({ slug: `bench-${seed}`, name: 'Benchmark' }).returning();
  await db.insert(agreementKinds).values(AGREEMENT_KINDS).onConflictDoNothing();
  const organisationId = org!.id;

  const actorRows = Array.from({ length: scale.actors }, (_, i) => {
    const name = `${pick(SWEDISH)}${pick(['', 'by', 'borg', 'stad'])} ${pick(['kommun', 'region', 'stad'])} ${i}`;
    return { slug: `bench-actor-${seed}-${i}`, name, kind: pick(KINDS), countyCode: pick(COUNTIES), organisationId, searchText: searchTextOf([name]) };
  });
  await insertBatched(db, actors, actorRows, 6);
  const actorIds = (await db.execute(sql`select id, name, kind, county_code from actors where slug like ${`bench-actor-${seed}-%`} order by id`)) as unknown as {
    rows: Array<{ id: number; name: string; kind: ActorKind; county_code: string }>;
  };

  // Provinces, then prefectures inside them, then counties inside those.
  const provinces = 34;
  const prefectures = Math.min(3_000, Math.floor(scale.counterparts / 10));
  const places: Array<{ id?: number; slug: string; latin: string; native: string; level: string; parent: number | null }> = [];
  // The provinces carry real names, so that maps can place them.
  const provinceNames = regionsOf('chn').map((r) => r.properties.name!).filter((n) => n !== 'Paracel Islands');
  for (let i = 0; i < scale.counterparts; i++) {
    const parent = i < provinces ? null : i < provinces + prefectures ? Math.floor(random() * provinces) : provinces + Math.floor(random() * prefectures);
    places.push({ slug: `bench-place-${seed}-${i}`, latin: i < provinceNames.length ? provinceNames[i]! : cap(word(2)) + i, native: pick([...HANZI]) + pick([...HANZI]) + (i < provinces ? '省' : '市'), level: i < provinces ? 'province' : i < provinces + prefectures ? 'prefecture_city' : 'county', parent });
  }
  // Ids are assigned in insertion order; ancestors are known before children.
  const inserted: number[] = [];
  const ancestors: number[][] = [];
  // Level by level, so that every parent has its id before its children are written.
  const levels = [0, provinces, provinces + prefectures, places.length];
  for (let l = 0; l < 3; l++) {
    for (let i = levels[l]!; i < levels[l + 1]!; i += 5_000) {
      const batch = places.slice(i, Math.min(i + 5_000, levels[l + 1]!)).map((p, j) => {
        const parentIndex = p.parent;
        return {
          slug: p.slug,
          countryCode: 'CN',
          nameLatin: p.latin,
          nameNative: p.native,
          level: p.level as never,
          parentId: parentIndex === null ? null : inserted[parentIndex]!,
          ancestorIds: parentIndex === null ? [] : [...ancestors[parentIndex]!, inserted[parentIndex]!],
          organisationId,
          searchText: searchTextOf([p.latin, p.native]),
          index: i + j,
        };
      });
      const rows = await db.insert(counterparts).values(batch.map(({ index: _i, ...r }) => r)).returning({ id: counterparts.id });
      rows.forEach((r, j) => {
        inserted[batch[j]!.index] = r.id;
        ancestors[batch[j]!.index] = batch[j]!.ancestorIds;
      });
    }
  }

  const indexById = new Map(inserted.map((id, index) => [id, index]));
  const dayDeltas = new Map<string, number>();
  let events = 0;
  const slugs: string[] = [];
  const chunk = 2_000;
  for (let start = 0; start < scale.agreements; start += chunk) {
    const rows = [];
    const meta: Array<{ actorId: number; placeId: number; evs: Array<StatusEventLike & { date: string }> }> = [];
    for (let i = start; i < Math.min(scale.agreements, start + chunk); i++) {
      const actor = actorIds.rows[Math.floor(random() * actorIds.rows.length)]!;
      const placeIndex = provinces + Math.floor(random() * (scale.counterparts - provinces));
      const placeId = inserted[placeIndex]!;
      const year = 1986 + Math.floor(random() * 30);
      const dates = [String(year)];
      let y = year;
      for (let e = 1; e < scale.eventsPerAgreement; e++) {
        y += Math.floor(random() * 2);
        const m = 1 + Math.floor(random() * 12);
        dates.push(random() < 0.5 ? `${y}` : `${y}-${String(m).padStart(2, '0')}`);
      }
      const evs = dates.map((d, e) => {
        const f = parseFuzzyDate(d);
        const type: EventType = e === 0 ? 'established' : (LATER[e - 1] ?? 'activity_observed');
        return { id: e + 1, type, dateMin: f.min, dateMax: f.max, datePrecision: f.precision, date: d };
      });
      const place = places[placeIndex]!;
      const slug = `bench-${seed}-${i}`;
      slugs.push(slug);
      const placeIds = [...ancestors[placeIndex]!, placeId].sort((a, b) => a - b);
      rows.push({
        slug,
        kind: random() < 0.8 ? 'vanort' : 'kommunalt_partnerskap',
        officialTitle: random() < 0.5 ? `${word(3)} agreement` : null,
        currentStatus: currentStatus(evs),
        establishedMin: evs[0]!.dateMin,
        establishedYear: year,
        lastEventOn: evs.map((e) => e.dateMax!).sort().at(-1)!,
        partyLabel: actor.name,
        counterpartLabel: `${place.latin} ${place.native}`,
        partyKinds: [actor.kind],
        partyCounties: [actor.county_code],
        placeIds,
        searchText: searchTextOf([actor.name, place.latin, place.native, ...ancestors[placeIndex]!.map((a) => places[indexById.get(a)!]?.latin)]),
        organisationId,
      });
      meta.push({ actorId: actor.id, placeId, evs });
    }
    const ids = await db.insert(agreements).values(rows).returning({ id: agreements.id });
    const parties = ids.map((r, j) => ({ agreementId: r.id, actorId: meta[j]!.actorId, role: 'party' as const }));
    const links = ids.map((r, j) => ({ agreementId: r.id, counterpartId: meta[j]!.placeId }));
    const eventRows = ids.flatMap((r, j) => meta[j]!.evs.map((e) => ({ agreementId: r.id, type: e.type, date: e.date, dateMin: e.dateMin, dateMax: e.dateMax, datePrecision: e.datePrecision, organisationId })));
    const periodRows = ids.flatMap((r, j) => statusPeriods(meta[j]!.evs).map((p) => ({ agreementId: r.id, ...p })));
    for (const d of periodDeltas(periodRows, 'public', 1)) dayDeltas.set(`${d.day}|${d.status}`, (dayDeltas.get(`${d.day}|${d.status}`) ?? 0) + d.delta);
    await insertBatched(db, agreementParties, parties, 3);
    await insertBatched(db, agreementCounterparts, links, 2);
    await insertBatched(db, statusEvents, eventRows, 7);
    await insertBatched(db, agreementStatusPeriods, periodRows, 4);
    await refreshCountyEntries({ db, principal: { kind: 'system', label: 'bench', organisationId } }, ids.map((r) => r.id));
    events += eventRows.length;
  }
  const deltaRows = [...dayDeltas].map(([key, delta]) => {
    const [day, status] = key.split('|') as [string, never];
    return { day, status, visibility: 'public' as const, delta };
  });
  await insertBatched(db, statusDayDeltas, deltaRows, 4);
  await afterBulkLoad(db);
  return { events, slugs };
}

/** The benchmark's contact surfaces: what the map's layers and the statistics count per county and province. */
export const CONTACT_SURFACES_AT_SCALE = 200_000;

/**
 * Adds `count` contact surfaces to a generated register (generateRegister
 * first), each linked to one or two of its Swedish bodies and one or two of
 * its Chinese places, of every kind, four in five public and the rest shared
 * or internal; in bulk, as the register is (no verb, no audit). Returns how
 * many it added.
 */
export async function generateContactSurfaces(db: Db, count = CONTACT_SURFACES_AT_SCALE, seed = 1): Promise<number> {
  const random = rng(seed + 21);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const ids = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Array<{ id: number }> }).rows.map((r) => r.id);
  const actorIds = await ids(sql`select id from actors where slug like ${`bench-actor-${seed}-%`} order by id`);
  const placeIds = await ids(sql`select id from counterparts where slug like ${`bench-place-${seed}-%`} order by id`);
  const [organisationId] = await ids(sql`select id from organisations where slug = ${`bench-${seed}`}`);
  if (!actorIds.length || !placeIds.length || organisationId === undefined) throw new Error('generate the register first (generateRegister)');
  const chunk = 5_000;
  for (let start = 0; start < count; start += chunk) {
    const rows = Array.from({ length: Math.min(chunk, count - start) }, (_, j) => {
      const year = 1995 + Math.floor(random() * 31);
      const date = random() < 0.5 ? String(year) : `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
      const visibility = random() < 0.8 ? ('public' as const) : random() < 0.5 ? ('shared' as const) : ('internal' as const);
      return { kind: pick(CONTACT_SURFACE_KINDS), title: `Kontaktyta ${seed}-${start + j}`, date, dateMin: parseFuzzyDate(date).min, organisationId, visibility };
    });
    const inserted = await db.insert(contactSurfaces).values(rows).returning({ id: contactSurfaces.id });
    // Sets, so that a surface never links the same body or place twice.
    const links = (pool: number[]) => inserted.flatMap((r) => [...new Set(Array.from({ length: random() < 0.7 ? 1 : 2 }, () => pick(pool)))].map((id) => [r.id, id] as const));
    await insertBatched(db, contactSurfaceActors, links(actorIds).map(([surfaceId, actorId]) => ({ surfaceId, actorId })), 2);
    await insertBatched(db, contactSurfacePlaces, links(placeIds).map(([surfaceId, counterpartId]) => ({ surfaceId, counterpartId })), 2);
    // Statistics of the growing link tables first: planned from an empty table's, each surface's refresh read every body.
    if (start === 0) for (const table of ['contact_surface_actors', 'contact_surface_places']) await db.execute(sql.raw(`analyze ${table}`));
    await refreshSurfaceAreas({ db, principal: { kind: 'system', label: 'bench', organisationId } }, inserted.map((r) => r.id));
  }
  for (const table of ['contact_surfaces', 'contact_surface_actors', 'contact_surface_places']) await db.execute(sql.raw(`analyze ${table}`));
  return count;
}
