// Reading a file named for import: only regular files, and never more than the import limit. A device such as
// /dev/zero would otherwise be read until memory runs out, and opening a FIFO would wait forever for a writer.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/contract';
import { AppError } from '../../shared/errors';

const CHUNK = 1024 * 1024;

export function readImportFile(path: string, limit = MAX_IMPORT_BYTES): Uint8Array {
  // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; regular files ignore it.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    // Checked on the open file, so a path swapped after a stat cannot slip a device in.
    const stat = fstatSync(fd);
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
    // The limit is applied while reading too: a file can grow after the stat. The bytes are read into one buffer of
    // the size the stat promised plus one byte (to see a file that grew: read on in chunks of 1 MB then), and handed
    // on as a view of it: a 2 MB file read in 1 MB chunks, joined, then copied into a Uint8Array cost ~20 ms of CPU
    // (fresh memory is slow to touch on these machines: ~6 ms per 2 MB), twice per file for `tala import`; ~6 now.
    // The buffer is its own (not Node's shared pool), so a copy of the view to the parse worker copies this file only.
    let buffer = Buffer.allocUnsafeSlow(stat.size + 1);
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
    return new Uint8Array(buffer.buffer, buffer.byteOffset, total);
  } finally {
    closeSync(fd);
  }
}
