// Error envelope used across every door (IPC, HTTP bridge, CLI). Only code + message cross a boundary.

export type ErrorCode =
  | 'INVALID_REQUEST' // payload failed validation
  | 'NOT_FOUND'
  | 'IMPORT_REJECTED' // the file is not acceptable (empty, binary, too large, bad encoding...)
  | 'BAD_QUERY'
  | 'ARCHIVE_ERROR' // the archive cannot be opened or written
  | 'ARCHIVE_DAMAGED' // the archive file failed SQLite's integrity check
  | 'FORBIDDEN' // caller not allowed (bad sender, missing token)
  | 'UNAVAILABLE' // a service the action needs (the team server) cannot be reached
  | 'INTERNAL';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

/** Turns anything thrown into the envelope; unknown errors keep their message but get code INTERNAL. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message || err.name };
  return { code: 'INTERNAL', message: String(err) };
}
