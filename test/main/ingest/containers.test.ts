// DOCX and EPUB import, and the zip guard both go through: files made by code, then broken on purpose.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/ingest/index';
import { crc32, resolveEntryPath, safeEntryName, SafeZip } from '../../../main/ingest/zip';
import {
  docxEntries,
  epubEntries,
  makeZip,
  SAMPLE_DOCX_PARAGRAPHS,
  SAMPLE_EPUB_CHAPTERS,
  sampleDocx,
  sampleEpub,
} from '../../helpers/make-documents';
import { expectRejected } from './helpers';

/** A zip with hand-set central directory fields, to say things fflate would never write. */
function patchCentral(zip: Uint8Array, entryName: string, patch: (view: DataView, at: number) => void): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entryName);
  for (let at = 0; at < out.length - 46; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (length === name.length && out.subarray(at + 46, at + 46 + length).every((b, i) => b === name[i]))
      patch(view, at);
  }
  return out;
}

describe('docx', () => {
  it('takes headings from styles and metadata from the core properties', async () => {
    const doc = await parseDocument({ name: 'ulat.docx', bytes: sampleDocx() });
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual(
      SAMPLE_DOCX_PARAGRAPHS.map((p) => [p.style ? 'heading' : 'paragraph', p.text]),
    );
    expect([doc.title, doc.author, doc.lang]).toEqual(['Выборы в НКР, 2012', 'Анна Петросян', 'ru']);
    // dcterms:created is when the file was made: kept as such, never as the publication date.
    expect([doc.fileCreatedAt, doc.publishedAt]).toEqual(['2012-07-20', null]);
    expect(doc.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(doc.passages.every((p) => p.page === undefined)).toBe(true);
  });

  it('falls back to the first heading for the title', async () => {
    const doc = await parseDocument({ name: 'x.docx', bytes: makeZip(docxEntries(SAMPLE_DOCX_PARAGRAPHS)) });
    expect(doc.title).toBe('Выборы в Нагорном Карабахе');
    expect(doc.author).toBeNull();
  });

  it('refuses truncated, corrupt and non-Word zips', async () => {
    const whole = sampleDocx();
    await expectRejected(
      { name: 'cut.docx', bytes: whole.subarray(0, Math.floor(whole.length / 2)) },
      /^cut\.docx: this DOCX file is damaged or not in DOCX format/,
    );
    await expectRejected(
      { name: 'text.docx', bytes: new TextEncoder().encode('plain text, not a zip') },
      /no zip signature/,
    );
    await expectRejected(
      { name: 'other.docx', bytes: makeZip({ 'hello.txt': 'hi' }) },
      'this is not a DOCX file (no Word document inside the zip)',
    );
    const broken = makeZip({
      ...docxEntries(SAMPLE_DOCX_PARAGRAPHS),
      'word/document.xml': '<w:document><w:body><w:p>',
    });
    await expectRejected({ name: 'xml.docx', bytes: broken }, /^xml\.docx: /);
    const flipped = whole.slice();
    // A byte inside the compressed document.xml: checksum or inflate error, never garbage text.
    const at =
      whole.findIndex((_, i) => new TextDecoder().decode(whole.subarray(i, i + 17)) === 'word/document.xml') + 60;
    flipped[at] ^= 0xff;
    await expectRejected({ name: 'flip.docx', bytes: flipped }, /^flip\.docx: this DOCX file is damaged/);
  });
});

describe('epub', () => {
  it('reads chapters in spine order with headings, and the OPF metadata', async () => {
    const doc = await parseDocument({ name: 'aklat.epub', bytes: sampleEpub() });
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Unang kabanata'],
      ['paragraph', 'Ang Republika ng Nagorno-Karabakh ay nagdaos ng halalan.'],
      ['paragraph', 'Si Bako Sahakyan ang nanalo.'],
      ['heading', 'Ikalawang kabanata'],
      ['paragraph', 'Binati ng mga kaalyado ang nanalo.'],
    ]);
    expect([doc.title, doc.author, doc.publishedAt, doc.lang, doc.mediaType]).toEqual([
      'Halalan 2012',
      'Tala Samples',
      '2012-07-21',
      'tl',
      'application/epub+zip',
    ]);
  });

  it('skips the table of contents and falls back to the first heading for the title', async () => {
    const doc = await parseDocument({
      name: 'x.epub',
      bytes: makeZip(epubEntries(SAMPLE_EPUB_CHAPTERS, {}, ['nav', 'ch1'])),
    });
    expect(doc.title).toBe('Unang kabanata');
    expect(doc.passages.map((p) => p.text).join(' ')).not.toContain('Table of contents entry');
  });

  it('reads a chapter that declares another encoding', async () => {
    const entries = epubEntries(SAMPLE_EPUB_CHAPTERS, { title: 'T' });
    const latin1 =
      '<?xml version="1.0" encoding="ISO-8859-1"?><html' +
      ' xmlns="http://www.w3.org/1999/xhtml"><body><p>Año de elección, señor.</p></body></html>';
    entries['OEBPS/text/ch2.xhtml'] = new Uint8Array([...latin1].map((c) => c.charCodeAt(0)));
    const doc = await parseDocument({ name: 'luma.epub', bytes: makeZip(entries) });
    expect(doc.passages.map((p) => p.text)).toContain('Año de elección, señor.');
  });

  it('never follows a manifest path out of the container', async () => {
    const chapters = [...SAMPLE_EPUB_CHAPTERS, { id: 'evil', href: '../../../etc/passwd', html: '<p>root:x:0:0</p>' }];
    const entries = epubEntries(chapters, { title: 'T' }, ['evil', 'ch1']);
    delete entries['OEBPS/../../../etc/passwd'];
    const doc = await parseDocument({ name: 'escape.epub', bytes: makeZip(entries) });
    expect(doc.passages.map((p) => p.text).join(' ')).not.toContain('root');
    expect(resolveEntryPath('OEBPS/content.opf', '../../../etc/passwd')).toBeUndefined();
    expect(resolveEntryPath('OEBPS/content.opf', 'text/ch%201.xhtml#x')).toBe('OEBPS/text/ch 1.xhtml');
    expect(resolveEntryPath('OEBPS/content.opf', '../META-INF/container.xml')).toBe('META-INF/container.xml');
    expect(resolveEntryPath('OEBPS/content.opf', 'file:///etc/passwd')).toBeUndefined();
  });

  it('refuses path-traversal entries, DRM, missing parts and truncation', async () => {
    const withEvil = { ...epubEntries(SAMPLE_EPUB_CHAPTERS, { title: 'T' }), '../../evil.sh': 'rm -rf ~' };
    await expectRejected(
      { name: 'evil.epub', bytes: makeZip(withEvil) },
      'this EPUB file contains an unsafe path (“../../evil.sh”)',
    );
    await expectRejected(
      { name: 'abs.epub', bytes: makeZip({ ...withEvil, '../../evil.sh': '', '/etc/x': 'x' }) },
      /unsafe path/,
    );
    const drm = {
      ...epubEntries(SAMPLE_EPUB_CHAPTERS),
      'META-INF/encryption.xml': '<encryption><enc:EncryptedData xmlns:enc="x"/></encryption>',
    };
    await expectRejected(
      { name: 'drm.epub', bytes: makeZip(drm) },
      'this EPUB is encrypted (DRM); Tala cannot read it',
    );
    await expectRejected(
      { name: 'bare.epub', bytes: makeZip({ mimetype: 'application/epub+zip' }) },
      'this is not an EPUB file (no META-INF/container.xml)',
    );
    const noOpf = epubEntries(SAMPLE_EPUB_CHAPTERS);
    delete noOpf['OEBPS/content.opf'];
    await expectRejected({ name: 'noopf.epub', bytes: makeZip(noOpf) }, /its package document is missing/);
    const whole = sampleEpub();
    await expectRejected(
      { name: 'cut.epub', bytes: whole.subarray(0, whole.length - 30) },
      /^cut\.epub: this EPUB file is damaged/,
    );
  });
});

