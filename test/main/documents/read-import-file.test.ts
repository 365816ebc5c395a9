// Reading a file for import returns its bytes exactly, whatever its size against the read buffer (sized to the
// file's stat; a file that grew is read on in chunks of 1 MB), and refuses one past the limit.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../main/documents/read-import-file';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('tala-read-');
const MB = 1024 * 1024;

describe('readImportFile', () => {
  it('reads every byte of empty, small and multi-chunk files', () => {
    for (const size of [0, 1, 5000, MB - 1, MB, MB + 1, 2 * MB + 17]) {
      const file = join(dir, `f-${size}.bin`);
      const bytes = randomBytes(size);
      writeFileSync(file, bytes);
      const read = readImportFile(file);
      expect(read).toBeInstanceOf(Uint8Array);
      expect(read.byteLength).toBe(size);
      expect(Buffer.from(read).equals(bytes)).toBe(true);
      // Its memory holds this file alone (a copy of it to the parse worker copies nothing else).
      expect(read.buffer.byteLength).toBeLessThanOrEqual(size + 1);
    }
  });

  it('refuses a file past the limit and takes one exactly at it', () => {
    const file = join(dir, 'limit.txt');
    writeFileSync(file, 'x'.repeat(100));
    expect(() => readImportFile(file, 99)).toThrow(/limit\.txt: the file is larger than the/);
    expect(readImportFile(file, 100).byteLength).toBe(100);
  });

  // `tala import` reads its first file ahead (import-ahead.ts) and then imports it: one read for both.
  it('gives a kept read back to the next read of the unchanged file, and reads a changed file again', () => {
    const file = join(dir, 'kept.txt');
    writeFileSync(file, 'first version');
    const ahead = readImportFile(file, undefined, { keep: true });
    expect(readImportFile(file)).toBe(ahead); // the same bytes, not read again
    expect(readImportFile(file)).not.toBe(ahead); // kept for one read only

    const again = readImportFile(file, undefined, { keep: true });
    writeFileSync(file, 'second version, longer');
    expect(Buffer.from(readImportFile(file)).toString()).toBe('second version, longer');
    expect(Buffer.from(again).toString()).toBe('first version');

    // Another file's read drops what was kept.
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'other');
    const kept = readImportFile(file, undefined, { keep: true });
    readImportFile(other);
    expect(readImportFile(file)).not.toBe(kept);
  });
});
