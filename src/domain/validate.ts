import type { z } from 'zod';
import { invalid } from './errors.ts';

/** Parses a verb's input with its schema; a failure names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
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
