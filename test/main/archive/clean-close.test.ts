// Open after a clean close skips the whole-file check; after a crash (a real SIGKILL of a writing process) or
// a change made while Tala was closed, the full check runs before the archive is used.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { archiveFileIn } from '../../../main/archive/paths';
import { InlineParser } from '../../../main/ingest/parser';
import { damage } from '../../helpers/damage';
import { REPO_ROOT, tempDir } from '../../helpers/temp';

const root = tempDir();
let n = 0;
const open = (file: string) => Archive.open(file, { search: 'inline', parser: new InlineParser() });
const utf8 = (s: string) => new TextEncoder().encode(s);

async function archiveWithDocument(): Promise<string> {
  const file = join(root, `a-${n++}`, 'archive.sqlite');
  mkdirSync(join(file, '..'), { recursive: true });
  const archive = await open(file);
  await archive.documents.importFile({ name: 'ulat.txt', bytes: utf8('Ulat\n\nAng halalan ay ginanap noong 2012.') });
  await archive.close();
  return file;
}

/** Starts the crash test's writer on the archive's folder and SIGKILLs it once it has acknowledged a write. */
function killWhileWriting(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'crash-child.ts'), dir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('ACK ')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited on its own: ${out}`)),
    );
  });
}

describe('open-time integrity check', () => {
  it('is skipped after a clean close, and runs again after a SIGKILL mid-write', async () => {
    const file = await archiveWithDocument();
    const clean = await open(file);
    expect(clean.openCheck).toBe('skipped');
    expect(await clean.documents.list()).toHaveLength(1);
    await clean.close();

    expect(archiveFileIn(join(file, '..'))).toBe(file);
    await killWhileWriting(join(file, '..'));
    const afterCrash = await open(file);
    expect(afterCrash.openCheck).toBe('blocking');
    await afterCrash.integrityChecked();
    await afterCrash.close();
    // Checked and closed cleanly: the next open is quick again.
    const again = await open(file);
    expect(again.openCheck).toBe('skipped');
    await again.close();
  }, 120_000);

  it('runs when the file changed while Tala was closed, and refuses a damaged one', async () => {
    const file = await archiveWithDocument();
    appendFileSync(file, Buffer.alloc(0)); // touching alone is not a change of content…
    const untouched = await open(file);
    expect(untouched.openCheck).toBe('skipped');
    await untouched.close();
    damage(file); // …but a write by another program is
    await expect(open(file)).rejects.toMatchObject({ code: 'ARCHIVE_DAMAGED' });
    // Still refused the next time: a failed check leaves no clean-close stamp.
    await expect(open(file)).rejects.toMatchObject({ code: 'ARCHIVE_DAMAGED' });
  });

  it('runs for archives without a stamp (earlier versions, or never closed)', async () => {
    const file = await archiveWithDocument();
    rmSync(`${file}-closed`);
    const archive = await open(file);
    expect(archive.openCheck).toBe('blocking');
    await archive.close();
  });
});
