// Each agreement's kept latest sign of life (migration 0048): the triggers
// keep it whatever writes the rows, and the quiet agreements read from it
// are the ones read from the signs themselves. Generated agreements of one
// organisation with activities (to the day, month or year; past and
// planned), activities that serve them besides, and life events; then
// changes of every kind, each followed by the comparison on days before,
// on and after today. The system reads the kept column (reminders/due.ts
// quietAgreements); an editor of the organisation, who reads every row of
// it, reads the signs themselves: the two must agree.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { addOrganisation } from '../../src/domain/accounts/add-organisation.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { changeActivity, removeActivity } from '../../src/domain/activities/change.ts';
import { createAgreement } from '../../src/domain/agreements/create.ts';
import type { Context, Principal } from '../../src/domain/context.ts';
import { dueReminders, refreshLifeSignsStarted } from '../../src/domain/reminders/due.ts';
import { recordStatusEvent } from '../../src/domain/status/record-event.ts';
import { todayInStockholm } from '../../src/web/format.ts';
import { daysFromToday } from '../support/days.ts';
import { openTestDatabase, systemCtx, uniqueSlug, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let ctx: Context;
let organisationId: number;
let editor: Principal;
const TODAY = todayInStockholm();
const day = (offset: number) => daysFromToday(offset, TODAY);
/** Days the quiet agreements are compared on: long before, before and after the signs are kept, today, and after planned activities start to count. */
const DAYS = [day(-4000), day(-800), day(-30), TODAY, day(45), day(400), day(1200), day(3000)];
const agreementIds: number[] = [];
const activityIds: Array<{ id: number; agreementId: number; version: number }> = [];

// A small seeded generator, so that a failure can be run again as it was.
let seed = 20261207;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** A date between 3,000 days ago and 600 days ahead, to the day, month or year. */
function randomDate(): string {
  const d = day(Math.floor(random() * 3600) - 3000);
  return pick([d, d, d.slice(0, 7), d.slice(0, 4)]);
}

async function quiet(principal: Principal, today: string) {
  const due = await dueReminders(t.database.db, { today, organisationId, principal });
  return due
    .filter((r) => r.kind === 'quiet_agreement' && agreementIds.includes(r.subjectId))
    .map((r) => `${r.subjectId} ${r.occasion} ${r.lastSign}`)
    .sort();
}

/** The kept column and the signs themselves give the same quiet agreements on every day compared. */
async function expectKeptAsRead() {
  for (const today of DAYS) {
    const [kept, read] = await Promise.all([quiet({ kind: 'system', label: 'test', organisationId: 0 }, today), quiet(editor, today)]);
    expect(kept, `on ${today}`).toEqual(read);
  }
}

beforeAll(async () => {
  t = await openTestDatabase();
  ctx = systemCtx(t);
  const slug = uniqueSlug('livstecken');
  organisationId = (await addOrganisation({ ctx, input: { slug, name: 'Livstecken kommun' } })).id;
  editor = { kind: 'user', subject: 'redaktor@livstecken.se', organisationId, role: 'editor' };
  for (let i = 0; i < 24; i++) {
    const { id } = await createAgreement({ ctx, organisationId, input: { slug: `${slug}-${i}`, kind: 'vanort', parties: ['kalix'], counterparts: ['zhejiang'] } });
    agreementIds.push(id);
    if (i % 4 !== 3) await recordStatusEvent({ ctx, agreementId: id, input: { type: 'established', date: randomDate() } });
  }
  for (let i = 0; i < 60; i++) {
    const agreementId = pick(agreementIds);
    const others = agreementIds.filter((id) => id !== agreementId);
    const alsoServes = random() < 0.2 ? [await slugOf(pick(others))] : [];
    const row = await createActivity({
      ctx,
      agreementId,
      input: { kind: pick(['meeting', 'visit_outgoing', 'event'] as const), title: `Aktivitet ${i}`, date: randomDate(), visibility: pick(['public', 'shared', 'internal'] as const), alsoServes },
    });
    activityIds.push({ id: row.id, agreementId, version: row.version });
  }
});

afterAll(async () => {
  await t?.close();
});

async function slugOf(id: number) {
  const [row] = await queryRows<{ slug: string }>(t.database.db, sql`select slug from agreements where id = ${id}`);
  return row!.slug;
}

describe('the kept latest sign of life', () => {
  it('is what the signs themselves give, for generated agreements', async () => {
    // Every row is the organisation's, so its editor reads all the system reads.
    const foreign = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from (select organisation_id from activities where agreement_id in ${agreementIds}
        union all select organisation_id from status_events where agreement_id in ${agreementIds}) r where organisation_id <> ${organisationId}`,
    );
    expect(foreign[0]!.n).toBe(0);
    const all = await quiet(editor, day(3000));
    expect(all.length).toBeGreaterThan(10); // enough quiet agreements on the last day to compare
    await expectKeptAsRead();
  });

  it('holds what it was made of: the latest day and its date as written, and the first planned sign', async () => {
    const id = agreementIds[3]!; // no established event (i % 4 === 3)
    await queryRows(t.database.db, sql`delete from activities where agreement_id = ${id}`);
    await queryRows(t.database.db, sql`delete from activity_agreements where agreement_id = ${id}`);
    await recordStatusEvent({ ctx, agreementId: id, input: { type: 'renewed', date: '2016-05' } });
    await createActivity({ ctx, agreementId: id, input: { kind: 'meeting', title: 'Planerat möte', date: day(200) } });
    const [row] = await queryRows<Record<string, string | null>>(
      t.database.db,
      sql`select life_sign_day::text as day, life_sign_written as written, life_sign_pending_from::text as pending, life_signs_as_of::text as "asOf" from agreements where id = ${id}`,
    );
    expect(row).toMatchObject({ day: '2016-05-31', written: '2016-05', pending: day(200) });
    expect(row!.asOf! <= TODAY).toBe(true);
    await expectKeptAsRead();
  });

  it('follows activities changed, moved to another agreement and removed', async () => {
    for (const activity of activityIds.slice(0, 12)) {
      const agreement = { id: activity.agreementId, organisationId };
      const date = randomDate();
      const changed = await changeActivity({ ctx, agreement, id: activity.id, input: { kind: 'meeting', title: 'Ändrad', date, visibility: 'public', alsoServes: [] } });
      activity.version = changed.version;
    }
    await expectKeptAsRead();
    // Moved by a write beside the verbs (an import, a repair): the triggers keep both agreements.
    await queryRows(t.database.db, sql`update activities set agreement_id = ${agreementIds[0]!} where id = ${activityIds[20]!.id}`);
    await queryRows(t.database.db, sql`update activities set date = '2025', date_min = '2025-01-01' where id = ${activityIds[21]!.id}`);
    await expectKeptAsRead();
    for (const activity of activityIds.slice(30, 40)) {
      await removeActivity({ ctx, agreement: { id: activity.agreementId, organisationId }, id: activity.id, input: {} });
    }
    await expectKeptAsRead();
  });

  it('follows the agreements an activity serves besides, and life events removed and changed', async () => {
    const activity = activityIds[45]!;
    const other = agreementIds.find((id) => id !== activity.agreementId)!;
    await queryRows(t.database.db, sql`delete from activity_agreements where activity_id = ${activity.id}`);
    await queryRows(t.database.db, sql`insert into activity_agreements (activity_id, agreement_id) values (${activity.id}, ${other})`);
    await expectKeptAsRead();
    await queryRows(t.database.db, sql`delete from activity_agreements where activity_id in (select id from activities where agreement_id in ${agreementIds.slice(0, 8)})`);
    await queryRows(t.database.db, sql`update status_events set type = 'paused' where agreement_id in ${agreementIds.slice(0, 6)} and type = 'established'`);
    await queryRows(t.database.db, sql`delete from status_events where agreement_id in ${agreementIds.slice(6, 10)}`);
    await expectKeptAsRead();
  });

  it('reads the signs themselves once a planned sign has started to count, until the reminder run keeps them anew', async () => {
    const id = agreementIds[3]!;
    const kept = () =>
      queryRows<{ day: string | null; pending: string | null }>(t.database.db, sql`select life_sign_day::text as day, life_sign_pending_from::text as pending from agreements where id = ${id}`);
    const [before] = await kept();
    // As if kept long ago, before a planned sign that has started to count since: the kept day is not read.
    await queryRows(t.database.db, sql`update agreements set life_sign_day = '1990-01-01', life_sign_pending_from = ${day(-1)} where id = ${id}`);
    await expectKeptAsRead();
    await refreshLifeSignsStarted(t.database.db);
    expect((await kept())[0]).toEqual(before);
    await expectKeptAsRead();
  });
});
