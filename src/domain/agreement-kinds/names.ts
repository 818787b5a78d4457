// The kinds' names as the register keeps them (an administrator adds and
// renames kinds), read again only when the data version has moved: pages
// and charts name every kind by these, not by its code.
import { asc } from 'drizzle-orm';
import { agreementKinds } from '../../db/schema.ts';
import type { Executor } from '../../db/client.ts';
import type { Context } from '../context.ts';

export type KindNames = ReadonlyMap<string, { sv: string; en: string }>;

const read = new WeakMap<Executor, { version: number; names: Promise<KindNames> }>();

/** The names at data version `version` (read by the caller at the request's start). */
export async function agreementKindNames(ctx: Context, version: number): Promise<KindNames> {
  const known = read.get(ctx.db);
  if (known && known.version >= version) return known.names;
  const names = ctx.db
    .select({ code: agreementKinds.code, sv: agreementKinds.nameSv, en: agreementKinds.nameEn })
    .from(agreementKinds)
    .orderBy(asc(agreementKinds.code))
    .then((rows) => new Map(rows.map((r) => [r.code, { sv: r.sv, en: r.en }])) as KindNames);
  read.set(ctx.db, { version, names });
  names.catch(() => read.delete(ctx.db));
  return names;
}

/** Every kind the register keeps, by its name in the page's language: what a filter offers. */
export function kindCodes(names: KindNames | undefined, lang: 'sv' | 'en'): string[] {
  const collator = new Intl.Collator(lang === 'sv' ? 'sv-SE' : 'en-GB');
  return [...(names ?? new Map())].sort(([, a], [, b]) => collator.compare(a[lang], b[lang])).map(([code]) => code);
}
