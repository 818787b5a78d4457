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
export const HTTP_ERROR_CODES = ['METHOD_NOT_ALLOWED', 'INTERNAL'] as const;

export function errorBody(error: DomainError) {
  return { error: { code: error.code, message: error.message, problems: error.problems } };
}

export function methodNotAllowedBody(method: string, allow: string[]) {
  return { error: { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here; this address answers ${allow.join(', ')}`, problems: [] } };
}

export function internalErrorBody() {
  return { error: { code: 'INTERNAL', message: 'Something went wrong on our side', problems: [] } };
}
