import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { ActivityKind, FollowUpState } from '../../db/schema.ts';
import { canReadAlias, canReadFollowUp } from '../access.ts';
import type { Context } from '../context.ts';

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
  purpose: string | null;
  outcome: string | null;
  costSek: number | null;
  visibility: string;
  /** The action-plan goal it serves, if any. */
  actionPlanGoalId: number | null;
  /** Its follow-up points, for those who may read them (canReadFollowUp); otherwise empty. */
  points: FollowUpPoint[];
}

const POINT_COLUMNS = sql`p.id, p.activity_id as "activityId", p.text, u.display_name as "ownerName", u.email as "ownerEmail", p.due_on::text as "dueOn",
  p.state, p.state_comment as "stateComment", p.version`;

/** The activities of an agreement the caller may read (findAgreementBySlug), newest first, with their follow-up points where the caller may read those. */
export async function activitiesOfAgreement(ctx: Context, agreement: { id: number; organisationId: number }): Promise<ActivityWithPoints[]> {
  const rows = await queryRows<Omit<ActivityWithPoints, 'points'>>(
    ctx.db,
    sql`select a.id, a.kind, a.title, a.title_en as "titleEn", a.date, a.purpose, a.outcome, a.cost_sek as "costSek", a.visibility, a.action_plan_goal_id as "actionPlanGoalId"
        from activities a where a.agreement_id = ${agreement.id} and ${canReadAlias(ctx.principal, 'a')}
        order by a.date_min desc nulls last, a.id desc`,
  );
  const points = canReadFollowUp(ctx.principal, agreement)
    ? await queryRows<FollowUpPoint>(
        ctx.db,
        sql`select ${POINT_COLUMNS} from follow_up_points p join users u on u.id = p.owner_id
            where p.agreement_id = ${agreement.id} order by p.due_on, p.id`,
      )
    : [];
  return rows.map((a) => ({ ...a, points: points.filter((p) => p.activityId === a.id) }));
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
 * The open follow-up points a signed-in person works on: their own, and
 * their organisation's (each list at most `limit`, the earliest due first);
 * `overdue` when due before `today` (a day in Stockholm). Empty for anyone
 * who is not a person of an organisation.
 */
export async function openFollowUp(ctx: Context, today: string, limit = 200): Promise<{ mine: OpenPoint[]; organisation: OpenPoint[]; organisationOpen: number; organisationOverdue: number }> {
  const p = ctx.principal;
  if (p.kind !== 'user') return { mine: [], organisation: [], organisationOpen: 0, organisationOverdue: 0 };
  const select = (where: ReturnType<typeof sql>) =>
    queryRows<OpenPoint>(
      ctx.db,
      sql`select ${POINT_COLUMNS}, g.slug as "agreementSlug", g.party_label as "partyLabel", g.counterpart_label as "counterpartLabel",
            a.title as "activityTitle", a.date as "activityDate", p.due_on < ${today}::date as overdue
          from follow_up_points p join users u on u.id = p.owner_id join activities a on a.id = p.activity_id join agreements g on g.id = p.agreement_id
          where p.state = 'open' and ${where} order by p.due_on, p.id limit ${limit}`,
    );
  const [mine, organisation, [counts]] = await Promise.all([
    select(sql`p.owner_id = (select id from users where email = ${p.subject})`),
    select(sql`p.organisation_id = ${p.organisationId}`),
    queryRows<{ open: number; overdue: number }>(
      ctx.db,
      sql`select count(*)::int as open, count(*) filter (where due_on < ${today}::date)::int as overdue from follow_up_points where organisation_id = ${p.organisationId} and state = 'open'`,
    ),
  ]);
  return { mine, organisation, organisationOpen: counts!.open, organisationOverdue: counts!.overdue };
}
