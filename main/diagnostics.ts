// What the main process writes for developers rather than users: faults with their stack and SQL, slow
// queries. The app and the bridge log to stderr; the CLI keeps it quiet unless --verbose or TALA_DEBUG=1.
import { randomBytes } from 'node:crypto';
import { AppError, type ErrorInfo } from '../shared/errors';

export type DiagnosticSink = (line: string) => void;

const toStderr: DiagnosticSink = (line) => process.stderr.write(`${line}\n`);
let sink: DiagnosticSink | null = toStderr;

/** Where diagnostics go from now on; null drops them. */
export function setDiagnosticSink(next: DiagnosticSink | null): void {
  sink = next;
}

export function diagnostic(line: string): void {
  sink?.(line);
}

/** Whether TALA_DEBUG asks for diagnostics (1, true, yes). */
export function debugRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.TALA_DEBUG ?? '');
}

/** Logs a fault in full (stack, and the SQL the database layer appends) and returns its reference. */
export function logFault(err: unknown, context: string): string {
  const logRef = randomBytes(4).toString('hex');
  const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  const raw = err instanceof AppError && err.details?.unexpected ? `\n  reported by a worker: ${err.message}` : '';
  diagnostic(`[tala] fault ${logRef} in ${context}: ${text}${raw}`);
  return logRef;
}

const PLAIN_FAULT = 'Something went wrong inside Tala and this action was not completed.';

/**
 * The envelope a person sees for anything thrown: AppErrors as they are (their messages are written for
 * people), faults as a plain sentence with a log reference, never the raw text (it may hold SQL).
 */
export function publicError(err: unknown, context: string): ErrorInfo {
  if (err instanceof AppError && err.code !== 'INTERNAL') {
    return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  }
  const logRef = logFault(err, context);
  const deliberate = err instanceof AppError && !err.details?.unexpected;
  const message = deliberate ? err.message : PLAIN_FAULT;
  return { code: 'INTERNAL', message: `${message} (log reference ${logRef})`, details: { logRef } };
}
