// The maps' commonest question, the whole register on a day (or today),
// perhaps of one status, counted in memory: every readable agreement's ties
// (county of each holder × province of each counterpart) and status periods
// are kept between data versions (kept-register.ts), so that after a change
// only the changed agreements are read again. The numbers are those of the
// database's count over the same rows (ties.ts): the same periods
// (agreement_status_periods), the same `daterange @> day`.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { Status } from '../../db/schema.ts';
import { canReadAlias, canReadRow } from '../access.ts';
import { keptRegister, onlyIds } from '../agreements/kept-register.ts';
import type { Context } from '../context.ts';
import { dayNumber } from '../dates.ts';
import { readableTop, type MapBundle, type MapProvince } from './ties.ts';

// Kept compact (a hundred thousand of them at the benchmark's scale): the
// periods as numbers, the lists of ties shared between agreements with the same.
interface TieAgreement {
  id: number;
  current: Status;
  /** Indexes into the view's ties: one per holder and counterpart. */
  ties: readonly number[];
  /** Three numbers a period: the status's code, its first day and the day after its last (yyyymmdd; 0 while it lasts). */
  periods: number[];
}

interface Tie {
  county: string | null;
  province: MapProvince;
}

interface TieView {
  agreements: TieAgreement[];
  byId: Map<number, TieAgreement>;
  // Interned ties, only ever added to: the indexes of kept agreements stay valid.
  ties: Tie[];
  tieIndex: Map<string, number>;
  /** One list per set of ties, shared by the agreements that have it. */
  tieLists: Map<string, readonly number[]>;
}

interface TieRows {
  agreements: Array<{ id: number; current: Status }>;
  ties: Array<{ id: number; county: string | null; top: number }>;
  periods: Array<{ id: number; status: Status; from: string; to: string | null }>;
  provinces: Array<{ id: number; slug: string; name: string; native: string | null }>;
}

async function read(ctx: Context, ids: number[] | null): Promise<TieRows> {
  const [agreements, ties, periods] = await Promise.all([
    queryRows<TieRows['agreements'][number]>(
      ctx.db,
      sql`select a.id, a.current_status as current from agreements a
          where ${canReadRow(ctx.principal, sql`a.visibility`, sql`a.organisation_id`)} and ${onlyIds(sql`a.id`, ids)}`,
    ),
    // The joins of mapTies (ties.ts), down to the place a tie is drawn to.
    queryRows<TieRows['ties'][number]>(
      ctx.db,
      sql`select ap.agreement_id as id, ac.county_code as county, coalesce(top.id, c.id) as top
          from agreement_parties ap
          join actors ac on ac.id = ap.actor_id and ${canReadAlias(ctx.principal, 'ac')}
          join agreement_counterparts x on x.agreement_id = ap.agreement_id
          join counterparts c on c.id = x.counterpart_id and ${canReadAlias(ctx.principal, 'c')}
          left join counterparts top on top.id = c.ancestor_ids[1]
          where ap.role = 'party' and ${onlyIds(sql`ap.agreement_id`, ids)} and ${readableTop(ctx.principal)}`,
    ),
    queryRows<TieRows['periods'][number]>(
      ctx.db,
      sql`select agreement_id as id, status, valid_from as "from", valid_to as "to" from agreement_status_periods where ${onlyIds(sql`agreement_id`, ids)}`,
    ),
  ]);
  const tops = [...new Set(ties.map((t) => t.top))];
  const provinces = tops.length
    ? await queryRows<TieRows['provinces'][number]>(
        ctx.db,
        sql`select id, slug, name_latin as name, name_native as native from counterparts where ${onlyIds(sql`id`, tops)}`,
      )
    : [];
  return { agreements, ties, periods, provinces };
}

const STATUS_CODES: Status[] = ['active', 'dormant', 'paused', 'partly_ended', 'ended', 'planned'];
const CODE = Object.fromEntries(STATUS_CODES.map((s, i) => [s, i])) as Record<Status, number>;

