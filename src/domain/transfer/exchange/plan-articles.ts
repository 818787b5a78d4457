// What an import would do with the knowledge base's guidance articles,
// checked row by row with the verb's own schema (knowledge/articles.ts): the
// address, both titles and texts, the review day, the topics. An article is
// its address (the slug), withdrawn ones too: a row matches the article with
// that slug and, where it says something else, changes it (apply keeps the
// text it replaces as a version). An import never removes, withdraws or
// reinstates an article, and a withdrawn one's text is kept as it was: a row
// that would change it is a problem. The owner is named by organisation, as
// the files name it (format.ts): an organisation with accounts, by its short
// name or its name; a person named on the article stays while the row names
// that person's organisation. The articles' earlier versions come in a table
// of their own, planned with their article (plan-article-versions.ts).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { KNOWLEDGE_TOPICS, type KnowledgeTopic } from '../../../db/schema.ts';
import type { Context } from '../../context.ts';
import { addArticleSchema } from '../../knowledge/articles.ts';
import { RowReader } from './cells.ts';
import { columnFor, same, withAbsentKept } from './compare.ts';
import { planVersionsOf, readArticleVersions, registeredVersions, type PlannedArticleVersion, type RegisteredArticle, type VersionValues } from './plan-article-versions.ts';
import type { Action, ImportPlan } from './plan.ts';
import type { ReadTable } from './read.ts';

/** What an article says now: what each of its versions says (VersionValues), and the forms that link to it. */
export interface ArticleValues extends VersionValues {
  /** In KNOWLEDGE_TOPICS' order: a file that lists them in another order changes nothing. */
  topics: KnowledgeTopic[];
}
export interface PlannedArticle {
  ref: { id: number | null };
  slug: string;
  action: Action;
  values: ArticleValues;
  /** The person who keeps the matched article, kept while the row names their organisation; else none. */
  ownerId: number | null;
  /** The file's earlier versions of it, in order; those to create are written and the article then stands at the number after the last. */
  versions: PlannedArticleVersion[];
}

export const articleColumn = columnFor({ slug: 'article', titleSv: 'title', bodySv: 'text', bodyEn: 'text_en', ownerOrganisationId: 'owner_organisation' });

type Outcome = (r: RowReader, action: Action, what: string) => void;

const byTopicOrder = (topics: readonly KnowledgeTopic[]) => KNOWLEDGE_TOPICS.filter((t) => topics.includes(t));

export async function planArticles(ctx: Context, table: ReadTable | undefined, versionTable: ReadTable | undefined, plan: ImportPlan, outcome: Outcome) {
  if (!table && !versionTable) return;
  const registered = await existingArticles(ctx);
  const organisations = await queryRows<{ id: number; slug: string; name: string }>(ctx.db, sql`select id, slug, name from organisations order by id`);
  const versionsRead = readArticleVersions(versionTable, table, plan, (r) => organisationOf(r, organisations));
  const registerHistory = versionsRead.size ? await registeredVersions(ctx) : new Map();
  if (!table) return;
  const firstRow = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(table.file, 'knowledge_articles', row, plan.problems);
    const input = {
      slug: r.text('article'), titleSv: r.text('title'), titleEn: r.text('title_en'), bodySv: r.text('text'), bodyEn: r.text('text_en'),
      sourceNote: r.text('source_note'), reviewOn: r.text('review_on'), topics: r.list('topics'),
    };
    const parsed = r.parse(addArticleSchema, input, articleColumn);
    const owner = organisationOf(r, organisations);
    if (!parsed || owner === undefined) continue;
    const { slug, owner: _person, topics, ...text } = parsed;
    const earlier = firstRow.get(slug);
    if (earlier !== undefined) {
      r.problem('article', `the article '${slug}' comes twice in the file (rows ${earlier} and ${row.row}); give each article one row`);
      continue;
    }
    firstRow.set(slug, row.row);

    const match = registered.get(slug);
    const read: ArticleValues = { ...text, sourceNote: text.sourceNote ?? null, ownerOrganisationId: owner, topics: byTopicOrder(topics) };
    const values = withAbsentKept(read, match?.values, table, articleColumn);
    const rowAction: Action = !match ? 'create' : same(match.values, values) ? 'unchanged' : 'change';
    if (rowAction === 'change' && match!.withdrawn) {
      r.problem('article', `the article '${slug}' is withdrawn: its text is kept as it was; put it back in force on its page (/kunskap/${slug}) before changing it`);
      continue;
    }
    const fileVersions = versionsRead.get(slug);
    const versions = fileVersions ? planVersionsOf(slug, fileVersions, versionTable!, match, match && registerHistory.get(match.id), outcome) : [];
    if (!versions) continue;
    // Versions the register lacks change the article even where its text is the same: it stands at a later number.
    const action: Action = rowAction === 'unchanged' && versions.some((v) => v.action === 'create') ? 'change' : rowAction;
    const keepsPerson = match?.ownerId != null && match.values.ownerOrganisationId === values.ownerOrganisationId;
    plan.articles.push({ ref: { id: match?.id ?? null }, slug, action, values, ownerId: keepsPerson ? match!.ownerId : null, versions });
    outcome(r, action, `article ${slug}`);
  }
}

/** The organisation a row names by short name or by name (null: none named), or undefined after a problem. */
function organisationOf(r: RowReader, organisations: Array<{ id: number; slug: string; name: string }>): number | null | undefined {
  const named = r.text('owner_organisation');
  if (named === undefined) return r.row.cells.owner_organisation ? undefined : null; // a refused cell (a formula) is not "none"
  const text = named.trim();
  const bySlug = organisations.find((o) => o.slug === text);
  if (bySlug) return bySlug.id;
  const byName = organisations.filter((o) => o.name.trim().toLocaleLowerCase('sv') === text.toLocaleLowerCase('sv'));
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) {
    r.problem('owner_organisation', `several organisations are called '${text}'; write the short name of one: ${byName.map((o) => o.slug).join(', ')}`);
    return undefined;
  }
  r.problem('owner_organisation', `no organisation '${text}' has accounts in Ortsband; write the short name or the name of one (an import does not create organisations)`);
  return undefined;
}

// What the register holds, in the shape a plan compares with: withdrawn
// articles too (their slugs are taken for good).
async function existingArticles(ctx: Context): Promise<Map<string, RegisteredArticle>> {
  const rows = await queryRows<ArticleValues & { id: number; slug: string; version: number; ownerId: number | null; withdrawn: boolean }>(
    ctx.db,
    sql`select k.id, k.slug, k.version, k.owner_id as "ownerId", k.withdrawn_at is not null as withdrawn, k.title_sv as "titleSv", k.title_en as "titleEn", k.body_sv as "bodySv", k.body_en as "bodyEn",
          k.source_note as "sourceNote", coalesce(u.organisation_id, k.owner_organisation_id) as "ownerOrganisationId", k.review_on::text as "reviewOn", k.topics
        from knowledge_articles k left join users u on u.id = k.owner_id`,
  );
  return new Map(rows.map(({ id, slug, version, ownerId, withdrawn, topics, ...values }) => [slug, { id, version, ownerId, withdrawn, values: { ...values, topics: byTopicOrder(topics) } }]));
}
