// An address for a new agreement when the writer gives none: the holder's,
// the counterpart's and the kind's, as the shipped data names them
// (linkoping-guangzhou-vanort), with a number when that is taken.
import { like } from 'drizzle-orm';
import { agreements } from '../../db/schema.ts';
import type { Context } from '../context.ts';

const MAX = 120;

export async function freeAgreementSlug(ctx: Context, input: { kind?: unknown; parties?: Array<{ actor: string; role?: string }>; counterparts?: string[] }): Promise<string> {
  const holder = input.parties?.find((p) => (p.role ?? 'party') === 'party')?.actor ?? input.parties?.[0]?.actor;
  const kind = typeof input.kind === 'string' ? input.kind.replaceAll('_', '-') : '';
  const base = [holder, input.counterparts?.[0], kind]
    .filter((s): s is string => !!s && /^[a-z0-9-]+$/.test(s))
    .join('-')
    .replace(/-{3,}/g, '--')
    .slice(0, MAX - 4)
    .replace(/-+$/, '');
  // Nothing to build it of: the verb names the missing parties and places, and this one is never used.
  if (!base) return 'avtal';
  const taken = new Set((await ctx.db.select({ slug: agreements.slug }).from(agreements).where(like(agreements.slug, `${base}%`))).map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
