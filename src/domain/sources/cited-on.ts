// The sources cited on records of one kind that carry their own citations
// (an action plan, an activity), as far as the reader may read each source.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { Citation } from '../agreements/get.ts';
import { canReadAlias } from '../access.ts';
import type { Context } from '../context.ts';

/** A source cited for a record, with the citation's id (how it is removed). */
export type RecordCitation = Citation & { id: number };

/**
 * The citations on the records `ids` of `subjectType`, oldest first, each
 * with the record's id (`subjectId`). A citation is read with its source
 * (docs/visibility.md): a source the reader may not read stays out.
 */
export async function citationsOn(ctx: Context, subjectType: 'action_plan' | 'activity', ids: number[]): Promise<Array<RecordCitation & { subjectId: number }>> {
  if (!ids.length) return [];
  return queryRows<RecordCitation & { subjectId: number }>(
    ctx.db,
    sql`select cit.id, cit.subject_id as "subjectId", src.slug as "sourceSlug", src.title, src.title_en as "titleEn", src.language, src.kind, src.url, src.published,
          src.archive_reference as "archiveReference", cit.passage, cit.passage_en as "passageEn", src.seed_file as "seedFile"
        from citations cit join sources src on src.id = cit.source_id
        where cit.subject_type = ${subjectType} and cit.subject_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and ${canReadAlias(ctx.principal, 'src')} order by cit.id`,
  );
}
