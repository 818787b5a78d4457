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
