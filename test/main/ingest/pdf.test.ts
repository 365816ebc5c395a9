// PDF import: a three-page report made by code (test/helpers/make-documents.ts) with running headers,
// page numbers, hyphenated line ends (one across a page break), a ligature and an info dictionary.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/ingest/index';
import { joinLines, pdfDate } from '../../../main/ingest/pdf';
import { expandLigatures } from '../../../main/ingest/normalize';
import { makePdf, samplePdf } from '../../helpers/make-documents';
import { expectRejected } from './helpers';

describe('pdf', () => {
  const parsed = parseDocument({ name: 'ulat.pdf', bytes: samplePdf() });

  it('rebuilds headings and paragraphs from the line geometry, with the page each starts on', async () => {
    const doc = await parsed;
    expect(doc.passages.map((p) => [p.page, p.kind, p.text])).toEqual([
      [1, 'heading', 'Halalan sa Nagorno-Karabakh'],
      [
        1,
        'paragraph',
        'Ang Republika ng Nagorno-Karabakh ay nagdaos ng halalan para sa pangulo noong Hulyo 19,' +
          ' 2012. Ang halalan ay sinuri ng mga tagamasid.',
      ],
      [
        1,
        'paragraph',
        'Ayon sa Komisyon, 47 libo ang bumoto para kay Bako Sahakyan. Ang final na resulta ay' +
          ' inilabas makalipas ang dalawang araw.',
      ],
      [2, 'heading', 'Mga Reaksyon'],
      [
        2,
        'paragraph',
        'Binati ng mga kaalyado ang nanalo sa halalan, ngunit ang ilang bansa ay hindi kumilala sa resulta.',
      ],
      [
        2,
        'paragraph',
        'Sinabi ng mga tagamasid na payapa ang botohan sa mga istasyon sa buong rehiyon at walang' +
          ' malaking insidente na naitala sa kabisera at sa mga lalawigan, kahit na may mga reklamo ang' +
          ' oposisyon tungkol sa paggamit ng mga rekurso ng estado.',
      ],
      [3, 'paragraph', 'Ang susunod na halalan ay gaganapin sa 2017.'],
    ]);
    expect(doc.mediaType).toBe('application/pdf');
    expect(doc.lang).toBe('tl');
  });

  it('drops running headers and page numbers', async () => {
    const text = (await parsed).passages.map((p) => p.text).join('\n');
    expect(text).not.toContain('Ulat ng Halalan 2012 —');
    expect((await parsed).passages.some((p) => /^\d+$/.test(p.text))).toBe(false);
  });

  it('reads title, author and creation date from the info dictionary (creation is not publication)', async () => {
    const doc = await parsed;
    expect([doc.title, doc.author, doc.fileCreatedAt, doc.publishedAt]).toEqual([
      'Ulat: Halalan 2012',
      'Komisyon sa Halalan',
      '2012-07-21',
      null,
    ]);
  });

  it('falls back to the first heading for the title when the file has none', async () => {
    const doc = await parseDocument({ name: 'walang-info.pdf', bytes: samplePdf({ info: false }) });
    expect(doc.title).toBe('Halalan sa Nagorno-Karabakh');
    expect(doc.author).toBeNull();
    expect(doc.publishedAt).toBeNull();
    expect(doc.fileCreatedAt).toBeNull();
  });

  it('falls back to the first line when there is no heading either, and reads non-ASCII info strings', async () => {
    const bytes = makePdf({
      pages: [
        [
          { text: 'Isang maikling ulat tungkol sa halalan.', x: 72, y: 700 },
          { text: 'Ang ﬂota at ang ﬁnal.', x: 72, y: 686 },
        ],
      ],
      info: { Title: '  ', Author: 'Анна Петросян' },
    });
    const doc = await parseDocument({ name: 'maikli.pdf', bytes });
    expect(doc.title).toBe('Isang maikling ulat tungkol sa halalan.');
    expect(doc.author).toBe('Анна Петросян');
    expect(doc.passages.map((p) => p.text)).toEqual([
      'Isang maikling ulat tungkol sa halalan. Ang flota at ang final.',
    ]);
  });

  it('reads a two-column page column by column, even when the content stream interleaves the columns', async () => {
    const leftColumn = [
      'Unang talata ng kaliwang hanay na',
      'nagpapatuloy dito at nagtatapos',
      'sa linyang ito.',
      'Ikalawang talata ay nagsisimula',
      'sa kaliwa at tumatawid sa kanang',
    ];
    const rightColumn = [
      'hanay nang walang putol hanggang',
      'sa dulo nito.',
      'Ikatlong talata sa kanan ay',
      'maikli lamang at dito nagtatapos.',
      'Huling linya ng kanang hanay.',
    ];
    const leftYs = [690, 676, 662, 634, 620];
    const rightYs = [690, 676, 648, 634, 606];
    // Written row by row, left then right, as some generators do: the stream order is not the reading order.
    const lines = leftYs.flatMap((y, i) => [
      { text: leftColumn[i], x: 72, y },
      { text: rightColumn[i], x: 320, y: rightYs[i] },
    ]);
    const bytes = makePdf({ pages: [[{ text: 'Dalawang hanay sa isang pahina', x: 72, y: 730, size: 18 }, ...lines]] });
    const doc = await parseDocument({ name: 'hanay.pdf', bytes });
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Dalawang hanay sa isang pahina'],
      ['paragraph', 'Unang talata ng kaliwang hanay na nagpapatuloy dito at nagtatapos sa linyang ito.'],
      [
        'paragraph',
        'Ikalawang talata ay nagsisimula sa kaliwa at tumatawid sa kanang hanay nang walang putol' +
          ' hanggang sa dulo nito.',
      ],
      ['paragraph', 'Ikatlong talata sa kanan ay maikli lamang at dito nagtatapos.'],
      ['paragraph', 'Huling linya ng kanang hanay.'],
    ]);
  });

  it('turns ligatures into plain letters and joins hyphenated line ends', () => {
    expect(expandLigatures('ﬁ ﬂ ﬃ ﬄ ﬀ ﬅ ﬆ')).toBe('fi fl ffi ffl ff st st');
    expect(joinLines('para sa pangu-', 'lo noong')).toBe('para sa pangulo noong');
    expect(joinLines('Nagorno-', 'Karabakh')).toBe('Nagorno-Karabakh');
    expect(joinLines('soft\u00AD', 'hyphen')).toBe('softhyphen');
    expect(joinLines('two', 'lines')).toBe('two lines');
    expect(pdfDate("D:20120721093000+04'00'")).toBe('2012-07-21');
    expect(pdfDate('D:2012')).toBe('2012');
    expect(pdfDate('yesterday')).toBeUndefined();
  });

  it('refuses an encrypted PDF', async () => {
    const bytes = makePdf({ pages: [[{ text: 'Lihim', x: 72, y: 700 }]], encrypted: true });
    await expectRejected({ name: 'lihim.pdf', bytes }, 'this PDF is encrypted; Tala cannot read it');
  });

  it('refuses an image-only PDF: no text layer, no OCR', async () => {
    const bytes = makePdf({ pages: [[], []], imageOnly: true });
    await expectRejected({ name: 'scan.pdf', bytes }, /^scan\.pdf: no text layer; OCR is not available/);
  });

  it('refuses truncated, corrupt and fake PDFs with a clear message', async () => {
    const whole = samplePdf();
    await expectRejected(
      { name: 'cut.pdf', bytes: whole.subarray(0, 200) },
      /^cut\.pdf: this PDF (is damaged|could not be read)|no text layer/,
    );
    await expectRejected(
      { name: 'fake.pdf', bytes: new TextEncoder().encode('Hindi ito PDF.') },
      'this is not a PDF file (no %PDF header)',
    );
    await expectRejected({ name: 'empty.pdf', bytes: new Uint8Array(0) }, 'the file is empty');
    const noise = whole.slice();
    for (let i = 400; i < noise.length; i += 7) noise[i] = (noise[i] * 31 + 17) & 0xff;
    const outcome = await parseDocument({ name: 'noise.pdf', bytes: noise }).then(
      (doc) => doc.passages.length,
      (err: Error & { code?: string }) => err.code,
    );
    // pdf.js recovers what it can; either some text or a clean refusal, never a crash.
    expect(typeof outcome === 'number' ? outcome > 0 : outcome === 'IMPORT_REJECTED').toBe(true);
  });
});
