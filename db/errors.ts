/** Errors the data layer raises on purpose; the transports turn them into clear messages. */
import type { ApiErrorCode } from '../core/api';

export class CaseError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'CaseError';
  }
}

export class CaseFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'CaseFileError';
  }
}

export const notFound = (what: string, id: string) => new CaseError('not_found', `${what} ${id} was not found`);
export const conflict = (message: string) => new CaseError('conflict', message);
export const invalid = (message: string, issues?: string[]) => new CaseError('invalid', message, issues);
