// Fuzz targets: each takes one generated input and either succeeds or refuses it the documented way
// (an AppError with a clear code). Anything else thrown is a crash the fuzzer reports.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { decodeWire } from '../../shared/wire';
import type { Archive } from '../../main/archive/archive';
import { parseDocument } from '../../main/ingest/index';
import { parseW3c, W3cFormatError } from '../../main/export/w3c';

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
function mutatedBytes(seed: string): fc.Arbitrary<Uint8Array> {
  const base = encoder.encode(seed);
  return fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 40 }) }),
        fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: fc.string({ unit: 'grapheme', maxLength: 30 }) }),
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
        } else if (e.kind === 'cut') bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + e.length)]);
        else {
          const piece = e.kind === 'insert' ? e.bytes : encoder.encode(e.text);
          bytes = new Uint8Array([...bytes.subarray(0, at), ...piece, ...bytes.subarray(at)]);
        }
      }
      return bytes;
    });
}

const HTML_SEED = `<!doctype html><html lang="tl"><head><title>Halalan</title><meta name="author" content="CEC">
<meta property="article:published_time" content="2012-07-20"><link rel="canonical" href="https://example.org/a"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Halalan 2012</h1><p>${sampleText.split('\n')[2]}</p>
<ul><li>Bako Sahakyan</li><li>Vitaly Balasanyan</li></ul><script>alert(1)</script><table><tr><td>47 libo</td></tr></table>
</article><footer>© 2012</footer></body></html>`;
const MD_SEED = `---\ntitle: Halalan\ndate: 2012-07-19\n---\n# Halalan 2012\n\n${sampleText.split('\n')[1]}\n\n* Bako Sahakyan\n* [Balasanyan](https://example.org)\n\n\`\`\`\ncode\n\`\`\`\n`;

const importer = (name: string, seed: string): FuzzTarget<Uint8Array> => ({
  name: `import ${name}`,
  arbitrary: fc.oneof({ weight: 4, arbitrary: mutatedBytes(seed) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) }),
  async run(bytes) {
    try {
      const doc = await parseDocument({ name, bytes });
      if (doc.passages.length === 0 || doc.passages.some((p) => p.text.trim() === '')) throw new Error('accepted a document with an empty passage');
      for (const p of doc.passages) {
        for (const [s, e] of p.sentences) if (!(0 <= s && s < e && e <= p.text.length)) throw new Error(`sentence ${s}-${e} outside its passage`);
      }
      return 'accepted';
    } catch (err) {
      return refusal(err, ['IMPORT_REJECTED']);
    }
  },
});

const QUERY_ALPHABET = fc.constantFrom(...'+-:*~^"()[]{}\\/ \t.,;!?0123456789abcdefghijklmnopqrstuvwxyzÁéñ'.split(''), 'title:', 'text:', 'lang:', 'OR', 'AND', 'NOT', 'Sahakyan', 'Баласанян', 'Սահակյան', 'e\u0301', '🗳️', '\u0000', '\u202e');

export const TARGETS: FuzzTarget<never>[] = [
  importer('fuzz.txt', sampleText),
  importer('fuzz.md', MD_SEED),
  importer('fuzz.html', HTML_SEED),
  {
    name: 'search query',
    arbitrary: fc.oneof(fc.array(QUERY_ALPHABET, { maxLength: 30 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 60 })),
    async run(query: string, archive: Archive) {
      try {
        const result = await archive.search(query, 20);
        if (result.total < result.hits.length) throw new Error('total smaller than the hits returned');
        return 'accepted';
      } catch (err) {
        return refusal(err, ['BAD_QUERY']);
      }
    },
  },
  {
    name: 'W3C annotation import',
    arbitrary: fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 200 }), fc.constant('{"type":"AnnotationCollection","first":{"items":[{"type":"Annotation"}]}}')),
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
    arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ $bytes: fc.string({ maxLength: 40 }) }), fc.anything({ maxDepth: 3 })),
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
