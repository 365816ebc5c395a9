// Every refusal of an untrusted file goes through here so the message always names the file.
import { AppError } from '../../shared/errors';

/** The file's own name, without any directory part and without control characters, for messages. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim();
  return clean || 'file';
}

export function reject(name: string, reason: string): never {
  throw new AppError('IMPORT_REJECTED', `${displayName(name)}: ${reason}`);
}
