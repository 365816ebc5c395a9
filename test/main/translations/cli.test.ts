// The translation commands of the CLI: import --translation-of, align --json, export --format tmx|pairs-csv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const dir = tempDir('tala-align-cli-');

async function tala(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

describe('tala CLI: translations', () => {
  it('imports a translation, aligns the pair as JSON, exports TMX and two-column CSV', async () => {
    const archive = join(dir, 'archive');
    const tl = JSON.parse(
      (await tala('--archive', archive, 'import', join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), '--json')).out,
    ).imported[0].id as string;
    const imported = await tala(
      '--archive',
      archive,
      'import',
      join(SAMPLES_DIR, 'nkr-2012-halalan.en.txt'),
      '--translation-of',
      tl,
      '--json',
    );
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.out);
    const en = report.imported[0].id as string;
    expect(report.linked).toEqual([{ id: expect.any(String), source: tl, translation: en }]);

    const aligned = await tala('--archive', archive, 'align', tl, en, '--json');
    expect(aligned.code).toBe(0);
    const { beads } = JSON.parse(aligned.out) as {
      beads: Array<{ source: number[]; target: number[]; confidence: number; sentences: unknown[] }>;
    };
    expect(beads.map((b) => [b.source, b.target])).toEqual(Array.from({ length: 9 }, (_, k) => [[k], [k]]));
    for (const b of beads) {
      expect(b.confidence).toBeGreaterThanOrEqual(0);
      expect(b.confidence).toBeLessThanOrEqual(1);
      expect(b.sentences.length).toBeGreaterThan(0);
    }
    expect((await tala('--archive', archive, 'align', tl, en)).out).toMatch(/⇄/);

    const tmx = await tala('--archive', archive, 'export', tl, '--format', 'tmx', '--translation', en);
    expect(tmx.code).toBe(0);
    expect(tmx.out).toContain('<tmx version="1.4">');
    expect(tmx.out).toContain(
      '<tuv xml:lang="en"><seg>The Nagorno-Karabakh Republic is self-proclaimed and unrecognised, on' +
        ' the territory of Azerbaijan.</seg></tuv>',
    );

    const out = join(dir, 'pairs.csv');
    const csv = await tala(
      '--archive',
      archive,
      'export',
      tl,
      '--format',
      'pairs-csv',
      '--translation',
      en,
      '--level',
      'paragraph',
      '--out',
      out,
    );
    expect(csv.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('tl,en');

    // The annotation formats still work; a pair format without its partner is a usage error.
    expect((await tala('--archive', archive, 'export', tl, '--format', 'md')).code).toBe(0);
    expect((await tala('--archive', archive, 'export', tl, '--format', 'tmx')).code).toBe(2);
    expect((await tala('--archive', archive, 'align', tl)).code).toBe(2);
    expect(
      (
        await tala(
          '--archive',
          archive,
          'import',
          join(SAMPLES_DIR, 'nkr-2012-halalan.en.txt'),
          '--translation-of',
          '0a0b0c0d-0e0f-4000-8000-00000000000a',
        )
      ).code,
    ).toBe(1);
  });
});
