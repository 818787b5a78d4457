// What needs someone's attention, on a given day: follow-up points due soon
// or overdue, agreements that expire soon or have expired while in force
// (their recorded end, or the end of a fixed term reckoned from its months),
// the last day to give notice before an automatic renewal, action plans
// whose period has ended (or soon ends) with no review, and quiet agreements
// (in force, no sign of life for the organisation's chosen months), and
// the knowledge base's articles whose review day has come, for their owner
// (a withdrawn article is not reminded of). The
// overview page, the calendar feeds and the e-mail job read the same list,
// so that they never disagree.
//
// A term reckoned from a start not known to the day (a year, a month) gives
// no day, so no reminder: agreements/renewal-dates.ts says so instead.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { ReminderKind } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import type { Principal } from '../context.ts';
import { parseFuzzyDate } from '../dates.ts';
import { activityLatestDay } from '../activities/latest-day.ts';
import { activitiesOf } from '../activities/links.ts';
import { renewalDates } from '../agreements/renewal-dates.ts';
import { termRenewedOn, termStart } from '../agreements/stored-renewal.ts';

/** Days before its due day that a follow-up point is reminded of. */
export const POINT_LEAD_DAYS = 7;
/** Days before its expiry, before the last day to give notice, or before an action plan's period ends, that it is reminded of. */
export const EXPIRY_LEAD_DAYS = 90;
/** Event types that say an agreement lives: each is a sign of life, as a recorded activity is. */
const LIFE_EVENTS = ['established', 'renewed', 'activity_observed', 'resumed'] as const;
const SYSTEM: Principal = { kind: 'system', label: 'reminders', organisationId: 0 };

/**
 * `from … where …` of the quiet agreements on `today` as `principal` may
 * read them (`g` the agreement, `o` its organisation, `l.last_sign` the
 * latest day of its last sign of life, `l.last_sign_written` that sign's date
 * as its source gives it): active, and the last sign of life the principal may read,
 * an activity or an event that says the tie lives (at its latest possible
 * day, and no later than `today`), plus the organisation's quiet months, is
 * `today` or earlier. The reminders read all of it; the public statistics
 * only what is public; the yearly report what its reader may read.
 */
export function quietAgreements(principal: Principal, today: string, { statusOnDay = false } = {}): SQL {
  // In force on `today`: today's status, or for a day past (a past year's report) the status periods' (status/derive-status.ts).
  const active = statusOnDay
    ? sql`exists (select 1 from agreement_status_periods sp where sp.agreement_id = g.id and sp.status = 'active' and daterange(sp.valid_from, sp.valid_to, '[)') @> ${today}::date)`
    : sql`g.current_status = 'active'`;
  const signs = sql`select s.day as last_sign, s.written as last_sign_written from (
        select ${activityLatestDay('a')} as day, a.date as written from ${activitiesOf(sql`g.id`)} a
          where a.date_min <= ${today}::date and ${canReadAlias(principal, 'a')}
        union all
        select e.date_max, e.date from status_events e
          where e.agreement_id = g.id and e.date_max <= ${today}::date and ${canReadAlias(principal, 'e')}
            and e.type in (${sql.join(
              LIFE_EVENTS.map((t) => sql`${t}`),
              sql`, `,
            )})
      ) s where s.day is not null order by s.day desc, length(s.written) desc, s.written desc limit 1`;
  // The system reads every sign: the agreement's kept latest sign (migration 0048) where it holds for `today`, the signs themselves where not.
  const kept = sql`coalesce(g.life_signs_as_of <= ${today}::date and (g.life_sign_pending_from is null or g.life_sign_pending_from > ${today}::date), false)`;
  const lastSign =
    principal.kind === 'system' && !statusOnDay
      ? sql`(select g.life_sign_day as last_sign, g.life_sign_written as last_sign_written where ${kept}
          union all select * from (${signs}) live where not ${kept})`
      : sql`(${signs})`;
  return sql`from agreements g join organisations o on o.id = g.organisation_id
    cross join lateral ${lastSign} l
    where ${active} and ${canReadAlias(principal, 'g')}
      and l.last_sign + make_interval(months => o.quiet_after_months) <= ${today}::date`;
}

/**
 * Keeps anew the latest sign of life of the agreements whose planned activity
 * has started to count since it was kept (migration 0048): until then the
 * quiet agreements read their signs themselves. Run before each reminder run.
 */
export async function refreshLifeSignsStarted(db: Db): Promise<void> {
  await db.execute(sql`select refresh_life_signs(array(select id from agreements where life_sign_pending_from <= (now() at time zone 'UTC')::date))`);
}

