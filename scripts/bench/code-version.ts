// The code version a benchmark states beside its figures: the commit, and whether the files that decide the
// figures (the given paths) had uncommitted changes when it ran.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export function codeVersion(paths: string[] = ['main', 'shared', 'scripts']): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', ...paths);
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown (no git)';
  }
}
