// Real translated prose for the aligner's benchmark: Bleualign's German–French development document
// (Text+Berg, hand-aligned; one tokenised sentence per line, the gold alignment as "[0, 1]:[2]" beads).
// It is GPL-licensed team data and stays outside the repository: the benchmark reads it from
// ../shared/data/bleualign-dev (or $TALA_BLEUALIGN_DIR) and says so when it is absent.
// Scoring follows Vecalign's score.py (Thompson & Koehn 2019): a strict bead is right only when it equals
// a gold bead; a lax bead is right when it overlaps one on both sides. Precision counts every predicted
// bead (insertions and deletions too), recall every gold bead with both sides.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AlignPassage, Bead } from '../main/align/types';

/** A bead as two lists of sentence indices (either may be empty). */
export type IndexBead = readonly [readonly number[], readonly number[]];

export interface ProsePair {
  source: string[];
  target: string[];
  gold: IndexBead[];
}

/** $TALA_BLEUALIGN_DIR, else shared/data/bleualign-dev beside the repository (or beside a folder above it). */
export function proseDir(): string | null {
  const candidates = [process.env.TALA_BLEUALIGN_DIR];
  for (let up = join(import.meta.dirname, '..', '..'); candidates.length < 5; up = dirname(up)) {
    candidates.push(join(up, 'shared', 'data', 'bleualign-dev'));
    if (dirname(up) === up) break;
  }
  return candidates.find((dir) => dir && existsSync(join(dir, 'dev.defr'))) ?? null;
}

/**
 * Bleualign's test documents when $TALA_BLEUALIGN_TEST_DIR names a folder holding them as Vecalign lays them
 * out (test<k>.de, test<k>.fr, test<k>.defr: one document each, same format as the development one); never
 * looked for anywhere else (GPL data that no one keeps beside the repository).
 */
export function proseTestDocs(): { dir: string; names: string[] } | null {
  const dir = process.env.TALA_BLEUALIGN_TEST_DIR;
  if (!dir || !existsSync(dir)) return null;
  const names = readdirSync(dir)
    .filter((f) => /^test\d+\.defr$/.test(f))
    .map((f) => f.slice(0, -'.defr'.length))
    .filter((name) => existsSync(join(dir, `${name}.de`)) && existsSync(join(dir, `${name}.fr`)))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  return names.length ? { dir, names } : null;
}

/**
 * Several documents as one for scoring: each one's sentence indices shifted past the previous ones, so the
 * counts of true and false beads add up over the documents (what Vecalign's score.py does with several files).
 */
export function concatenate(parts: Array<{ gold: IndexBead[]; test: IndexBead[]; sizes: [number, number] }>): {
  gold: IndexBead[];
  test: IndexBead[];
} {
  const gold: IndexBead[] = [];
  const test: IndexBead[] = [];
  let at: [number, number] = [0, 0];
  for (const part of parts) {
    const shift = ([s, t]: IndexBead): IndexBead => [s.map((x) => x + at[0]), t.map((y) => y + at[1])];
    gold.push(...part.gold.map(shift));
    test.push(...part.test.map(shift));
    at = [at[0] + part.sizes[0], at[1] + part.sizes[1]];
  }
  return { gold, test };
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);

export function parseBeads(text: string): IndexBead[] {
  const list = (s: string) =>
    s.trim() === '[]'
      ? []
      : s
          .replace(/[[\]\s]/g, '')
          .split(',')
          .map(Number);
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [a, b] = l.split(':');
      return [list(a), list(b)] as const;
    });
}

export function loadProse(dir: string, name = 'dev', [s, t] = ['de', 'fr']): ProsePair {
  return {
    source: lines(join(dir, `${name}.${s}`)).map((l) => l.trim()),
    target: lines(join(dir, `${name}.${t}`)).map((l) => l.trim()),
    gold: parseBeads(readFileSync(join(dir, `${name}.${s}${t}`), 'utf8')),
  };
}

/** Every sentence its own passage (what the CLI's import does with a one-sentence-per-line file). */
export const sentencePassages = (sentences: string[]): AlignPassage[] => sentences.map((text) => ({ text }));

