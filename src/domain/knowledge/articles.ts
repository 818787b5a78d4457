// The knowledge base's guidance articles: public, in Swedish and English,
// each with an owner who keeps it, the day it is next to be reviewed, and
// every earlier version. A change copies the article as it was into
// knowledge_article_versions before changing it, so nothing is overwritten;
// a form opened at another version is a conflict, not a lost edit.
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { knowledgeArticles, knowledgeArticleVersions, users } from '../../db/schema.ts';
import { requireKnowledgeEditor } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { isoDaySchema } from '../dates.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { slugSchema } from '../sources/schemas.ts';

const text = (max: number, missing: string) => z.string(missing).trim().min(1, missing).max(max, `is longer than ${max} characters`);

export const changeArticleSchema = z
  .object({
    titleSv: text(300, 'write the Swedish title'),
    titleEn: text(300, 'write the English title'),
    bodySv: text(50_000, 'write the Swedish text'),
    bodyEn: text(50_000, 'write the English text'),
    sourceNote: z.string().trim().max(2000, 'is longer than 2000 characters').transform((v) => v || null).nullish(),
    /** Who keeps it, by their e-mail address; empty: nobody named. */
    owner: z.string().trim().toLowerCase().max(320, 'is longer than 320 characters').transform((v) => v || null).nullish(),
    reviewOn: isoDaySchema,
    expectedVersion: z.number('must be the version number the form was opened at').int('must be the version number the form was opened at').min(1, 'must be the version number the form was opened at'),
  })
  .strict();
export type ChangeArticleInput = z.input<typeof changeArticleSchema>;

export interface ArticleSummary {
  slug: string;
  titleSv: string;
  titleEn: string;
  reviewOn: string;
  version: number;
}

export interface ArticleVersion {
  version: number;
  titleSv: string;
  titleEn: string;
  bodySv: string;
  bodyEn: string;
  sourceNote: string | null;
  reviewOn: string;
  /** When this version was replaced by the next; the current one's is null. */
  savedAt: Date | null;
}

export interface Article extends ArticleVersion {
  slug: string;
  /** Who keeps it: their name for signed-in readers, their organisation for everyone. */
  owner: { name: string | null; email: string | null; organisation: string } | null;
  updatedAt: Date;
  /** Earlier versions, the latest first. */
  earlier: ArticleVersion[];
}

export async function listArticles(ctx: Context): Promise<ArticleSummary[]> {
  return ctx.db.select({ slug: knowledgeArticles.slug, titleSv: knowledgeArticles.titleSv, titleEn: knowledgeArticles.titleEn, reviewOn: knowledgeArticles.reviewOn, version: knowledgeArticles.version }).from(knowledgeArticles).orderBy(knowledgeArticles.titleSv);
}

export async function getArticle(ctx: Context, slug: string): Promise<Article> {
  // A slug no article can have (a NUL, a space, an upper-case letter) names none: not looked up.
  if (!slugSchema.safeParse(slug).success) throw notFound('article');
  const [row] = await queryRows<Omit<Article, 'owner' | 'earlier' | 'savedAt'> & { id: number; ownerName: string | null; ownerEmail: string | null; ownerOrganisation: string | null }>(
    ctx.db,
    sql`select k.id, k.slug, k.version, k.title_sv as "titleSv", k.title_en as "titleEn", k.body_sv as "bodySv", k.body_en as "bodyEn", k.source_note as "sourceNote",
          k.review_on::text as "reviewOn", k.updated_at as "updatedAt", u.display_name as "ownerName", u.email as "ownerEmail", o.name as "ownerOrganisation"
        from knowledge_articles k left join users u on u.id = k.owner_id left join organisations o on o.id = u.organisation_id
        where k.slug = ${slug}`,
  );
  if (!row) throw notFound('article');
  const earlier = await ctx.db
    .select({ version: knowledgeArticleVersions.version, titleSv: knowledgeArticleVersions.titleSv, titleEn: knowledgeArticleVersions.titleEn, bodySv: knowledgeArticleVersions.bodySv, bodyEn: knowledgeArticleVersions.bodyEn, sourceNote: knowledgeArticleVersions.sourceNote, reviewOn: knowledgeArticleVersions.reviewOn, savedAt: knowledgeArticleVersions.savedAt })
    .from(knowledgeArticleVersions)
    .where(eq(knowledgeArticleVersions.articleId, row.id))
    .orderBy(desc(knowledgeArticleVersions.version));
  const { id: _id, ownerName, ownerEmail, ownerOrganisation, ...article } = row;
  // A person's name and address are personal data: the public is told the organisation only.
  const signedIn = ctx.principal.kind !== 'anonymous';
  const owner = ownerOrganisation ? { name: signedIn ? ownerName : null, email: signedIn ? ownerEmail : null, organisation: ownerOrganisation } : null;
  return { ...article, updatedAt: new Date(article.updatedAt), savedAt: null, owner, earlier };
}

/** Changes an article, keeping the version it replaces. */
export async function changeArticle({ ctx, slug, input }: { ctx: Context; slug: string; input: ChangeArticleInput }) {
  requireKnowledgeEditor(ctx);
  const { owner, expectedVersion, ...fields } = parseInput(changeArticleSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [article] = await ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, slug)).for('update');
    if (!article) throw notFound('article');
    const [person] = owner ? await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, owner)) : [];
    if (owner && !person) throw invalid([{ field: 'owner', message: 'must be the e-mail address of a person with an account' }]);
    if (expectedVersion !== article.version) throw conflict(`the article was changed by someone else (version ${article.version}, you saw ${expectedVersion})`, { version: article.version });
    const { id, slug: _slug, version, ownerId, createdAt: _c, updatedAt, ...kept } = article;
    await ctx.db.insert(knowledgeArticleVersions).values({ ...kept, articleId: id, version, ownerId, savedAt: new Date() });
    const [changed] = await ctx.db
      .update(knowledgeArticles)
      .set({ ...fields, ownerId: person?.id ?? null, version: version + 1, updatedAt: new Date() })
      .where(eq(knowledgeArticles.id, id))
      .returning();
    await audit(ctx, { action: 'knowledge_article.change', entityType: 'knowledge_article', entityId: id, before: { ...kept, ownerId, version, updatedAt }, after: changed, organisationId: ctx.principal.kind === 'anonymous' ? 0 : ctx.principal.organisationId });
    return changed!;
  });
}
