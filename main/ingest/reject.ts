// Every refusal of an untrusted file goes through here so the message always names the file.
import { AppError } from '../../shared/errors';

/** Longest file name shown in a message; longer ones keep their start and their extension. */
const MAX_SHOWN = 120;

/**
 * The file's own name, for messages: no directory part, no control characters, no bidirectional
 * overrides (which could make "evil‮txt.exe" read as a text file), and at most MAX_SHOWN characters.
 */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim();
  if (!clean) return 'file';
  if (clean.length <= MAX_SHOWN) return clean;
  const ext = /\.[^.]{1,10}$/.exec(clean)?.[0] ?? '';
  return `${clean.slice(0, MAX_SHOWN - ext.length - 1)}…${ext}`;
}

export function reject(name: string, reason: string): never {
  throw new AppError('IMPORT_REJECTED', `${displayName(name)}: ${reason}`);
}
