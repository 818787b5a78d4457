// What an import matches its rows against: the register's sources, actors,
// counterparts and agreements by their natural keys (source ids, SCB codes,
// counterpart names in their hierarchy, an agreement's kind, parties and
// places), read once per import. Rows that create records add to it, so later
// rows can refer to them.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { Context } from '../../context.ts';
import { normalizeForSearch } from '../../text/normalize.ts';
import { AGREEMENT_KINDS } from '../shipped-data.ts';

/** A record an import writes or refers to; `id` is null until an apply writes it. */
export interface Ref {
  id: number | null;
  /** Unique within one import: `id:12` for what exists, `new:3` for what the file creates. */
  token: string;
  slug: string;
}

export interface ActorKey {
  ref: Ref;
  name: string;
  /** Other names it is known by: a party cell may give any of them after the code. */
  otherNames?: string[];
  municipalityCode: string | null;
}

export interface PlaceKey {
  ref: Ref;
  parent: Ref | null;
  countryCode: string;
  names: string[];
  nameLatin: string;
}

export interface AgreementKey {
  ref: Ref;
  kind: string;
  /** kind, parties (role and actor) and places: what tells agreements apart when no id is given. */
  naturalKey: string;
}

let counter = 0;
export const newRef = (slug: string): Ref => ({ id: null, token: `new:${++counter}`, slug });
const existing = (id: number, slug: string): Ref => ({ id, token: `id:${id}`, slug });

export function naturalKeyOf(kind: string, parties: Array<{ role: string; actor: Ref }>, places: Ref[]): string {
  return [kind, parties.map((p) => `${p.role}=${p.actor.token}`).sort().join(','), places.map((p) => p.token).sort().join(',')].join('|');
}

export class RegisterKeys {
  kinds = new Set<string>(AGREEMENT_KINDS.map((k) => k.code));
  sources = new Map<string, Ref>();
  actorsBySlug = new Map<string, ActorKey>();
  actorsByCode = new Map<string, ActorKey>();
  actorsByName = new Map<string, ActorKey[]>();
  placesBySlug = new Map<string, PlaceKey>();
  placesByParent = new Map<string, PlaceKey[]>();
  placesByName = new Map<string, PlaceKey[]>();
  placesByToken = new Map<string, PlaceKey>();
  agreementsBySlug = new Map<string, AgreementKey>();
  /** Each agreement's parent, by slug: the register's, then as the file sets it (plan.ts checks for cycles). */
  agreementParents = new Map<string, string | null>();
  agreementsByKey = new Map<string, AgreementKey[]>();

  static async load(ctx: Context): Promise<RegisterKeys> {
    const keys = new RegisterKeys();
    for (const k of await queryRows<{ code: string }>(ctx.db, sql`select code from agreement_kinds`)) keys.kinds.add(k.code);
    for (const s of await queryRows<{ id: number; slug: string }>(ctx.db, sql`select id, slug from sources`)) keys.sources.set(s.slug, existing(s.id, s.slug));
    const actorRows = await queryRows<{ id: number; slug: string; name: string; other_names: string[]; municipality_code: string | null }>(
      ctx.db,
      sql`select id, slug, name, other_names, municipality_code from actors order by id`,
    );
    for (const a of actorRows) keys.addActor({ ref: existing(a.id, a.slug), name: a.name, otherNames: a.other_names, municipalityCode: a.municipality_code });
    const placeRows = await queryRows<{ id: number; slug: string; parent_id: number | null; country_code: string; name_latin: string; name_native: string | null; name_pinyin: string | null }>(
      ctx.db,
      sql`select id, slug, parent_id, country_code, name_latin, name_native, name_pinyin from counterparts order by array_length(ancestor_ids, 1) nulls first, id`,
    );
    const placeById = new Map<number, PlaceKey>();
    for (const p of placeRows) {
      const place: PlaceKey = {
        ref: existing(p.id, p.slug),
        parent: p.parent_id === null ? null : placeById.get(p.parent_id)!.ref,
        countryCode: p.country_code,
        names: [p.name_latin, p.name_native, p.name_pinyin].filter((n): n is string => !!n),
        nameLatin: p.name_latin,
      };
      placeById.set(p.id, place);
      keys.addPlace(place);
    }
    const agreementRows = await queryRows<{ id: number; slug: string; kind: string; parent: string | null; parties: string[] | null; places: number[] | null }>(
      ctx.db,
      sql`select a.id, a.slug, a.kind, (select p.slug from agreements p where p.id = a.parent_id) as parent,
            (select array_agg(p.role || '=' || p.actor_id) from agreement_parties p where p.agreement_id = a.id) as parties,
            (select array_agg(c.counterpart_id) from agreement_counterparts c where c.agreement_id = a.id) as places
          from agreements a`,
    );
    for (const a of agreementRows) {
      const parties = (a.parties ?? []).map((p) => {
        const [role, actorId] = p.split('=');
        return { role: role!, actor: { token: `id:${actorId}` } as Ref };
      });
      const places = (a.places ?? []).map((id) => ({ token: `id:${id}` }) as Ref);
      keys.addAgreement({ ref: existing(a.id, a.slug), kind: a.kind, naturalKey: naturalKeyOf(a.kind, parties, places) });
      keys.agreementParents.set(a.slug, a.parent);
    }
    return keys;
  }