describe('zip guard', () => {
  it('refuses zip bombs by their compression ratio before inflating anything', async () => {
    const bomb = makeZip(
      { ...epubEntries(SAMPLE_EPUB_CHAPTERS), 'OEBPS/zeros.xhtml': new Uint8Array(8 * 1024 * 1024) },
      6,
    );
    expect(bomb.length).toBeLessThan(200_000);
    await expectRejected({ name: 'bomb.epub', bytes: bomb }, /^bomb\.epub: this EPUB file looks like a zip bomb/);
    await expectRejected(
      {
        name: 'bomb.docx',
        bytes: makeZip(
          { ...docxEntries(SAMPLE_DOCX_PARAGRAPHS), 'word/media/x.bin': new Uint8Array(8 * 1024 * 1024) },
          6,
        ),
      },
      /zip bomb/,
    );
  });

  it('refuses too many entries and too much in total, as declared', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.txt`] = 'x';
    expect(() =>
      SafeZip.open('many.epub', makeZip(many), 'EPUB', {
        maxEntries: 20,
        maxTotalBytes: 1e9,
        maxEntryBytes: 1e9,
        maxRatio: 100,
      }),
    ).toThrow(/30 entries, more than the 20/);
    const big = makeZip({ 'a.bin': new Uint8Array(3000), 'b.bin': new Uint8Array(3000) }, 0);
    expect(() =>
      SafeZip.open('big.epub', big, 'EPUB', { maxEntries: 10, maxTotalBytes: 5000, maxEntryBytes: 1e9, maxRatio: 100 }),
    ).toThrow(/unpacks to more than/);
  });

  it('catches a header that understates the size, and a checksum that does not match', () => {
    const zip = zipSync({ 'a.txt': [new TextEncoder().encode('x'.repeat(5000)), { level: 6 }] });
    const lying = patchCentral(zip, 'a.txt', (view, at) => view.setUint32(at + 24, 100, true));
    expect(() => SafeZip.open('lie.docx', lying, 'DOCX').read('a.txt')).toThrow(/size differs from the one declared/);
    const badCrc = patchCentral(zip, 'a.txt', (view, at) => view.setUint32(at + 16, 12345, true));
    expect(() => SafeZip.open('crc.docx', badCrc, 'DOCX').read('a.txt')).toThrow(/checksum mismatch/);
    const encrypted = patchCentral(zip, 'a.txt', (view, at) => view.setUint16(at + 8, 1, true));
    expect(() => SafeZip.open('enc.docx', encrypted, 'DOCX')).toThrow(/encrypted/);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('normalises entry names and rejects every escape', () => {
    expect(safeEntryName('OEBPS/./text//ch1.xhtml')).toBe('OEBPS/text/ch1.xhtml');
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\..\\x', 'a\u0000b', ''])
      expect(safeEntryName(bad), bad).toBeUndefined();
  });
});
