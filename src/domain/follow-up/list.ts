import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { ActivityKind, FollowUpState, FundingSource } from '../../db/schema.ts';
import { canReadAlias, canReadFollowUp, canReadParticipantNames } from '../access.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { activitiesOf, activityLinksJson, type ActivityAgreementLink, type ActivityPlace } from '../activities/links.ts';
import { citationsOn, type RecordCitation } from '../sources/cited-on.ts';

export interface FollowUpPoint {
  id: number;
  activityId: number;
  text: string;
  ownerName: string;
  ownerEmail: string;
  dueOn: string;
  state: FollowUpState;
  stateComment: string | null;
  version: number;
}

export interface ActivityWithPoints {
  id: number;
  kind: ActivityKind;
  title: string;
  titleEn: string | null;
  date: string;
  participants: string | null;
  participantsEn: string | null;
  /** An incoming delegation's name and leading persons: personal data, null and empty for the public. */
  delegationName: string | null;
  delegationPersons: string[];
  purpose: string | null;
  purposeEn: string | null;
  outcome: string | null;
  outcomeEn: string | null;
  costSek: number | null;
  /** The cost by category, and the head counts by group: null where not given. */
  costTravelSek: number | null;
  costHospitalitySek: number | null;
  costProjectSek: number | null;
  costOtherSek: number | null;
  funding: FundingSource[];
  participantsPoliticians: number | null;
  participantsOfficials: number | null;
  participantsCompanies: number | null;
  participantsEducation: number | null;
  participantsStudents: number | null;
  visibility: string;
  /** Moves with every change: a change sends the version it was made on. */
  version: number;
  /** The action-plan goal it serves, if any. */
  actionPlanGoalId: number | null;
  /** The agreements it serves that the reader may read, the one it is recorded under first. */
  agreements: ActivityAgreementLink[];
  /** Where it took place, from the register. */
  places: ActivityPlace[];
  /** The sources cited for it that the reader may read, oldest first, each with its citation's id (how it is removed). */
  sources: RecordCitation[];
  /** Its follow-up points, for those who may read them (canReadFollowUp); otherwise empty. */
  points: FollowUpPoint[];
}

const POINT_COLUMNS = sql`p.id, p.activity_id as "activityId", p.text, u.display_name as "ownerName", u.email as "ownerEmail", p.due_on::text as "dueOn",
  p.state, p.state_comment as "stateComment", p.version`;

/**
 * The activities of an agreement the caller may read (findAgreementBySlug),
 * newest first, with their follow-up points where the caller may read those;
 * `only`: the one activity of that id (none when the caller may not read it).
 */
export async function activitiesOfAgreement(ctx: Context, agreement: { id: number; organisationId: number }, only?: number): Promise<ActivityWithPoints[]> {
  const one = only === undefined ? sql`true` : sql`a.id = ${only}`;
  const participantNames = canReadParticipantNames(ctx.principal)
    ? sql`a.participants, a.participants_en as "participantsEn", a.delegation_name as "delegationName", a.delegation_persons as "delegationPersons"`
    : sql`null as participants, null as "participantsEn", null as "delegationName", '{}'::text[] as "delegationPersons"`;
  const rows = await queryRows<Omit<ActivityWithPoints, 'points' | 'agreements' | 'places' | 'sources'> & { links: string }>(
    ctx.db,
    sql`select a.id, a.kind, a.title, a.title_en as "titleEn", a.date, ${participantNames}, a.purpose, a.purpose_en as "purposeEn",
          a.outcome, a.outcome_en as "outcomeEn", a.cost_sek as "costSek", a.cost_travel_sek as "costTravelSek", a.cost_hospitality_sek as "costHospitalitySek",
          a.cost_project_sek as "costProjectSek", a.cost_other_sek as "costOtherSek", a.funding, a.participants_politicians as "participantsPoliticians",
          a.participants_officials as "participantsOfficials", a.participants_companies as "participantsCompanies", a.participants_education as "participantsEducation",
          a.participants_students as "participantsStudents", a.visibility, a.version,
          -- The goal only where the reader may read its plan: an internal plan's goal is not named to the public.
          (select g.id from action_plan_goals g join action_plans p on p.id = g.action_plan_id where g.id = a.action_plan_goal_id and ${canReadAlias(ctx.principal, 'p')}) as "actionPlanGoalId",
          json_build_object(${activityLinksJson(ctx.principal, 'a')})::text as links
        from ${activitiesOf(sql`${agreement.id}`)} a where ${one} and ${canReadAlias(ctx.principal, 'a')}
        order by a.date_min desc nulls last, a.id desc`,
  );
  if (!rows.length) return [];
  const [points, cited] = await Promise.all([
    canReadFollowUp(ctx.principal, agreement)
      ? queryRows<FollowUpPoint>(
          ctx.db,
          sql`select ${POINT_COLUMNS} from follow_up_points p join users u on u.id = p.owner_id
              where p.agreement_id = ${agreement.id} and ${only === undefined ? sql`true` : sql`p.activity_id = ${only}`} order by p.due_on, p.id`,
        )
      : [],
    citationsOn(ctx, 'activity', rows.map((a) => a.id)),
  ]);
  return rows.map(({ links, ...a }) => ({
    ...a,
    ...(JSON.parse(links) as Pick<ActivityWithPoints, 'agreements' | 'places'>),
    sources: cited.filter((c) => c.subjectId === a.id).map(({ subjectId: _activity, ...c }) => c),
    points: points.filter((p) => p.activityId === a.id),
  }));
}

