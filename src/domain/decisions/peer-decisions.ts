// What peers decided, for a decision basis: every other Swedish agreement
// with the same counterpart or with a place in the same province, its
// status, and the endings and pauses recorded for them with the reasons
// and quotations given. The places are found through the agreements'
// place_ids (each agreement's counterparts and every place they lie in,
// GIN-indexed): one `&&` with the provinces finds the same counterpart and
// everything else inside its province, without an OR across indexes. The
// events are read by agreement (status_events_agreement_idx), never by
// scanning every event.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { EventType, ReasonCode, ReasonStatedBy, Status } from '../../db/schema.ts';
import { canReadAlias } from '../access.ts';
import type { Context } from '../context.ts';

/** At most this many peers are listed (those with the same counterpart first); `total` says how many there are. */
export const PEER_LIMIT = 200;

export interface PeerAgreement {
  slug: string;
  parties: string;
  counterparts: string;
  status: Status;
  /** It has one of the agreement's own counterparts, not only a place in the same province. */
  sameCounterpart: boolean;
}

export interface PeerEnding {
  agreement: string;
  parties: string;
  counterparts: string;
  type: EventType;
  date: string;
  decidingBody: string | null;
  reference: string | null;
  reasons: Array<{ code: ReasonCode; statedBy: ReasonStatedBy; text: string | null; textEn: string | null }>;
  quotations: Array<{ text: string; textEn: string | null; speakerRole: string | null; speakerRoleEn: string | null }>;
}

export interface PeerDecisions {
  /** The provinces (or the counterparts themselves, where they are provinces) compared by. */
  provinces: Array<{ slug: string; nameLatin: string; nameNative: string | null }>;
  total: number;
  peers: PeerAgreement[];
  endings: PeerEnding[];
}

export async function peerDecisions(ctx: Context, agreementId: number): Promise<PeerDecisions> {
  // The agreement's counterparts the reader may read, and the province each lies in: its first
  // ancestor below the country (ancestor_ids run from the root down), or itself when it has none.
  const places = await queryRows<{ counterpartId: number; provinceId: number; slug: string; nameLatin: string; nameNative: string | null }>(
    ctx.db,
    sql`select c.id as "counterpartId", p.id as "provinceId", p.slug, p.name_latin as "nameLatin", p.name_native as "nameNative"
        from agreement_counterparts ac
        join counterparts c on c.id = ac.counterpart_id
        join counterparts p on p.id = coalesce(
          (select x.id from counterparts x where x.id = any(c.ancestor_ids) and x.level <> 'country' order by array_position(c.ancestor_ids, x.id) limit 1), c.id)
        where ac.agreement_id = ${agreementId} and c.level <> 'country' and ${canReadAlias(ctx.principal, 'c')} and ${canReadAlias(ctx.principal, 'p')}`,
  );
  const provinces = [...new Map(places.map((p) => [p.provinceId, { slug: p.slug, nameLatin: p.nameLatin, nameNative: p.nameNative }])).values()];
  if (!places.length) return { provinces, total: 0, peers: [], endings: [] };
  const provinceIds = [...new Set(places.map((p) => p.provinceId))];
  const counterpartIds = [...new Set(places.map((p) => p.counterpartId))];
  const peerRows = await queryRows<PeerAgreement & { id: number; total: number }>(
    ctx.db,
    sql`select a.id, a.slug, a.party_label as parties, a.counterpart_label as counterparts, a.current_status as status,
          a.place_ids && ${sql.param(counterpartIds)}::int[] as "sameCounterpart", count(*) over ()::int as total
        from agreements a
        where a.place_ids && ${sql.param(provinceIds)}::int[] and a.id <> ${agreementId} and ${canReadAlias(ctx.principal, 'a')}
        order by 6 desc, a.party_label, a.slug limit ${PEER_LIMIT}`,
  );
  const peers = peerRows.map(({ id: _id, total: _total, ...peer }) => peer);
  const ids = peerRows.map((p) => p.id);
  // The endings and pauses, by status_events_endings_idx (db/schema.ts): the types written as its predicate is, so that it is used.
  const endings = ids.length
    ? await queryRows<PeerEnding & { reasons: string; quotations: string }>(
        ctx.db,
        sql`select a.slug as agreement, a.party_label as parties, a.counterpart_label as counterparts, e.type, e.date, e.deciding_body as "decidingBody", e.reference,
              coalesce((select json_agg(json_build_object('code', r.code, 'statedBy', r.stated_by, 'text', r.text, 'textEn', r.text_en) order by r.id) from event_reasons r where r.event_id = e.id), '[]')::text as reasons,
              coalesce((select json_agg(json_build_object('text', q.text, 'textEn', q.text_en, 'speakerRole', q.speaker_role, 'speakerRoleEn', q.speaker_role_en) order by q.id)
                from quotations q where q.agreement_id = e.agreement_id and q.event_id = e.id and ${canReadAlias(ctx.principal, 'q')}), '[]')::text as quotations
            from status_events e join agreements a on a.id = e.agreement_id
            where e.agreement_id = any(${sql.param(ids)}::int[]) and e.type in ('ended', 'partly_ended', 'paused') and ${canReadAlias(ctx.principal, 'e')}
            order by e.date_max desc nulls last, e.id desc`,
      )
    : [];
  return {
    provinces,
    total: peerRows[0]?.total ?? 0,
    peers,
    endings: endings.map((e) => ({ ...e, reasons: JSON.parse(e.reasons) as PeerEnding['reasons'], quotations: JSON.parse(e.quotations) as PeerEnding['quotations'] })),
  };
}
