import { inArray } from 'drizzle-orm';
import { citations, sources, type SubjectType } from '../../db/schema.ts';
import type { Context } from '../context.ts';
import { invalid } from '../errors.ts';
import type { CitationInput } from './schemas.ts';

/**
 * Links a fact to its sources. Unknown source slugs are a validation error
 * naming the field (`field` is the input path of the citation list).
 */
export async function cite(ctx: Context, subjectType: SubjectType, subjectId: number, list: CitationInput[], field = 'sources') {
  if (list.length === 0) return;
  const slugs = [...new Set(list.map((c) => c.source))];
  const found = await ctx.db.select({ id: sources.id, slug: sources.slug }).from(sources).where(inArray(sources.slug, slugs));
  const idBySlug = new Map(found.map((s) => [s.slug, s.id]));
  const problems = list.flatMap((c, i) =>
    idBySlug.has(c.source) ? [] : [{ field: `${field}.${i}.source`, message: `no source '${c.source}'` }],
  );
  if (problems.length) throw invalid(problems);
  await ctx.db.insert(citations).values(
    list.map((c) => ({ sourceId: idBySlug.get(c.source)!, subjectType, subjectId, passage: c.passage ?? null, passageEn: c.passageEn ?? null })),
  );
}
