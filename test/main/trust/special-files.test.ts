// F6: only regular files are read for import, within the size limit; devices and FIFOs are refused at once.
import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../shared/contract';
import { tala } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const root = tempDir();
const archive = join(root, 'archive');

async function refusedAtOnce(path: string, reason: RegExp): Promise<void> {
  const started = performance.now();
  const result = await tala('--archive', archive, 'import', path, '--json');
  expect(performance.now() - started).toBeLessThan(10_000); // a hang or an endless read never gets here
  expect(result.code).toBe(1);
  expect(JSON.parse(result.out).failed).toEqual([{ path, error: expect.stringMatching(reason) }]);
}

describe('F6: files that are not regular files', () => {
  it('refuses /dev/zero without reading it', async () => {
    await refusedAtOnce('/dev/zero', /zero: not a regular file/);
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const fifo = join(root, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    await refusedAtOnce(fifo, /pipe\.txt: not a regular file/);
  });

  it('refuses a file past the limit by its size, and still imports an ordinary file', async () => {
    const big = join(root, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, MAX_IMPORT_BYTES + 1); // sparse: no disk used
    await refusedAtOnce(big, /big\.txt: the file is larger than the \d+ MB limit/);
    const small = join(root, 'small.txt');
    writeFileSync(small, 'Mga tala\n\nSi Bako Sahakyan ay nanalo sa halalan.');
    expect((await tala('--archive', archive, 'import', small)).code).toBe(0);
  });
});
