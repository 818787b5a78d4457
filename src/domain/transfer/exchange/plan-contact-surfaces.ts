// What an import would do with contact surfaces, checked row by row with the
// verb's own schema (contact-surfaces/schemas.ts): its kind, titles, dates,
// how many links, who may read it. The Swedish bodies, places and sources a
// surface links are named as the agreements name theirs (register-keys.ts:
// a municipality code, a name or an id; a place's path, name or id), and may
// be records the same import creates. Natural key: a surface is its title
// and its date (several alike are told apart by their order, the k-th row of
// the file being the register's k-th). A matched surface is changed to what
// the file says (a column the file lacks keeps the register's value).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { createContactSurfaceSchema } from '../../contact-surfaces/schemas.ts';
import type { Context } from '../../context.ts';
import { RowReader } from './cells.ts';
import { columnFor, same, withAbsentKept } from './compare.ts';
import { citationsOf, type Action, type Citation, type ImportPlan } from './plan.ts';
import type { ReadTable } from './read.ts';
import type { RegisterKeys, Ref } from './register-keys.ts';

export interface ContactSurfaceValues {
  kind: string;
  title: string;
  titleEn: string | null;
  description: string | null;
  descriptionEn: string | null;
  date: string | null;
  endDate: string | null;
  /** The Swedish bodies it links, sorted by token. */
  actors: Ref[];
  /** The places it links, sorted by token. */
  places: Ref[];
  sources: Citation[];
  visibility: string;
}
export interface PlannedContactSurface {
  ref: { id: number | null };
  action: Action;
  values: ContactSurfaceValues;
  /** The organisation of the surface the row matched: a change is its editors' (save.ts). */
  organisationId: number | null;
}

const surfaceColumn = columnFor({ title: 'contact_surface' });

type Outcome = (r: RowReader, action: Action, what: string) => void;
type CitationsKnown = (r: RowReader, column: string, list: Citation[]) => void;

const byToken = (a: Ref, b: Ref) => a.token.localeCompare(b.token);
const surfaceKey = (v: { title: string; date: string | null }) => `${v.title}\u0000${v.date ?? ''}`;

export async function planContactSurfaces(ctx: Context, table: ReadTable | undefined, keys: RegisterKeys, plan: ImportPlan, citationsKnown: CitationsKnown, outcome: Outcome) {
  if (!table) return;
  const registered = await existingSurfaces(ctx);
  const byKey = new Map<string, typeof registered>();
  for (const s of registered) byKey.set(surfaceKey(s.values), [...(byKey.get(surfaceKey(s.values)) ?? []), s]);
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(table.file, 'contact_surfaces', row, plan.problems);
    const sources = r.citations('sources');
    citationsKnown(r, 'sources', sources);
    const actorCells = r.list('actors');
    const placeCells = r.list('places');
    // The schema checks what a form's fields would hold: the count of links, each name's length, the sources' ids.
    const input = {
      kind: r.text('kind'), title: r.text('contact_surface'), titleEn: r.text('title_en'), description: r.text('description'), descriptionEn: r.text('description_en'),
      date: r.text('date'), endDate: r.text('end_date'), actors: actorCells, places: placeCells, sources: sources.map((c) => c.source), visibility: r.text('visibility'),
    };
    const parsed = r.parse(createContactSurfaceSchema, input, surfaceColumn);
    const actors = resolve(r, 'actors', actorCells, (text) => {
      const found = keys.findActor(text);
      return 'problem' in found ? found : { ref: found.actor.ref };
    });
    const places = resolve(r, 'places', placeCells, (text) => {
      const found = keys.findPlace(text);
      return 'problem' in found ? found : { ref: found.place.ref };
    });
    if (!parsed || !actors || !places) continue;

    const read: ContactSurfaceValues = {
      kind: parsed.kind, title: parsed.title, titleEn: parsed.titleEn ?? null, description: parsed.description ?? null, descriptionEn: parsed.descriptionEn ?? null,
      date: parsed.date ?? null, endDate: parsed.endDate ?? null, actors, places, sources, visibility: parsed.visibility,
    };
    const key = surfaceKey(read);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const match = byKey.get(key)?.[occurrence];
    const values = withAbsentKept(read, match?.values, table, surfaceColumn, ['title', 'date']);
    const action: Action = !match ? 'create' : same(match.values, values) ? 'unchanged' : 'change';
    plan.contactSurfaces.push({ ref: { id: match?.id ?? null }, action, values, organisationId: match?.organisationId ?? null });
    outcome(r, action, `contact surface '${values.title}'${values.date ? ` ${values.date}` : ''}`);
  }
}

/** A list cell's records, each found by `find`; every one not found, or named twice, is a problem of the column. Sorted by token. */
export function resolve(r: RowReader, column: string, cells: string[], find: (text: string) => { ref: Ref } | { problem: string }): Ref[] | null {
  const refs: Ref[] = [];
  let ok = true;
  for (const text of cells) {
    const found = find(text);
    if ('problem' in found) {
      r.problem(column, found.problem);
      ok = false;
    } else if (refs.some((ref) => ref.token === found.ref.token)) {
      r.problem(column, `'${text}' comes twice`);
      ok = false;
    } else refs.push(found.ref);
  }
  return ok ? refs.sort(byToken) : null;
}

// What the register holds, in the shape a plan compares with.
async function existingSurfaces(ctx: Context): Promise<Array<{ id: number; organisationId: number; values: ContactSurfaceValues }>> {
  const rows = await queryRows<Omit<ContactSurfaceValues, 'actors' | 'places' | 'sources'> & { id: number; organisation_id: number; actor_ids: number[] | null; place_ids: number[] | null }>(
    ctx.db,
    sql`select s.id, s.organisation_id, s.kind, s.title, s.title_en as "titleEn", s.description, s.description_en as "descriptionEn", s.date, s.end_date as "endDate", s.visibility,
          (select array_agg(l.actor_id) from contact_surface_actors l where l.surface_id = s.id) as actor_ids,
          (select array_agg(l.counterpart_id) from contact_surface_places l where l.surface_id = s.id) as place_ids
        from contact_surfaces s order by s.id`,
  );
  const cited = await citationsOf(ctx, 'contact_surface');
  const ref = (id: number): Ref => ({ id, token: `id:${id}`, slug: '' });
  return rows.map(({ id, organisation_id, actor_ids, place_ids, ...rest }) => ({
    id,
    organisationId: organisation_id,
    values: { ...rest, actors: (actor_ids ?? []).map(ref).sort(byToken), places: (place_ids ?? []).map(ref).sort(byToken), sources: cited.get(id) ?? [] },
  }));
}
