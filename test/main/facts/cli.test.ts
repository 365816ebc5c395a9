// `tala facts …` in-process: the documented JSON shapes of extract, propose, add, list and conflicts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { parseValue } from '../../../main/facts/cli';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const dir = tempDir('tala-facts-cli-');

async function tala(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

describe('tala facts', () => {
  const archive = join(dir, 'archive');

  it('extract <docId> --json lists mentions as {type, text, value, start, end, confidence}', async () => {
    const imported = JSON.parse(
      (
        await tala(
          '--archive',
          archive,
          'import',
          join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'),
          '--lang',
          'tl',
          '--json',
        )
      ).out,
    );
    const docId = imported.imported[0].id;
    const result = await tala('--archive', archive, 'facts', 'extract', docId, '--json');
    expect(result.code).toBe(0);
    const { mentions } = JSON.parse(result.out);
    for (const m of mentions) expect(Object.keys(m)).toEqual(['type', 'text', 'value', 'start', 'end', 'confidence']);
    expect(mentions).toEqual(
      expect.arrayContaining([
        {
          type: 'person',
          text: 'Bako Sahakyan',
          value: 'Bako Sahakyan',
          start: expect.any(Number),
          end: expect.any(Number),
          confidence: expect.any(Number),
        },
        expect.objectContaining({ type: 'date', text: 'Hulyo 19, 2012', value: '2012-07-19' }),
        expect.objectContaining({ type: 'date', text: 'Setyembre 7', value: '2012-09-07' }),
        expect.objectContaining({ type: 'quantity', text: '47 libo', value: 47000 }),
        expect.objectContaining({ type: 'quantity', text: 'higit sa isang daang', value: 100 }),
      ]),
    );
    const shown = JSON.parse((await tala('--archive', archive, 'show', docId, '--json')).out);
    const sahakyan = mentions.find((m: { text: string }) => m.text === 'Bako Sahakyan');
    expect(shown.text.slice(sahakyan.start, sahakyan.end)).toBe('Bako Sahakyan');
    const detailed = JSON.parse(
      (await tala('--archive', archive, 'facts', 'extract', docId, '--json', '--details')).out,
    );
    expect(detailed.mentions.find((m: { text: string }) => m.text === '47 libo').about).toMatchObject({
      name: 'Bako Sahakyan',
      predicate: 'votes received',
    });
  });

  it('propose, add, list and conflicts', async () => {
    const [doc] = JSON.parse((await tala('--archive', archive, 'list', '--json')).out);
    const proposed = await tala('--archive', archive, 'facts', 'propose', doc.id, '--json');
    expect(proposed.code).toBe(0);
    const report = JSON.parse(proposed.out);
    const votes = report.proposals.find((f: { label: string }) =>
      f.label.startsWith('Bako Sahakyan — votes received — 47,000'),
    );
    expect((await tala('--archive', archive, 'facts', 'accept', votes.id)).out).toContain(
      'confirmed: Bako Sahakyan — votes received — 47,000 votes (2012-07-19)',
    );

    const shown = JSON.parse((await tala('--archive', archive, 'show', doc.id, '--json')).out);
    const start = shown.text.indexOf('47 libo');
    const added = await tala(
      '--archive',
      archive,
      'facts',
      'add',
      doc.id,
      '--subject',
      'Bako Sahakyan',
      '--predicate',
      'votes received',
      '--value',
      '48,000',
      '--unit',
      'votes',
      '--date',
      '2012-07-19',
      '--start',
      String(start),
      '--end',
      String(start + 7),
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({
      status: 'confirmed',
      origin: 'person',
      object: { kind: 'number', number: 48000, unit: 'votes' },
      evidence: [{ quote: '47 libo' }],
    });

    const listed = JSON.parse(
      (await tala('--archive', archive, 'facts', 'list', '--status', 'confirmed', '--json')).out,
    );
    expect(listed.map((f: { label: string }) => f.label)).toEqual([
      'Bako Sahakyan — votes received — 47,000 votes (2012-07-19)',
      'Bako Sahakyan — votes received — 48,000 votes (2012-07-19)',
    ]);

    const conflicts = JSON.parse((await tala('--archive', archive, 'facts', 'conflicts', '--json')).out);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].facts.map((f: { evidence: Array<{ quote: string }> }) => f.evidence[0].quote)).toEqual([
      expect.stringMatching(/^47 libo sa kanila/),
      '47 libo',
    ]);
    const text = await tala('--archive', archive, 'facts', 'conflicts');
    expect(text.out).toContain('Bako Sahakyan — votes received (2012-07-19)');

    const csv = await tala('--archive', archive, 'facts', 'export', '--format', 'csv');
    expect(csv.out.split('\r\n')).toHaveLength(4); // header, two facts, final newline
  });

  it('refuses usage mistakes with exit code 2', async () => {
    expect((await tala('--archive', archive, 'facts')).code).toBe(2);
    expect((await tala('--archive', archive, 'facts', 'frobnicate')).code).toBe(2);
    const [doc] = JSON.parse((await tala('--archive', archive, 'list', '--json')).out);
    const missing = await tala(
      '--archive',
      archive,
      'facts',
      'add',
      doc.id,
      '--subject',
      'X Y',
      '--predicate',
      'p',
      '--start',
      '0',
      '--end',
      '3',
    );
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('--value') });
    expect((await tala('--archive', archive, 'facts', 'list', '--status', 'maybe')).code).toBe(2);
  });

  it('reads --value as a date, a number (digits or words) or text', async () => {
    expect(await parseValue('2012-07-19', undefined, undefined)).toEqual({ kind: 'date', date: '2012-07-19' });
    expect(await parseValue('1601/1700', undefined, undefined)).toEqual({ kind: 'date', date: '1601/1700' });
    expect(await parseValue('47,000', 'votes', undefined)).toEqual({ kind: 'number', number: 47000, unit: 'votes' });
    expect(await parseValue('20 thousand', undefined, undefined)).toEqual({ kind: 'number', number: 20000 });
    expect(await parseValue('$5 million', undefined, undefined)).toEqual({
      kind: 'number',
      number: 5_000_000,
      unit: 'USD',
    });
    expect(await parseValue('Vice-Rector', undefined, undefined)).toEqual({ kind: 'text', text: 'Vice-Rector' });
    expect(await parseValue('Nagorno-Karabakh', undefined, 'entity')).toEqual({
      kind: 'entity',
      name: 'Nagorno-Karabakh',
    });
  });
});