const NO_PERIODS: number[] = [];

function add(view: TieView, rows: TieRows): TieAgreement[] {
  const provinces = new Map(rows.provinces.map((p) => [p.id, { slug: p.slug, name: p.name, native: p.native }]));
  const ties = new Map<number, number[]>();
  for (const t of rows.ties) {
    const province = provinces.get(t.top);
    if (!province) continue;
    const key = `${t.county}|${t.top}`;
    let index = view.tieIndex.get(key);
    if (index === undefined) {
      view.tieIndex.set(key, (index = view.ties.length));
      view.ties.push({ county: t.county, province });
    }
    let list = ties.get(t.id);
    if (!list) ties.set(t.id, (list = []));
    list.push(index);
  }
  const fresh = new Map<number, TieAgreement>();
  for (const a of rows.agreements) {
    const list = ties.get(a.id) ?? [];
    const key = list.join(',');
    let shared = view.tieLists.get(key);
    if (!shared) view.tieLists.set(key, (shared = Object.freeze(list)));
    fresh.set(a.id, { id: a.id, current: a.current, ties: shared, periods: NO_PERIODS });
  }
  // Each agreement's periods in an array made at its size: one grown by push keeps room to grow.
  const counts = new Map<number, number>();
  for (const p of rows.periods) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
  const filled = new Map<number, number>();
  for (const p of rows.periods) {
    const agreement = fresh.get(p.id);
    if (!agreement) continue;
    if (agreement.periods === NO_PERIODS) agreement.periods = new Array<number>(3 * counts.get(p.id)!);
    const at = filled.get(p.id) ?? 0;
    agreement.periods[at] = CODE[p.status];
    agreement.periods[at + 1] = dayNumber(p.from);
    agreement.periods[at + 2] = p.to === null ? 0 : dayNumber(p.to);
    filled.set(p.id, at + 3);
  }
  return [...fresh.values()];
}

const tieView = keptRegister<TieRows, TieView>({
  read,
  full(rows) {
    const view: TieView = { agreements: [], byId: new Map(), ties: [], tieIndex: new Map(), tieLists: new Map() };
    view.agreements = add(view, rows);
    for (const a of view.agreements) view.byId.set(a.id, a);
    return view;
  },
  replace(previous, ids, rows) {
    const fresh = add(previous, rows);
    for (const id of ids) previous.byId.delete(id);
    for (const a of fresh) previous.byId.set(a.id, a);
    return { ...previous, agreements: [...previous.byId.values()] };
  },
});


/** The ties of every readable agreement on `on` (today when undefined) with a status in `statuses` (any when null), counted in bundles. */
export async function keptBundles(ctx: Context, on: string | undefined, statuses: ReadonlySet<Status> | null): Promise<{ bundles: MapBundle[]; ties: number }> {
  const view = await tieView(ctx);
  const counts = new Int32Array(view.ties.length * STATUS_CODES.length);
  let total = 0;
  const count = (a: TieAgreement, status: Status) => {
    if (statuses && !statuses.has(status)) return;
    for (const t of a.ties) counts[t * STATUS_CODES.length + CODE[status]]!++;
    total += a.ties.length;
  };
  const day = on === undefined ? 0 : dayNumber(on);
  for (const a of view.agreements) {
    if (on === undefined) count(a, a.current);
    // Every period whose [from, to) holds the day, as the database's range test.
    else for (let i = 0; i < a.periods.length; i += 3) if (a.periods[i + 1]! <= day && (a.periods[i + 2] === 0 || day < a.periods[i + 2]!)) count(a, STATUS_CODES[a.periods[i]!]!);
  }
  const bundles: MapBundle[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (!counts[i]) continue;
    const tie = view.ties[Math.floor(i / STATUS_CODES.length)]!;
    bundles.push({ county: tie.county, province: tie.province, status: STATUS_CODES[i % STATUS_CODES.length]!, n: counts[i]! });
  }
  return { bundles, ties: total };
}
