import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../../scripts/crash-harness';
import { tempDir } from '../../helpers/temp';

describe('crash safety (short version of npm run crashtest)', () => {
  it('keeps every acknowledged write and a sound archive across SIGKILLs mid-write', async () => {
    const report = await runCrashTest(tempDir(), 5);
    expect(report.failures).toEqual([]);
    expect(report.kills).toBe(5);
    expect(report.acknowledged).toBeGreaterThan(5);
  }, 120_000);
});
