// The closed set of errors the domain raises. Each transport maps them once:
// HTTP status (src/api/errors.ts), form message, CLI exit code.
export const ERROR_CODES = ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'VALIDATION', 'TOO_MANY_REQUESTS'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** The field or query parameter, dotted for nested input: "events.2.date". */
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** For CONFLICT: what is stored now (what the other person saved), for the writer to compare with theirs. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, current?: unknown) => new DomainError('CONFLICT', message, [], current);
export const invalid = (problems: FieldProblem[]) =>
  new DomainError('VALIDATION', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
