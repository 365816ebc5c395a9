// A fixed-seed slice of `npm run fuzz`: every parser at the archive's boundaries, a few hundred cases each.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../main/archive/archive';
import { openArchiveDir } from '../../main/archive/open-default';
import { runFuzz } from '../../scripts/fuzz/run';
import { TARGETS } from '../../scripts/fuzz/targets';
import { SAMPLES_DIR, tempDir } from '../helpers/temp';

let archive: Archive;
beforeAll(async () => {
  archive = await openArchiveDir(join(tempDir(), 'fuzz'), { seedSamples: true, samplesDir: SAMPLES_DIR });
});
afterAll(() => archive.close());

describe('fuzzing (fixed seed)', () => {
  it.each(TARGETS.map((t) => t.name))(
    '%s never crashes',
    async (name) => {
      const [report] = await runFuzz(archive, 300, 19072012, name);
      expect(report.crashes).toEqual([]);
      expect(report.cases).toBe(300);
      // Both paths must be exercised, or the generator is not testing what it claims.
      expect(report.accepted).toBeGreaterThan(0);
      expect(report.refused).toBeGreaterThan(0);
    },
    60_000,
  );
});
