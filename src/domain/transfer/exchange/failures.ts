// What an import tells its user when the database refuses a write. The
// driver's error carries the whole statement and its values (Drizzle puts
// them in the message: 1.4 MB for a batch of events), so it is never shown:
// the SQLSTATE decides the answer, and only the first line of the database's
// own message, clipped, is quoted.
import { conflict, DomainError, invalid } from '../../errors.ts';

/** The longest message an import gives for one failure: a line, not a screen. */
export const MESSAGE_MAX = 300;

export function oneLine(text: string, max = MESSAGE_MAX): string {
  const line = text.split(/\r?\n/, 1)[0]!.trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

interface DatabaseError {
  code: string;
  message: string;
}

/** The database's error inside whatever wrapped it (Drizzle keeps it as `cause`). */
export function databaseErrorOf(error: unknown): DatabaseError | null {
  for (let at = error, depth = 0; at && typeof at === 'object' && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const { code, message } = at as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof message === 'string') return { code, message };
  }
  return null;
}

export const REGISTER_CHANGED = 'the register changed while this import was prepared (another import or an edit came first); nothing was written: run the import again';

/**
 * A failure during apply as the domain's error: a conflict when another
 * writer came first (a unique key taken, a row gone, a serialisation
 * failure or deadlock), a validation problem when the database refused a
 * value, and otherwise an error whose message is one clipped line.
 */
export function importFailure(error: unknown): Error {
  if (error instanceof DomainError) return error;
  const database = databaseErrorOf(error);
  if (!database) return new Error(`the import failed: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  const { code, message } = database;
  if (code === '23505' || code === '23503' || code === '40001' || code === '40P01') return conflict(REGISTER_CHANGED);
  // Class 22 (data exception) and 23 (integrity constraint): a value the checks before let through.
  if (code.startsWith('22') || code.startsWith('23')) return invalid([{ field: 'import', message: `the database refused a value (${code}): ${oneLine(message, 200)}` }]);
  return new Error(`the database failed during the import (${code}): ${oneLine(message, 200)}`);
}
