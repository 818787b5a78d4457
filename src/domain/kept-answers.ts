// Answers kept in memory per database and data version (data-version.ts):
// an answer asked for again before anything changed is the same promise,
// and requests that arrive together while it is being read share that one
// read. Anything written bumps the version, so a kept answer is never older
// than the register it answers for. A failed read is not kept; the oldest
// answer goes first when there are more than `size`.
import type { Executor } from '../db/client.ts';
import type { Context, Principal } from './context.ts';
import { versionOfRead } from './data-version.ts';

export function keptPerVersion<T>(size: number) {
  const kept = new WeakMap<Executor, Map<string, Promise<T>>>();
  // `version`: the data version the caller read already, when it asks for several kept answers at once; else the one its read began at (versionOfRead).
  return async (ctx: Context, key: string, make: () => Promise<T>, version?: number): Promise<T> => {
    const full = `${version ?? (await versionOfRead(ctx))}|${key}`;
    let answers = kept.get(ctx.db);
    if (!answers) kept.set(ctx.db, (answers = new Map()));
    const hit = answers.get(full);
    if (hit) return hit;
    const made = make();
    made.catch(() => answers.delete(full));
    answers.set(full, made);
    if (answers.size > size) answers.delete(answers.keys().next().value!);
    return made;
  };
}

/** Who reads, as far as what they may read differs (access.ts canReadRow): the public, the system, or a signed-in person of an organisation. */
export const readsAs = (principal: Principal): string => (principal.kind === 'user' ? `organisation ${principal.organisationId}` : principal.kind);
