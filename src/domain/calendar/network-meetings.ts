// Networks' meetings in the shared calendar of visits (coordination issue,
// point 4): the meetings of the networks the reader may read (a public
// network's for everyone, a shared one's for the signed-in, an internal
// one's for its members: canReadNetworkAlias), in a period, marked as
// network meetings. A meeting has no direction and no place in China: the
// calendar narrowed to either shows none; narrowed to a county, those of the
// networks that serve it. Only the date, the place and the network's name
// are read: the agenda and the minutes stay on the meeting's page. An ended
// network's meetings after its end are left out: they will not be held.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { canReadNetworkAlias } from '../access.ts';
import type { Context } from '../context.ts';
import { parseInput } from '../validate.ts';
import { calendarQuerySchema, VISITS_SHOWN } from './visits.ts';

export interface CalendarNetworkMeeting {
  id: number;
  networkId: number;
  networkName: string;
  /** EDTF, at the precision known. */
  heldOn: string;
  heldMin: string;
  /** Known to the day; otherwise only to its month or year. */
  exactDay: boolean;
  place: string | null;
  visibility: string;
}

/** The meetings from `from` to `to` (days, inclusive) the reader may read, earliest first (at most VISITS_SHOWN). */
export async function networkMeetingsBetween(ctx: Context, input: unknown, from: string, to: string): Promise<CalendarNetworkMeeting[]> {
  const query = parseInput(calendarQuerySchema, input);
  if (query.direction || query.place) return [];
  return queryRows<CalendarNetworkMeeting>(
    ctx.db,
    sql`select mt.id, n.id as "networkId", n.name as "networkName", mt.held_on as "heldOn", mt.held_min::text as "heldMin",
          mt.held_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' as "exactDay", mt.place, n.visibility
        from network_meetings mt join networks n on n.id = mt.network_id
        where ${canReadNetworkAlias(ctx.principal, 'n')} and mt.held_min <= ${to}::date and mt.held_max >= ${from}::date
          -- an ended network meets no more: a meeting it had recorded for after its end is not held
          and (n.ended_on is null or mt.held_min <= n.ended_on)
          ${query.county ? sql`and n.county_code = ${query.county}` : sql``}
        order by mt.held_min, mt.id
        limit ${VISITS_SHOWN}`,
  );
}
