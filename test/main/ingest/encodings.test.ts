// Text that is not UTF-8: Windows-1251 and KOI8-R Russian, Latin-1/Windows-1252, UTF-16 with a BOM,
// and an HTML page's <meta charset>.
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWith, declaredHtmlCharset } from '../../../main/ingest/decode';
import { parseDocument } from '../../../main/ingest/index';
import { expectRejected } from './helpers';

/** Encodes text in a single-byte encoding (TextEncoder only writes UTF-8). */
function encode(text: string, encoding: string): Uint8Array {
  const table = new Map<string, number>();
  for (let b = 255; b >= 0; b--) table.set(decodeWith(encoding, new Uint8Array([b])), b);
  return new Uint8Array(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${ch} is not in ${encoding}`);
      return b;
    }),
  );
}

const utf16 = (text: string, bigEndian = false) => {
  const out = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
  }
  return new Uint8Array(out);
};

const RUSSIAN =
  'Выборы в Нагорном Карабахе\n\n19 июля 2012 года в НКР прошли очередные президентские выборы.' +
  ' Победил действующий президент Бако Саакян, за него проголосовали 47 тысяч избирателей.';

describe('text encodings', () => {
  it('reads Russian in Windows-1251', async () => {
    const doc = await parseDocument({ name: 'vybory.txt', bytes: encode(RUSSIAN, 'windows-1251') });
    expect(doc.passages.map((p) => p.text)).toEqual(RUSSIAN.split('\n\n'));
    expect(doc.lang).toBe('ru');
    expect(decodeText('x', encode(RUSSIAN, 'windows-1251')).encoding).toBe('windows-1251');
  });

  it('tells KOI8-R from Windows-1251', async () => {
    const bytes = encode(RUSSIAN, 'koi8-r');
    expect(decodeText('x', bytes).encoding).toBe('koi8-r');
    expect((await parseDocument({ name: 'koi.md', bytes })).passages[1].text).toBe(RUSSIAN.split('\n\n')[1]);
  });

  it('reads Latin-1 / Windows-1252 text', async () => {
    const text = 'Años de elección\n\nLa votación fue “tranquila”, según los observadores — dijo el señor Müller.';
    const doc = await parseDocument({ name: 'es.txt', bytes: encode(text, 'windows-1252') });
    expect(doc.passages.map((p) => p.text)).toEqual(text.split('\n\n'));
    expect(decodeText('x', encode('Café à la crème', 'windows-1252')).text).toBe('Café à la crème');
    // Node's own decoder would turn 0x93/0x94 into control characters; Tala maps them as Windows-1252 does.
    expect(decodeText('x', new Uint8Array([0x93, 0x48, 0x69, 0xe9, 0x94, 0x20, 0x80, 0x35])).text).toBe('“Hié” €5');
  });

  it('reads UTF-16 with a byte order mark, little and big endian', async () => {
    const text = 'Halalan sa Nagorno-Karabakh\n\nSi Bako Sahakyan ang nanalo. Выборы — Ընտրություններ.';
    for (const bigEndian of [false, true]) {
      const doc = await parseDocument({ name: `u16-${bigEndian}.txt`, bytes: utf16(text, bigEndian) });
      expect(doc.passages.map((p) => p.text)).toEqual(text.split('\n\n'));
    }
  });

  it('follows an HTML page’s <meta charset>', async () => {
    const html =
      `<html><head><meta http-equiv="Content-Type" content="text/html;` +
      ` charset=windows-1251"><title>Выборы</title></head><body><p>${RUSSIAN.split('\n\n')[1]}</p></body></html>`;
    const bytes = encode(html, 'windows-1251');
    expect(declaredHtmlCharset(bytes)).toBe('windows-1251');
    const doc = await parseDocument({ name: 'page.html', bytes });
    expect(doc.title).toBe('Выборы');
    expect(doc.passages[0].text).toBe(RUSSIAN.split('\n\n')[1]);
    expect(declaredHtmlCharset(new TextEncoder().encode('<meta charset="utf-8">'))).toBe('utf-8');
    expect(declaredHtmlCharset(new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><html/>'))).toBe(
      'ISO-8859-1',
    );
  });

  it('keeps valid UTF-8 as UTF-8 whatever the page declares', async () => {
    const doc = await parseDocument({
      name: 'utf8.html',
      bytes: new TextEncoder().encode('<meta charset="iso-8859-1"><p>Ընտրություններ Արցախում</p>'),
    });
    expect(doc.passages[0].text).toBe('Ընտրություններ Արցախում');
  });

  it('refuses a file that mixes UTF-8 and Windows-1251', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Первая часть в UTF-8. '),
      ...encode('Вторая часть в Windows-1251.', 'windows-1251'),
    ]);
    await expectRejected({ name: 'mixed.txt', bytes }, /^mixed\.txt: the file mixes UTF-8 with another text encoding/);
  });
});
