// What an import would do with the earlier versions of guidance articles
// (the table knowledge_article_versions). A version is its article and its
// number; the file's versions of an article must run 1, 2, … with no gap or
// number twice, each replaced no earlier than the one before, and the
// article's own row must be in the file (a version goes with its article).
//
// History is never rewritten. Against the register's article at version c
// (its earlier versions 1 … c-1):
// - a version the register has must be the same in the file, or it is a
//   problem naming the first column that differs;
// - versions c … n the register lacks are written when the file's version c
//   is the text the register's article says now (its history continues the
//   register's), the article then standing at version n+1 with its row's
//   text; otherwise the two histories differ and it is a problem;
// - an article without versions in the file keeps the history it has.
// A new article is written with every version the file gives it.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { Context } from '../../context.ts';
import { isCalendarDay } from '../../dates.ts';
import { changeArticleSchema } from '../../knowledge/articles.ts';
import { RowReader } from './cells.ts';
import { columnFor, same, withAbsentKept } from './compare.ts';
import type { Action, ImportPlan } from './plan.ts';
import type { ArticleValues } from './plan-articles.ts';
import type { ReadTable } from './read.ts';

/** What one version said, as the file and the register are compared. */
export interface VersionValues {
  titleSv: string;
  titleEn: string;
  bodySv: string;
  bodyEn: string;
  sourceNote: string | null;
  /** The organisation that keeps it: the named person's, or the one recorded without a person. */
  ownerOrganisationId: number | null;
  reviewOn: string;
}
export interface PlannedArticleVersion {
  slug: string;
  version: number;
  action: Extract<Action, 'create' | 'unchanged'>;
  values: VersionValues;
  /** When it was replaced by the next, as an ISO 8601 instant in UTC to the millisecond. */
  replacedAt: string;
  /** The person who kept it: the register's, for the version that was its article as it stood; else none. */
  ownerId: number | null;
}

/** A version row as read and checked on its own. */
export interface ReadVersion {
  reader: RowReader;
  version: number;
  values: VersionValues;
  replacedAt: string;
}

/** The register's article a file's row matched, as far as its versions are concerned. */
export interface RegisteredArticle {
  id: number;
  version: number;
  withdrawn: boolean;
  ownerId: number | null;
  values: ArticleValues;
}

export const versionColumn = columnFor({ titleSv: 'title', bodySv: 'text', bodyEn: 'text_en', ownerOrganisationId: 'owner_organisation', replacedAt: 'replaced_at' });

// The version's own fields are checked as the form checks an article's.
const versionSchema = changeArticleSchema.pick({ titleSv: true, titleEn: true, bodySv: true, bodyEn: true, sourceNote: true, reviewOn: true });

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,6}))?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** An instant as the files write one, in UTC to the millisecond; undefined (with the problem named) when it is not one. */
function instantOf(r: RowReader): string | undefined {
  const text = r.text('replaced_at');
  if (text === undefined) {
    if (!r.row.cells.replaced_at) r.problem('replaced_at', 'is empty; it is needed (when the version was replaced by the next, as 2026-11-02T09:30:00.000Z)');
    return undefined;
  }
  const match = INSTANT.exec(text.trim());
  if (!match || !isCalendarDay(match[1]!)) {
    r.problem('replaced_at', `'${text}' is not a date and time with a time zone; write it as 2026-11-02T09:30:00.000Z`);
    return undefined;
  }
  const at = new Date(text.trim());
  if (at.getTime() > Date.now()) {
    r.problem('replaced_at', `'${text}' is in the future; a version is replaced when the next is saved`);
    return undefined;
  }
  return at.toISOString();
}

/**
 * Reads and checks the version rows by themselves: fields, numbers and
 * order per article, and that the article has a row in the file. Gives the
 * versions per article address, in order, of the articles whose every
 * version row was read without a problem.
 */
export function readArticleVersions(
  table: ReadTable | undefined,
  articleTable: ReadTable | undefined,
  plan: ImportPlan,
  organisationOf: (r: RowReader) => number | null | undefined,
): Map<string, ReadVersion[]> {
  const bySlug = new Map<string, ReadVersion[]>();
  if (!table) return bySlug;
  const inFile = new Set((articleTable?.rows ?? []).map((row) => (row.cells.article ?? '').trim()).filter(Boolean));
  const refused = new Set<string>();
  for (const row of table.rows) {
    const r = new RowReader(table.file, 'knowledge_article_versions', row, plan.problems);
    const slug = r.text('version_of')?.trim();
    if (!slug) {
      if (!row.cells.version_of) r.problem('version_of', "is empty; it is needed (the address of the article it is a version of)");
      continue;
    }
    if (!inFile.has(slug)) {
      r.problem('version_of', `no article '${slug}' in the knowledge_articles table of this import; an earlier version is imported with its article's row`);
      continue;
    }
    const number = r.number('version');
    const numbered = number !== undefined && Number.isInteger(number) && number >= 1 && number <= 1_000_000;
    if (!numbered) {
      if (number !== undefined || !row.cells.version) r.problem('version', number === undefined ? 'is empty; it is needed (1, 2, 3 …)' : `'${row.cells.version}' is not a version number; write a whole number from 1`);
    }
    const parsed = r.parse(versionSchema, { titleSv: r.text('title'), titleEn: r.text('title_en'), bodySv: r.text('text'), bodyEn: r.text('text_en'), sourceNote: r.text('source_note'), reviewOn: r.text('review_on') }, versionColumn);
    const owner = organisationOf(r);
    const replacedAt = instantOf(r);
    if (!numbered || !parsed || owner === undefined || replacedAt === undefined) {
      refused.add(slug);
      continue;
    }
    const values: VersionValues = { ...parsed, sourceNote: parsed.sourceNote ?? null, ownerOrganisationId: owner };
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), { reader: r, version: number, values, replacedAt }]);
  }
  for (const [slug, versions] of bySlug) {
    if (refused.has(slug) || !inOrder(slug, versions)) bySlug.delete(slug);
    else versions.sort((a, b) => a.version - b.version);
  }
  return bySlug;
}

