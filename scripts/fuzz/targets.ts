// Fuzz targets: each takes one generated input and either succeeds or refuses it the documented way
// (an AppError with a clear code). Anything else thrown is a crash the fuzzer reports.
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { decodeWire } from '../../shared/wire';
import type { Archive } from '../../main/archive/archive';
import { parseDocument } from '../../main/ingest/index';
import { align } from '../../main/align/aligner';
import type { AlignResult, AlignSide } from '../../main/align/types';
import { parseW3c, W3cFormatError } from '../../main/annotations/w3c';
import {
  docxEntries,
  epubEntries,
  makePdf,
  makeZip,
  SAMPLE_DOCX_PARAGRAPHS,
  SAMPLE_EPUB_CHAPTERS,
  samplePdf,
  sampleDocx,
  sampleEpub,
  type ZipEntries,
} from '../../test/helpers/make-documents';

const SAMPLES = fileURLToPath(new URL('../../resources/samples/', import.meta.url));
const sampleText = readFileSync(join(SAMPLES, 'nkr-2012-halalan.tl.txt'), 'utf8');

export type Outcome = 'accepted' | 'refused';

export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  run(input: T, archive: Archive): Promise<Outcome>;
}

/** Refusals that are part of the contract: the caller gets a clear message. */
function refusal(err: unknown, codes: string[]): Outcome {
  if (err instanceof AppError && codes.includes(err.code) && err.message.length > 0) return 'refused';
  throw err;
}

const encoder = new TextEncoder();

/** Byte-level mutations of a real document: flips, cuts, splices, injected control and NUL bytes. */
function mutatedBytes(seed: string | Uint8Array): fc.Arbitrary<Uint8Array> {
  const base = typeof seed === 'string' ? encoder.encode(seed) : seed;
  return fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 40 }) }),
        fc.record({
          kind: fc.constant('text' as const),
          at: fc.nat(),
          text: fc.string({ unit: 'grapheme', maxLength: 30 }),
        }),
      ),
      { maxLength: 8 },
    )
    .map((edits) => {
      let bytes = base;
      for (const e of edits) {
        const at = bytes.length ? e.at % bytes.length : 0;
        if (e.kind === 'flip') {
          bytes = bytes.slice();
          if (bytes.length) bytes[at] = e.value;
        } else if (e.kind === 'cut')
          bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + e.length)]);
        else {
          const piece = e.kind === 'insert' ? e.bytes : encoder.encode(e.text);
          bytes = new Uint8Array([...bytes.subarray(0, at), ...piece, ...bytes.subarray(at)]);
        }
      }
      return bytes;
    });
}

const HTML_SEED =
  `<!doctype html><html lang="tl"><head><title>Halalan</title><meta name="author" content="CEC">
<meta property="article:published_time" content="2012-07-20"><link rel="canonical" href="https://example.org/a"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Halalan 2012</h1><p>${sampleText.split('\n')[2]}</p>
<ul><li>Bako Sahakyan</li><li>Vitaly Balasanyan</li></ul><script>alert(1)</script><table><tr><td>47` +
  ` libo</td></tr></table>
</article><footer>© 2012</footer></body></html>`;
const MD_SEED =
  `---\ntitle: Halalan\ndate: 2012-07-19\n---\n# Halalan` +
  ` 2012\n\n${sampleText.split('\n')[1]}\n\n* Bako Sahakyan\n* [Balasanyan](https://example.org)\n\n` +
  '```\ncode\n```\n';

