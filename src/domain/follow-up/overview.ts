// What an organisation's overview (/oversikt) shows of the organisation, the
// same for every person of it: its open follow-up points (the earliest due
// first), what needs a decision (reminders/due.ts) and its quiet period.
// Kept per data version and day (kept-answers.ts): its people's overviews
// read it once between two changes of the register, and every change (each
// is audited) or a new day reads it anew. The person's own points and
// calendar feeds are kept alike, per person (personalOverview).
import { quietAfterMonthsOf } from '../accounts/list-organisations.ts';
import type { Context } from '../context.ts';
import { keptPerVersion } from '../kept-answers.ts';
import { dueReminders, type Reminder } from '../reminders/due.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { calendarFeedsFromJson, calendarFeedsJson, type CalendarFeed } from '../reminders/feeds.ts';
import { openPointsOf, openPointsSelect, organisationOpenPoints, type OpenPoint } from './list.ts';

export interface OrganisationOverview {
  organisation: OpenPoint[];
  organisationOpen: number;
  organisationOverdue: number;
  quietAfterMonths: number;
  /** Every reminder of the organisation but its follow-up points, the earliest first. */
  reminders: Reminder[];
}

/** How many of each list the overview shows (all, up to a bound, when asked for). */
export const OVERVIEW_ROWS = 20;

const kept = keptPerVersion<OrganisationOverview>(512);

/** The organisation's part of a signed-in person's overview on `today`: at most `limit` of its open points. Shared among readers: not to be changed. */
export function organisationOverview(ctx: Context, today: string, limit: number): Promise<OrganisationOverview> {
  if (ctx.principal.kind !== 'user') throw new Error('organisationOverview: for a person of an organisation');
  const organisationId = ctx.principal.organisationId;
  return kept(ctx, `${organisationId}|${today}|${limit}`, async () => {
    const [points, quietAfterMonths, reminders] = await Promise.all([
      organisationOpenPoints(ctx, today, limit),
      quietAfterMonthsOf(ctx.db, organisationId),
      dueReminders(ctx.db, { today, organisationId, withoutPoints: true }),
    ]);
    return { ...points, quietAfterMonths, reminders };
  });
}

/** The signed-in person's part of the overview: their own open points (at most `limit`) and the calendar feeds they made that still work, newest first. */
export interface PersonalOverview {
  mine: OpenPoint[];
  mineOpen: number;
  mineOverdue: number;
  feeds: CalendarFeed[];
}

// A person's part is a few kB (at most OVERVIEW_ROWS points and their feeds): 1,024 people between two changes, about 10 MB at most.
const keptPersonal = keptPerVersion<PersonalOverview>(1024);

/**
 * Read in one statement and kept per data version and day, as the
 * organisation's part is: every change of a point moves the version, and so
 * does a feed made or revoked (reminders/feeds.ts audits both). The
 * overview's other reads are then the session and the data version.
 */
export function personalOverview(ctx: Context, userId: number, today: string, limit: number): Promise<PersonalOverview> {
  if (ctx.principal.kind !== 'user') throw new Error('personalOverview: for a person of an organisation');
  return keptPersonal(ctx, `${userId}|${today}|${limit}`, async () => {
    const [row] = await queryRows<{ points: string; open: number; overdue: number; feeds: string }>(
      ctx.db,
      sql`select o.*, ${calendarFeedsJson(userId)}::text as feeds from (${openPointsSelect(today, sql`p.owner_id = ${userId}`, limit)}) o`,
    );
    const { points, open, overdue } = openPointsOf(row!);
    return { mine: points, mineOpen: open, mineOverdue: overdue, feeds: calendarFeedsFromJson(row!.feeds) };
  });
}
