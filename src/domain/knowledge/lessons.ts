// Lessons drawn from the register itself: the endings and pauses of the
// public register by the reason given, each with the decision behind it
// (who decided, the reference) and the words quoted from it. Read as the
// public reads (the statistics' rule: the research's figures are of the
// public register for everyone). The events are found by type through
// status_events_type_idx, not by scanning every event.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { REASON_CODES, type ReasonCode, type ReasonStatedBy } from '../../db/schema.ts';
import type { PeerEnding } from '../decisions/peer-decisions.ts';
import { canReadAlias, PUBLIC_READER } from '../access.ts';
import type { Context } from '../context.ts';

/** An ending or pause and its decision, as the decision basis lists peers' (one reason of it here), with the quotations tied to it. */
export type Lesson = Omit<PeerEnding, 'reasons' | 'quotations'> & {
  statedBy: ReasonStatedBy;
  text: string | null;
  textEn: string | null;
  quotations: Array<PeerEnding['quotations'][number] & { language: string }>;
};

export interface LessonsByReason {
  code: ReasonCode;
  /** Endings and pauses that gave this reason, counted once each. */
  total: number;
  lessons: Lesson[];
}

const ENDINGS = ['ended', 'partly_ended', 'paused'];

export async function lessonsByReason(ctx: Context): Promise<LessonsByReason[]> {
  const reader = { ...ctx, principal: PUBLIC_READER };
  const rows = await queryRows<Lesson & { code: ReasonCode; eventId: number; quotations: string }>(
    reader.db,
    sql`select r.code, e.id as "eventId", a.slug as agreement, a.party_label as parties, a.counterpart_label as counterparts, e.type, e.date, e.deciding_body as "decidingBody", e.reference,
          r.stated_by as "statedBy", r.text, r.text_en as "textEn",
          coalesce((select json_agg(json_build_object('text', q.text, 'language', q.language, 'textEn', q.text_en, 'speakerRole', q.speaker_role, 'speakerRoleEn', q.speaker_role_en) order by q.id)
            from quotations q where q.agreement_id = e.agreement_id and q.event_id = e.id and ${canReadAlias(PUBLIC_READER, 'q')}), '[]')::text as quotations
        from status_events e
        join agreements a on a.id = e.agreement_id
        join event_reasons r on r.event_id = e.id
        where e.type = any(${sql.param(ENDINGS)}::text[]) and ${canReadAlias(PUBLIC_READER, 'e')} and ${canReadAlias(PUBLIC_READER, 'a')}
        order by e.date_max desc nulls last, a.party_label, e.id, r.id`,
  );
  return REASON_CODES.map((code) => {
    const mine = rows.filter((r) => r.code === code);
    return {
      code,
      total: new Set(mine.map((r) => r.eventId)).size,
      lessons: mine.map(({ code: _c, eventId: _e, quotations, ...lesson }) => ({ ...lesson, quotations: JSON.parse(quotations) as Lesson['quotations'] })),
    };
  });
}
