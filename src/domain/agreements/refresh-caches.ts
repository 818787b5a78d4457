// Recomputes what an agreement caches, in the caller's transaction: from its
// events the status, first establishment and status periods (after every
// event); from its parties and places the labels and the text it is found by
// (when they change).
import { asc, eq, sql } from 'drizzle-orm';
import {
  actors,
  agreementCounterparts,
  agreementParties,
  agreements,
  agreementStatusPeriods,
  counterparts,
  statusDayDeltas,
  statusEvents,
  type Status,
  type Visibility,
} from '../../db/schema.ts';
import type { Context } from '../context.ts';
import { currentStatus, statusPeriods, type StatusPeriod } from '../status/derive-status.ts';
import { searchTextOf } from '../text/normalize.ts';

export async function refreshStatusCaches(ctx: Context, agreementId: number): Promise<void> {
  const events = await ctx.db.select().from(statusEvents).where(eq(statusEvents.agreementId, agreementId)).orderBy(asc(statusEvents.id));
  const established = events
    .filter((e) => e.type === 'established' && e.dateMin !== null)
    .map((e) => e.dateMin!)
    .sort()[0];
  const periods = statusPeriods(events);
  const old = await ctx.db.delete(agreementStatusPeriods).where(eq(agreementStatusPeriods.agreementId, agreementId)).returning();
  if (periods.length) await ctx.db.insert(agreementStatusPeriods).values(periods.map((p) => ({ agreementId, ...p })));
  const [{ visibility } = { visibility: 'public' as const }] = await ctx.db.select({ visibility: agreements.visibility }).from(agreements).where(eq(agreements.id, agreementId));
  await applyDayDeltas(ctx, [...periodDeltas(old, visibility, -1), ...periodDeltas(periods, visibility, 1)]);
  await ctx.db
    .update(agreements)
    .set({
      currentStatus: currentStatus(events),
      establishedMin: established ?? null,
      establishedYear: established ? Number(established.slice(0, 4)) : null,
      lastEventOn: events.map((e) => e.dateMax).filter((d): d is string => d !== null).sort().at(-1) ?? null,
    })
    .where(eq(agreements.id, agreementId));
}

type Delta = { day: string; status: Status; visibility: Visibility; delta: number };

/** A period adds one to its status on its first day and takes it away on the day it ends. */
export function periodDeltas(periods: readonly StatusPeriod[], visibility: Visibility, sign: 1 | -1): Delta[] {
  return periods.flatMap((p) => [
    { day: p.validFrom, status: p.status, visibility, delta: sign },
    ...(p.validTo ? [{ day: p.validTo, status: p.status, visibility, delta: -sign }] : []),
  ]);
}

async function applyDayDeltas(ctx: Context, deltas: Delta[]): Promise<void> {
  const net = new Map<string, Delta>();
  for (const d of deltas) {
    const key = `${d.day}|${d.status}|${d.visibility}`;
    const sum = net.get(key) ?? { ...d, delta: 0 };
    sum.delta += d.delta;
    net.set(key, sum);
  }
  const changed = [...net.values()].filter((d) => d.delta !== 0);
  if (!changed.length) return;
  await ctx.db
    .insert(statusDayDeltas)
    .values(changed)
    .onConflictDoUpdate({ target: [statusDayDeltas.status, statusDayDeltas.visibility, statusDayDeltas.day], set: { delta: sql`${statusDayDeltas.delta} + excluded.delta` } });
}

export async function refreshLabelCaches(ctx: Context, agreementId: number): Promise<void> {
  const partyRows = await ctx.db
    .select({ name: actors.name, code: actors.municipalityCode, kind: actors.kind, county: actors.countyCode, role: agreementParties.role })
    .from(agreementParties)
    .innerJoin(actors, eq(actors.id, agreementParties.actorId))
    .where(eq(agreementParties.agreementId, agreementId))
    .orderBy(asc(actors.name));
  // The list and its filters are about the body that holds the agreement now.
  const holders = partyRows.filter((p) => p.role === 'party');
  // A counterpart is found by its own names and those of every place it lies in.
  const places = await ctx.db
    .select({ id: counterparts.id, latin: counterparts.nameLatin, native: counterparts.nameNative, pinyin: counterparts.namePinyin })
    .from(counterparts)
    .where(
      sql`${counterparts.id} in (
        select ac.counterpart_id from ${agreementCounterparts} ac where ac.agreement_id = ${agreementId}
        union
        select unnest(c.ancestor_ids) from ${agreementCounterparts} ac join ${counterparts} c on c.id = ac.counterpart_id
        where ac.agreement_id = ${agreementId})`,
    );
  const direct = await ctx.db
    .select({ latin: counterparts.nameLatin, native: counterparts.nameNative })
    .from(agreementCounterparts)
    .innerJoin(counterparts, eq(counterparts.id, agreementCounterparts.counterpartId))
    .where(eq(agreementCounterparts.agreementId, agreementId))
    .orderBy(asc(counterparts.nameLatin));
  const [agreement] = await ctx.db.select({ officialTitle: agreements.officialTitle }).from(agreements).where(eq(agreements.id, agreementId));
  await ctx.db
    .update(agreements)
    .set({
      partyLabel: holders.map((p) => p.name).join(', '),
      counterpartLabel: direct.map((c) => (c.native ? `${c.latin} ${c.native}` : c.latin)).join(', '),
      partyKinds: [...new Set(holders.map((p) => p.kind))],
      partyCounties: [...new Set(holders.map((p) => p.county).filter((c): c is string => c !== null))],
      placeIds: places.map((p) => p.id).sort((a, b) => a - b),
      searchText: searchTextOf([
        ...partyRows.flatMap((p) => [p.name, p.code]),
        ...places.flatMap((p) => [p.latin, p.native, p.pinyin]),
        agreement?.officialTitle,
      ]),
    })
    .where(eq(agreements.id, agreementId));
}
