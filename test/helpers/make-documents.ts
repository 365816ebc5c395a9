// Minimal but valid PDF, DOCX and EPUB files made by code, for the ingest tests and the fuzz targets.
// Nothing here is clever: each file is written the way the format's specification spells it out.
import { strToU8, zipSync, type Zippable } from 'fflate';

// ---------------------------------------------------------------------------------------------- PDF

export interface PdfLine {
  text: string;
  x: number;
  /** Baseline, in points from the bottom of a 612×792 page. */
  y: number;
  size?: number;
  /** F1 Helvetica, F2 Helvetica-Bold, F3 Times-Roman; every one WinAnsi with ﬁ/ﬂ at codes 1 and 2. */
  font?: 'F1' | 'F2' | 'F3';
}

export interface PdfSpec {
  pages: PdfLine[][];
  info?: { Title?: string; Author?: string; CreationDate?: string };
  /** Adds a standard security handler whose user password is not empty (pdf.js then asks for one). */
  encrypted?: boolean;
  /** Pages with an image only (no text operators at all). */
  imageOnly?: boolean;
}

const WIN_ANSI_EXTRA: Record<string, number> = {
  '\uFB01': 1,
  '\uFB02': 2,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '…': 0x85,
};

/** A PDF literal string in the fonts' encoding (WinAnsi; ﬁ ﬂ at 1 and 2), escaped. */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = WIN_ANSI_EXTRA[ch] ?? ch.charCodeAt(0);
    if (code > 255) throw new Error(`cannot encode ${ch} in WinAnsi`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 32 || code > 126) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}

function pdfTextString(text: string): string {
  // Info dictionary strings: PDFDocEncoding for ASCII, UTF-16BE with a BOM otherwise.
  if (/^[\x20-\x7e]*$/.test(text)) return pdfString(text);
  const units = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
  return `<${units.map((b) => b.toString(16).padStart(2, '0')).join('')}>`;
}

