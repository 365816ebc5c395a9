// Reading a file named for import: only regular files, and never more than the import limit. A device such as
// /dev/zero would otherwise be read until memory runs out, and opening a FIFO would wait forever for a writer.
import { closeSync, constants, fstatSync, openSync, readSync, type BigIntStats } from 'node:fs';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/contract';
import { AppError } from '../../shared/errors';

const CHUNK = 1024 * 1024;

/** What a read kept for the next read of the same file (one file: `tala import`'s first, read ahead). */
let kept: { path: string; identity: string; bytes: Uint8Array } | undefined;

/** The file as this open shows it: the same path, inode, size and change times mean the same bytes. */
function identityOf(stat: BigIntStats): string {
  return [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':');
}

/**
 * Reads a file named for import. `keep`: the bytes are kept for the next read of the same path, which returns them
 * instead of reading again when the open file is still the same (inode, size, modification and change times): the
 * parse ahead of `tala import`'s first file (import-ahead.ts) and then its import read it once (a 2 MB file: ~6 ms of
 * CPU once instead of twice). Any other read drops what was kept.
 */
export function readImportFile(path: string, limit = MAX_IMPORT_BYTES, { keep = false } = {}): Uint8Array {
  const earlier = kept;
  kept = undefined;
  // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; regular files ignore it.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    // Checked on the open file, so a path swapped after a stat cannot slip a device in.
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile())
      throw new AppError(
        'IMPORT_REJECTED',
        `${basename(path)}: not a regular file (a device, pipe or socket cannot be imported).`,
      );
    const tooLarge = () =>
      new AppError(
        'IMPORT_REJECTED',
        `${basename(path)}: the file is larger than the ${Math.round(limit / (1024 * 1024))} MB limit`,
      );
    if (stat.size > limit) throw tooLarge();
    const identity = identityOf(stat);
    if (earlier && earlier.path === path && earlier.identity === identity && earlier.bytes.byteLength <= limit)
      return earlier.bytes;
    // The limit is applied while reading too: a file can grow after the stat. The bytes are read into one buffer of
    // the size the stat promised plus one byte (to see a file that grew: read on in chunks of 1 MB then), and handed
    // on as a view of it: a 2 MB file read in 1 MB chunks, joined, then copied into a Uint8Array cost ~20 ms of CPU
    // (fresh memory is slow to touch on these machines: ~6 ms per 2 MB), twice per file for `tala import`; ~6 now.
    // The buffer is its own (not Node's shared pool), so a copy of the view to the parse worker copies this file only.
    let buffer = Buffer.allocUnsafeSlow(Number(stat.size) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const grown = Buffer.allocUnsafeSlow(Math.min(total + CHUNK, limit + 1));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const read = readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw tooLarge();
    }
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, total);
    if (keep) kept = { path, identity, bytes };
    return bytes;
  } finally {
    closeSync(fd);
  }
}
