import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorCode } from '../domain/errors.ts';

/** The one mapping of domain errors to HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** Codes of errors the HTTP layer itself answers, beside the domain's. */
export const HTTP_ERROR_CODES = ['UNAUTHENTICATED', 'METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INTERNAL'] as const;

/** The error as JSON; a conflict carries what is stored now (`current`) when the verb or the route says. */
export function errorBody(error: DomainError) {
  const { current } = error as DomainError & { current?: unknown };
  return { error: { code: error.code, message: error.message, problems: error.problems, ...(current === undefined ? {} : { current }) } };
}

export function methodNotAllowedBody(method: string, allow: string[]) {
  return { error: { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here; this address answers ${allow.join(', ')}`, problems: [] } };
}

export function internalErrorBody() {
  return { error: { code: 'INTERNAL', message: 'Something went wrong on our side', problems: [] } };
}
