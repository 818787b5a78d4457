// Writes the guidance articles of an import plan, inside apply.ts's
// transaction: a new article at version 1, or with the earlier versions the
// file gives it at the number after the last; a changed one through the same
// step as the form (knowledge/articles.ts, writeNextVersion), which keeps the
// text it replaces as a version, or, where the file continues the article's
// history, with the versions the register lacks written as the file gives
// them (plan-article-versions.ts says when). Only coordinators and
// administrators write guidance (access.ts); the command line may.
import { eq } from 'drizzle-orm';
import { knowledgeArticles, knowledgeArticleVersions } from '../../../db/schema.ts';
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
    const added = a.versions.filter((v) => v.action === 'create');
    // The article stands at the version after the file's last; without versions from the file, at 1 (new) or the next (writeNextVersion).
    let version = (a.versions.at(-1)?.version ?? 0) + 1;
    if (a.action === 'create') {
      const [created] = await ctx.db.insert(knowledgeArticles).values({ slug: a.slug, ...fields, version }).returning({ id: knowledgeArticles.id });
      a.ref.id = created!.id;
    } else if (!added.length) {
      const [article] = await ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, a.ref.id!)).for('update');
      version = (await writeNextVersion(ctx, article!, fields)).version;
    } else {
      await ctx.db.update(knowledgeArticles).set({ ...fields, version, updatedAt: new Date() }).where(eq(knowledgeArticles.id, a.ref.id!));
    }
    if (added.length) {
      await ctx.db.insert(knowledgeArticleVersions).values(
        added.map(({ version, values, replacedAt, ownerId }) => ({ articleId: a.ref.id!, version, ...values, ownerId, savedAt: new Date(replacedAt) })),
      );
    }
    auditEntries.push({
      action: `knowledge_article.import.${a.action}`, entityType: 'knowledge_article', entityId: a.ref.id!,
      after: { slug: a.slug, ...fields, version, ...(added.length ? { versionsAdded: added.map((v) => v.version) } : {}) },
    });
  }
  step(plan.articles.length);
}
