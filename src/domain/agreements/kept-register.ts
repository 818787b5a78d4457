// A view of every readable agreement kept in memory between data versions,
// per database (a test process may open several) and audience: read in full
// once, then, when the data version has moved, read again only for the
// agreements changed since. Every change to an agreement or its events is
// audited on the agreement with the data version it made, and those versions
// are in commit order (audit.ts): what changed after version v is exactly the
// agreements audited after v.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import type { Context } from '../context.ts';
import { versionOfRead } from '../data-version.ts';

export interface KeptRegisterSpec<Rows, View> {
  /** What is read of the readable agreements with these ids, or of every agreement. */
  read(ctx: Context, ids: number[] | null): Promise<Rows>;
  /** The view of every readable agreement. */
  full(rows: Rows): View;
  /**
   * The view after the agreements with `ids` changed; `fresh` holds those
   * still readable. It may reuse `previous`'s indexes, but must leave what
   * `previous` hands out unchanged: a request may still be reading it.
   */
  replace(previous: View, ids: number[], fresh: Rows): View;
}

interface Kept<View> {
  version: number;
  view: View;
}

// Past this many changed agreements a full read is as quick as reading them one by one.
const MAX_INCREMENTAL = 5_000;

export function keptRegister<Rows, View>(spec: KeptRegisterSpec<Rows, View>): (ctx: Context) => Promise<View> {
  // The newest view per database and audience, or the read that makes it.
  const latest = new WeakMap<Executor, Map<string, Promise<Kept<View>>>>();

  async function refresh(ctx: Context, previous: Kept<View> | null, version: number): Promise<Kept<View>> {
    if (previous) {
      const changed = await queryRows<{ id: number }>(
        ctx.db,
        sql`select distinct entity_id as id from audit_log where entity_type = 'agreement' and data_version > ${previous.version}`,
      );
      if (!changed.length) return { version, view: previous.view };
      if (changed.length <= MAX_INCREMENTAL) {
        const ids = changed.map((r) => r.id);
        return { version, view: spec.replace(previous.view, ids, await spec.read(ctx, ids)) };
      }
    }
    return { version, view: spec.full(await spec.read(ctx, null)) };
  }

  return async (ctx) => {
    const audience = ctx.principal.kind === 'user' ? `user:${ctx.principal.organisationId}` : ctx.principal.kind;
    let byAudience = latest.get(ctx.db);
    if (!byAudience) latest.set(ctx.db, (byAudience = new Map()));
    // Read before the rows: a view is never older than the version it carries (a request's, as it arrived).
    const version = await versionOfRead(ctx);
    let pending = byAudience.get(audience);
    for (;;) {
      const current = pending ? await pending.catch(() => null) : null;
      if (current && current.version >= version) return current.view;
      // One read at a time; whoever finds the view out of date starts the next.
      if (byAudience.get(audience) === pending) {
        const next = refresh(ctx, current, version);
        byAudience.set(audience, next);
        return (await next).view;
      }
      pending = byAudience.get(audience);
    }
  };
}

/** `column` is one of `ids` (all rows when null): the filter of a spec's read(). */
export const onlyIds = (column: SQL, ids: number[] | null): SQL => (ids ? sql`${column} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})` : sql`true`);
