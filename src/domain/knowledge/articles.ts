// The knowledge base's guidance articles: public, in Swedish and English,
// each with an owner who keeps it, the day it is next to be reviewed, and
// every earlier version. A change copies the article as it was into
// knowledge_article_versions before changing it, so nothing is overwritten;
// a form opened at another version is a conflict, not a lost edit. An
// article is withdrawn, never deleted: its page and every version stay
// readable, but it leaves the list of guidance, the forms' links and the
// reminders, until it is put back in force (reinstateArticle). Withdrawing and
// reinstating change no text, so neither makes a version; both take the
// version read and are audited. Written by coordinators and administrators
// (access.ts says why).
import { and, arrayContains, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.ts';
import { KNOWLEDGE_TOPICS, knowledgeArticles, knowledgeArticleVersions, users, type KnowledgeTopic } from '../../db/schema.ts';
import { requireKnowledgeEditor } from '../access.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Context } from '../context.ts';
import { isoDaySchema } from '../dates.ts';
import { conflict, DomainError, invalid, notFound } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { slugSchema } from '../sources/schemas.ts';

const text = (max: number, missing: string) => z.string(missing).trim().min(1, missing).max(max, `is longer than ${max} characters`);

/** Paths under /kunskap the site uses itself: no article may take them. */
export const RESERVED_SLUGS = ['ny', 'lardomar'] as const;

const articleFields = {
  titleSv: text(300, 'write the Swedish title'),
  titleEn: text(300, 'write the English title'),
  bodySv: text(50_000, 'write the Swedish text'),
  bodyEn: text(50_000, 'write the English text'),
  sourceNote: z.string().trim().max(2000, 'is longer than 2000 characters').transform((v) => v || null).nullish(),
  /** Who keeps it, by their e-mail address; empty: nobody named. */
  owner: z.string().trim().toLowerCase().max(320, 'is longer than 320 characters').transform((v) => v || null).nullish(),
  reviewOn: isoDaySchema,
  /** The forms that link to it (web/knowledge/guidance-links.tsx). */
  topics: z.array(z.enum(KNOWLEDGE_TOPICS, 'must be one of the topics')).max(KNOWLEDGE_TOPICS.length).transform((v) => [...new Set(v)]).default([]),
};
const expectedVersion = z.number('must be the version number the form was opened at').int('must be the version number the form was opened at').min(1, 'must be the version number the form was opened at');

export const changeArticleSchema = z.object({ ...articleFields, expectedVersion }).strict();
export type ChangeArticleInput = z.input<typeof changeArticleSchema>;

export const addArticleSchema = z
  .object({
    slug: z
      .string('write the short name of its address')
      .trim()
      .min(1, 'write the short name of its address')
      .pipe(slugSchema)
      .refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), 'is a word the site uses itself: choose another'),
    ...articleFields,
  })
  .strict();
export type AddArticleInput = z.input<typeof addArticleSchema>;

export const withdrawArticleSchema = z.object({ expectedVersion }).strict();
/** Putting a withdrawn article back in force takes the version read, as a withdrawal does. */
export const reinstateArticleSchema = withdrawArticleSchema;

export interface ArticleSummary {
  slug: string;
  titleSv: string;
  titleEn: string;
  reviewOn: string;
  version: number;
  topics: KnowledgeTopic[];
  /** When it was withdrawn; null while it is in force. */
  withdrawnAt: Date | null;
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
  topics: KnowledgeTopic[];
  updatedAt: Date;
  withdrawnAt: Date | null;
  /** Earlier versions, the latest first. */
  earlier: ArticleVersion[];
}

const summary = { slug: knowledgeArticles.slug, titleSv: knowledgeArticles.titleSv, titleEn: knowledgeArticles.titleEn, reviewOn: knowledgeArticles.reviewOn, version: knowledgeArticles.version, topics: knowledgeArticles.topics, withdrawnAt: knowledgeArticles.withdrawnAt };

/** Every article, withdrawn ones too (the list shows them apart), by Swedish title. */
export async function listArticles(ctx: Context): Promise<ArticleSummary[]> {
  return ctx.db.select(summary).from(knowledgeArticles).orderBy(knowledgeArticles.titleSv);
}

/** The articles in force on a topic, for the form that links to them; none: the form links to the whole knowledge base. */
export async function articlesOnTopic(ctx: Context, topic: KnowledgeTopic): Promise<ArticleSummary[]> {
  return ctx.db
    .select(summary)
    .from(knowledgeArticles)
    .where(and(arrayContains(knowledgeArticles.topics, [topic]), isNull(knowledgeArticles.withdrawnAt)))
    .orderBy(knowledgeArticles.titleSv);
}

