// F1: a shared .tala file must not choose where `tala original` writes.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchiveDir } from '../../../main/archive/open-default';
import { sql } from '../../../main/db/sql';
import { tala } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { craftTala } from './crafted-tala';

const root = tempDir();
let n = 0;
const fresh = (name: string) => join(root, `${name}-${n++}`);

const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

describe('F1: original file names from a shared archive', () => {
  it.each([
    ['a relative path', '../../planted.desktop', 'planted.desktop'],
    ['an absolute path', `${root}/absolute-planted.desktop`, 'absolute-planted.desktop'],
    ['a Windows path', '..\\..\\win-planted.desktop', 'win-planted.desktop'],
    ['a dot name', '..', 'original'],
  ])('%s is merged and written as a plain name in the current folder only', async (_label, crafted, expected) => {
    const file = fresh('crafted') + '.tala';
    const { docId } = await craftTala(root, file, [sql`UPDATE originals SET file_name = ${crafted}`]);
    const archiveDir = fresh('archive');
    expect((await tala('--archive', archiveDir, 'import-archive', file)).code).toBe(0);

    // The merged row itself holds a plain name (the archive may be shared on again).
    const archive = await openArchiveDir(archiveDir);
    expect((await archive.documents.original(docId)).fileName).toBe(expected);
    await archive.close();

    const work = join(fresh('deep'), 'a', 'b');
    mkdirSync(work, { recursive: true });
    process.chdir(work);
    const written = await tala('--archive', archiveDir, 'original', docId, '--json');
    expect(written.code).toBe(0);
    expect(JSON.parse(written.out).file).toBe(expected);
    expect(readdirSync(work)).toEqual([expected]);
    expect(existsSync(join(work, '..', '..', 'planted.desktop'))).toBe(false);
    expect(existsSync(join(root, 'absolute-planted.desktop'))).toBe(false);
  });
});
