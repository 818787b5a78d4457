// What an activity is linked to beside its own agreement: the agreements it
// serves (its own first, then the further ones of activity_agreements) and
// the places of the register where it took place (activity_places). Read in
// the query that reads the activity, as the reader may read each of them.
import { sql, type SQL } from 'drizzle-orm';
import { canReadAlias } from '../access.ts';
import type { Principal } from '../context.ts';

export interface ActivityAgreementLink {
  slug: string;
  /** Its parties – its places. */
  name: string;
  partyLabel: string;
  counterpartLabel: string;
}

export interface ActivityPlace {
  /** A Swedish body of the register, or a Chinese place. */
  kind: 'swedish' | 'chinese';
  slug: string;
  name: string;
  /** A Chinese place's name in its own script (上海市). */
  nameNative: string | null;
}

/**
 * The activities of agreement `agreementId` (an SQL expression), as a table
 * for a `from` clause: those recorded under it, and those that serve it
 * besides. Two branches, each read by its own index, so that the database
 * never scans every activity for one agreement; no activity is in both (an
 * activity does not serve its own agreement as a further one).
 */
export const activitiesOf = (agreementId: SQL): SQL =>
  sql`(select x.* from activities x where x.agreement_id = ${agreementId}
    union all select x.* from activity_agreements aa join activities x on x.id = aa.activity_id where aa.agreement_id = ${agreementId})`;

/**
 * `'agreements', […], 'places', […]` for a json_build_object of the activity
 * in table alias `alias`: the agreements it serves that the principal may
 * read, the one it is recorded under first; the places they may read.
 */
export function activityLinksJson(principal: Principal, alias: string): SQL {
  const a = sql.raw(alias);
  // Its own agreement and its further ones as two branches, each read by its key: an `or` here made the database read every agreement per activity.
  return sql`'agreements', coalesce((select json_agg(json_build_object('slug', lg.slug, 'name', lg.party_label || ' – ' || lg.counterpart_label, 'partyLabel', lg.party_label, 'counterpartLabel', lg.counterpart_label) order by lg.id <> ${a}.agreement_id, lg.party_label, lg.id)
      from (select g.* from agreements g where g.id = ${a}.agreement_id
        union all select g.* from activity_agreements aa join agreements g on g.id = aa.agreement_id where aa.activity_id = ${a}.id) lg
      where ${canReadAlias(principal, 'lg')}), '[]'),
    'places', coalesce((select json_agg(json_build_object('kind', case when lp.actor_id is null then 'chinese' else 'swedish' end, 'slug', coalesce(pa.slug, pc.slug),
          'name', coalesce(pa.name, pc.name_latin), 'nameNative', pc.name_native) order by lp.actor_id is null, lp.id)
      from activity_places lp left join actors pa on pa.id = lp.actor_id left join counterparts pc on pc.id = lp.counterpart_id
      where lp.activity_id = ${a}.id and (pa.id is null or ${canReadAlias(principal, 'pa')}) and (pc.id is null or ${canReadAlias(principal, 'pc')})), '[]')`;
}