export interface Reminder {
  kind: ReminderKind;
  /** The follow-up point's id, the action plan's, the agreement's, or the article's. */
  subjectId: number;
  /** The day it is about: the point's due day, the agreement's expiry, the last day to give notice, the day the plan's period ends, the day the agreement became quiet, the article's review day. */
  occasion: string;
  /** The organisation it belongs to; an article's review, its owner's. */
  organisationId: number;
  /** The agreement it is about; an article's review is about none. */
  agreementSlug: string | null;
  agreementName: string | null;
  /** For an article's review: its address under /kunskap. */
  articleSlug?: string;
  /** The point's text, the plan's title, the agreement's official title, or the article's Swedish title. */
  text: string | null;
  /** The article's English title. */
  textEn?: string;
  /** For a notice: the renewal it stops (YYYY-MM-DD). */
  renewsOn?: string;
  /** For a quiet agreement: the date of its last sign of life, as its source gives it (EDTF: 2015, 2015-03, 2015-03-04). */
  lastSign?: string;
  /** Who is told: the point's owner, or the organisation's active editors and administrators. */
  recipients: string[];
}

export interface DueQuery {
  /** The day in Stockholm (YYYY-MM-DD). */
  today: string;
  /** One organisation's, or the whole register's. */
  organisationId?: number;
  /** Only the points and articles this person owns (and no agreement reminders). */
  ownerEmail?: string;
  /** Read as this principal may (the yearly report's reader); the reminders read everything. */
  principal?: Principal;
  /** Quiet agreements in force on `today` by the status periods, not today's status: `today` is a day past (a past year's report). */
  statusOnDay?: boolean;
  /** Leave out the follow-up points (the overview lists them on its own). */
  withoutPoints?: boolean;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Every reminder due on `today`, the earliest occasion first. */
export async function dueReminders(db: Db, query: DueQuery): Promise<Reminder[]> {
  const byOrganisation = (column: SQL) => (query.organisationId === undefined ? sql`true` : sql`${column} = ${query.organisationId}`);
  const points = query.withoutPoints
    ? []
    : await queryRows<Omit<Reminder, 'kind' | 'recipients'> & { owner: string; ownerActive: boolean }>(
    db,
    sql`select p.id as "subjectId", p.due_on::text as occasion, p.organisation_id as "organisationId", g.slug as "agreementSlug",
          g.party_label || ' – ' || g.counterpart_label as "agreementName", p.text, u.email as owner, u.disabled_at is null as "ownerActive"
        from follow_up_points p join users u on u.id = p.owner_id join agreements g on g.id = p.agreement_id
        where p.state = 'open' and p.due_on <= ${addDays(query.today, POINT_LEAD_DAYS)}::date and ${byOrganisation(sql`p.organisation_id`)}
          and ${canReadAlias(query.principal ?? SYSTEM, 'g')}
          and ${query.ownerEmail === undefined ? sql`true` : sql`u.email = ${query.ownerEmail}`}`,
  );
  const reminders: Reminder[] = points.map(({ owner, ownerActive, ...p }) => ({ ...p, kind: 'follow_up_due', recipients: ownerActive ? [owner] : [] }));
  // Articles are public: whoever reads the reminders may read them. Reminded from the review day on, until a new version sets another.
  const articles = await queryRows<{ subjectId: number; occasion: string; organisationId: number; articleSlug: string; text: string; textEn: string; owner: string; ownerActive: boolean }>(
    db,
    sql`select k.id as "subjectId", k.review_on::text as occasion, u.organisation_id as "organisationId", k.slug as "articleSlug", k.title_sv as text, k.title_en as "textEn",
          u.email as owner, u.disabled_at is null as "ownerActive"
        from knowledge_articles k join users u on u.id = k.owner_id
        where k.withdrawn_at is null and k.review_on <= ${query.today}::date and ${byOrganisation(sql`u.organisation_id`)}
          and ${query.ownerEmail === undefined ? sql`true` : sql`u.email = ${query.ownerEmail}`}`,
  );
  reminders.push(...articles.map(({ owner, ownerActive, ...a }) => ({ ...a, kind: 'article_review' as const, agreementSlug: null, agreementName: null, recipients: ownerActive ? [owner] : [] })));
  if (query.ownerEmail === undefined) reminders.push(...(await agreementReminders(db, query, byOrganisation)));
  return reminders.sort((a, b) => a.occasion.localeCompare(b.occasion) || a.kind.localeCompare(b.kind) || a.subjectId - b.subjectId);
}

async function agreementReminders(db: Db, { today, principal = SYSTEM, statusOnDay }: DueQuery, byOrganisation: (column: SQL) => SQL): Promise<Reminder[]> {
  const editors = (organisation: SQL) => sql`coalesce((select array_agg(u.email order by u.email) from users u
      where u.organisation_id = ${organisation} and u.role in ('editor', 'admin') and u.disabled_at is null), '{}')`;
  // Expiry and notice: an agreement in force with an end day, or with a term in months. Its term runs from its signing,
  // or else from its establishment as the first such event (earliest first) gives it, at that date's precision.
  const ending = await queryRows<{
    id: number;
    endsOn: string | null;
    start: string | null;
    renewedOn: string | null;
    termMonths: number | null;
    renewalMonths: number | null;
    noticeMonths: number | null;
    noticeDays: number | null;
    organisationId: number;
    slug: string;
    name: string;
    title: string | null;
    recipients: string[];
  }>(
    db,
    sql`select g.id, g.ends_on as "endsOn", ${termStart(principal)} as start, ${termRenewedOn(principal)} as "renewedOn",
          g.term_months as "termMonths", g.renewal_months as "renewalMonths", g.notice_months as "noticeMonths", g.notice_days as "noticeDays",
          g.organisation_id as "organisationId", g.slug, g.party_label || ' – ' || g.counterpart_label as name,
          g.official_title as title, ${editors(sql`g.organisation_id`)} as recipients
        from agreements g where (g.ends_on is not null or g.term_months is not null) and g.current_status in ('active', 'dormant', 'paused', 'partly_ended')
          and ${canReadAlias(principal, 'g')} and ${byOrganisation(sql`g.organisation_id`)}`,
  );
  const horizon = addDays(today, EXPIRY_LEAD_DAYS);
  const reminders: Reminder[] = [];
  for (const g of ending) {
    const about = { subjectId: g.id, organisationId: g.organisationId, agreementSlug: g.slug, agreementName: g.name, text: g.title, recipients: g.recipients };
    if (g.endsOn !== null) {
      let occasion: string | null;
      try {
        // The earliest day it can end; an end known only as "by then" ("../2026-05"), its latest.
        const end = parseFuzzyDate(g.endsOn);
        occasion = end.min ?? end.max;
      } catch {
        occasion = null; // an end the register cannot read as a date is shown on the agreement, not reminded of
      }
      if (occasion && occasion <= horizon) reminders.push({ ...about, kind: 'agreement_expires', occasion });
      continue; // a recorded end is the agreement's end, whatever its term would give
    }
    const dates = renewalDates(g, today);
    if (dates.kind === 'expires' && dates.on <= horizon) reminders.push({ ...about, kind: 'agreement_expires', occasion: dates.on });
    if (dates.kind === 'renews' && dates.nextNotice && dates.nextNotice.noticeBy <= horizon) {
      reminders.push({ ...about, kind: 'notice_due', occasion: dates.nextNotice.noticeBy, renewsOn: dates.nextNotice.renewsOn });
    }
  }
  // Action plans not reviewed, whose period has ended or ends within the lead days: the end is the latest day the period's end can be.
  const plans = await queryRows<{ id: number; periodTo: string; organisationId: number; slug: string; name: string; title: string; recipients: string[] }>(
    db,
    sql`select p.id, p.period_to as "periodTo", p.organisation_id as "organisationId", g.slug, g.party_label || ' – ' || g.counterpart_label as name,
          p.title, ${editors(sql`p.organisation_id`)} as recipients
        from action_plans p join agreements g on g.id = p.agreement_id
        where p.reviewed_on is null and ${canReadAlias(principal, 'p')} and ${byOrganisation(sql`p.organisation_id`)}`,
  );
  for (const p of plans) {
    let end: string | null;
    try {
      const period = parseFuzzyDate(p.periodTo);
      end = period.max ?? period.min;
    } catch {
      end = null;
    }
    if (end && end <= horizon) {
      reminders.push({ kind: 'action_plan_review', subjectId: p.id, occasion: end, organisationId: p.organisationId, agreementSlug: p.slug, agreementName: p.name, text: p.title, recipients: p.recipients });
    }
  }
  // Quiet: in force (active), and the last sign of life plus the organisation's months is today or earlier.
  const quiet = await queryRows<Omit<Reminder, 'kind'>>(
    db,
    sql`select g.id as "subjectId", (l.last_sign + make_interval(months => o.quiet_after_months))::date::text as occasion, l.last_sign_written as "lastSign",
          g.organisation_id as "organisationId", g.slug as "agreementSlug", g.party_label || ' – ' || g.counterpart_label as "agreementName",
          g.official_title as text, ${editors(sql`g.organisation_id`)} as recipients
        ${quietAgreements(principal, today, { statusOnDay })} and ${byOrganisation(sql`g.organisation_id`)}`,
  );
  reminders.push(...quiet.map((q) => ({ ...q, kind: 'quiet_agreement' as const })));
  return reminders;
}