/** Text for structured mutations: real words, odd Unicode, markup-looking and control characters. */
const fuzzText = fc.oneof(
  fc.constantFrom(
    'Halalan',
    'Выборы',
    'Ընտրություններ',
    'ﬁnal',
    'pangu-',
    '<b>',
    '&amp;',
    ']]>',
    '\u202e',
    '\u0000',
    '(',
    ')',
    '\\',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Valid PDFs built from mutated line lists (text, positions, sizes, page count), then byte-mutated now and then. */
const pdfInputs: fc.Arbitrary<Uint8Array> = fc
  .array(
    fc.array(
      fc.record({
        text: fuzzText.map((t) => [...t].filter((c) => c.charCodeAt(0) < 256 || c === 'ﬁ').join('') || 'x'),
        x: fc.integer({ min: -50, max: 700 }),
        y: fc.integer({ min: -50, max: 850 }),
        size: fc.constantFrom(6, 9, 11, 14, 20, 0.5, 300),
        font: fc.constantFrom('F1' as const, 'F2' as const, 'F3' as const),
      }),
      { maxLength: 12 },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((pages) => makePdf({ pages, info: { Title: 'Fuzz', CreationDate: 'D:2012' } }));

/** Valid DOCX/EPUB containers whose XML content is mutated before zipping (so the zip itself stays sound). */
function zipInputs(entries: ZipEntries): fc.Arbitrary<Uint8Array> {
  const names = Object.keys(entries);
  return fc
    .array(fc.record({ entry: fc.constantFrom(...names), at: fc.nat(), cut: fc.nat({ max: 60 }), text: fuzzText }), {
      maxLength: 4,
    })
    .map((edits) => {
      const next: ZipEntries = { ...entries };
      for (const e of edits) {
        const value = String(next[e.entry]);
        const at = e.at % (value.length + 1);
        next[e.entry] = value.slice(0, at) + e.text + value.slice(at + e.cut);
      }
      return makeZip(next);
    });
}

const binaryImporter = (
  name: string,
  seed: Uint8Array,
  structured: fc.Arbitrary<Uint8Array>,
): FuzzTarget<Uint8Array> => ({
  ...importer(name, ''),
  arbitrary: fc.oneof(
    { weight: 3, arbitrary: structured },
    { weight: 3, arbitrary: mutatedBytes(seed) },
    { weight: 1, arbitrary: structured.chain((bytes) => mutatedBytes(bytes)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
  ),
});

const importer = (name: string, seed: string): FuzzTarget<Uint8Array> => ({
  name: `import ${name}`,
  arbitrary: fc.oneof(
    { weight: 4, arbitrary: mutatedBytes(seed) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
  ),
  async run(bytes) {
    try {
      const doc = await parseDocument({ name, bytes });
      if (doc.passages.length === 0 || doc.passages.some((p) => p.text.trim() === ''))
        throw new Error('accepted a document with an empty passage');
      for (const p of doc.passages) {
        for (const [s, e] of p.sentences)
          if (!(0 <= s && s < e && e <= p.text.length)) throw new Error(`sentence ${s}-${e} outside its passage`);
      }
      return 'accepted';
    } catch (err) {
      return refusal(err, ['IMPORT_REJECTED']);
    }
  },
});

const QUERY_ALPHABET = fc.constantFrom(
  ...'+-:*~^"()[]{}\\/ \t.,;!?0123456789abcdefghijklmnopqrstuvwxyzÁéñ'.split(''),
  'title:',
  'text:',
  'lang:',
  'OR',
  'AND',
  'NOT',
  'Sahakyan',
  'Баласанян',
  'Սահակյան',
  'e\u0301',
  '🗳️',
  '\u0000',
  '\u202e',
);

/** Paragraphs for one side of a fuzzed alignment: real sample paragraphs, mutated, shuffled, emptied, huge. */
const SAMPLE_PARAGRAPHS = sampleText.split('\n');
const alignSide = fc.record({
  lang: fc.constantFrom('tl', 'en', 'ru', 'hy', 'ja', 'th', 'ar', 'xx'),
  passages: fc.array(
    fc.oneof(
      fc.constantFrom(...SAMPLE_PARAGRAPHS),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.constantFrom('1', '47', 'Chapter 1', '٤٧ ألف', '四十七', '', ' ', '?', 'Баласанян 20 000', 'x'.repeat(5000)),
    ),
    { maxLength: 40 },
  ),
});

/** Beads must cover every paragraph of both sides exactly once, in order, with confidences in [0, 1]. */
function checkBeads(beads: AlignResult['beads'], n: number, m: number): void {
  let i = 0;
  let j = 0;
  for (const b of beads) {
    for (const s of b.source) if (s !== i++) throw new Error(`source paragraph ${s} out of order (expected ${i - 1})`);
    for (const t of b.target) if (t !== j++) throw new Error(`target paragraph ${t} out of order (expected ${j - 1})`);
    if (!(b.confidence >= 0 && b.confidence <= 1)) throw new Error(`confidence ${b.confidence} outside 0..1`);
  }
  if (i !== n || j !== m) throw new Error(`beads cover ${i}/${n} source and ${j}/${m} target paragraphs`);
}

let portableSeed: Uint8Array | undefined;
const portableMutations = fc.record({
  flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
  cutAt: fc.option(fc.nat(), { nil: undefined }),
});

/**
 * A mutated portable file (a real export of the fuzz archive with bytes flipped or cut off): it must be refused
 * with a clear error or merged whole, write no file anywhere but the archive, and a refusal must change nothing.
 */
const portableTarget: FuzzTarget<{ flips: Array<{ at: number; value: number }>; cutAt?: number }> = {
  name: 'portable .tala merge',
  arbitrary: portableMutations,
  async run({ flips, cutAt }, archive) {
    const work = mkdtempSync(join(tmpdir(), 'tala-fuzz-tala-'));
    try {
      if (!portableSeed) {
        await archive.backups.exportPortable(join(work, 'seed.tala'));
        portableSeed = new Uint8Array(readFileSync(join(work, 'seed.tala')));
        rmSync(join(work, 'seed.tala'));
      }
      let bytes = portableSeed.slice();
      // Past the 100-byte header most of the time, so SQLite opens the file and the merge's checks are reached.
      for (const f of flips) bytes[100 + (f.at % (bytes.length - 100))] = f.value;
      if (cutAt !== undefined) bytes = bytes.subarray(0, cutAt % bytes.length);
      const file = join(work, 'mutated.tala');
      writeFileSync(file, bytes);
      const before = await archive.documents.list();
      const archiveFiles = readdirSync(dirname(archive.path)).sort();
      let outcome: Outcome;
      try {
        await archive.backups.importPortable(file);
        outcome = 'accepted';
      } catch (err) {
        outcome = refusal(err, ['INVALID_REQUEST', 'ARCHIVE_DAMAGED', 'ARCHIVE_ERROR']);
        if (JSON.stringify(await archive.documents.list()) !== JSON.stringify(before))
          throw new Error('a refused file changed the archive', { cause: err });
      }
      if (readdirSync(work).join() !== 'mutated.tala')
        throw new Error(`files written beside the input: ${readdirSync(work).join(', ')}`);
      const now = readdirSync(dirname(archive.path)).sort();
      if (now.some((f) => !archiveFiles.includes(f) && !f.startsWith('archive.sqlite')))
        throw new Error(`unexpected files in the archive folder: ${now.join(', ')}`);
      return outcome;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

export const TARGETS: FuzzTarget<never>[] = [
  portableTarget as FuzzTarget<unknown>,
  importer('fuzz.txt', sampleText),
  importer('fuzz.md', MD_SEED),
  importer('fuzz.html', HTML_SEED),
  binaryImporter('fuzz.pdf', samplePdf(), pdfInputs),
  binaryImporter(
    'fuzz.docx',
    sampleDocx(),
    zipInputs(docxEntries(SAMPLE_DOCX_PARAGRAPHS, { title: 'T', creator: 'C', created: '2012-07-20' })),
  ),
  binaryImporter(
    'fuzz.epub',
    sampleEpub(),
    zipInputs(epubEntries(SAMPLE_EPUB_CHAPTERS, { title: 'T', creator: 'C', date: '2012', language: 'tl' })),
  ),
  {
    name: 'search query',
    arbitrary: fc.oneof(
      fc.array(QUERY_ALPHABET, { maxLength: 30 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    ),
    async run(query: string, archive: Archive) {
      try {
        const result = await archive.search.query(query, 20);
        if (result.total < result.hits.length) throw new Error('total smaller than the hits returned');
        return 'accepted';
      } catch (err) {
        return refusal(err, ['BAD_QUERY']);
      }
    },
  },
  {
    name: 'aligner',
    arbitrary: fc.tuple(alignSide, alignSide),
    async run([a, b]: Array<{ lang: string; passages: string[] }>) {
      const source: AlignSide = { lang: a.lang, passages: a.passages.map((text) => ({ text })) };
      const target: AlignSide = { lang: b.lang, passages: b.passages.map((text) => ({ text })) };
      const result = align(source, target);
      checkBeads(result.beads, source.passages.length, target.passages.length);
      // "Refused" for the aligner: nothing to pair on one side (it still answers, with skip beads only).
      return source.passages.length && target.passages.length ? 'accepted' : 'refused';
    },
  },
  {
    name: 'W3C annotation import',
    arbitrary: fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 200 }),
      fc.constant('{"type":"AnnotationCollection","first":{"items":[{"type":"Annotation"}]}}'),
    ),
    async run(content: string) {
      try {
        parseW3c(content);
        return 'accepted';
      } catch (err) {
        if (err instanceof W3cFormatError) return 'refused';
        throw err;
      }
    },
  },
  {
    name: 'bridge wire decoding',
    arbitrary: fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ $bytes: fc.string({ maxLength: 40 }) }),
      fc.anything({ maxDepth: 3 }),
    ),
    async run(value: unknown) {
      try {
        decodeWire(value);
        return 'accepted';
      } catch (err) {
        return refusal(err, ['INVALID_REQUEST']);
      }
    },
  },
] as FuzzTarget<never>[];