  addActor(actor: ActorKey) {
    this.actorsBySlug.set(actor.ref.slug, actor);
    if (actor.municipalityCode) this.actorsByCode.set(actor.municipalityCode, actor);
    const name = normalizeForSearch(actor.name);
    this.actorsByName.set(name, [...(this.actorsByName.get(name) ?? []), actor]);
  }

  addPlace(place: PlaceKey) {
    this.placesBySlug.set(place.ref.slug, place);
    this.placesByToken.set(place.ref.token, place);
    const parent = place.parent?.token ?? 'root';
    this.placesByParent.set(parent, [...(this.placesByParent.get(parent) ?? []), place]);
    for (const name of new Set(place.names.map(normalizeForSearch))) this.placesByName.set(name, [...(this.placesByName.get(name) ?? []), place]);
  }

  addAgreement(agreement: AgreementKey) {
    this.agreementsBySlug.set(agreement.ref.slug, agreement);
    this.agreementsByKey.set(agreement.naturalKey, [...(this.agreementsByKey.get(agreement.naturalKey) ?? []), agreement]);
  }

  /** "2514", "2514 Kalix kommun", "kalix-kommun" or "Kalix kommun". */
  findActor(text: string): { actor: ActorKey } | { problem: string } {
    const withCode = /^(\d{4})(?:\s+([\s\S]*))?$/.exec(text);
    if (withCode) {
      const [, code, name] = withCode as unknown as [string, string, string | undefined];
      const actor = this.actorsByCode.get(code);
      if (!actor) return { problem: `no Swedish body has the municipality code ${code}; add it to the actors table` };
      // A code and a name that disagree are a contradiction, not a match by the code.
      const wanted = name?.trim() ? normalizeForSearch(name) : null;
      if (wanted !== null && ![actor.name, ...(actor.otherNames ?? [])].some((n) => normalizeForSearch(n) === wanted)) {
        return { problem: `'${text}': the municipality code ${code} is ${actor.name}'s, not '${name!.trim()}'; correct the code or the name` };
      }
      return { actor };
    }
    const bySlug = this.actorsBySlug.get(text);
    if (bySlug) return { actor: bySlug };
    const byName = this.actorsByName.get(normalizeForSearch(text)) ?? [];
    if (byName.length === 1) return { actor: byName[0]! };
    if (byName.length > 1) return { problem: `'${text}' names ${byName.length} bodies (${byName.map((a) => a.ref.slug).join(', ')}); write the id or the municipality code` };
    return { problem: `no Swedish body '${text}' in the register or the actors table; add it there first` };
  }

  /** Whether `place` is `ancestor` or lies inside it. */
  liesInside(place: Ref, ancestor: Ref): boolean {
    let at: Ref | null = place;
    for (let steps = 0; at && steps < 1_000; steps++) {
      if (at.token === ancestor.token) return true;
      at = this.placesByToken.get(at.token)?.parent ?? null;
    }
    return false;
  }

  /**
   * "Zhejiang > Huzhou > Changxing" (any of a place's names per step), a
   * counterpart's id, or a path that starts below the top when its first step
   * names one place only ("Changxing", "Huzhou > Changxing").
   */
  findPlace(path: string): { place: PlaceKey } | { problem: string } {
    const steps = path.split('>').map((s) => s.trim());
    if (steps.some((s) => !s)) return { problem: `'${path}' has an empty step; write places as Zhejiang > Huzhou` };
    if (steps.length === 1 && this.placesBySlug.has(steps[0]!)) return { place: this.placesBySlug.get(steps[0]!)! };
    let parent = null as Ref | null;
    let found = null as PlaceKey | null;
    for (const [i, step] of steps.entries()) {
      const wanted = normalizeForSearch(step);
      let matches: PlaceKey[] = (this.placesByParent.get(parent?.token ?? 'root') ?? []).filter((p) => p.names.some((n) => normalizeForSearch(n) === wanted));
      if (i === 0 && matches.length === 0) matches = this.placesByName.get(wanted) ?? [];
      const where = i === 0 ? 'anywhere' : `inside ${steps.slice(0, i).join(' > ')}`;
      if (matches.length === 0) return { problem: `no place '${step}' ${where} in the register or the counterparts table; add it there first` };
      if (matches.length > 1) return { problem: `'${step}' names ${matches.length} places ${where}; write the counterpart's id instead` };
      found = matches[0]!;
      parent = matches[0]!.ref;
    }
    return { place: found! };
  }
}
