// F7: titles, file names and messages from a crafted .tala never reach the terminal as control characters.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { sql } from '../../../main/db/sql';
import { tempDir } from '../../helpers/temp';
import { craftTala } from './crafted-tala';

const root = tempDir();
const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

// Window title, screen clear, OSC 52 clipboard write, a C1 CSI, a bidi override.
const HOSTILE = 'Title\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;ZWNobyBoaQ==\u0007\u009b31m\u202eevil';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('F7: terminal escapes in CLI output', () => {
  it('are visible escapes in list, show, search, original, import progress and errors; JSON stays JSON', async () => {
    const file = join(root, 'hostile.tala');
    const { docId } = await craftTala(root, file, [
      sql`UPDATE documents SET title = ${HOSTILE}`,
      sql`UPDATE originals SET file_name = ${`${HOSTILE}.txt`}`,
    ]);
    const archive = join(root, 'archive');
    const lines: string[] = [];
    const tala = (...argv: string[]) =>
      runCli(['--archive', archive, ...argv], {
        out: (t) => void lines.push(t),
        err: (t) => void lines.push(t),
        status: (t) => void lines.push(t),
      });
    expect(await tala('import-archive', file)).toBe(0);
    expect(await tala('list')).toBe(0);
    expect(await tala('show', docId)).toBe(0);
    expect(await tala('search', 'Sahakyan')).toBe(0);
    const work = join(root, 'work');
    mkdirSync(work);
    process.chdir(work);
    expect(await tala('original', docId)).toBe(0);
    expect(await tala('show', HOSTILE)).toBe(1);
    writeFileSync(join(work, `${HOSTILE}.md`), '# Isang tala\n\nBagong teksto tungkol sa halalan.');
    expect(await tala('import', join(work, `${HOSTILE}.md`))).toBe(0);

    const printed = lines.join('\n');
    expect(printed).toContain('Title\\u001b]0;pwned\\u0007');
    expect(printed).toContain('\\u009b31m\\u202eevil');
    expect(printed).not.toMatch(RAW_CONTROL);

    lines.length = 0;
    expect(await tala('list', '--json')).toBe(0);
    expect(lines.join('\n')).not.toMatch(RAW_CONTROL);
    // The escapes are JSON's own, so a script reading the JSON still gets the title exactly as stored.
    expect(JSON.parse(lines.join('\n')).find((d: { id: string }) => d.id === docId).title).toBe(HOSTILE);
  });
});