/**
 * The sentences grouped into paragraphs of about `size` sentences, cut only where no gold bead crosses
 * (paragraph breaks of a real translation fall between beads); a run of added or dropped sentences is a
 * paragraph of its own on its side, as a translator's note or a left-out passage would be. With `moved`, that
 * share of the translation's paragraph breaks fall one sentence earlier or later (paragraphs that do not
 * correspond across the languages, as in real translations); the random draws need a `seed`.
 */
export function paragraphPassages(
  pair: ProsePair,
  size: number,
  seed?: number,
  moved = 0,
): { source: AlignPassage[]; target: AlignPassage[] } {
  const { gold } = pair;
  // A cut after bead k is clean when every sentence of the beads up to k precedes every later one.
  const last = (xs: readonly number[], pick: (a: number, b: number) => number, none: number) => xs.reduce(pick, none);
  const clean = gold.map(() => true);
  for (const side of [0, 1] as const) {
    const suffixMin = new Array<number>(gold.length + 1).fill(Infinity);
    for (let k = gold.length - 1; k >= 0; k--)
      suffixMin[k] = Math.min(suffixMin[k + 1], last(gold[k][side], Math.min, Infinity));
    let prefixMax = -1;
    gold.forEach((bead, k) => {
      prefixMax = Math.max(prefixMax, last(bead[side], Math.max, -1));
      if (prefixMax > suffixMin[k + 1]) clean[k] = false;
    });
  }
  const oneSided = (bead?: IndexBead) => !!bead && (bead[0].length === 0 || bead[1].length === 0);
  const inRun = gold.map((bead, k) => oneSided(bead) && (oneSided(gold[k - 1]) || oneSided(gold[k + 1])));
  const source: AlignPassage[] = [];
  const target: AlignPassage[] = [];
  let at = [0, 0];
  let count = [0, 0];
  // With a seed, each paragraph's size is drawn between half and one and a half times `size` (another cutting of
  // the same text); without one, every paragraph aims at `size`.
  let state = seed ?? 0;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const draw = () => (seed === undefined ? size : Math.max(1, Math.round(size * (0.5 + random()))));
  let want = draw();
  const cutAfter = (k: number) => {
    const end = [0, 1].map((side) =>
      Math.max(at[side], ...gold.slice(0, k + 1).flatMap((b) => b[side].map((x) => x + 1))),
    );
    // A translation whose paragraph break falls one sentence earlier or later than the original's.
    if (moved > 0 && k < gold.length - 1 && random() < moved) {
      end[1] = Math.min(pair.target.length - 1, Math.max(at[1] + 1, end[1] + (random() < 0.5 ? -1 : 1)));
    }
    if (end[0] > at[0]) source.push(paragraph(pair.source.slice(at[0], end[0])));
    if (end[1] > at[1]) target.push(paragraph(pair.target.slice(at[1], end[1])));
    at = end;
    count = [0, 0];
    want = draw();
  };
  gold.forEach((bead, k) => {
    count[0] += bead[0].length;
    count[1] += bead[1].length;
    if (!clean[k] || k === gold.length - 1) return;
    if (inRun[k] !== inRun[k + 1] || (!inRun[k] && count[0] >= want && count[1] >= want)) cutAfter(k);
  });
  cutAfter(gold.length - 1);
  return { source, target };
}

function paragraph(sentences: string[]): AlignPassage {
  const spans: Array<[number, number]> = [];
  let text = '';
  for (const s of sentences) {
    if (text) text += ' ';
    spans.push([text.length, text.length + s.length]);
    text += s;
  }
  return { text, sentences: spans };
}

/** Sentence beads of an alignment as global sentence indices, in order. */
export function sentenceBeads(beads: readonly Bead[], source: AlignPassage[], target: AlignPassage[]): IndexBead[] {
  const offsets = (passages: AlignPassage[]) => {
    const out: number[] = [];
    let at = 0;
    for (const p of passages) {
      out.push(at);
      at += p.sentences && p.sentences.length ? p.sentences.length : 1;
    }
    return out;
  };
  const os = offsets(source);
  const ot = offsets(target);
  return beads.flatMap((b) =>
    b.sentences.map((s): IndexBead => [s.source.map(([p, k]) => os[p] + k), s.target.map(([p, k]) => ot[p] + k)]),
  );
}