/** One follow-up point of the agreement as the lists show it, for those who may read it (canReadFollowUp); NOT_FOUND otherwise. */
export async function followUpPointOf(ctx: Context, agreement: { id: number; organisationId: number }, id: number): Promise<FollowUpPoint> {
  const [point] = canReadFollowUp(ctx.principal, agreement)
    ? await queryRows<FollowUpPoint>(ctx.db, sql`select ${POINT_COLUMNS} from follow_up_points p join users u on u.id = p.owner_id where p.agreement_id = ${agreement.id} and p.id = ${id}`)
    : [];
  if (!point) throw notFound('follow-up point');
  return point;
}

export interface OpenPoint extends FollowUpPoint {
  agreementSlug: string;
  partyLabel: string;
  counterpartLabel: string;
  activityTitle: string;
  activityDate: string;
  overdue: boolean;
}

/**
 * The select of the open points `where` selects (`p` the point): `points`, at
 * most `limit` of them as JSON text, the earliest due first, with `open`, how
 * many there are, and `overdue`, how many are overdue on `today`. One
 * statement: each round trip costs the server and PostgreSQL a socket write
 * and read, which under load is more than reading the rows.
 */
export function openPointsSelect(today: string, where: SQL, limit: number): SQL {
  return sql`select coalesce((select json_agg(x order by x."dueOn", x.id) from (
            select ${POINT_COLUMNS}, g.slug as "agreementSlug", g.party_label as "partyLabel", g.counterpart_label as "counterpartLabel",
              a.title as "activityTitle", a.date as "activityDate", p.due_on < ${today}::date as overdue
            from follow_up_points p join users u on u.id = p.owner_id join activities a on a.id = p.activity_id join agreements g on g.id = p.agreement_id
            where p.state = 'open' and ${where} order by p.due_on, p.id limit ${limit}) x), '[]')::text as points, c.open, c.overdue
          from (select count(*)::int as open, count(*) filter (where p.due_on < ${today}::date)::int as overdue from follow_up_points p where p.state = 'open' and ${where}) c`;
}

/** A row of openPointsSelect, read. */
export const openPointsOf = (row: { points: string; open: number; overdue: number }) => ({ points: JSON.parse(row.points) as OpenPoint[], open: row.open, overdue: row.overdue });

async function openPoints(ctx: Context, today: string, where: SQL, limit: number): Promise<{ points: OpenPoint[]; open: number; overdue: number }> {
  const [row] = await queryRows<{ points: string; open: number; overdue: number }>(ctx.db, openPointsSelect(today, where, limit));
  return openPointsOf(row!);
}

/** The signed-in person's own open points (at most `limit`); none for anyone who is not a person of an organisation. */
export async function myOpenPoints(ctx: Context, today: string, limit = 200): Promise<{ mine: OpenPoint[]; mineOpen: number; mineOverdue: number }> {
  const p = ctx.principal;
  if (p.kind !== 'user') return { mine: [], mineOpen: 0, mineOverdue: 0 };
  const { points, open, overdue } = await openPoints(ctx, today, sql`p.owner_id = (select id from users where email = ${p.subject})`, limit);
  return { mine: points, mineOpen: open, mineOverdue: overdue };
}

/** The open points of the signed-in person's organisation (at most `limit`); the same for every person of it. */
export async function organisationOpenPoints(
  ctx: Context,
  today: string,
  limit = 200,
): Promise<{ organisation: OpenPoint[]; organisationOpen: number; organisationOverdue: number }> {
  const p = ctx.principal;
  if (p.kind !== 'user') return { organisation: [], organisationOpen: 0, organisationOverdue: 0 };
  const { points, open, overdue } = await openPoints(ctx, today, sql`p.organisation_id = ${p.organisationId}`, limit);
  return { organisation: points, organisationOpen: open, organisationOverdue: overdue };
}

/**
 * The open follow-up points a signed-in person works on: their own, and
 * their organisation's (each list at most `limit`, the earliest due first);
 * `overdue` when due before `today` (a day in Stockholm). Empty for anyone
 * who is not a person of an organisation.
 */
export async function openFollowUp(
  ctx: Context,
  today: string,
  limit = 200,
): Promise<{ mine: OpenPoint[]; organisation: OpenPoint[]; mineOpen: number; mineOverdue: number; organisationOpen: number; organisationOverdue: number }> {
  const [mine, organisation] = await Promise.all([myOpenPoints(ctx, today, limit), organisationOpenPoints(ctx, today, limit)]);
  return { ...mine, ...organisation };
}
