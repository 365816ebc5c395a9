import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../shared/contract';
import { parseDocument, SUPPORTED_EXTENSIONS } from '../../../main/ingest/index';
import { expectRejected, utf8 } from './helpers';

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function noise(length: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];

describe('rejected imports', () => {
  it('lists the supported extensions', () => {
    expect([...SUPPORTED_EXTENSIONS]).toEqual(['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx', '.epub']);
  });

  it('rejects an empty file', async () => {
    await expectRejected({ name: 'empty.txt', bytes: new Uint8Array(0) }, 'the file is empty');
  });

  it('rejects a file with only whitespace (and a BOM)', async () => {
    await expectRejected({ name: 'blank.md', bytes: utf8('\uFEFF  \n\t\r\n \u00a0 \n') }, 'the file is empty');
  });

  it('rejects a file over the size limit before looking at it', async () => {
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1); // all NULs: size must be reported, not "binary"
    await expectRejected({ name: 'huge.txt', bytes: huge }, 'the file is larger than the 100 MB limit');
  });

  it('accepts a file of exactly the limit size as far as size goes', async () => {
    const exact = new Uint8Array(MAX_IMPORT_BYTES); // NULs: rejected, but as binary
    await expectRejected({ name: 'exact.txt', bytes: exact }, 'this looks like a binary file, not text');
  });

  it('rejects binary data: a PNG header with random bytes', async () => {
    const bytes = new Uint8Array([...PNG_SIGNATURE, ...noise(2048)]);
    await expectRejected({ name: 'photo.png.txt', bytes }, 'this looks like a binary file, not text');
  });

  it('rejects text full of control characters even without NUL bytes', async () => {
    const bytes = utf8('ab\u0001\u0002cd\u0003\u0004ef\u0005\u0006gh\u000e\u000f'.repeat(50));
    await expectRejected({ name: 'controls.txt', bytes }, 'this looks like a binary file, not text');
  });

  it('rejects a single NUL byte in otherwise normal text', async () => {
    const bytes = new Uint8Array([...utf8('Normal na teksto'), 0, ...utf8(' pa rin.')]);
    await expectRejected({ name: 'nul.txt', bytes }, 'this looks like a binary file, not text');
  });

  it('decodes text that is not UTF-8 instead of refusing it, but refuses a mix of encodings', async () => {
    // "Kafeé at bun" in Latin-1
    const latin1 = new Uint8Array([0x4b, 0x61, 0x66, 0x65, 0xe9, 0x20, 0x61, 0x74, 0x20, 0x62, 0x75, 0x6e]);
    expect((await parseDocument({ name: 'latin1.md', bytes: latin1 })).passages[0].text).toBe('Kafeé at bun');
    // UTF-8, then "Привет." in Windows-1251
    const mixed = new Uint8Array([...utf8('Ещё раз, и ещё: '), 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2e]);
    await expectRejected(
      { name: 'mixed.txt', bytes: mixed },
      /^mixed\.txt: the file mixes UTF-8 with another text encoding/,
    );
  });

  it('still refuses binary data whatever the encoding guess would be', async () => {
    await expectRejected({ name: 'noise.txt', bytes: noise(4096, 7) }, 'this looks like a binary file, not text');
    await expectRejected({ name: 'noise.html', bytes: noise(300, 9) }, 'this looks like a binary file, not text');
  });

  it('reads UTF-16 text with a byte order mark', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[...'Kamusta'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await parseDocument({ name: 'utf16.txt', bytes })).passages[0].text).toBe('Kamusta');
    await expectRejected({ name: 'odd.txt', bytes: new Uint8Array([0xff, 0xfe, 0x41]) }, /not valid UTF-16/);
  });

  it('rejects unsupported file types', async () => {
    await expectRejected(
      { name: 'report.ODT', bytes: utf8('PK text') },
      'unsupported file type “.odt” (Tala imports .txt, .md, .html, .pdf, .docx and .epub files)',
    );
    await expectRejected({ name: 'README', bytes: utf8('text') }, /^README: unsupported file type/);
    await expectRejected({ name: '.txt', bytes: utf8('text') }, /unsupported file type/);
    // A supported extension on the wrong content is refused by that format's reader.
    await expectRejected({ name: 'report.PDF', bytes: utf8('%PDF-1.7 text') }, /^report\.PDF: this PDF is damaged/);
  });

  it('rejects files that parse to no passages', async () => {
    const onlyScripts =
      '<html><head><script>alert("x")</script><style>p{}</style></head><body><script>var a =' +
      ' 1;</script>\n<nav>Menu</nav></body></html>';
    await expectRejected({ name: 'scripts.html', bytes: utf8(onlyScripts) }, 'no readable text was found');
    await expectRejected(
      { name: 'image.md', bytes: utf8('![only an image](a.png)\n\n---\n') },
      'no readable text was found',
    );
    await expectRejected(
      { name: 'tags.htm', bytes: utf8('<div><img src="a.png"></div>') },
      'no readable text was found',
    );
  });

  it('names the file without its directory and without control characters', async () => {
    const error = await expectRejected(
      { name: 'C:\\Users\\ana\\docs\\empty\u0007.txt', bytes: new Uint8Array(0) },
      'the file is empty',
    );
    expect(error.message).toBe('empty.txt: the file is empty');
  });

  it('never modifies the caller’s bytes', async () => {
    const bytes = utf8('Isang talata.');
    const copy = bytes.slice();
    await parseDocument({ name: 'a.txt', bytes });
    expect(bytes).toEqual(copy);
  });
});