export interface ProseScore {
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
}

const key = ([s, t]: IndexBead) => `${s.join(',')}:${t.join(',')}`;

/** True and false positives, strict and lax, of `test` against `gold` (score.py's _precision). */
function counts(gold: readonly IndexBead[], test: readonly IndexBead[]): [number, number, number, number] {
  const goldKeys = new Set(gold.filter(([s, t]) => s.length || t.length).map(key));
  const goldTargets = new Map<number, Set<number>>();
  for (const [s, t] of gold)
    for (const x of s) for (const y of t) (goldTargets.get(x) ?? goldTargets.set(x, new Set()).get(x)!).add(y);
  let tpStrict = 0;
  let fpStrict = 0;
  let tpLax = 0;
  let fpLax = 0;
  const seen = new Set<string>();
  for (const bead of test) {
    const k = key(bead);
    if ((!bead[0].length && !bead[1].length) || seen.has(k)) continue;
    seen.add(k);
    if (goldKeys.has(k)) {
      tpStrict++;
      tpLax++;
    } else {
      fpStrict++;
      if (bead[0].some((x) => bead[1].some((y) => goldTargets.get(x)?.has(y)))) tpLax++;
      else fpLax++;
    }
  }
  return [tpStrict, fpStrict, tpLax, fpLax];
}

/** Whether a test bead is strictly right (for calibration tables). */
export function strictlyRight(gold: readonly IndexBead[]): (bead: IndexBead) => boolean {
  const goldKeys = new Set(gold.map(key));
  return (bead) => goldKeys.has(key(bead));
}

export function scoreProse(gold: readonly IndexBead[], test: readonly IndexBead[]): ProseScore {
  const both = (beads: readonly IndexBead[]) => beads.filter(([s, t]) => s.length && t.length);
  const p = counts(gold, test);
  // Recall is precision with the roles swapped, insertions and deletions left out.
  const r = counts(both(test), both(gold));
  const ratio = (a: number, b: number) => (a + b === 0 ? 0 : a / (a + b));
  const f1 = (x: number, y: number) => (x + y === 0 ? 0 : (2 * x * y) / (x + y));
  const strict = { precision: ratio(p[0], p[1]), recall: ratio(r[0], r[1]) };
  const lax = { precision: ratio(p[2], p[3]), recall: ratio(r[2], r[3]) };
  return {
    strict: { ...strict, f1: f1(strict.precision, strict.recall) },
    lax: { ...lax, f1: f1(lax.precision, lax.recall) },
  };
}

export interface Calibrated {
  confidence: number;
  right: boolean;
  /** Units on each side (for the calibration map's shape terms). */
  di: number;
  dj: number;
}

/** Confidence bins against strict accuracy: count, mean confidence, share right. */
export function calibrationTable(beads: readonly Calibrated[], edges = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001]) {
  const rows = edges.slice(0, -1).map((lo, k) => {
    const inBin = beads.filter((b) => b.confidence >= lo && b.confidence < edges[k + 1]);
    const mean = (f: (b: Calibrated) => number) =>
      inBin.length ? inBin.reduce((a, b) => a + f(b), 0) / inBin.length : NaN;
    return {
      lo,
      hi: Math.min(1, edges[k + 1]),
      count: inBin.length,
      confidence: mean((b) => b.confidence),
      accuracy: mean((b) => (b.right ? 1 : 0)),
    };
  });
  // Expected calibration error: the bins' |confidence − accuracy|, weighted by their share of the beads.
  const ece = rows.reduce(
    (a, r) => (r.count ? a + (r.count / beads.length) * Math.abs(r.confidence - r.accuracy) : a),
    0,
  );
  return { rows, ece };
}

/**
 * Logistic regression (Newton's method, a little ridge for stability) of `right` on the features: the
 * fit of the calibration map. Returns one coefficient per feature.
 */
