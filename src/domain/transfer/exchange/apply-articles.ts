// Writes the guidance articles of an import plan, inside apply.ts's
// transaction: a new article at version 1, a changed one through the same
// step as the form (knowledge/articles.ts, writeNextVersion), which keeps the
// text it replaces as a version. Only coordinators and administrators write
// guidance (access.ts); the command line may.
import { eq } from 'drizzle-orm';
import { knowledgeArticles } from '../../../db/schema.ts';
import { requireKnowledgeEditor } from '../../access.ts';
import type { Context } from '../../context.ts';
import { writeNextVersion } from '../../knowledge/articles.ts';
import type { AuditEntry } from './apply.ts';
import type { ImportPlan } from './plan.ts';

export async function writeArticles(ctx: Context, plan: ImportPlan, auditEntries: AuditEntry[], step: (n?: number) => void) {
  const work = plan.articles.filter((a) => a.action !== 'unchanged');
  if (work.length) requireKnowledgeEditor(ctx);
  for (const a of work) {
    const fields = { ...a.values, ownerId: a.ownerId };
    if (a.action === 'create') {
      const [added] = await ctx.db.insert(knowledgeArticles).values({ slug: a.slug, ...fields }).returning({ id: knowledgeArticles.id });
      a.ref.id = added!.id;
    } else {
      const [article] = await ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, a.ref.id!)).for('update');
      await writeNextVersion(ctx, article!, fields);
    }
    auditEntries.push({ action: `knowledge_article.import.${a.action}`, entityType: 'knowledge_article', entityId: a.ref.id!, after: { slug: a.slug, ...fields } });
  }
  step(plan.articles.length);
}
