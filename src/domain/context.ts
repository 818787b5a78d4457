import type { Executor } from '../db/client.ts';
import type { Role } from '../db/schema.ts';

/** Who is acting. Anonymous readers see public records only. */
export type Principal =
  | { kind: 'anonymous' }
  // subject: how the audit log names them (their e-mail address).
  | { kind: 'user'; subject: string; organisationId: number; role: Role }
  // The shipped-data loader, imports and the command line act as the system.
  | { kind: 'system'; label: string; organisationId: number };

export interface Context {
  db: Executor;
  principal: Principal;
}

export const principalLabel = (p: Principal): string =>
  p.kind === 'user' ? p.subject : p.kind === 'system' ? p.label : 'anonymous';

/** Runs work in a transaction (a savepoint when already inside one). */
export function inTransaction<T>(ctx: Context, work: (ctx: Context) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx }));
}
