// Error envelope used across every door (IPC, HTTP bridge, CLI): `{code, message, details}`. The message is a
// sentence for a person; anything a program needs (a position in the query, a log reference) is in `details`.

/** Every error code, as a value: the renderer checks incoming codes against this list. */
export const ERROR_CODES = [
  'INVALID_REQUEST', // payload failed validation
  'NOT_FOUND',
  'IMPORT_REJECTED', // the file is not acceptable (empty, binary, too large, bad encoding...)
  'BAD_QUERY',
  'ARCHIVE_ERROR', // the archive cannot be opened or written
  'ARCHIVE_DAMAGED', // the archive file failed SQLite's integrity check
  'FORBIDDEN', // caller not allowed (bad sender, missing token)
  'UNAVAILABLE', // a service the action needs (the team database) cannot be reached
  'INTERNAL', // a fault in Tala itself: the details were logged under `details.logRef`
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Structured data about an error; every field is optional and JSON-safe. */
export interface ErrorDetails {
  /** BAD_QUERY: 0-based character position in the query the parser stopped at. */
  position?: number;
  /** BAD_QUERY: the text found there ('' at the end of the query). */
  token?: string;
  /** INVALID_REQUEST: where in the request the bad value is (`request.limit`). */
  path?: string;
  /** INTERNAL: the reference under which the full error (stack, SQL) was logged. */
  logRef?: string;
  /** Transport between threads only: the message is raw (may hold SQL) and must not reach a person. */
  unexpected?: boolean;
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/**
 * The envelope of anything thrown, for passing between threads of one process (workers → host). Unknown
 * errors keep their raw message, flagged `unexpected`: the doors replace it by a plain sentence and log it.
 */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  }
  const message = err instanceof Error ? err.message || err.name : String(err);
  return { code: 'INTERNAL', message, details: { unexpected: true } };
}

/** Rebuilds the error a worker sent (see toErrorInfo). */
export function fromErrorInfo(info: ErrorInfo): AppError {
  return new AppError(isErrorCode(info.code) ? info.code : 'INTERNAL', info.message, info.details);
}
