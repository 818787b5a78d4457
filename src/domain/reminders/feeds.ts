// Calendar feeds: a secret address per feed that a calendar program
// subscribes to. A person makes their own feed (their follow-up points and
// the articles they keep, and their organisation's expiring and quiet agreements) or, as an editor or
// administrator, the organisation's (every open point too). The address is
// shown once; revoking it ends it, as does disabling its maker.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarFeeds, users, type CalendarScope } from '../../db/schema.ts';
import { hashOf, newSecret } from '../accounts/secret-token.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import type { Principal } from '../context.ts';
import { audit } from '../audit.ts';
import { dueReminders, type Reminder } from './due.ts';

/** The person a feed is made for: a signed-in user of an organisation. */
export interface FeedMaker {
  userId: number;
  principal: Principal;
}

const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

function organisationOf(principal: Principal): number {
  if (principal.kind !== 'user') throw forbidden('a calendar feed belongs to a person of an organisation');
  return principal.organisationId;
}

/** Makes a feed; the only time its token is known. */
export async function makeCalendarFeed(db: Db, maker: FeedMaker, scope: string): Promise<{ id: number; token: string }> {
  if (scope !== 'person' && scope !== 'organisation') throw invalid([{ field: 'scope', message: 'must be person or organisation' }]);
  const organisationId = organisationOf(maker.principal);
  if (scope === 'organisation' && maker.principal.kind === 'user' && maker.principal.role !== 'editor' && maker.principal.role !== 'admin') {
    throw forbidden("only the organisation's editors and administrators make its calendar feed");
  }
  const token = newSecret();
  // Audited (never the token), so the data version moves: the overview that lists a person's feeds is kept per version.
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(calendarFeeds).values({ userId: maker.userId, organisationId, scope, tokenHash: hashOf(token) }).returning({ id: calendarFeeds.id });
    await audit({ db: tx, principal: maker.principal }, { action: 'calendar_feed.make', entityType: 'calendar_feed', entityId: row!.id, after: { scope, userId: maker.userId }, organisationId });
    return { id: row!.id, token };
  });
}

export interface CalendarFeed {
  id: number;
  scope: CalendarScope;
  createdAt: Date;
}

/** The maker's feeds that still work, newest first (never their tokens), as a JSON array in SQL; read by calendarFeedsFromJson. */
export const calendarFeedsJson = (userId: number) =>
  sql`coalesce((select json_agg(json_build_object('id', f.id, 'scope', f.scope, 'createdAt', f.created_at) order by f.id desc)
    from calendar_feeds f where f.user_id = ${userId} and f.revoked_at is null), '[]')`;

export const calendarFeedsFromJson = (json: string): CalendarFeed[] =>
  (JSON.parse(json) as Array<{ id: number; scope: CalendarScope; createdAt: string }>).map((f) => ({ ...f, createdAt: new Date(f.createdAt) }));

/** Ends one of the maker's feeds; audited, as making it is. */
export async function revokeCalendarFeed(db: Db, maker: FeedMaker, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const done = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.userId, maker.userId), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id, scope: calendarFeeds.scope, organisationId: calendarFeeds.organisationId });
    if (!done.length) throw notFound('calendar feed');
    await audit({ db: tx, principal: maker.principal }, { action: 'calendar_feed.revoke', entityType: 'calendar_feed', entityId: id, before: { scope: done[0]!.scope, userId: maker.userId }, organisationId: done[0]!.organisationId });
  });
}

/** What the feed at `token` holds on `today`, or null for an unknown, revoked or disabled one (the caller answers 404 alike). */
export async function readCalendarFeed(db: Db, token: string, today: string): Promise<{ scope: CalendarScope; reminders: Reminder[] } | null> {
  const [feed] = await db
    .select({ scope: calendarFeeds.scope, organisationId: calendarFeeds.organisationId, email: users.email, disabledAt: users.disabledAt, userOrganisation: users.organisationId })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashOf(token)), isNull(calendarFeeds.revokedAt)));
  // A person moved to another organisation no longer reads the old one's.
  if (!feed || feed.disabledAt || feed.userOrganisation !== feed.organisationId) return null;
  const all = await dueReminders(db, { today, organisationId: feed.organisationId });
  // A person's feed holds their own points and articles, and the organisation's agreements.
  const personal = (r: Reminder) => r.kind === 'follow_up_due' || r.kind === 'article_review';
  const reminders = feed.scope === 'organisation' ? all : all.filter((r) => !personal(r) || r.recipients.includes(feed.email));
  return { scope: feed.scope, reminders };
}
