import { AppError } from '../../../shared/errors';

/** A readable one-line message for anything thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
