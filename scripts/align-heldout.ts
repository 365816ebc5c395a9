// A held-out protocol on the development document, for changes meant to generalise: the document is cut at the
// clean bead boundary nearest its middle into halves H1 and H2. Look at errors (and tune) on H1 only; judge on H2.
// Per half and per checkout: the half aligned alone, its cuttings into documents of ~25 / 30 / 35 / 40 / 45 / 50 /
// 60 / 70 / 80 / 100 / 120 / 150 sentences each aligned alone (Bleualign's test documents have 36 to 293), and the
// same cuttings with the other half's confident sentence pairs as the archive's lexicon (what the translations
// service passes). Strict F1 (lax in brackets), one sentence per passage; the means are over the cutting sizes.
// Calibration: expected calibration error of the sentence beads of the half aligned whole, one sentence per passage
// and in paragraphs of ~6 (bench:align's bins; right = strictly equal to a gold bead).
//   npx tsx scripts/align-heldout.ts <root A> [<root B>]   (roots as for align-ab.ts; needs $TALA_BLEUALIGN_DIR)
//   OFFSETS=0,10,20: also cut after a first document of ~10 and ~20 sentences (three times the cuttings).
// Never reads Bleualign's test documents.
import { join, resolve } from 'node:path';
import type { AlignPassage } from '../main/align/types';
import type { IndexBead, ProsePair } from './prose-corpus';

type Aligner = typeof import('../main/align/aligner');
const load = async (root: string) => (await import(join(resolve(root), 'main/align/aligner.ts'))) as Aligner;
const roots = process.argv.slice(2);
const aligners = await Promise.all(roots.map(load));
const P = (await import(
  join(resolve(roots[roots.length - 1]), 'scripts/prose-corpus.ts')
)) as typeof import('./prose-corpus');
const { ARCHIVE_LEXICON } = await import('../main/translations/service');
const dev = P.loadProse(P.proseDir()!);

/** The pair cut at the clean bead boundary nearest the middle of the source. */
function halves(pair: ProsePair): [ProsePair, ProsePair] {
  const chunks = P.cleanChunks(pair, 1);
  const total = pair.source.length;
  let at = 0;
  let best = 0;
  let bestGap = Infinity;
  chunks.forEach((c, k) => {
    at += c.source.length;
    if (Math.abs(at - total / 2) < bestGap) [best, bestGap] = [k + 1, Math.abs(at - total / 2)];
  });
  return [glue(chunks.slice(0, best)), glue(chunks.slice(best))];
}

const OFFSETS = (process.env.OFFSETS ?? '0').split(',').map(Number);
/** Chunks of one pair put back together. */
function glue(parts: ProsePair[]): ProsePair {
  const out: ProsePair = { source: [], target: [], gold: [] };
  for (const c of parts) {
    const [s0, t0] = [out.source.length, out.target.length];
    out.source.push(...c.source);
    out.target.push(...c.target);
    for (const [s, t] of c.gold) out.gold.push([s.map((x) => x + s0), t.map((y) => y + t0)]);
  }
  return out;
}

type Options = Parameters<Aligner['align']>[2];
const run = (aligner: Aligner, pair: ProsePair, options?: Options) => {
  const source = P.sentencePassages(pair.source);
  const target = P.sentencePassages(pair.target);
  const result = aligner.align({ lang: 'de', passages: source }, { lang: 'fr', passages: target }, options);
  return { result, test: P.sentenceBeads(result.beads, source, target) };
};
/** Expected calibration error (%) of the sentence beads of `pair` aligned from these passages. */
const ece = (aligner: Aligner, pair: ProsePair, source: AlignPassage[], target: AlignPassage[]) => {
  const result = aligner.align({ lang: 'de', passages: source }, { lang: 'fr', passages: target });
  const beads = P.sentenceBeads(result.beads, source, target);
  const confidences = result.beads.flatMap((b) => b.sentences.map((x) => x.confidence));
  const right = P.strictlyRight(pair.gold);
  const calibrated = beads.map((b, k) => ({
    confidence: confidences[k],
    right: right(b),
    di: b[0].length,
    dj: b[1].length,
  }));
  return (P.calibrationTable(calibrated).ece * 100).toFixed(1);
};
const scoreParts = (parts: Array<{ gold: IndexBead[]; test: IndexBead[]; sizes: [number, number] }>) => {
  const all = P.concatenate(parts);
  return P.scoreProse(all.gold, all.test);
};
const SIZES = (process.env.SIZES ?? '25,30,35,40,45,50,60,70,80,100,120,150').split(',').map(Number);
const [h1, h2] = halves(dev);
console.log(`halves: H1 ${h1.source.length}/${h1.target.length}, H2 ${h2.source.length}/${h2.target.length} sentences`);
const fmt = (x: number) => x.toFixed(3);
const summary: string[][] = roots.map(() => []);
for (const [name, half, other] of [
  ['H1', h1, h2],
  ['H2', h2, h1],
] as const) {
  aligners.forEach((aligner, a) => {
    // The archive: the other half aligned alone by the same checkout, its confident pairs.
    const o = run(aligner, other);
    const archive = P.confidentTextPairs(o.result.beads, other.source, other.target, ARCHIVE_LEXICON);
    const whole = P.scoreProse(half.gold, run(aligner, half).test);
    const alone: number[] = [];
    const withArchive: number[] = [];
    const cells: string[] = [];
    for (const size of SIZES) {
      // OFFSETS (default 0): also cut after a first chunk of about that many sentences (other chunk boundaries).
      const chunks = OFFSETS.flatMap((offset) => {
        if (offset === 0) return P.cleanChunks(half, size);
        const [first, ...rest] = P.cleanChunks(half, offset);
        return [first, ...P.cleanChunks(glue(rest), size)];
      });
      const part = (options?: Options) =>
        scoreParts(
          chunks.map((c) => ({
            gold: c.gold as IndexBead[],
            test: run(aligner, c, options).test,
            sizes: [c.source.length, c.target.length] as [number, number],
          })),
        );
      const s = part();
      const w = part({ lexiconPairs: archive });
      alone.push(s.strict.f1);
      withArchive.push(w.strict.f1);
      cells.push(`~${size} ${fmt(s.strict.f1)}/${fmt(w.strict.f1)}`);
    }
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    const grouped = P.paragraphPassages(half, 6);
    const calibration =
      `ECE ${ece(aligner, half, P.sentencePassages(half.source), P.sentencePassages(half.target))} % / ` +
      `${ece(aligner, half, grouped.source, grouped.target)} %`;
    const line =
      `${name} ${'AB'[a] ?? a}: whole ${fmt(whole.strict.f1)} (${fmt(whole.lax.f1)}), cuttings alone ` +
      `${fmt(mean(alone))}, with archive ${fmt(mean(withArchive))}, ${calibration} | ${cells.join(' ')}`;
    if (!process.env.QUIET) console.log(line);
    summary[a].push(`${name} ${fmt(whole.strict.f1)} ${fmt(mean(alone))} ${fmt(mean(withArchive))} ${calibration}`);
  });
}
roots.forEach((root, a) => console.log(`${'AB'[a] ?? a} ${root}: ${summary[a].join(' | ')}`));
