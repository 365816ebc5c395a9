// Damaging an archive file on disk the way a failing disk or a sync client would.
import { closeSync, openSync, statSync, writeSync } from 'node:fs';

/** Overwrites pages after the header with garbage: the schema is intact, the b-trees are not. */
export function damage(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  const garbage = Buffer.alloc(4096 * 3, 0x5a);
  writeSync(fd, garbage, 0, garbage.length, Math.min(4096 * 2, size - garbage.length));
  closeSync(fd);
}
