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

/** MurmurHash3's finaliser: every input bit reaches every output bit (the tables mask the low ones). */
export function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

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

  // Only pairs that can reach minDice are counted: 2 × shared / (srcCount + tgtCount) is at most
  // 2 × min / (srcCount + tgtCount), so words whose counts differ too much never pair. The pairs left are read
  // back in the order they were first seen, as before: the same lists, in the same order (the slack keeps a pair
  // whose bound is minDice up to rounding).
  const canPair = (cs: number, ct: number) => 2 * (cs < ct ? cs : ct) >= minDice * (cs + ct) * (1 - 1e-9);
  let expected = 0;
  for (const b of sample) {
    let ns = 0;
    let nt = 0;
    for (const s of b.source) if (keepS(s)) ns++;
    for (const t of b.target) if (keepT(t)) nt++;
    expected += ns * nt;
  }
  const shared = new PairCounts(expected);
  const ts = new Int32Array(Math.max(0, ...sample.map((b) => b.target.length)));
  for (const b of sample) {
    let nt = 0;
    for (const t of b.target) if (keepT(t)) ts[nt++] = t;
    if (nt === 0) continue;
    for (const s of b.source) {
      if (!keepS(s)) continue;
      const cs = srcCount[s];
      for (let k = 0; k < nt; k++) if (canPair(cs, tgtCount[ts[k]])) shared.add(s, ts[k]);
    }
  }

  const bestS = new Map<number, Array<[number, number]>>();
  const bestT = new Map<number, Array<[number, number]>>();
  for (let k = 0; k < shared.size; k++) {
    const count = shared.count(k);
    if (count < minShared) continue;
    const s = shared.source(k);
    const t = shared.target(k);
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

/**
 * Counts of (source, target) type pairs in an open-addressing hash table of typed arrays, read back in
 * the order the pairs were first seen (as a Map would be): far less garbage than a Map of 100,000 keys.
 */
class PairCounts {
  private readonly slots: Int32Array; // entry index + 1 per slot, 0 when free
  private readonly mask: number;
  private sources: Int32Array;
  private targets: Int32Array;
  private counts: Int32Array;
  size = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    const entries = Math.max(16, expected);
    this.sources = new Int32Array(entries);
    this.targets = new Int32Array(entries);
    this.counts = new Int32Array(entries);
  }

  add(s: number, t: number): void {
    let slot = mix32(Math.imul(s, 0x9e3779b1) ^ t) & this.mask;
    for (;;) {
      const at = this.slots[slot];
      if (at === 0) break;
      if (this.sources[at - 1] === s && this.targets[at - 1] === t) {
        this.counts[at - 1]++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    // `expected` bounds the number of distinct pairs, so the entry arrays never need to grow.
    const k = this.size++;
    this.sources[k] = s;
    this.targets[k] = t;
    this.counts[k] = 1;
    this.slots[slot] = k + 1;
  }

  source = (k: number) => this.sources[k];
  target = (k: number) => this.targets[k];
  count = (k: number) => this.counts[k];
}