export async function getArticle(ctx: Context, slug: string): Promise<Article> {
  // A slug no article can have (a NUL, a space, an upper-case letter) names none: not looked up.
  if (!slugSchema.safeParse(slug).success) throw notFound('article');
  const [row] = await queryRows<Omit<Article, 'owner' | 'earlier' | 'savedAt'> & { id: number; ownerName: string | null; ownerEmail: string | null; ownerOrganisation: string | null }>(
    ctx.db,
    sql`select k.id, k.slug, k.version, k.title_sv as "titleSv", k.title_en as "titleEn", k.body_sv as "bodySv", k.body_en as "bodyEn", k.source_note as "sourceNote",
          k.review_on::text as "reviewOn", k.topics, k.updated_at as "updatedAt", k.withdrawn_at as "withdrawnAt",
          u.display_name as "ownerName", u.email as "ownerEmail", o.name as "ownerOrganisation"
        from knowledge_articles k left join users u on u.id = k.owner_id left join organisations o on o.id = coalesce(u.organisation_id, k.owner_organisation_id)
        where k.slug = ${slug}`,
  );
  if (!row) throw notFound('article');
  const earlier = await ctx.db
    .select({ version: knowledgeArticleVersions.version, titleSv: knowledgeArticleVersions.titleSv, titleEn: knowledgeArticleVersions.titleEn, bodySv: knowledgeArticleVersions.bodySv, bodyEn: knowledgeArticleVersions.bodyEn, sourceNote: knowledgeArticleVersions.sourceNote, reviewOn: knowledgeArticleVersions.reviewOn, savedAt: knowledgeArticleVersions.savedAt })
    .from(knowledgeArticleVersions)
    .where(eq(knowledgeArticleVersions.articleId, row.id))
    .orderBy(desc(knowledgeArticleVersions.version));
  const { id: _id, ownerName, ownerEmail, ownerOrganisation, ...article } = row;
  // A person's name and address are personal data: the public is told the organisation only
  // (an article an import gave an organisation and no person has only that).
  const signedIn = ctx.principal.kind !== 'anonymous';
  const owner = ownerOrganisation ? { name: signedIn ? ownerName : null, email: signedIn ? ownerEmail : null, organisation: ownerOrganisation } : null;
  return { ...article, updatedAt: new Date(article.updatedAt), withdrawnAt: article.withdrawnAt && new Date(article.withdrawnAt), savedAt: null, owner, earlier };
}

/**
 * One version of an article, its text in both languages as it stood: an
 * earlier one, or the current one by its number. A number the article never
 * had says which it has.
 */
export async function getArticleVersion(ctx: Context, slug: string, version: number): Promise<ArticleVersion & { slug: string; current: boolean }> {
  const article = await getArticle(ctx, slug);
  const { earlier, owner: _o, topics: _t, updatedAt: _u, withdrawnAt: _w, ...current } = article;
  if (version === article.version) return { ...current, current: true };
  const found = earlier.find((v) => v.version === version);
  if (!found) throw new DomainError('NOT_FOUND', `the article '${slug}' has no version ${version}: its versions are 1–${article.version}`);
  return { slug, ...found, current: false };
}

/** An article as the API gives it: the text in both languages as it stands, and of its earlier versions what changed when (their text: getArticleVersion, and the page's ?version=). */
export function articleAnswer(article: Article) {
  const { earlier, ...current } = article;
  return { ...current, earlier: earlier.map(({ version, titleSv, titleEn, reviewOn, savedAt }) => ({ version, titleSv, titleEn, reviewOn, savedAt })) };
}

const organisationOf = (ctx: Context) => (ctx.principal.kind === 'anonymous' ? 0 : ctx.principal.organisationId);

/** The person named as owner by e-mail address and their organisation, or null for none; an address without an account names the field. */
async function ownerOf(ctx: Context, owner: string | null | undefined): Promise<{ id: number; organisationId: number } | null> {
  if (!owner) return null;
  const [person] = await ctx.db.select({ id: users.id, organisationId: users.organisationId }).from(users).where(eq(users.email, owner));
  if (!person) throw invalid([{ field: 'owner', message: 'must be the e-mail address of a person with an account' }]);
  return person;
}

type ArticleRow = typeof knowledgeArticles.$inferSelect;

/**
 * Keeps the article as it stands as a version and writes `fields` over it
 * at the next version: the one way an article's text changes (the form and
 * the API through changeArticle, an import through apply-articles.ts).
 */
export async function writeNextVersion(ctx: Context, article: ArticleRow, fields: Partial<Omit<ArticleRow, 'id' | 'slug' | 'version' | 'createdAt' | 'updatedAt' | 'withdrawnAt'>>): Promise<ArticleRow> {
  const { id, slug: _slug, version, createdAt: _c, updatedAt: _u, topics: _t, withdrawnAt: _w, ...kept } = article;
  await ctx.db.insert(knowledgeArticleVersions).values({ ...kept, articleId: id, version, savedAt: new Date() });
  const [changed] = await ctx.db.update(knowledgeArticles).set({ ...fields, version: version + 1, updatedAt: new Date() }).where(eq(knowledgeArticles.id, id)).returning();
  return changed!;
}

