// Temporary folders for tests: real files on disk, removed after the test file finishes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export function tempDir(prefix = 'tala-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const SAMPLES_DIR = join(import.meta.dirname, '..', '..', 'resources', 'samples');
export const REPO_ROOT = join(import.meta.dirname, '..', '..');
