// Dumps the aligner's beads (with confidences) on every input the tests' corpora and `npm run bench:align` use
// — the development document one sentence per passage, in paragraphs of ~3/~6/~20 (and their seeded cuttings,
// with and without moved breaks), in short chunks, repeated to ~100 pages; the declaration pairs, natural and with
// the first ten paragraphs missing, headings kept and removed, and repeated to 100 pages — one JSON line per input,
// to compare two versions of the aligner byte for byte:
//   npx tsx scripts/align-dump.ts [root] > out.jsonl
// `root` (default: this checkout) is a checkout whose main/align/aligner.ts and scripts/ are used, e.g. a copy of
// main made with `git archive`. Never reads Bleualign's test documents.
import { join, resolve } from 'node:path';
import { repeatedProse } from './prose-corpus';
import { createHash } from 'node:crypto';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const { align } = (await import(join(root, 'main/align/aligner.ts'))) as typeof import('../main/align/aligner');
const prose = (await import(join(root, 'scripts/prose-corpus.ts'))) as typeof import('./prose-corpus');
const udhr = (await import(join(root, 'scripts/udhr-corpus.ts'))) as typeof import('./udhr-corpus');
type Side = import('../main/align/types').AlignSide;

const out = (name: string, s: Side, t: Side) => {
  const beads = align(s, t).beads;
  const json = JSON.stringify(beads);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 16);
  console.log(JSON.stringify({ name, hash, beads: process.env.DUMP_FULL ? beads : beads.length }));
};

const dir = prose.proseDir();
if (dir) {
  const pair = prose.loadProse(dir);
  const de = (passages: Side['passages']): Side => ({ lang: 'de', passages });
  const fr = (passages: Side['passages']): Side => ({ lang: 'fr', passages });
  out('dev sentences', de(prose.sentencePassages(pair.source)), fr(prose.sentencePassages(pair.target)));
  for (const size of [3, 6, 20]) {
    const p = prose.paragraphPassages(pair, size);
    out(`dev paragraphs ~${size}`, de(p.source), fr(p.target));
    for (const seed of [1, 2, 3, 4, 5])
      for (const moved of [0, 0.3]) {
        const q = prose.paragraphPassages(pair, size, seed, moved);
        out(`dev paragraphs ~${size} seed ${seed} moved ${moved}`, de(q.source), fr(q.target));
      }
  }
  for (const size of [30, 40, 60, 100, 150])
    prose.cleanChunks(pair, size).forEach((c, k) => {
      out(`dev chunk ${size} #${k}`, de(prose.sentencePassages(c.source)), fr(prose.sentencePassages(c.target)));
    });
  // The speed bench's input: the document repeated to ~100 pages.
  const rep = repeatedProse(pair, 300_000).pair;
  out('dev x100 pages sentences', de(prose.sentencePassages(rep.source)), fr(prose.sentencePassages(rep.target)));
  const p6 = prose.paragraphPassages(rep, 6);
  out('dev x100 pages paragraphs ~6', de(p6.source), fr(p6.target));
}

const LANGS: Array<[string, string]> = [
  ['tgl', 'tl'],
  ['rus', 'ru'],
  ['hye', 'hy'],
  ['jpn', 'ja'],
  ['tha', 'th'],
  ['arb', 'ar'],
  ['hin', 'hi'],
  ['cmn_hans', 'zh'],
  ['ell_monotonic', 'el'],
  ['spa', 'es'],
];
for (const [code, lang] of LANGS)
  for (const headings of [true, false]) {
    const eng = udhr.loadUdhr('eng', 'en', { headings });
    const other = udhr.loadUdhr(code, lang, { headings });
    out(`udhr ${code} headings ${headings}`, udhr.side(eng), udhr.side(other));
    out(
      `udhr ${code} headings ${headings} first 10 missing`,
      udhr.side(eng),
      udhr.side(other, other.passages.slice(10)),
    );
  }
// The 100-page declaration pairs of the speed bench (a seeded paragraph left out of each copy).
for (const [code, lang] of [
  ['rus', 'ru'],
  ['jpn', 'ja'],
  ['tha', 'th'],
]) {
  const eng = udhr.loadUdhr('eng', 'en');
  const other = udhr.loadUdhr(code, lang);
  const size = eng.passages.reduce((n, p) => n + p.text.length, 0);
  const copies = Math.ceil(300_000 / size);
  const g = udhr.gold(eng.passages, other.passages);
  let seed = 20121907;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const source: typeof eng.passages = [];
  const target: typeof eng.passages = [];
  for (let c = 0; c < copies; c++) {
    source.push(...eng.passages);
    const exact = [...g.exact].map((l) => l.split('-').map(Number));
    const [, drop] = exact[Math.floor(random() * exact.length)];
    target.push(...other.passages.filter((_, k) => k !== drop));
  }
  out(`udhr ${code} x100 pages`, { lang: 'en', passages: source }, { lang, passages: target });
}
