// A small bilingual lexicon learnt from the text pair itself: word types that keep appearing in the same
// confident 1-1 beads of the first pass (Dice coefficient of their bead co-occurrence) are taken as
// translations of each other. No dictionary, no model: it works for any language pair with enough text.

export interface Lexicon {
  /** For each source type id, the target type ids it translates to (empty array: no entry). */
  bySource: Int32Array[];
  byTarget: Int32Array[];
  size: number;
}

export interface LexiconOptions {
  /** Minimum Dice coefficient of a pair. */
  minDice?: number;
  /** Minimum number of beads a pair must share. */
  minShared?: number;
  /** Translations kept per word, best first. */
  perWord?: number;
  /** At most this many beads are used (evenly spread), which bounds the time on long documents. */
  maxBeads?: number;
  /** ... and at most about this many source × target word pairs in all (long paragraphs count more). */
  maxPairs?: number;
}

const EMPTY = new Int32Array(0);

/**
 * `beads` lists, for each training bead, the distinct source and target type ids it contains. Types present
 * in more than half of the beads (function words) are left out: they co-occur with everything.
 */
export function learnLexicon(
  beads: ReadonlyArray<{ source: Int32Array; target: Int32Array }>,
  sourceTypes: number,
  targetTypes: number,
  options: LexiconOptions = {},
): Lexicon {
  const { minDice = 0.5, minShared = 2, perWord = 2, maxBeads = 200, maxPairs = 150_000 } = options;
  const empty: Lexicon = {
    bySource: new Array(sourceTypes).fill(EMPTY),
    byTarget: new Array(targetTypes).fill(EMPTY),
    size: 0,
  };
  if (beads.length < 3) return empty;
  const pairsPerBead = beads.reduce((sum, b) => sum + b.source.length * b.target.length, 0) / beads.length;
  const step = Math.max(1, beads.length / maxBeads, (beads.length * pairsPerBead) / maxPairs);
  const sample: (typeof beads)[number][] = [];
  for (let k = 0; k < beads.length; k += step) sample.push(beads[Math.floor(k)]);

  const srcCount = new Int32Array(sourceTypes);
  const tgtCount = new Int32Array(targetTypes);
  for (const b of sample) {
    for (const s of b.source) srcCount[s]++;
    for (const t of b.target) tgtCount[t]++;
  }
  const maxDf = Math.max(minShared, Math.floor(sample.length / 2));
  const keepS = (s: number) => srcCount[s] >= minShared && srcCount[s] <= maxDf;
  const keepT = (t: number) => tgtCount[t] >= minShared && tgtCount[t] <= maxDf;

  const shared = new Map<number, number>();
  for (const b of sample) {
    const ts = Array.from(b.target).filter(keepT);
    if (ts.length === 0) continue;
    for (const s of b.source) {
      if (!keepS(s)) continue;
      const base = s * targetTypes;
      for (const t of ts) shared.set(base + t, (shared.get(base + t) ?? 0) + 1);
    }
  }

  const bestS = new Map<number, Array<[number, number]>>();
  const bestT = new Map<number, Array<[number, number]>>();
  for (const [key, count] of shared) {
    if (count < minShared) continue;
    const s = Math.floor(key / targetTypes);
    const t = key - s * targetTypes;
    const dice = (2 * count) / (srcCount[s] + tgtCount[t]);
    if (dice < minDice) continue;
    (bestS.get(s) ?? bestS.set(s, []).get(s)!).push([t, dice]);
    (bestT.get(t) ?? bestT.set(t, []).get(t)!).push([s, dice]);
  }
  const bySource = empty.bySource.slice();
  const byTarget = empty.byTarget.slice();
  let size = 0;
  // A pair is kept when each word is among the other's best few: one-sided associations are noise.
  const top = (list: Array<[number, number]>) =>
    list
      .sort((a, b) => b[1] - a[1])
      .slice(0, perWord)
      .map(([x]) => x);
  const topS = new Map<number, number[]>();
  const topT = new Map<number, number[]>();
  for (const [s, list] of bestS) topS.set(s, top(list));
  for (const [t, list] of bestT) topT.set(t, top(list));
  for (const [s, ts] of topS) {
    const kept = ts.filter((t) => topT.get(t)?.includes(s));
    if (kept.length === 0) continue;
    bySource[s] = Int32Array.from(kept);
    size += kept.length;
    for (const t of kept) byTarget[t] = byTarget[t].length ? Int32Array.from([...byTarget[t], s]) : Int32Array.of(s);
  }
  return { bySource, byTarget, size };
}
