import type { z } from 'zod';
import { invalid, type FieldProblem } from './errors.ts';

/**
 * Text no column can hold, wherever it is in an input: PostgreSQL refuses a
 * NUL in text, and half a UTF-16 surrogate pair is no character at all. A
 * form or a JSON body can carry either; refused here with the field named,
 * they never reach the database as a 500.
 */
function unstorableText(value: unknown, path: string, problems: FieldProblem[], depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push({ field: path || '(input)', message: 'contains a NUL character, which cannot be stored' });
    else if (!value.isWellFormed()) problems.push({ field: path || '(input)', message: 'is not valid Unicode text' });
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && depth < 20) {
    for (const [key, inner] of Object.entries(value)) unstorableText(inner, path ? `${path}.${key}` : key, problems, depth + 1);
  }
}

/** Parses a verb's input with its schema; a failure names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const unstorable: FieldProblem[] = [];
  unstorableText(input, '', unstorable);
  if (unstorable.length) throw invalid(unstorable);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(
    result.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : '(input)',
      message: issue.message,
    })),
  );
}

/**
 * An editorial note is written in Swedish (`note`), and `noteEn` is its
 * English: an English note alone would be shown in neither language.
 */
export const englishTranslatesNote = (record: { note?: string | null; noteEn?: string | null }) => !record.noteEn || !!record.note;
export const ENGLISH_NEEDS_NOTE = { message: 'translates note: write the Swedish note too', path: ['noteEn'] };
