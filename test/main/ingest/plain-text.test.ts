import { describe, expect, it } from 'vitest';
import { parse, utf8 } from './helpers';
import { parseDocument } from '../../../main/ingest/index';

describe('plain text (.txt)', () => {
  it('splits blank-line-separated blocks and joins the lines inside a block', async () => {
    const doc = await parse(
      'notes.txt',
      'First line of the first paragraph\ncontinues here.\n\n\n  Second   paragraph,\tindented.  \n\nThird.\n',
    );
    expect(doc.passages.map((p) => p.text)).toEqual([
      'First line of the first paragraph continues here.',
      'Second paragraph, indented.',
      'Third.',
    ]);
    expect(doc.passages.every((p) => p.kind === 'paragraph')).toBe(true);
    expect(doc.mediaType).toBe('text/plain');
  });

  it('treats each line as a paragraph when the file has no blank lines', async () => {
    const doc = await parse('lines.txt', 'One sentence here.\nAnother one there.\r\nA third, with CRLF.\r\n');
    expect(doc.passages.map((p) => p.text)).toEqual([
      'One sentence here.',
      'Another one there.',
      'A third, with CRLF.',
    ]);
  });

  it('makes a short unpunctuated first line the title and a heading passage', async () => {
    const doc = await parse(
      'halalan.tl.txt',
      'Halalan sa Nagorno-Karabakh\n\nNoong Hulyo 19, 2012, ginanap ang halalan.\n',
    );
    expect(doc.title).toBe('Halalan sa Nagorno-Karabakh');
    expect(doc.passages[0]).toMatchObject({ kind: 'heading', text: 'Halalan sa Nagorno-Karabakh' });
    expect(doc.passages[1]).toMatchObject({ kind: 'paragraph' });
  });

  it('does not take a sentence, a lone line or a long line as the title', async () => {
    expect((await parse('a-b_c.txt', 'This is a sentence.\n\nAnd another.')).title).toBe('a b c');
    expect((await parse('only-line.txt', 'Just one line without a stop')).title).toBe('only line');
    const long = 'word '.repeat(30).trim();
    expect((await parse('long-line.en.txt', `${long}\n\nNext paragraph.`)).title).toBe('long line');
  });

  it('normalises text: NFC, BOM and control characters removed, whitespace collapsed', async () => {
    const decomposed = 'Cafe\u0301 con leche'; // e + combining acute
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8(`${decomposed}\u0007 y\u00a0\u00a0pan.\u000b\r\nOtra\u0001 línea.`),
    ]);
    const doc = await parseDocument({ name: 'menu.txt', bytes });
    expect(doc.passages.map((p) => p.text)).toEqual(['Café con leche y pan.', 'Otra línea.']);
    expect(doc.passages[0].text.normalize('NFC')).toBe(doc.passages[0].text);
  });
});