export function fitLogistic(features: number[][], right: boolean[], iterations = 50): number[] {
  const d = features[0].length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, (_, r) => Array.from({ length: d }, (_, c) => (r === c ? 1e-3 : 0)));
    features.forEach((x, n) => {
      const p = 1 / (1 + Math.exp(-x.reduce((a, v, k) => a + v * w[k], 0)));
      const y = right[n] ? 1 : 0;
      for (let r = 0; r < d; r++) {
        grad[r] += (y - p) * x[r];
        for (let c = 0; c < d; c++) hess[r][c] += p * (1 - p) * x[r] * x[c];
      }
    });
    const step = solveLinear(hess, grad);
    w = w.map((v, k) => v + step[k]);
    if (step.every((s) => Math.abs(s) < 1e-9)) break;
  }
  return w;
}

function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, r) => [...row, b[r]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, r) => (row[r] === 0 ? 0 : row[n] / row[r]));
}

/**
 * The pair cut into documents of about `size` source sentences, only where no gold bead crosses (both sides):
 * short documents of the same prose, for how the aligner does when it has little text to learn from.
 */
export function cleanChunks(pair: ProsePair, size: number): ProsePair[] {
  const { gold } = pair;
  const n = gold.length;
  // After bead k, the end on each side so far, and the smallest index still to come.
  const upTo = [0, 1].map((side) => {
    const out: number[] = [];
    let max = -1;
    for (const b of gold) {
      for (const x of b[side]) max = Math.max(max, x);
      out.push(max + 1);
    }
    return out;
  });
  const from = [0, 1].map((side) => {
    const out = new Array<number>(n + 1).fill(Infinity);
    for (let k = n - 1; k >= 0; k--) out[k] = Math.min(out[k + 1], ...gold[k][side]);
    return out;
  });
  const chunks: ProsePair[] = [];
  let start = 0;
  let at = [0, 0];
  for (let k = 0; k < n; k++) {
    const end = [upTo[0][k], upTo[1][k]];
    const last = k === n - 1;
    const clean = last || (from[0][k + 1] >= end[0] && from[1][k + 1] >= end[1]);
    if (!clean || (!last && end[0] - at[0] < size)) continue;
    chunks.push({
      source: pair.source.slice(at[0], end[0]),
      target: pair.target.slice(at[1], end[1]),
      gold: gold.slice(start, k + 1).map(([s, t]): IndexBead => [s.map((x) => x - at[0]), t.map((y) => y - at[1])]),
    });
    start = k + 1;
    at = end;
  }
  return chunks;
}

/**
 * What the translations service passes to the aligner from an aligned pair already in the archive
 * (`archiveLexicon`): its confident sentence beads as text pairs, both sides present, at most `maxSentences`
 * sentences a side, at most `maxPairs` spread evenly.
 */
export function confidentTextPairs(
  beads: readonly Bead[],
  source: readonly string[],
  target: readonly string[],
  limits: { minConfidence: number; maxSentences: number; maxPairs: number },
): Array<{ source: string; target: string }> {
  const all: Array<{ source: string; target: string }> = [];
  for (const b of beads) {
    for (const s of b.sentences) {
      if (s.confidence < limits.minConfidence && !s.fixed) continue;
      if (!s.source.length || !s.target.length) continue;
      if (s.source.length > limits.maxSentences || s.target.length > limits.maxSentences) continue;
      all.push({
        source: s.source.map(([p]) => source[p]).join(' '),
        target: s.target.map(([p]) => target[p]).join(' '),
      });
    }
  }
  const step = Math.max(1, all.length / limits.maxPairs);
  const out: Array<{ source: string; target: string }> = [];
  for (let k = 0; k < all.length && out.length < limits.maxPairs; k += step) out.push(all[Math.floor(k)]);
  return out;
}

/** A pair repeated to at least `chars` characters of source text, its gold beads shifted with each copy. */
export function repeatedProse(pair: ProsePair, chars: number): { pair: ProsePair; copies: number; chars: number } {
  const size = pair.source.reduce((n, s) => n + s.length, 0);
  const copies = Math.max(1, Math.ceil(chars / size));
  const out: ProsePair = { source: [], target: [], gold: [] };
  for (let c = 0; c < copies; c++) {
    const [s0, t0] = [out.source.length, out.target.length];
    out.source.push(...pair.source);
    out.target.push(...pair.target);
    for (const [s, t] of pair.gold) out.gold.push([s.map((x) => x + s0), t.map((y) => y + t0)]);
  }
  return { pair: out, copies, chars: size * copies };
}
