import { DomainError } from '../../src/domain/errors.ts';

/** The DomainError a verb refuses with; fails the test when it is not refused. */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
