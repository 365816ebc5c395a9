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
  if (beads.length < 3)
    return { bySource: new Array(sourceTypes).fill(EMPTY), byTarget: new Array(targetTypes).fill(EMPTY), size: 0 };
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

  // Each word's best few partners (by Dice, ties in the order the pairs were first seen, as a stable sort would
  // leave them), kept in place in typed arrays: no list per word, no sort.
  const bestS = new TopPartners(sourceTypes, perWord);
  const bestT = new TopPartners(targetTypes, perWord);
  for (let k = 0; k < shared.size; k++) {
    const count = shared.count(k);
    if (count < minShared) continue;
    const s = shared.source(k);
    const t = shared.target(k);
    const dice = (2 * count) / (srcCount[s] + tgtCount[t]);
    if (dice < minDice) continue;
    bestS.offer(s, t, dice);
    bestT.offer(t, s, dice);
  }
  const bySource: Int32Array[] = new Array<Int32Array>(sourceTypes).fill(EMPTY);
  const byTarget: Int32Array[] = new Array<Int32Array>(targetTypes).fill(EMPTY);
  const sourcesOf: number[][] = [];
  let size = 0;
  // A pair is kept when each word is among the other's best few: one-sided associations are noise. Words in the
  // order they first had a partner; their partners best first.
  const kept: number[] = [];
  for (let x = 0; x < bestS.words; x++) {
    const s = bestS.word(x);
    kept.length = 0;
    for (let r = 0; r < bestS.count(s); r++) {
      const t = bestS.partner(s, r);
      if (bestT.has(t, s)) kept.push(t);
    }
    if (kept.length === 0) continue;
    bySource[s] = Int32Array.from(kept);
    size += kept.length;
    for (const t of kept) (sourcesOf[t] ??= []).push(s);
  }
  sourcesOf.forEach((list, t) => (byTarget[t] = Int32Array.from(list)));
  return { bySource, byTarget, size };
}

/**
 * Counts of (source, target) type pairs in an open-addressing hash table of typed arrays, read back in
 * the order the pairs were first seen (as a Map would be): far less garbage than a Map of 100,000 keys. The table
 * starts small and doubles (kept at most half full): most pairs repeat, so `expected` (every pair counted) is
 * often ten times the pairs there are, and a table that fits in the cache is faster to look up.
 */
class PairCounts {
  private slots: Int32Array; // entry index + 1 per slot, 0 when free
  private mask: number;
  private sources: Int32Array;
  private targets: Int32Array;
  private counts: Int32Array;
  size = 0;

  constructor(expected: number) {
    const start = Math.max(16, Math.min(expected, 4096));
    let capacity = 16;
    while (capacity < 2 * start) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.sources = new Int32Array(start);
    this.targets = new Int32Array(start);
    this.counts = new Int32Array(start);
  }

  private slotOf(s: number, t: number): number {
    return mix32(Math.imul(s, 0x9e3779b1) ^ t) & this.mask;
  }

  add(s: number, t: number): void {
    let slot = this.slotOf(s, t);
    for (;;) {
      const at = this.slots[slot];
      if (at === 0) break;
      if (this.sources[at - 1] === s && this.targets[at - 1] === t) {
        this.counts[at - 1]++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    const k = this.size++;
    if (k === this.sources.length) this.growEntries();
    this.sources[k] = s;
    this.targets[k] = t;
    this.counts[k] = 1;
    this.slots[slot] = k + 1;
    if (2 * this.size > this.slots.length) this.growTable();
  }

  private growEntries(): void {
    const grow = (a: Int32Array) => {
      const bigger = new Int32Array(a.length * 2);
      bigger.set(a);
      return bigger;
    };
    this.sources = grow(this.sources);
    this.targets = grow(this.targets);
    this.counts = grow(this.counts);
  }

  private growTable(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let k = 0; k < this.size; k++) {
      let slot = this.slotOf(this.sources[k], this.targets[k]);
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = k + 1;
    }
  }

  source = (k: number) => this.sources[k];
  target = (k: number) => this.targets[k];
  count = (k: number) => this.counts[k];
}

/**
 * Per word, its best `per` partners so far by score, best first; an equal score ranks after the ones offered before
 * it. Words are listed in the order they were first offered a partner.
 */
class TopPartners {
  private readonly partners: Int32Array;
  private readonly scores: Float64Array;
  private readonly counts: Uint8Array;
  private readonly order: Int32Array;
  words = 0;

  constructor(
    size: number,
    private readonly per: number,
  ) {
    this.partners = new Int32Array(size * per);
    this.scores = new Float64Array(size * per);
    this.counts = new Uint8Array(size);
    this.order = new Int32Array(size);
  }

  offer(word: number, partner: number, score: number): void {
    const { partners, scores, per } = this;
    const base = word * per;
    const count = this.counts[word];
    if (count === 0) this.order[this.words++] = word;
    // The rank it takes: after every partner scoring at least as much.
    let rank = count;
    while (rank > 0 && scores[base + rank - 1] < score) rank--;
    if (rank >= per) return;
    const last = count < per ? count : per - 1;
    for (let r = last; r > rank; r--) {
      partners[base + r] = partners[base + r - 1];
      scores[base + r] = scores[base + r - 1];
    }
    partners[base + rank] = partner;
    scores[base + rank] = score;
    if (count < per) this.counts[word] = count + 1;
  }

  word = (x: number) => this.order[x];
  count = (word: number) => this.counts[word];
  partner = (word: number, rank: number) => this.partners[word * this.per + rank];

  has(word: number, partner: number): boolean {
    const base = word * this.per;
    for (let r = 0; r < this.counts[word]; r++) if (this.partners[base + r] === partner) return true;
    return false;
  }
}
