// Hostile and broken input in every format: each file gets a clear refusal naming it, or a sane import.
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS, parseDocument } from '../../../main/ingest/index';
import { samplePdf, sampleDocx, sampleEpub } from '../../helpers/make-documents';
import { expectRejected, utf8 } from './helpers';

describe('hostile input', () => {
  it.each(['a.txt', 'a.md', 'a.html', 'a.pdf', 'a.docx', 'a.epub'])('refuses a 0-byte %s as empty', async (name) => {
    await expectRejected({ name, bytes: new Uint8Array(0) }, 'the file is empty');
  });

  it.each([
    ['a.pdf', samplePdf()],
    ['a.docx', sampleDocx()],
    ['a.epub', sampleEpub()],
  ] as const)('refuses %s cut at any of a dozen points, never crashing', async (name, whole) => {
    for (let k = 1; k <= 12; k++) {
      const cut = whole.subarray(0, Math.floor((whole.length * k) / 13));
      const result = await parseDocument({ name, bytes: cut }).then(
        (doc) => ({ ok: true as const, passages: doc.passages.length }),
        (err: Error & { code?: string }) => ({ ok: false as const, code: err.code, message: err.message }),
      );
      // A PDF cut near its end may still be readable (pdf.js rebuilds the cross-reference table).
      if (result.ok) expect(name === 'a.pdf' && result.passages > 0).toBe(true);
      else
        expect(result).toMatchObject({
          code: 'IMPORT_REJECTED',
          message: expect.stringMatching(/^a\.(pdf|docx|epub): /),
        });
    }
  });

  it('cuts a huge single line into passages of bounded size, losing nothing', async () => {
    const sentence = 'Ang halalan ay ginanap noong Hulyo 19, 2012 at 47 libo ang bumoto para sa pangulo. ';
    const line = sentence.repeat(60_000); // ~5 MB, no newline at all
    const doc = await parseDocument({ name: 'isang-linya.txt', bytes: utf8(line) });
    expect(doc.passages.length).toBeGreaterThan(200);
    expect(doc.passages.every((p) => p.text.length <= MAX_PASSAGE_CHARS)).toBe(true);
    expect(doc.passages.map((p) => p.text).join(' ')).toBe(line.trim());
    const noSpaces = 'x'.repeat(3 * MAX_PASSAGE_CHARS + 5);
    expect((await parseDocument({ name: 'x.txt', bytes: utf8(noSpaces) })).passages.map((p) => p.text.length)).toEqual([
      MAX_PASSAGE_CHARS,
      MAX_PASSAGE_CHARS,
      MAX_PASSAGE_CHARS,
      5,
    ]);
  });

  it('strips control characters from text it keeps, and refuses text that is mostly control characters', async () => {
    const doc = await parseDocument({
      name: 'c.txt',
      bytes: utf8('Ma\u0007ganda\u001b[31m ang\u0000'.replace('\u0000', '') + ' araw.\u0085Bukas ulit.'),
    });
    expect(doc.passages.map((p) => p.text).join('|')).toBe('Maganda[31m ang araw.|Bukas ulit.');
    await expectRejected(
      { name: 'c.md', bytes: utf8('\u0001\u0002\u0003\u0004x'.repeat(100)) },
      'this looks like a binary file, not text',
    );
  });

  it('names files with odd names cleanly in its messages', async () => {
    await expectRejected({ name: 'line\nbreak.pdf', bytes: new Uint8Array(0) }, 'the file is empty');
    const rtl = await expectRejected(
      { name: 'evil\u202Etxt.exe\u202C.docx', bytes: utf8('not a zip') },
      /no zip signature/,
    );
    expect(rtl.message.startsWith('eviltxt.exe.docx: ')).toBe(true);
    const long = `${'ا'.repeat(400)}.epub`;
    const error = await expectRejected({ name: long, bytes: utf8('PK nope') }, /no zip signature/);
    expect(error.message.startsWith(`${'ا'.repeat(114)}….epub: `)).toBe(true);
    await expectRejected({ name: '../../etc/passwd.txt', bytes: new Uint8Array(0) }, 'the file is empty');
  });

  it('a document named like a path keeps only its base name', async () => {
    const doc = await parseDocument({ name: '../../secret/ulat.pdf', bytes: samplePdf() });
    expect(doc.title).toBe('Ulat: Halalan 2012');
  });
});
