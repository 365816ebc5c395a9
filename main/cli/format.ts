// Small helpers the features' command lines share: argument readers that refuse misuse with a UsageError,
// and output writers. Light on purpose: the operation modules that use them load for `tala --help`.
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ImportProgress } from '../../shared/types';
import { neutraliseControls } from '../../shared/untrusted-text';
import { UsageError, type CliInput, type CliIO } from '../api/operation';
import { writePrivateFile } from '../backups/private-files';

export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** A command's printer: the answer as JSON with --json, else the text `say` makes of it. */
export function jsonOr<T>(say: (value: T) => string): (value: T, input: CliInput, io: CliIO) => void {
  return (value, input, io) => io.out(input.json ? json(value) : say(value));
}

/** A string option, or undefined when absent. */
export function option(input: CliInput, name: string): string | undefined {
  const value = input.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable option (`--tag a --tag b`). */
export function options(input: CliInput, name: string): string[] {
  const value = input.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

export function flag(input: CliInput, name: string): boolean {
  return input.values[name] === true;
}

/** A whole-number option within [min, max]; `fallback` when absent (undefined: required). */
export function intOption(
  input: CliInput,
  name: string,
  range: { min: number; max: number },
  fallback?: number,
): number {
  const raw = option(input, name);
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < range.min || value > range.max) {
    throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max}`);
  }
  return value;
}

/** An option limited to a list of words. */
export function choice<T extends string>(input: CliInput, name: string, allowed: readonly T[]): T | undefined {
  const raw = option(input, name);
  if (raw !== undefined && !(allowed as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  }
  return raw as T | undefined;
}

/** Writes a new file for the person running the command; never over an existing one. */
export function writeNewFile(file: string, data: string | Uint8Array): void {
  try {
    writePrivateFile(file, data, 'wx'); // owner-only, like the archive it comes from
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    const why = code === 'EEXIST' ? 'a file of that name already exists (EEXIST)' : message;
    throw new AppError('INVALID_REQUEST', `Cannot write ${file}: ${why}.`);
  }
}

/** Writes an export to --out FILE (never over an existing file), or prints it. */
export function writeOrPrint(content: string, out: string | undefined, io: CliIO): void {
  if (out === undefined) return io.out(content);
  writeNewFile(out, content);
  io.err(`wrote ${out}`);
}

/** Brackets the matches of a snippet for the terminal: [[word]]. */
export function markMatches(snippet: string, matches: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of matches) {
    out += `${snippet.slice(at, s)}[[${snippet.slice(s, e)}]]`;
    at = e;
  }
  return out + snippet.slice(at);
}

/** "[12/40] 30% report.pdf — about 20 s left" */
export function progressLine(p: ImportProgress): string {
  const share = p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.total > 0 ? p.done / p.total : 1;
  const step = Math.min(p.done + (p.current ? 1 : 0), p.total);
  const name = p.current ? shortName(basename(p.current)) : 'done';
  const seconds = p.secondsLeft;
  const left =
    seconds === null
      ? ''
      : seconds < 60
        ? ` — about ${Math.max(1, seconds)} s left`
        : ` — about ${Math.round(seconds / 60)} min left`;
  const state = p.waiting ? ' — waiting for another program writing to the archive…' : left;
  return `[${step}/${p.total}] ${Math.floor(share * 100)}% ${name}${p.current ? state : ''}`;
}

/** A file name fit for one terminal line: control characters escaped, at most 60 characters. */
function shortName(name: string): string {
  const clean = neutraliseControls(name).replace(/\s+/g, ' ');
  return clean.length > 60 ? `${clean.slice(0, 28)}…${clean.slice(-28)}` : clean;
}