/** Whether an article's versions run 1, 2, … once each, each replaced no earlier than the one before; each problem names its row. */
function inOrder(slug: string, versions: ReadVersion[]): boolean {
  const sorted = [...versions].sort((a, b) => a.version - b.version || a.reader.row.row - b.reader.row.row);
  let fine = true;
  for (const [i, v] of sorted.entries()) {
    const before = sorted[i - 1];
    if (before?.version === v.version) {
      v.reader.problem('version', `version ${v.version} of the article '${slug}' comes twice in the file (rows ${before.reader.row.row} and ${v.reader.row.row}); give each version one row`);
      fine = false;
    } else if (v.version !== (before?.version ?? 0) + 1) {
      const missing = (before?.version ?? 0) + 1;
      v.reader.problem('version', `the article '${slug}' has version ${v.version} but no version ${missing}${missing === v.version - 1 ? '' : `–${v.version - 1}`}; its versions run 1, 2, 3 … without a gap`);
      fine = false;
    } else if (before && v.replacedAt < before.replacedAt) {
      v.reader.problem('replaced_at', `version ${v.version} of the article '${slug}' was replaced (${v.replacedAt}) before version ${before.version} was (${before.replacedAt}); a version is replaced after the one before it`);
      fine = false;
    }
  }
  return fine;
}

/** The register's earlier versions of every article, by article id and number. */
export async function registeredVersions(ctx: Context): Promise<Map<number, Map<number, VersionValues & { replacedAt: string }>>> {
  const rows = await queryRows<VersionValues & { articleId: number; version: number; replacedAt: string }>(
    ctx.db,
    sql`select v.article_id as "articleId", v.version, v.title_sv as "titleSv", v.title_en as "titleEn", v.body_sv as "bodySv", v.body_en as "bodyEn", v.source_note as "sourceNote",
          coalesce(u.organisation_id, v.owner_organisation_id) as "ownerOrganisationId", v.review_on::text as "reviewOn",
          to_char(v.saved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "replacedAt"
        from knowledge_article_versions v left join users u on u.id = v.owner_id`,
  );
  const out = new Map<number, Map<number, VersionValues & { replacedAt: string }>>();
  for (const { articleId, version, ...values } of rows) out.set(articleId, (out.get(articleId) ?? new Map()).set(version, values));
  return out;
}

/**
 * The versions of one article a file gives, planned against the register's
 * article (none: a new one): each version's action, or null after a problem
 * naming its row.
 */
export function planVersionsOf(
  slug: string,
  read: ReadVersion[],
  table: ReadTable,
  registered: RegisteredArticle | undefined,
  earlier: Map<number, VersionValues & { replacedAt: string }> | undefined,
  outcome: (r: RowReader, action: Action, what: string) => void,
): PlannedArticleVersion[] | null {
  const planned: PlannedArticleVersion[] = [];
  const withdrawn = (v: ReadVersion) => v.reader.problem('version_of', `the article '${slug}' is withdrawn: its text and versions are kept as they were; put it back in force on its page (/kunskap/${slug}) first`);
  for (const v of read) {
    if (registered && v.version < registered.version) {
      // A version the register has: the same, or a rewritten history (one the register lacks below its number cannot be added).
      const kept = earlier?.get(v.version);
      const { replacedAt: keptAt, ...keptValues } = kept ?? { replacedAt: undefined };
      const values = withAbsentKept(v.values, kept && (keptValues as VersionValues), table, versionColumn);
      const differs = !kept ? 'version' : (Object.keys(values) as Array<keyof VersionValues>).find((f) => !same(values[f], (keptValues as VersionValues)[f])) ?? (v.replacedAt !== keptAt ? 'replacedAt' : undefined);
      if (differs) {
        v.reader.problem(versionColumn(differs), `version ${v.version} of the article '${slug}' differs from the register's version ${v.version} in ${versionColumn(differs)}; an import never rewrites an earlier version`);
        return null;
      }
      planned.push({ slug, version: v.version, action: 'unchanged', values, replacedAt: v.replacedAt, ownerId: null });
      continue;
    }
    if (registered && v.version === registered.version) {
      // The register's article as it stands becomes this version: the file's must be its text.
      const { topics: _topics, ...current } = registered.values;
      const values = withAbsentKept(v.values, current, table, versionColumn);
      const differs = (Object.keys(values) as Array<keyof VersionValues>).find((f) => !same(values[f], current[f]));
      if (differs) {
        v.reader.problem(
          versionColumn(differs),
          `the register's article '${slug}' stands at version ${registered.version} with another ${versionColumn(differs)} than the file's version ${v.version}: the two histories differ, and an import never rewrites one`,
        );
        return null;
      }
      if (registered.withdrawn) {
        withdrawn(v);
        return null;
      }
      planned.push({ slug, version: v.version, action: 'create', values, replacedAt: v.replacedAt, ownerId: registered.ownerId });
      continue;
    }
    if (registered?.withdrawn) {
      withdrawn(v);
      return null;
    }
    planned.push({ slug, version: v.version, action: 'create', values: v.values, replacedAt: v.replacedAt, ownerId: null });
  }
  for (const [i, p] of planned.entries()) outcome(read[i]!.reader, p.action, `version ${p.version} of article ${slug}`);
  return planned;
}