/** Adds an article at version 1. */
export async function addArticle({ ctx, input }: { ctx: Context; input: AddArticleInput }) {
  requireKnowledgeEditor(ctx);
  const { owner, ...fields } = parseInput(addArticleSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const owned = await ownerOf(ctx, owner);
    // A slug is the article's address for good: a withdrawn article keeps its own.
    const [added] = await ctx.db.insert(knowledgeArticles).values({ ...fields, ownerId: owned?.id ?? null, ownerOrganisationId: owned?.organisationId ?? null }).onConflictDoNothing({ target: knowledgeArticles.slug }).returning();
    if (!added) throw invalid([{ field: 'slug', message: 'is the address of another article: choose another' }]);
    await audit(ctx, { action: 'knowledge_article.add', entityType: 'knowledge_article', entityId: added.id, before: null, after: added, organisationId: organisationOf(ctx) });
    return added;
  });
}

/** Changes an article, keeping the version it replaces. */
export async function changeArticle({ ctx, slug, input }: { ctx: Context; slug: string; input: ChangeArticleInput }) {
  requireKnowledgeEditor(ctx);
  const { owner, expectedVersion, ...fields } = parseInput(changeArticleSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [article] = await ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, slug)).for('update');
    if (!article) throw notFound('article');
    const owned = await ownerOf(ctx, owner);
    if (expectedVersion !== article.version) throw conflict(`the article was changed by someone else (version ${article.version}, you saw ${expectedVersion})`, { version: article.version });
    if (article.withdrawnAt) throw conflict('the article is withdrawn: its text is kept as it was', { version: article.version });
    // The organisation goes with the person named; a form that names none keeps
    // an organisation an import gave without a person, and clears a person's.
    const ownerOrganisationId = owned ? owned.organisationId : article.ownerId ? null : article.ownerOrganisationId;
    const changed = await writeNextVersion(ctx, article, { ...fields, ownerId: owned?.id ?? null, ownerOrganisationId });
    const { id, slug: _slug, createdAt: _c, withdrawnAt: _w, ...before } = article;
    await audit(ctx, { action: 'knowledge_article.change', entityType: 'knowledge_article', entityId: id, before, after: changed, organisationId: organisationOf(ctx) });
    return changed;
  });
}

/** Withdraws an article: it stays readable with its history, but is no longer guidance in force (the list, the forms' links, the reminders). */
export async function withdrawArticle({ ctx, slug, input }: { ctx: Context; slug: string; input: z.input<typeof withdrawArticleSchema> }) {
  requireKnowledgeEditor(ctx);
  const { expectedVersion } = parseInput(withdrawArticleSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [article] = await ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, slug)).for('update');
    if (!article) throw notFound('article');
    if (expectedVersion !== article.version) throw conflict(`the article was changed by someone else (version ${article.version}, you saw ${expectedVersion})`, { version: article.version });
    if (article.withdrawnAt) throw conflict('the article is withdrawn already', { version: article.version });
    const [withdrawn] = await ctx.db.update(knowledgeArticles).set({ withdrawnAt: new Date() }).where(eq(knowledgeArticles.id, article.id)).returning();
    await audit(ctx, { action: 'knowledge_article.withdraw', entityType: 'knowledge_article', entityId: article.id, before: { withdrawnAt: null }, after: { withdrawnAt: withdrawn!.withdrawnAt }, organisationId: organisationOf(ctx) });
    return withdrawn!;
  });
}

/** Puts a withdrawn article back in force, its text as it was withdrawn: it returns to the list, the forms' links and the reminders. */
export async function reinstateArticle({ ctx, slug, input }: { ctx: Context; slug: string; input: z.input<typeof reinstateArticleSchema> }) {
  requireKnowledgeEditor(ctx);
  const { expectedVersion } = parseInput(reinstateArticleSchema, input);
  return inTransaction(ctx, async (ctx) => {
    const [article] = await ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, slug)).for('update');
    if (!article) throw notFound('article');
    if (expectedVersion !== article.version) throw conflict(`the article was changed by someone else (version ${article.version}, you saw ${expectedVersion})`, { version: article.version });
    if (!article.withdrawnAt) throw conflict('the article is in force already', { version: article.version });
    const [reinstated] = await ctx.db.update(knowledgeArticles).set({ withdrawnAt: null }).where(eq(knowledgeArticles.id, article.id)).returning();
    await audit(ctx, { action: 'knowledge_article.reinstate', entityType: 'knowledge_article', entityId: article.id, before: { withdrawnAt: article.withdrawnAt }, after: { withdrawnAt: null }, organisationId: organisationOf(ctx) });
    return reinstated!;
  });
}

/** The articles in force, in full, as GET /api/knowledge/articles/{slug} gives each (for the open data: every article is public). */
export async function articlesInForce(ctx: Context): Promise<Article[]> {
  const slugs = await ctx.db.select({ slug: knowledgeArticles.slug }).from(knowledgeArticles).where(isNull(knowledgeArticles.withdrawnAt)).orderBy(knowledgeArticles.slug);
  const out: Article[] = [];
  // A few dozen articles at most: one read each keeps one shape for the page, the API and the export.
  for (const { slug } of slugs) out.push(await getArticle(ctx, slug));
  return out;
}
