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
    // The limit is applied while reading too: a file can grow after the stat.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Sized to what the stat promised (plus one byte, to see a file that grew), then a 1-byte read to see the
      // end: a 5 KB file costs a 5 KB buffer and a 1-byte one, not two 1 MB buffers for the collector to reclaim.
      // A file that grew past its stat is read on in whole chunks.
      const size = total < stat.size ? Math.min(CHUNK, stat.size - total + 1) : total === stat.size ? 1 : CHUNK;
      const chunk = Buffer.allocUnsafe(size);
      const read = readSync(fd, chunk, 0, size, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw tooLarge();
      chunks.push(read === size ? chunk : chunk.subarray(0, read));
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}