export function makePdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesId = add('');
  const encoding = '/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl] >>';
  const fonts = {
    F1: add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica ${encoding} >>`),
    F2: add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold ${encoding} >>`),
    F3: add(`<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman ${encoding} >>`),
  };
  const image = spec.imageOnly
    ? add(
        '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray' +
          ' /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream',
      )
    : 0;
  const pageIds: number[] = [];
  for (const lines of spec.pages) {
    let content: string;
    if (spec.imageOnly) content = 'q 200 0 0 200 100 400 cm /Im1 Do Q';
    else
      content = lines
        .map((l) => `BT /${l.font ?? 'F1'} ${l.size ?? 11} Tf ${l.x} ${l.y} Td ${pdfString(l.text)} Tj ET`)
        .join('\n');
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    const resources = spec.imageOnly
      ? `<< /XObject << /Im1 ${image} 0 R >> >>`
      : `<< /Font << /F1 ${fonts.F1} 0 R /F2 ${fonts.F2} 0 R /F3 ${fonts.F3} 0 R >> >>`;
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792]` +
          ` /Resources ${resources} /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const info = spec.info
    ? add(
        `<< ${Object.entries(spec.info)
          .map(([k, v]) => `/${k} ${pdfTextString(v)}`)
          .join(' ')} >>`,
      )
    : 0;
  const encrypt = spec.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'5a'.repeat(32)}> /U <${'a7'.repeat(32)}> /P -44 >>`)
    : 0;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const id = '<0123456789abcdef0123456789abcdef>';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${
    info ? ` /Info ${info} 0 R` : ''
  }${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} /ID [${id} ${id}] >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * A three-page report: a running header and a page number on every page, a title in a bigger font,
 * a heading, paragraphs separated by spacing and by indentation, hyphenated line ends (one across a
 * page break), a ligature, and an info dictionary.
 */
export function samplePdf(options: { info?: boolean } = {}): Uint8Array {
  const header = (): PdfLine => ({ text: 'Ulat ng Halalan 2012 — Nagorno-Karabakh', x: 72, y: 760, size: 9 });
  const footer = (n: number): PdfLine => ({ text: String(n), x: 300, y: 40, size: 9 });
  const body = (text: string, y: number, x = 72): PdfLine => ({ text, x, y, size: 11 });
  const page1: PdfLine[] = [
    header(),
    { text: 'Halalan sa Nagorno-Karabakh', x: 72, y: 700, size: 20, font: 'F2' },
    body('Ang Republika ng Nagorno-Karabakh ay nagdaos ng halalan para sa pangu-', 660),
    body('lo noong Hulyo 19, 2012. Ang halalan ay sinuri ng mga tagamasid.', 646),
    body('Ayon sa Komisyon, 47 libo ang bumoto para kay Bako Sahakyan.', 618),
    body('Ang ﬁnal na resulta ay inilabas makalipas ang dalawang araw.', 604),
    footer(1),
  ];
  const page2: PdfLine[] = [
    header(),
    { text: 'Mga Reaksyon', x: 72, y: 700, size: 15, font: 'F2' },
    body('Binati ng mga kaalyado ang nanalo sa halalan, ngunit ang ilang', 670),
    body('bansa ay hindi kumilala sa resulta.', 656),
    body('Sinabi ng mga tagamasid na payapa ang botohan sa mga ista-', 642, 90),
    body('syon sa buong rehiyon at walang malaking insidente na naitala sa', 628),
    body('kabisera at sa mga lalawigan, kahit na may mga reklamo ang opo-', 614),
    footer(2),
  ];
  const page3: PdfLine[] = [
    header(),
    body('sisyon tungkol sa paggamit ng mga rekurso ng estado.', 700),
    body('Ang susunod na halalan ay gaganapin sa 2017.', 672),
    footer(3),
  ];
  return makePdf({
    pages: [page1, page2, page3],
    info:
      options.info === false
        ? undefined
        : { Title: 'Ulat: Halalan 2012', Author: 'Komisyon sa Halalan', CreationDate: "D:20120721093000+04'00'" },
  });
}

// ---------------------------------------------------------------------------------------------- zip

export type ZipEntries = Record<string, string | Uint8Array>;

export function makeZip(entries: ZipEntries, level: 0 | 6 | 9 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(entries))
    files[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  return zipSync(files);
}

// --------------------------------------------------------------------------------------------- DOCX

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export interface DocxParagraph {
  text: string;
  /** Word style id: Title, Heading1, Heading2…; none for a body paragraph. */
  style?: string;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function docxEntries(
  paragraphs: DocxParagraph[],
  core: { title?: string; creator?: string; created?: string } = {},
): ZipEntries {
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${
          p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''
        }<w:r><w:t xml:space="preserve">${escapeXml(p.text)}</w:t></w:r></w:p>`,
    )
    .join('');
  const style = (id: string, name: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  const coreXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties` +
    ` xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (core.title ? `<dc:title>${escapeXml(core.title)}</dc:title>` : '') +
    (core.creator ? `<dc:creator>${escapeXml(core.creator)}</dc:creator>` : '') +
    (core.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created>` : '') +
    `</cp:coreProperties>`;
  return {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types` +
      ` xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels"` +
      ` ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml"` +
      ` ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      `<Override PartName="/word/styles.xml"` +
      ` ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
      `<Override PartName="/docProps/core.xml"` +
      ` ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships` +
      ` xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1"` +
      ` Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"` +
      ` Target="word/document.xml"/>` +
      `<Relationship Id="rId2"` +
      ` Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"` +
      ` Target="docProps/core.xml"/></Relationships>`,
    'word/_rels/document.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships` +
      ` xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1"` +
      ` Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"` +
      ` Target="styles.xml"/></Relationships>`,
    'word/document.xml':
      `<?xml version="1.0" encoding="UTF-8"` +
      ` standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    'word/styles.xml':
      `<?xml version="1.0" encoding="UTF-8"` +
      ` standalone="yes"?><w:styles ${W}>` +
      `${style('Title', 'Title')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}</w:styles>`,
    'docProps/core.xml': coreXml,
  };
}

export const SAMPLE_DOCX_PARAGRAPHS: DocxParagraph[] = [
  { text: 'Выборы в Нагорном Карабахе', style: 'Title' },
  { text: '19 июля 2012 года в НКР прошли президентские выборы.' },
  { text: 'Итоги', style: 'Heading1' },
  { text: 'Победил действующий президент Бако Саакян: за него проголосовали 47 тысяч избирателей.' },
  { text: 'Наблюдатели отметили спокойную обстановку на участках.' },
];

export function sampleDocx(): Uint8Array {
  return makeZip(
    docxEntries(SAMPLE_DOCX_PARAGRAPHS, {
      title: 'Выборы в НКР, 2012',
      creator: 'Анна Петросян',
      created: '2012-07-20T08:00:00Z',
    }),
  );
}

// --------------------------------------------------------------------------------------------- EPUB

export interface EpubChapter {
  id: string;
  /** Path inside the OPF folder. */
  href: string;
  html: string;
}

export function epubEntries(
  chapters: EpubChapter[],
  meta: { title?: string; creator?: string; date?: string; language?: string } = {},
  spine: string[] = chapters.map((c) => c.id),
): ZipEntries {
  const opf =
    `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf"` +
    ` version="3.0" unique-identifier="uid">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier` +
    ` id="uid">urn:uuid:7d1c1f52-5b1a-4f5e-9a43-2b51f1f0a1b2</dc:identifier>` +
    (meta.title ? `<dc:title>${escapeXml(meta.title)}</dc:title>` : '') +
    (meta.creator ? `<dc:creator>${escapeXml(meta.creator)}</dc:creator>` : '') +
    (meta.date ? `<dc:date>${meta.date}</dc:date>` : '') +
    (meta.language ? `<dc:language>${meta.language}</dc:language>` : '') +
    `</metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>` +
    chapters
      .map((c) => `<item id="${c.id}" href="${escapeXml(c.href)}" media-type="application/xhtml+xml"/>`)
      .join('') +
    `</manifest><spine>${spine.map((id) => `<itemref idref="${id}"/>`).join('')}</spine></package>`;
  const xhtml = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><html` +
    ` xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`;
  const entries: ZipEntries = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml':
      `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">` +
      `<rootfiles><rootfile full-path="OEBPS/content.opf"` +
      ` media-type="application/oebps-package+xml"/></rootfiles></container>`,
    'OEBPS/content.opf': opf,
    'OEBPS/nav.xhtml': xhtml(
      '<nav epub:type="toc"><ol><li><a href="ch1.xhtml">Table of contents entry</a></li></ol></nav>',
    ),
  };
  for (const c of chapters) entries[`OEBPS/${c.href}`] = xhtml(c.html);
  return entries;
}

export const SAMPLE_EPUB_CHAPTERS: EpubChapter[] = [
  { id: 'ch2', href: 'text/ch2.xhtml', html: '<h2>Ikalawang kabanata</h2><p>Binati ng mga kaalyado ang nanalo.</p>' },
  {
    id: 'ch1',
    href: 'text/ch1.xhtml',
    html:
      '<h1>Unang kabanata</h1><p>Ang Republika ng Nagorno-Karabakh ay nagdaos ng' +
      ' halalan.</p><p>Si Bako Sahakyan ang nanalo.</p>',
  },
];

export function sampleEpub(): Uint8Array {
  // The spine puts ch1 first although the manifest lists ch2 first: reading order is the spine's.
  return makeZip(
    epubEntries(
      SAMPLE_EPUB_CHAPTERS,
      { title: 'Halalan 2012', creator: 'Tala Samples', date: '2012-07-21', language: 'tl' },
      ['ch1', 'ch2'],
    ),
  );
}
