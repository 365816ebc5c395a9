// The aligner: paragraphs first, then sentences inside each aligned paragraph group.
//
// Pass 1 scores paragraph beads with the Gale & Church length cost plus anchor evidence (numbers, names,
// punctuation, shared word beginnings). Its confident 1-1 beads then teach a small lexicon, the length
// ratio and spread of this very text pair; pass 2 re-aligns with all of it. Manual corrections are fixed
// beads: they split the search into independent pieces and are returned unchanged. Pure TypeScript.
import { Slab, solve, type BeadShape, type DpBead, type DpSolution } from './dp';
import { anchorKind, showsNames, textFeatures, type AnchorKind } from './features';
import { learnLexicon, type Lexicon } from './lexicon';
import { lengthCost } from './length-cost';
import { consistentLinks } from './links';
import type {
  AlignOptions,
  AlignResult,
  AlignSide,
  Bead,
  FixedLink,
  FixedSentenceLink,
  SentenceBead,
  SentenceRef,
} from './types';

/** Tunable constants, in nats. Exported for the tests and the benchmark; not part of the API. */
export const PARAMS = {
  /** Cost of a paragraph (or sentence) with no counterpart. Cheap, so a missing section does not derail the rest. */
  skip: 4.5,
  sentenceSkip: 4.5,
  /**
   * Whether each pass after the first splits the skip cost between the two directions by the shares of the previous
   * pass's beads (skipShares): since version 17. False: one cost for both (the tests' before).
   */
  skipDirections: true,
  /** Extra cost of the many-to-one and many-to-many beads over a 1-1 bead. */
  prior: {
    oneToOne: 0,
    twoToOne: 2.3,
    /**
     * The same in a sentence model (the last pass of text of one sentence per passage, the passes inside paragraph
     * beads and the realignment across paragraph breaks). Higher than between paragraphs since version 13: once the
     * lexicon's evidence is counted per sentence (version 12), a merge no longer borrows a neighbour's lexical credit,
     * and 3.3 against 2.3 took the development document from 0.885 to 0.897 strict F1 whole, 0.878 to 0.881 in
     * halves, 0.876 to 0.890 in 30-150-sentence cuttings with an archive lexicon (0.847 to 0.843 without one).
     */
    sentenceTwoToOne: 3.3,
    twoToTwo: 4.4,
    threeToOne: 6,
    threeToTwo: 6,
    fourToOne: 7,
  },
  /** Initial Gale & Church variance per character (re-estimated from the first pass). */
  variance: 8,
  minVariance: 4,
  /** Anchor weights: a match earns `match` (times the key's specificity), a count left unmatched costs `miss`. */
  anchor: {
    number: { match: 2.5, miss: 0.9 },
    smallNumber: { match: 0.3, miss: 0.1 },
    name: { match: 2.2, miss: 0.5 },
    punct: { match: 0.2, miss: 0.25 },
    prefix: { match: 0.6, miss: 0 },
  } as Record<AnchorKind, { match: number; miss: number }>,
  /** The most a single matched number earns when nothing else in the bead matches (the "Chapter 1" guard). */
  loneNumberCap: 0.5,
  maxMissPenalty: 4,
  maxNameMissPenalty: 1.5,
  /** A number in one heading and not in the heading it is paired with ("Article 1" / "Article 2"). */
  headingNumberMiss: 2,
  /** Heading paired with a paragraph. */
  kindMismatch: 1.5,
  /** Spread, in nats, between a typical true pair and a typical wrong pair that the lexicon contributes. */
  lexiconSpread: 7,
  lexiconPenaltyShare: 0.5,
  lexiconMaxPenalty: 3,
  /**
   * A unit (sentence or paragraph) with this many lexicon words or more carries full weight in the lexicon term; one
   * with fewer, that share of it.
   */
  lexiconUnitWords: 6,
  /** Lexicon words looked at per unit. */
  maxLexiconWords: 24,
  /** A first-pass bead must be at least this confident to teach the length model (ratio and spread). */
  trainConfidence: 0.8,
  /**
   * ... and this confident to teach the lexicon (odds 3:1 against the best alignment without it, where the length
   * model wants 4:1). Since version 14; until then the same 0.8: a short document has few beads that sure, and the
   * lexicon's counts tolerate a few wrong pairs better than the length model's spread. On the development document,
   * 0.5 (every bead) / 0.6 / 0.7 / 0.75 / 0.8: its 30-150-sentence cuttings, each alone, 0.865 / 0.862 / 0.864 /
   * 0.869 / 0.860 strict F1; whole 0.894 / 0.891 / 0.897 / 0.902 / 0.897.
   */
  lexiconConfidence: 0.75,
  /** Beads (evenly spread) a lexicon is learnt from: bounds the time on long documents. */
  lexiconBeads: 400,
  /**
   * The calibration map from a bead's cost margin (nats between the best alignment and the best one without
   * the bead) to the probability that the bead is right: logistic in the margin (capped), with a term for
   * merges and one for insertions/deletions, which go wrong more often at the same margin. Fitted on
   * Bleualign's German–French development document by `npm run bench:align -- --fit`.
   */
  calibration: { slope: 0.237, intercept: 1.945, merge: -1.624, skip: -4.186, maxMargin: 40 },
  maxPasses: 3,
  /**
   * Half-width of the band around the previous pass's path that the later passes of text of one sentence per passage
   * search (widening near where the path touches its edge; the later passes of paragraph text start at 3, the DP's
   * default: at 2 the declaration in Russian with its first ten paragraphs missing fell from 100 to 80 %).
   */
  lastBand: 2,
  /**
   * A first pass over more grid cells than `cells` first aligns blocks of `size` units (a skipped unit costs
   * `skipShare` of a skip there), then searches a band of half-width `band` around the blocks' path (widening near
   * where the path touches its edge: 2 gives the same alignments as 4 did, with ~20 % fewer bead costs).
   */
  blockGuide: { cells: 100_000, size: 4, skipShare: 0.4, band: 2 },
  /** Passes that re-learn the sentence model inside paragraph beads (paragraphs of several sentences). */
  sentencePasses: 2,
  /** A third pass runs only when the second changed at least this share of the beads. */
  repassShare: 0.02,
  /**
   * ... or this share when a last pass with the sentence shapes follows (text of one sentence per passage): that pass
   * learns a model again itself, and a third paragraph-shape pass lost strict F1 on the development document there
   * (0.883 with it, 0.890 without; its second pass moves ~11 % of the beads), while a first pass gone astray (the
   * declaration with its first ten paragraphs missing) moves a third of them.
   */
  repassShareBeforeLast: 0.2,
  /**
   * Paragraph beads (of paragraphs with several sentences) below this calibrated confidence are aligned again
   * sentence by sentence across their paragraph breaks.
   */
  paragraphTrust: 0.95,
  /** ... when at least this share of the paragraph beads is doubtful. */
  realignShare: 0.5,
  /**
   * In that realignment, the cost of a sentence bead that spans a paragraph break (either side), per break, in
   * its last pass: paragraph breaks are soft anchors. Below a skip: a translator may merge across a break.
   */
  crossBreak: 3,
  /**
   * A bead of several units on a side (a merge, 2-1 to 4-1 and 2-2 to 3-2) is searched only where its length term is
   * at most this (nats): one whose lengths disagree this much never wins (dev, its cuttings and the declaration: the
   * same F1 everywhere with 20; 12 lost 0.003–0.03 on short chunks), and about a third of the merges a band holds
   * (half of the 3- and 4-unit ones) are left out.
   */
  mergeLength: 20,
};

const PARAGRAPH_SHAPES: readonly BeadShape[] = [
  { di: 1, dj: 1 },
  { di: 1, dj: 0 },
  { di: 0, dj: 1 },
  { di: 2, dj: 1 },
  { di: 1, dj: 2 },
  { di: 2, dj: 2 },
];
// Translators merge up to three sentences into one and the reverse; 2-3 and 3-2 are rarer but real in
// prose. Paragraphs are rarely merged by three: there the wide shapes would rather absorb a missing section.
const SENTENCE_SHAPES: readonly BeadShape[] = [
  ...PARAGRAPH_SHAPES,
  { di: 3, dj: 1 },
  { di: 1, dj: 3 },
  { di: 3, dj: 2 },
  { di: 2, dj: 3 },
  { di: 4, dj: 1 },
  { di: 1, dj: 4 },
];

function shapePrior(di: number, dj: number, model: Model): number {
  const big = di > dj ? di : dj;
  const small = di > dj ? dj : di;
  if (big === 1) return PARAMS.prior.oneToOne;
  if (big === 2) {
    if (small === 2) return PARAMS.prior.twoToTwo;
    return model.sentence ? PARAMS.prior.sentenceTwoToOne : PARAMS.prior.twoToOne;
  }
  if (big === 3) return small === 1 ? PARAMS.prior.threeToOne : PARAMS.prior.threeToTwo;
  return PARAMS.prior.fourToOne;
}

interface Unit {
  length: number;
  heading: boolean;
  /** Distinct anchor key ids and how often each occurs. */
  keys: Int32Array;
  counts: Int32Array;
  /** Distinct word type ids (source and target have separate id spaces). */
  types: Int32Array;
  /** Cache: the types that have an entry in `lexOf`. */
  lexTypes?: Int32Array;
  /** Cache: 256-bit signatures of lexTypes (words 0-7) and of their translations (8-15). */
  lexSig?: Int32Array;
  lexOf?: Lexicon;
}

interface SideUnits {
  paragraphs: Unit[];
  /** Sentences of each paragraph, in order. */
  sentences: Unit[][];
}

class Interner {
  readonly ids = new Map<string, number>();
  get(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** Builds units from keys and types, deduplicating with reusable scratch arrays (no per-unit Map or Set). */
class UnitBuilder {
  private anchorCount: Int32Array = new Int32Array(1024);
  private typeSeen: Int32Array = new Int32Array(1024);
  private stamp = 0;
  private readonly keys: number[] = [];
  private readonly types: number[] = [];

  build(
    length: number,
    heading: boolean,
    parts: Array<{ keys: ArrayLike<number>; counts?: ArrayLike<number>; types: ArrayLike<number> }>,
  ): Unit {
    const stamp = ++this.stamp;
    const { keys, types } = this;
    keys.length = 0;
    types.length = 0;
    for (const part of parts) {
      for (let x = 0; x < part.keys.length; x++) {
        const key = part.keys[x];
        if (key >= this.anchorCount.length) this.anchorCount = grow(this.anchorCount, key);
        if (this.anchorCount[key] === 0) keys.push(key);
        this.anchorCount[key] += part.counts ? part.counts[x] : 1;
      }
      for (let x = 0; x < part.types.length; x++) {
        const t = part.types[x];
        if (t >= this.typeSeen.length) this.typeSeen = grow(this.typeSeen, t);
        if (this.typeSeen[t] !== stamp) {
          this.typeSeen[t] = stamp;
          types.push(t);
        }
      }
    }
    const outKeys = new Int32Array(keys.length);
    const counts = new Int32Array(keys.length);
    for (let x = 0; x < keys.length; x++) {
      outKeys[x] = keys[x];
      counts[x] = this.anchorCount[keys[x]];
      this.anchorCount[keys[x]] = 0;
    }
    const outTypes = new Int32Array(types.length);
    for (let x = 0; x < types.length; x++) outTypes[x] = types[x];
    // Every field from the start (the lexicon caches too): units keep one hidden class, so the scorer's reads of
    // them stay monomorphic.
    return {
      length,
      heading,
      keys: outKeys,
      counts,
      types: outTypes,
      lexTypes: undefined,
      lexSig: undefined,
      lexOf: undefined,
    };
  }
}

function grow(array: Int32Array, index: number): Int32Array {
  const bigger = new Int32Array(Math.max(array.length * 2, index + 1));
  bigger.set(array);
  return bigger;
}

function buildSide(
  side: AlignSide,
  anchorIds: Interner,
  anchorKinds: AnchorKind[],
  typeIds: Interner,
  builder: UnitBuilder,
): SideUnits {
  const paragraphs: Unit[] = [];
  const sentences: Unit[][] = [];
  const keys: number[] = [];
  const types: number[] = [];
  const part = [{ keys, types }];
  for (const p of side.passages) {
    const spans = p.sentences && p.sentences.length > 0 ? p.sentences : [[0, p.text.length] as const];
    const heading = p.kind === 'heading';
    const units = spans.map(([start, end]): Unit => {
      const f = textFeatures(start === 0 && end === p.text.length ? p.text : p.text.slice(start, end), side.lang);
      // The ids go through scratch lists (build copies what it keeps).
      keys.length = 0;
      types.length = 0;
      for (let x = 0; x < f.anchors.length; x++) {
        const id = anchorIds.get(f.anchors[x]);
        anchorKinds[id] ??= anchorKind(f.anchors[x]);
        keys.push(id);
      }
      for (let x = 0; x < f.tokens.length; x++) types.push(typeIds.get(f.tokens[x]));
      return builder.build(f.length, heading, part);
    });
    sentences.push(units);
    // Separating spaces between sentences count as characters of the paragraph.
    const length = units.reduce((sum, u) => sum + u.length, 0) + units.length - 1;
    paragraphs.push(units.length === 1 ? units[0] : builder.build(length, heading, units));
  }
  return { paragraphs, sentences };
}

/**
 * Drops anchor keys that can neither match (present on one side only) nor cost anything when unmatched:
 * shared word beginnings of unrelated languages would otherwise be most of the work.
 */
function pruneAnchors(sides: SideUnits[], anchorKinds: AnchorKind[]): void {
  const seen = sides.map(() => new Uint8Array(anchorKinds.length));
  sides.forEach((side, k) => {
    for (const u of side.paragraphs) for (const key of u.keys) seen[k][key] = 1;
  });
  const keep = new Uint8Array(anchorKinds.length);
  for (let key = 0; key < anchorKinds.length; key++)
    keep[key] = PARAMS.anchor[anchorKinds[key]].miss > 0 || seen.every((s) => s[key] === 1) ? 1 : 0;
  const prune = (u: Unit) => {
    let count = 0;
    for (let x = 0; x < u.keys.length; x++) count += keep[u.keys[x]];
    if (count === u.keys.length) return;
    const keys = new Int32Array(count);
    const counts = new Int32Array(count);
    let at = 0;
    for (let x = 0; x < u.keys.length; x++) {
      if (!keep[u.keys[x]]) continue;
      keys[at] = u.keys[x];
      counts[at++] = u.counts[x];
    }
    u.keys = keys;
    u.counts = counts;
  };
  for (const side of sides) {
    for (const u of side.paragraphs) prune(u);
    // A passage of one sentence is its own paragraph unit: pruned already.
    for (const list of side.sentences) if (list.length > 1) for (const u of list) prune(u);
  }
}

/** A bead's cost, term by term (nats). */
export interface CostParts {
  prior: number;
  length: number;
  anchors: number;
  kind: number;
  lexicon: number;
}

interface Model {
  ratio: number;
  variance: number;
  lexicon: Lexicon | null;
  /** Lexical similarity midway between true and wrong pairs, and nats per unit of similarity. */
  tau: number;
  lambda: number;
  /** A sentence model (learnt with the merges, for the sentence shapes). */
  sentence: boolean;
  /** Added to the skip cost of a unit left out of the translation (a 1-0 bead) and of one added to it (0-1). */
  skipSource: number;
  skipTarget: number;
}

/** Anchor kinds as small integers (per-key typed arrays in the scorer). */
const NUMBER = 0;
const SMALL_NUMBER = 1;
const NAME = 2;
const PUNCT = 3;
const PREFIX = 4;
const KIND_CODE: Record<AnchorKind, number> = {
  number: NUMBER,
  smallNumber: SMALL_NUMBER,
  name: NAME,
  punct: PUNCT,
  prefix: PREFIX,
};

/** A scorer's per-key anchor weights, and scratch arrays (counts valid where the mark is the current stamp). */
interface AnchorWeights {
  kind: Uint8Array;
  missWeight: Float64Array;
  specificity: Float64Array;
  mark: Int32Array;
  count: Int32Array;
  /** The first of `count` fresh stamps (for the mark array). */
  reserveStamps(count: number): number;
}

/**
 * What a run of units of one side brings to the anchor cost of a bead whose other side shares none of its
 * keys: a 256-bit signature of its keys (a bead whose two signatures share no bit shares no key), whether all its
 * units are headings, and its unmatched-key terms in the order anchorCost adds them up (zero terms left out: adding
 * zero changes nothing) — as the first side, their running sums; as the second side, the terms themselves.
 */
class Spans {
  readonly signature: Int32Array;
  readonly headings: Uint8Array;
  readonly missSum: Float64Array;
  readonly nameSum: Float64Array;
  readonly missStart: Int32Array;
  readonly missTerms: Float64Array;
  readonly nameStart: Int32Array;
  readonly nameTerms: Float64Array;

  constructor(units: Unit[], length: number, weights: AnchorWeights) {
    const { kind, missWeight, specificity, mark, count } = weights;
    const n = Math.max(0, units.length - length + 1);
    // Filled through locals (typed arrays, terms in growing typed buffers): the loop allocates nothing.
    const signature = new Int32Array(n * 8);
    const headingsOf = new Uint8Array(n);
    const missSum = new Float64Array(n);
    const nameSum = new Float64Array(n);
    const missStart = new Int32Array(n + 1);
    const nameStart = new Int32Array(n + 1);
    let missTerms = new Float64Array(Math.max(16, n));
    let nameTerms = new Float64Array(16);
    let missCount = 0;
    let nameCount = 0;
    let order = new Int32Array(64);
    const firstStamp = weights.reserveStamps(n);
    for (let k = 0; k < n; k++) {
      const stamp = firstStamp + k;
      let touched = 0;
      let headings = true;
      for (let x = k; x < k + length; x++) {
        const u = units[x];
        headings &&= u.heading;
        const { keys, counts } = u;
        for (let y = 0; y < keys.length; y++) {
          const a = keys[y];
          if (mark[a] !== stamp) {
            mark[a] = stamp;
            count[a] = counts[y];
            if (touched === order.length) order = grownInt32(order);
            order[touched++] = a;
          } else count[a] += counts[y];
        }
      }
      headingsOf[k] = headings ? 1 : 0;
      let miss = 0;
      let name = 0;
      for (let y = 0; y < touched; y++) {
        const a = order[y];
        const bit = Math.imul(a, 0x9e3779b1) >>> 24;
        signature[k * 8 + (bit >>> 5)] |= 1 << (bit & 31);
        const unmatched = count[a];
        const kd = kind[a];
        if (kd === PREFIX) continue;
        if (kd === NAME) {
          const term = unmatched * missWeight[a] * specificity[a];
          if (term !== 0) {
            name += term;
            if (nameCount === nameTerms.length) nameTerms = grownFloat64(nameTerms);
            nameTerms[nameCount++] = term;
          }
        } else {
          const term = unmatched * missWeight[a];
          if (term !== 0) {
            miss += term;
            if (missCount === missTerms.length) missTerms = grownFloat64(missTerms);
            missTerms[missCount++] = term;
          }
        }
      }
      missSum[k] = miss;
      nameSum[k] = name;
      missStart[k + 1] = missCount;
      nameStart[k + 1] = nameCount;
    }
    this.signature = signature;
    this.headings = headingsOf;
    this.missSum = missSum;
    this.nameSum = nameSum;
    this.missStart = missStart;
    this.nameStart = nameStart;
    this.missTerms = missTerms.slice(0, missCount);
    this.nameTerms = nameTerms.slice(0, nameCount);
  }
}

function grownInt32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

function grownFloat64(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/**
 * Whether two single units of these lists often share no anchor key (the quick path's case): each unit's keys set
 * at most as many of the signature's 256 bits, so two units of kS and kT keys share none with probability about
 * exp(-kS·kT/256); below one in ten the quick path is not worth its Spans.
 */
function quickPathPays(S: Unit[], T: Unit[]): boolean {
  const meanKeys = (units: Unit[]) => units.reduce((n, u) => n + u.keys.length, 0) / Math.max(1, units.length);
  return Math.exp((-meanKeys(S) * meanKeys(T)) / 256) >= 0.1;
}

/**
 * Anchor costs of beads of two unit lists, up to `keptSpan` units a side (they do not depend on the model, so every
 * pass can reuse them): per source row i, the target columns lo[i]..hi[i] and, for each, the costs of the
 * keptSpan × keptSpan shapes (NaN: not yet known); and the Spans of up to `span` units for the quick path.
 */
class AnchorStore {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly rows: Float64Array[];
  /**
   * Spans of 1..span units of each side; none when the units have so many anchor keys that two of them nearly always
   * share one (paragraphs of several sentences: 72 quick answers in 12,007 on the bench's paragraphs of ~6), so the
   * quick path would only cost its making.
   */
  readonly spansS: Spans[];
  readonly spansT: Spans[];
  /** Where the rows are kept (see Slab). */
  readonly slab = new Slab();

  constructor(
    readonly S: Unit[],
    readonly T: Unit[],
    readonly span: number,
    /** Costs are kept for beads of up to this many units a side (others get the quick path only). */
    readonly keptSpan: number,
    weights: AnchorWeights,
  ) {
    this.lo = new Int32Array(S.length);
    this.hi = new Int32Array(S.length).fill(-1);
    this.rows = new Array<Float64Array>(S.length);
    const lengths = quickPathPays(S, T) ? Array.from({ length: span }, (_, k) => k + 1) : [];
    this.spansS = lengths.map((length) => new Spans(S, length, weights));
    this.spansT = lengths.map((length) => new Spans(T, length, weights));
  }

  /**
   * For one lexicon, per unit pair (u of S, v of T): which lexicon words of u have a translation in v (bit x for
   * u.lexTypes[x]) and which of v have one in u; -1 where not yet known. Rows grow like the anchor rows.
   */
  lexicon: Lexicon | undefined;
  pairLo = new Int32Array(0);
  pairHi = new Int32Array(0);
  pairRows: Int32Array[] = [];

  forLexicon(lexicon: Lexicon): void {
    if (this.lexicon === lexicon) return;
    this.lexicon = lexicon;
    this.pairLo = new Int32Array(this.S.length);
    this.pairHi = new Int32Array(this.S.length).fill(-1);
    this.pairRows = new Array<Int32Array>(this.S.length);
  }
}

/** Whether any of `translations` (type ids of the other side) carries `stamp`: a word with a translation there. */
function anyStamped(translations: Int32Array, stamps: Int32Array, stamp: number): boolean {
  for (let k = 0; k < translations.length; k++) if (stamps[translations[k]] === stamp) return true;
  return false;
}

/**
 * The columns a windowed row of an AnchorStore must cover to hold `col` as well as its [lo, hi] (empty when lo > hi),
 * with a margin: a band widens by doubling.
 */
function widenedWindow(lo: number, hi: number, col: number, last: number): [number, number] {
  const pad = 16;
  return [
    Math.max(0, Math.min(lo <= hi ? lo : col, col - pad)),
    Math.min(last, Math.max(lo <= hi ? hi : col, col + pad)),
  ];
}

/** `grown` (columns from newLo, `per` values each) with what `row` held for its columns lo..hi copied in. */
function keepWindow<A extends Float64Array | Int32Array>(
  grown: A,
  row: A,
  lo: number,
  hi: number,
  newLo: number,
  per: number,
): A {
  if (lo <= hi) grown.set(row, (lo - newLo) * per);
  return grown;
}

/** Set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Scores beads given as ranges of units (no allocation per bead): scratch arrays make the anchor and
 * lexicon comparison linear in the bead's size.
 */
class Scorer {
  private readonly stampS: Int32Array;
  private readonly stampT: Int32Array;
  private stamp = 0;
  /** Per anchor key: its kind (KIND_CODE) and weights (PARAMS.anchor, read when the scorer is made). */
  private readonly kind: Uint8Array;
  private readonly matchWeight: Float64Array;
  private readonly missWeight: Float64Array;
  /** Per anchor key, for one bead: its count on each side, valid where the mark is the bead's stamp. */
  private readonly markS: Int32Array;
  private readonly countS: Int32Array;
  private readonly touched: Int32Array;
  /** anchorCost's scratch and weights, per key side by side (see there). */
  private readonly marks: Int32Array;
  private readonly keyWeights: Float64Array;
  private anchorStamp = 0;
  /** Anchor costs kept for one pair of unit lists (keepAnchors). */
  private kept: AnchorStore | undefined;

  constructor(
    anchorKinds: AnchorKind[],
    private readonly specificity: Float64Array,
    /** Whether both texts show names as capitalised words (else a name without counterpart proves nothing). */
    private readonly namesOnBothSides: boolean,
    sourceTypes: number,
    targetTypes: number,
  ) {
    const keys = anchorKinds.length;
    this.kind = new Uint8Array(keys);
    this.matchWeight = new Float64Array(keys);
    this.missWeight = new Float64Array(keys);
    for (let a = 0; a < keys; a++) {
      this.kind[a] = KIND_CODE[anchorKinds[a]];
      this.matchWeight[a] = PARAMS.anchor[anchorKinds[a]].match;
      this.missWeight[a] = PARAMS.anchor[anchorKinds[a]].miss;
    }
    this.markS = new Int32Array(keys);
    this.countS = new Int32Array(keys);
    this.touched = new Int32Array(keys);
    this.marks = new Int32Array(keys * 4);
    this.keyWeights = new Float64Array(keys * 4);
    for (let a = 0; a < keys; a++) {
      this.keyWeights[a * 4] = this.matchWeight[a];
      this.keyWeights[a * 4 + 1] = this.missWeight[a];
      this.keyWeights[a * 4 + 2] = specificity[a];
    }
    this.stampS = new Int32Array(sourceTypes);
    this.stampT = new Int32Array(targetTypes);
  }

  /**
   * Keeps the anchor costs of beads of these two unit lists of up to `span` units a side from now on (every pass
   * over them asks for mostly the same beads): a new store, or one made before for the same lists; nothing: forgets.
   */
  keepAnchors(S?: Unit[], T?: Unit[], keptSpan = 2, store?: AnchorStore): AnchorStore | undefined {
    if (store && store.S === S && store.T === T) this.kept = store;
    else this.kept = S && T ? new AnchorStore(S, T, 4, keptSpan, this.weights()) : undefined;
    return this.kept;
  }

  private weights(): AnchorWeights {
    return {
      kind: this.kind,
      missWeight: this.missWeight,
      specificity: this.specificity,
      mark: this.markS,
      count: this.countS,
      reserveStamps: (count: number) => {
        if (this.anchorStamp + count >= 0x3fffffff) this.nextAnchorStamp(true);
        const first = this.anchorStamp + 1;
        this.anchorStamp += count;
        return first;
      },
    };
  }

  private nextAnchorStamp(reset = false): number {
    if (reset || this.anchorStamp >= 0x3fffffff) {
      this.markS.fill(0);
      this.marks.fill(0);
      this.anchorStamp = 0;
    }
    return ++this.anchorStamp;
  }

  /** The anchor cost of a bead of the kept lists, computed once, into scratch[0]. */
  private keptAnchorCostTo(store: AnchorStore, si: number, sn: number, ti: number, tn: number): void {
    const span = store.keptSpan;
    const slots = span * span;
    const slot = (sn - 1) * span + (tn - 1);
    let lo = store.lo[si];
    const hi = store.hi[si];
    let row = store.rows[si];
    if (ti < lo || ti > hi) {
      const [newLo, newHi] = widenedWindow(lo, hi, ti, store.T.length - 1);
      const grown = store.slab.float64((newHi - newLo + 1) * slots, NaN);
      store.rows[si] = row = keepWindow(grown, row, lo, hi, newLo, slots);
      store.lo[si] = lo = newLo;
      store.hi[si] = newHi;
    }
    const at = (ti - lo) * slots + slot;
    const cost = row[at];
    if (cost === cost) this.scratch[0] = cost;
    else {
      this.spanAnchorCostTo(store, si, sn, ti, tn);
      row[at] = this.scratch[0];
    }
  }

  /**
   * anchorCost of a bead of the kept lists, quickly when its two sides share no key (most beads of a band): then
   * only unmatched keys count, and the sums come out exactly as anchorCost makes them.
   */
  private spanAnchorCostTo(store: AnchorStore, si: number, sn: number, ti: number, tn: number): void {
    if (store.spansS.length === 0) {
      this.anchorCostTo(store.S, si, sn, store.T, ti, tn);
      return;
    }
    const A = store.spansS[sn - 1];
    const B = store.spansT[tn - 1];
    const sa = A.signature;
    const sb = B.signature;
    const x = si * 8;
    const y = ti * 8;
    if (
      ((sa[x] & sb[y]) |
        (sa[x + 1] & sb[y + 1]) |
        (sa[x + 2] & sb[y + 2]) |
        (sa[x + 3] & sb[y + 3]) |
        (sa[x + 4] & sb[y + 4]) |
        (sa[x + 5] & sb[y + 5]) |
        (sa[x + 6] & sb[y + 6]) |
        (sa[x + 7] & sb[y + 7])) !==
        0 ||
      (A.headings[si] && B.headings[ti])
    ) {
      this.anchorCostTo(store.S, si, sn, store.T, ti, tn);
      return;
    }
    let miss = A.missSum[si];
    for (let k = B.missStart[ti]; k < B.missStart[ti + 1]; k++) miss += B.missTerms[k];
    if (this.namesOnBothSides) {
      let nameMiss = A.nameSum[si];
      for (let k = B.nameStart[ti]; k < B.nameStart[ti + 1]; k++) nameMiss += B.nameTerms[k];
      miss += Math.min(nameMiss, PARAMS.maxNameMissPenalty);
    }
    this.scratch[0] = Math.min(miss, PARAMS.maxMissPenalty);
  }

  /** Anchor evidence in nats: negative when the two sides share numbers, names, marks; positive when they clash. */
  anchorCost(S: Unit[], si: number, sn: number, T: Unit[], ti: number, tn: number): number {
    this.anchorCostTo(S, si, sn, T, ti, tn);
    return this.scratch[0];
  }

  /**
   * Costs computed on the hot path go through scratch (anchor cost at 0) instead of being returned: a number
   * returned from a call that is not inlined is allocated on the heap.
   */
  private readonly scratch = new Float64Array(2);

  /** anchorCost, into scratch[0]. */
  private anchorCostTo(S: Unit[], si: number, sn: number, T: Unit[], ti: number, tn: number): void {
    // Per key side by side (a key's data in one or two cache lines): marks = [stamp S, count S, stamp T, count T],
    // weights = [match, miss, specificity, -].
    const { marks, keyWeights: weights, touched, kind } = this;
    const stamp = this.nextAnchorStamp();
    // Every key of the bead once, in the order first seen (source units first), with its count on each side.
    let nTouched = 0;
    let headings = true;
    for (let k = si; k < si + sn; k++) {
      const u = S[k];
      headings &&= u.heading;
      const { keys, counts } = u;
      for (let x = 0; x < keys.length; x++) {
        const a = keys[x];
        const m = a * 4;
        if (marks[m] !== stamp) {
          marks[m] = stamp;
          marks[m + 1] = counts[x];
          touched[nTouched++] = a;
        } else marks[m + 1] += counts[x];
      }
    }
    for (let k = ti; k < ti + tn; k++) {
      const u = T[k];
      headings &&= u.heading;
      const { keys, counts } = u;
      for (let x = 0; x < keys.length; x++) {
        const a = keys[x];
        const m = a * 4;
        if (marks[m + 2] !== stamp) {
          marks[m + 2] = stamp;
          marks[m + 3] = counts[x];
          if (marks[m] !== stamp) touched[nTouched++] = a;
        } else marks[m + 3] += counts[x];
      }
    }
    if (nTouched === 0) {
      this.scratch[0] = 0;
      return;
    }
    let otherBonus = 0;
    let numberBonus = 0;
    let numbersMatched = 0;
    let miss = 0;
    let nameMiss = 0;
    for (let x = 0; x < nTouched; x++) {
      const a = touched[x];
      const m = a * 4;
      const cs = marks[m] === stamp ? marks[m + 1] : 0;
      const ct = marks[m + 2] === stamp ? marks[m + 3] : 0;
      const matched = cs < ct ? cs : ct;
      const k = kind[a];
      // A shared word beginning only counts when matched (it costs nothing unmatched).
      if (k === PREFIX) {
        if (matched > 0) otherBonus += matched * weights[m] * weights[m + 2];
        continue;
      }
      const unmatched = cs < ct ? ct - cs : cs - ct;
      if (k === NUMBER || k === SMALL_NUMBER) {
        // Between two headings ("Article 12" / "Статья 12" / "第１２条") the number is the heading's content.
        if (headings) {
          numberBonus += matched * PARAMS.anchor.number.match;
          numbersMatched += matched * 2;
          miss += unmatched * PARAMS.headingNumberMiss;
        } else {
          numberBonus += matched * weights[m] * (k === NUMBER ? weights[m + 2] : 1);
          numbersMatched += k === NUMBER ? matched : 0.25 * matched;
          miss += unmatched * weights[m + 1];
        }
      } else if (k === NAME) {
        otherBonus += matched * weights[m] * weights[m + 2];
        nameMiss += unmatched * weights[m + 1] * weights[m + 2];
      } else {
        otherBonus += (matched < 3 ? matched : 3) * weights[m];
        miss += unmatched * weights[m + 1];
      }
    }
    // A lone number (a chapter number, a day of the month) is weak evidence unless something else agrees.
    if (otherBonus < 0.5 && numbersMatched <= 1) numberBonus = Math.min(numberBonus, PARAMS.loneNumberCap);
    if (this.namesOnBothSides) miss += Math.min(nameMiss, PARAMS.maxNameMissPenalty);
    this.scratch[0] = Math.min(miss, PARAMS.maxMissPenalty) - numberBonus - otherBonus;
  }

  private lexTypes(u: Unit, entries: Int32Array[], lexicon: Lexicon): Int32Array {
    if (u.lexOf !== lexicon) {
      // A bounded number per unit: enough evidence, and the cost of a bead stays small on long paragraphs.
      const all = u.types;
      let count = 0;
      for (let x = 0; x < all.length && count < PARAMS.maxLexiconWords; x++) if (entries[all[x]].length > 0) count++;
      const types = new Int32Array(count);
      for (let x = 0, k = 0; k < count; x++) if (entries[all[x]].length > 0) types[k++] = all[x];
      const sig = u.lexSig ?? new Int32Array(16);
      sig.fill(0);
      for (let x = 0; x < types.length; x++) {
        const bit = Math.imul(types[x], 0x9e3779b1) >>> 24;
        sig[bit >>> 5] |= 1 << (bit & 31);
        const translations = entries[types[x]];
        for (let y = 0; y < translations.length; y++) {
          const other = Math.imul(translations[y], 0x9e3779b1) >>> 24;
          sig[8 + (other >>> 5)] |= 1 << (other & 31);
        }
      }
      u.lexTypes = types;
      u.lexSig = sig;
      u.lexOf = lexicon;
    }
    return u.lexTypes!;
  }

  /**
   * Whether some lexicon word of u may have its translation in v or the reverse (false: surely none), from the units'
   * signatures (lexTypes up to date). Only for 1-1 beads: on wider ones most beads match something.
   */
  private mayMatch(u: Unit, v: Unit): boolean {
    const a = u.lexSig!;
    const b = v.lexSig!;
    let any = 0;
    for (let w = 0; w < 8; w++) any |= (a[w] & b[8 + w]) | (a[8 + w] & b[w]);
    return any !== 0;
  }

  /** Where the pair masks of units (i of S, j of T) sit in the store's row i (computed when first asked for). */
  private pairAt(store: AnchorStore, i: number, j: number, lexicon: Lexicon): number {
    let lo = store.pairLo[i];
    const hi = store.pairHi[i];
    let row = store.pairRows[i];
    if (j < lo || j > hi) {
      const [newLo, newHi] = widenedWindow(lo, hi, j, store.T.length - 1);
      store.pairRows[i] = row = keepWindow(store.slab.int32((newHi - newLo + 1) * 2, -1), row, lo, hi, newLo, 2);
      store.pairLo[i] = lo = newLo;
      store.pairHi[i] = newHi;
    }
    const at = (j - lo) * 2;
    if (row[at] < 0) {
      const u = store.S[i];
      const v = store.T[j];
      const stamp = ++this.stamp;
      const { stampS, stampT } = this;
      const ut = u.lexTypes!;
      const vt = v.lexTypes!;
      for (let y = 0; y < vt.length; y++) stampT[vt[y]] = stamp;
      for (let x = 0; x < ut.length; x++) stampS[ut[x]] = stamp;
      let forward = 0;
      for (let x = 0; x < ut.length; x++) if (anyStamped(lexicon.bySource[ut[x]], stampT, stamp)) forward |= 1 << x;
      let backward = 0;
      for (let y = 0; y < vt.length; y++) if (anyStamped(lexicon.byTarget[vt[y]], stampS, stamp)) backward |= 1 << y;
      row[at] = forward;
      row[at + 1] = backward;
    }
    return at;
  }

  /**
   * lexiconMatch for a bead of the kept lists, from the masks of its unit pairs: a word of a unit counts when any
   * unit of the other side has its translation, as lexiconMatch counts it.
   */
  private keptLexiconMatch(
    store: AnchorStore,
    si: number,
    sn: number,
    ti: number,
    tn: number,
    lexicon: Lexicon,
  ): number {
    const { S, T } = store;
    let words = 0;
    for (let k = si; k < si + sn; k++) words += this.lexTypes(S[k], lexicon.bySource, lexicon).length;
    for (let k = ti; k < ti + tn; k++) words += this.lexTypes(T[k], lexicon.byTarget, lexicon).length;
    const { unitWords, unitMatched } = this;
    for (let k = 0; k < sn; k++) unitWords[k] = S[si + k].lexTypes!.length;
    for (let k = 0; k < tn; k++) unitWords[sn + k] = T[ti + k].lexTypes!.length;
    if (words === 0 || (sn === 1 && tn === 1 && !this.mayMatch(S[si], T[ti]))) {
      this.matched = 0;
      unitMatched.fill(0, 0, sn + tn);
      return words;
    }
    store.forLexicon(lexicon);
    let matched = 0;
    if (sn === 1 && tn === 1) {
      const at = this.pairAt(store, si, ti, lexicon);
      const row = store.pairRows[si];
      unitMatched[0] = popcount(row[at]);
      unitMatched[1] = popcount(row[at + 1]);
      this.matched = unitMatched[0] + unitMatched[1];
      return words;
    }
    // The DP asks for every shape of a cell in turn: the masks of the cell's unit pairs are read once for all.
    if (si !== this.cellI || ti !== this.cellJ || store !== this.cellStore || lexicon !== this.cellLexicon) {
      this.cellI = si;
      this.cellJ = ti;
      this.cellStore = store;
      this.cellLexicon = lexicon;
      this.cellRead.fill(0);
    }
    const { backward, cellMasks, cellRead } = this;
    backward.fill(0, 0, tn);
    for (let i = si; i < si + sn; i++) {
      let forward = 0;
      for (let j = ti; j < ti + tn; j++) {
        const k = (i - si) * 8 + (j - ti);
        if (cellRead[k] === 0) {
          const at = this.pairAt(store, i, j, lexicon);
          const row = store.pairRows[i];
          cellMasks[2 * k] = row[at];
          cellMasks[2 * k + 1] = row[at + 1];
          cellRead[k] = 1;
        }
        forward |= cellMasks[2 * k];
        backward[j - ti] |= cellMasks[2 * k + 1];
      }
      const mi = popcount(forward);
      unitMatched[i - si] = mi;
      matched += mi;
    }
    for (let y = 0; y < tn; y++) {
      const my = popcount(backward[y]);
      unitMatched[sn + y] = my;
      matched += my;
    }
    this.matched = matched;
    return words;
  }

  /** Scratch: per target unit of a bead, the mask of its words matched. */
  private readonly backward = new Int32Array(8);
  /**
   * The masks of the unit pairs of the beads starting at cell (cellI, cellJ) read so far, pair (x, y) of the cell at
   * x * 8 + y (beads of up to 8 units a side, as `backward`).
   */
  private cellI = -1;
  private cellJ = -1;
  private cellStore: AnchorStore | undefined;
  private cellLexicon: Lexicon | undefined;
  private readonly cellMasks = new Int32Array(128);
  private readonly cellRead = new Uint8Array(64);

  /** Share of lexicon words on either side whose translation is on the other side, and how many there were. */
  lexiconSimilarity(
    S: Unit[],
    si: number,
    sn: number,
    T: Unit[],
    ti: number,
    tn: number,
    lexicon: Lexicon,
  ): { sim: number; words: number } {
    const words = this.lexiconMatch(S, si, sn, T, ti, tn, lexicon);
    return { sim: words === 0 ? NaN : this.matched / words, words };
  }

  private matched = 0;
  /** Per unit of the last bead matched (source units first): its lexicon words, and those matched (lexiconTerm). */
  private readonly unitWords = new Int32Array(16);
  private readonly unitMatched = new Int32Array(16);

  /**
   * Lexical evidence of the last bead matched, in nats: per unit, the share of its lexicon words whose translation
   * is on the other side against the model's midpoint (weighted by how many words it has; a small lexicon misses
   * many true translations, so few matches costs less than many matches earns, both bounded), averaged over the
   * units that have lexicon words and scaled to a 1-1 bead's two. Unit by unit, not pooled over the bead: pooled, a
   * well-translated pair lent its credit to a loosely translated neighbour merged with it (short documents lost
   * 1-1 beads to 2-2 and 2-3 merges that way).
   */
  private lexiconTerm(model: Model, units: number): number {
    const { unitWords, unitMatched } = this;
    const full = PARAMS.lexiconUnitWords;
    let sum = 0;
    let counted = 0;
    for (let k = 0; k < units; k++) {
      const w = unitWords[k];
      if (w === 0) continue;
      counted++;
      const raw = 0.5 * model.lambda * (w < full ? w / full : 1) * (model.tau - unitMatched[k] / w);
      sum +=
        raw > 0
          ? Math.min(raw * PARAMS.lexiconPenaltyShare, PARAMS.lexiconMaxPenalty / 2)
          : Math.max(raw, -PARAMS.lexiconSpread / 2);
    }
    return (sum * 2) / Math.max(counted, 2);
  }

  /** Counts lexicon words (returned) and those whose translation is on the other side (this.matched). */
  private lexiconMatch(S: Unit[], si: number, sn: number, T: Unit[], ti: number, tn: number, lexicon: Lexicon): number {
    let words = 0;
    for (let k = si; k < si + sn; k++) words += this.lexTypes(S[k], lexicon.bySource, lexicon).length;
    for (let k = ti; k < ti + tn; k++) words += this.lexTypes(T[k], lexicon.byTarget, lexicon).length;
    const { unitWords, unitMatched } = this;
    if (words === 0 || (sn === 1 && tn === 1 && !this.mayMatch(S[si], T[ti]))) {
      this.matched = 0;
      for (let k = 0; k < sn; k++) unitWords[k] = S[si + k].lexTypes!.length;
      for (let k = 0; k < tn; k++) unitWords[sn + k] = T[ti + k].lexTypes!.length;
      unitMatched.fill(0, 0, sn + tn);
      return words;
    }
    words = 0;
    const stamp = ++this.stamp;
    const { stampS, stampT } = this;
    for (let k = si; k < si + sn; k++) {
      const types = S[k].lexTypes!;
      for (let x = 0; x < types.length; x++) stampS[types[x]] = stamp;
    }
    for (let k = ti; k < ti + tn; k++) {
      const types = T[k].lexTypes!;
      for (let x = 0; x < types.length; x++) stampT[types[x]] = stamp;
    }
    let matched = 0;
    for (let k = si; k < si + sn; k++) {
      const types = S[k].lexTypes!;
      words += types.length;
      let mu = 0;
      for (let x = 0; x < types.length; x++) if (anyStamped(lexicon.bySource[types[x]], stampT, stamp)) mu++;
      unitWords[k - si] = types.length;
      unitMatched[k - si] = mu;
      matched += mu;
    }
    for (let k = ti; k < ti + tn; k++) {
      const types = T[k].lexTypes!;
      words += types.length;
      let mu = 0;
      for (let x = 0; x < types.length; x++) if (anyStamped(lexicon.byTarget[types[x]], stampS, stamp)) mu++;
      unitWords[sn + k - ti] = types.length;
      unitMatched[sn + k - ti] = mu;
      matched += mu;
    }
    this.matched = matched;
    return words;
  }

  private breaks: { S: Unit[]; T: Unit[]; source: Uint8Array; target: Uint8Array } | undefined;

  /** Whether the paragraph breaks set by setBreaks cost anything now. */
  breaksOn = false;

  /**
   * Paragraph breaks of these two unit lists (1 where a unit opens a paragraph): a bead that holds units on both
   * sides of a break pays PARAMS.crossBreak for it. Soft anchors: translators keep most paragraph breaks.
   */
  setBreaks(S: Unit[], T: Unit[], source: Uint8Array, target: Uint8Array): void {
    this.breaks = { S, T, source, target };
  }

  private crossed(S: Unit[], si: number, sn: number, T: Unit[], ti: number, tn: number): number {
    const b = this.breaks;
    if (!b || !this.breaksOn || b.S !== S || b.T !== T) return 0;
    let n = 0;
    for (let k = si + 1; k < si + sn; k++) n += b.source[k];
    for (let k = ti + 1; k < ti + tn; k++) n += b.target[k];
    return n;
  }

  beadCost(S: Unit[], si: number, sn: number, T: Unit[], ti: number, tn: number, model: Model, skip: number): number {
    this.beadCostTo(S, si, sn, T, ti, tn, model, skip, this.scratch, 1);
    return this.scratch[1];
  }

  /** beadCost, written to out[at]. */
  beadCostTo(
    S: Unit[],
    si: number,
    sn: number,
    T: Unit[],
    ti: number,
    tn: number,
    model: Model,
    skip: number,
    out: Float64Array,
    at: number,
  ): void {
    if (sn === 0 || tn === 0) {
      out[at] = skip + (tn === 0 ? model.skipSource : model.skipTarget);
      return;
    }
    let ls = 0;
    let lt = 0;
    let headS = false;
    let headT = false;
    for (let k = si; k < si + sn; k++) {
      ls += S[k].length;
      headS ||= S[k].heading;
    }
    for (let k = ti; k < ti + tn; k++) {
      lt += T[k].length;
      headT ||= T[k].heading;
    }
    const length = lengthCost(ls, lt, model.ratio, model.variance);
    // A merge whose lengths disagree this much never wins: not searched (most of the wide shapes' work).
    if ((sn > 1 || tn > 1) && length > PARAMS.mergeLength) {
      out[at] = Infinity;
      return;
    }
    const kept = this.kept;
    if (kept && S === kept.S && T === kept.T && sn <= kept.span && tn <= kept.span) {
      if (sn <= kept.keptSpan && tn <= kept.keptSpan) this.keptAnchorCostTo(kept, si, sn, ti, tn);
      else this.spanAnchorCostTo(kept, si, sn, ti, tn);
    } else this.anchorCostTo(S, si, sn, T, ti, tn);
    let cost = shapePrior(sn, tn, model) + length + this.scratch[0];
    if (headS !== headT || (sn > 1 && headS) || (tn > 1 && headT)) cost += PARAMS.kindMismatch;
    if (sn > 1 || tn > 1) cost += PARAMS.crossBreak * this.crossed(S, si, sn, T, ti, tn);
    if (model.lexicon && model.lambda > 0) {
      const words =
        kept && S === kept.S && T === kept.T
          ? this.keptLexiconMatch(kept, si, sn, ti, tn, model.lexicon)
          : this.lexiconMatch(S, si, sn, T, ti, tn, model.lexicon);
      if (words > 0) cost += this.lexiconTerm(model, sn + tn);
    }
    out[at] = cost;
  }

  costParts(S: Unit[], si: number, sn: number, T: Unit[], ti: number, tn: number, model: Model): CostParts {
    let ls = 0;
    let lt = 0;
    let headS = false;
    let headT = false;
    for (let k = si; k < si + sn; k++) {
      ls += S[k].length;
      headS ||= S[k].heading;
    }
    for (let k = ti; k < ti + tn; k++) {
      lt += T[k].length;
      headT ||= T[k].heading;
    }
    let lexicon = 0;
    if (model.lexicon && model.lambda > 0) {
      const { words } = this.lexiconSimilarity(S, si, sn, T, ti, tn, model.lexicon);
      if (words > 0) lexicon = this.lexiconTerm(model, sn + tn);
    }
    return {
      prior: shapePrior(sn, tn, model),
      length: lengthCost(ls, lt, model.ratio, model.variance),
      anchors: this.anchorCost(S, si, sn, T, ti, tn),
      kind: headS !== headT || (sn > 1 && headS) || (tn > 1 && headT) ? PARAMS.kindMismatch : 0,
      lexicon,
    };
  }
}

interface Region {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

/**
 * Splits the grid into free regions around the fixed links that have both sides (consistent links are
 * ordered the same way on both sides). Links with one empty side do not split: they force a skip.
 */
function regionsAround(fixed: FixedLink[], n: number, m: number): Array<{ region: Region } | { link: FixedLink }> {
  const ordered = fixed
    .filter((l) => l.source.length > 0 && l.target.length > 0)
    .sort((a, b) => a.source[0] - b.source[0]);
  const out: Array<{ region: Region } | { link: FixedLink }> = [];
  let i = 0;
  let j = 0;
  for (const link of ordered) {
    out.push({ region: { i0: i, i1: link.source[0], j0: j, j1: link.target[0] } });
    out.push({ link });
    i = link.source[link.source.length - 1] + 1;
    j = link.target[link.target.length - 1] + 1;
  }
  out.push({ region: { i0: i, i1: n, j0: j, j1: m } });
  return out;
}

/** Units a manual link declares to have no counterpart. */
interface Forced {
  source: Set<number>;
  target: Set<number>;
}

function forcedSkips(fixed: FixedLink[]): Forced {
  const forced: Forced = { source: new Set(), target: new Set() };
  for (const l of fixed) {
    if (l.target.length === 0) for (const x of l.source) forced.source.add(x);
    if (l.source.length === 0) for (const x of l.target) forced.target.add(x);
  }
  return forced;
}

function alignRegion(
  region: Region,
  src: Unit[],
  tgt: Unit[],
  shapes: readonly BeadShape[],
  scorer: Scorer,
  model: Model,
  skip: number,
  forced: Forced,
  guide?: Array<[number, number]>,
  firstLook = false,
  /** Half-width of the band around `guide` (default: the DP's). */
  laterBand?: number,
  /** The guide of a long first pass (grid cells, document coordinates) instead of the block pass's path. */
  firstGuide?: Array<[number, number]>,
): { beads: Array<DpBead & { forced: boolean }>; band: number } {
  const n = region.i1 - region.i0;
  const m = region.j1 - region.j0;
  if (n === 0 && m === 0) return { beads: [], band: 0 };
  const isForced = (set: Set<number>, from: number, count: number) => {
    for (let k = from; k < from + count; k++) if (set.has(k)) return true;
    return false;
  };
  const costTo = (i: number, j: number, s: number, out: Float64Array, at: number) => {
    const { di, dj } = shapes[s];
    const gi = region.i0 + i;
    const gj = region.j0 + j;
    if (forced.source.size || forced.target.size) {
      const fs = isForced(forced.source, gi, di);
      const ft = isForced(forced.target, gj, dj);
      if (fs || ft) {
        out[at] = (di === 1 && dj === 0 && fs) || (di === 0 && dj === 1 && ft) ? 0 : Infinity;
        return;
      }
    }
    scorer.beadCostTo(src, gi, di, tgt, gj, dj, model, skip, out, at);
  };
  const one = new Float64Array(1);
  const cost = (i: number, j: number, s: number) => {
    costTo(i, j, s, one, 0);
    return one[0];
  };
  const inRegion = (cells: Array<[number, number]>) =>
    cells
      .filter(([i, j]) => i >= region.i0 && i <= region.i1 && j >= region.j0 && j <= region.j1)
      .map(([i, j]): [number, number] => [i - region.i0, j - region.j0]);
  const local = guide && inRegion(guide);
  let solution: DpSolution | undefined;
  const { cells, band } = PARAMS.blockGuide;
  if (!local && firstLook && (n + 1) * (m + 1) > cells) {
    // A long first pass: blocks of units are aligned first and the band follows their path instead of widening
    // around the diagonal (where a loose translation or a section added or left out takes the path off it). Until
    // version 9 a band around the diagonal was tried first; where it held the path (the declaration pairs), the
    // guided band finds the same alignment, and on long prose it never did (a third of the first pass's work).
    // Since version 15 the realignment across paragraph breaks follows the paragraph beads instead (firstGuide).
    const guide = firstGuide ? inRegion(firstGuide) : blockGuide(region, src, tgt, scorer, model, skip);
    solution = solve({ n, m, shapes, cost, costTo, band, guide });
  }
  solution ??= solve({ n, m, shapes, guide: local, cost, costTo, band: local ? laterBand : undefined });
  return {
    beads: solution.beads.map((b) => {
      const i = b.i + region.i0;
      const j = b.j + region.j0;
      const isSkipForced = (b.dj === 0 && forced.source.has(i)) || (b.di === 0 && forced.target.has(j));
      return {
        i,
        j,
        di: b.di,
        dj: b.dj,
        cost: b.cost,
        confidence: isSkipForced ? 1 : b.confidence,
        forced: isSkipForced,
      };
    }),
    band: solution.band,
  };
}

/**
 * A guide for a long first pass (grid cells of the region, local coordinates): blocks of PARAMS.blockGuide.size units
 * aligned as units (their lengths and anchor keys summed; a skipped block costs a share of a skip per unit, so a
 * run of added or dropped units is skipped whole rather than spread over its neighbours), each block bead its
 * rectangle of units; a skipped block's rectangle reaches one block into its neighbours.
 */
function blockGuide(
  region: Region,
  src: Unit[],
  tgt: Unit[],
  scorer: Scorer,
  model: Model,
  skip: number,
): Array<[number, number]> {
  const { size, skipShare } = PARAMS.blockGuide;
  const builder = new UnitBuilder();
  const none = new Int32Array(0);
  const blocks = (units: Unit[], from: number, to: number) => {
    const out: Unit[] = [];
    for (let k = from; k < to; k += size) {
      const part = units.slice(k, Math.min(to, k + size));
      const length = part.reduce((sum, u) => sum + u.length, 0) + part.length - 1;
      const parts = part.map((u) => ({ keys: u.keys, counts: u.counts, types: none }));
      out.push(
        builder.build(
          length,
          part.every((u) => u.heading),
          parts,
        ),
      );
    }
    return out;
  };
  const S = blocks(src, region.i0, region.i1);
  const T = blocks(tgt, region.j0, region.j1);
  const blockSkip = skip * skipShare * size;
  const { beads } = solve({
    n: S.length,
    m: T.length,
    shapes: PARAGRAPH_SHAPES,
    pathOnly: true,
    cost: (i, j, s) => scorer.beadCost(S, i, PARAGRAPH_SHAPES[s].di, T, j, PARAGRAPH_SHAPES[s].dj, model, blockSkip),
    costTo: (i, j, s, out, at) =>
      scorer.beadCostTo(S, i, PARAGRAPH_SHAPES[s].di, T, j, PARAGRAPH_SHAPES[s].dj, model, blockSkip, out, at),
  });
  const n = region.i1 - region.i0;
  const m = region.j1 - region.j0;
  const cells: Array<[number, number]> = [];
  for (const b of beads) {
    let i0 = b.i * size;
    let i1 = Math.min(n, (b.i + b.di) * size);
    let j0 = b.j * size;
    let j1 = Math.min(m, (b.j + b.dj) * size);
    if (b.dj === 0) [j0, j1] = [Math.max(0, j0 - size), Math.min(m, j1 + size)];
    if (b.di === 0) [i0, i1] = [Math.max(0, i0 - size), Math.min(n, i1 + size)];
    for (let r = i0; r <= i1; r++) cells.push([r, j0], [r, j1]);
  }
  return cells;
}

/** start, start + 1, ... (count numbers). */
function range(start: number, count: number): number[] {
  const out = new Array<number>(count);
  for (let k = 0; k < count; k++) out[k] = start + k;
  return out;
}

interface ParagraphBead {
  source: number[];
  target: number[];
  confidence: number;
  fixed: boolean;
  /**
   * Made by the realignment across paragraph breaks from its sentence beads (not a bead of the paragraph pass): its
   * confidence is theirs, so it does not cap them (aligner version 18).
   */
  ofSentences?: boolean;
}

/** The grid cells a previous alignment passes through, every row included (for a later pass's band). */
function guideCells(beads: ParagraphBead[]): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const b of beads) {
    const di = b.source.length;
    const dj = b.target.length;
    for (let r = 0; r <= di; r++) cells.push([i + r, j], [i + r, j + dj]);
    i += di;
    j += dj;
  }
  return cells;
}

function alignParagraphs(
  src: Unit[],
  tgt: Unit[],
  fixed: FixedLink[],
  scorer: Scorer,
  model: Model,
  previous?: ParagraphBead[],
  shapes = PARAGRAPH_SHAPES,
  /** Half-width of the band around `previous` (default: the DP's). */
  laterBand?: number,
  /** The guide of a long first pass instead of the block pass's path (alignRegion). */
  firstGuide?: Array<[number, number]>,
): { beads: ParagraphBead[]; band: number } {
  const out: ParagraphBead[] = [];
  let band = 0;
  const forced = forcedSkips(fixed);
  const guide = previous && guideCells(previous);
  for (const piece of regionsAround(fixed, src.length, tgt.length)) {
    if ('link' in piece) {
      out.push({ source: piece.link.source, target: piece.link.target, confidence: 1, fixed: true });
      continue;
    }
    const lastBand = shapes === SENTENCE_SHAPES ? PARAMS.lastBand : laterBand;
    const result = alignRegion(
      piece.region,
      src,
      tgt,
      shapes,
      scorer,
      model,
      PARAMS.skip,
      forced,
      guide,
      !previous,
      lastBand,
      firstGuide,
    );
    band = Math.max(band, result.band);
    for (const b of result.beads)
      out.push({ source: range(b.i, b.di), target: range(b.j, b.dj), confidence: b.confidence, fixed: b.forced });
  }
  return { beads: out, band };
}

/**
 * Specificity of each anchor key: 1 for keys in at most a quarter of the paragraphs, falling towards 0 for keys in all
 * (smoothed for short texts).
 */
function anchorSpecificity(keys: number, sides: Unit[][]): Float64Array {
  const df = new Float64Array(keys);
  let total = 0;
  for (const units of sides) {
    for (const u of units) {
      total++;
      for (const a of u.keys) df[a]++;
    }
  }
  const spec = new Float64Array(keys);
  for (let a = 0; a < keys; a++)
    spec[a] = df[a] === 0 ? 0 : Math.min(1, Math.max(0, Math.log((total + 4) / df[a]) / Math.log(4)));
  return spec;
}

/** Word types of a few units together (a merge bead teaches the lexicon as well as a 1-1 bead). */
function unionTypes(units: Unit[], ids: number[]): Int32Array {
  if (ids.length === 1) return units[ids[0]].types;
  return Int32Array.from(new Set(ids.flatMap((x) => Array.from(units[x].types))));
}

interface TypePair {
  source: Int32Array;
  target: Int32Array;
}

/**
 * The skip cost split between the two directions (aligner version 17): a translation that adds sentences (notes,
 * explanations) need not leave any out, and the reverse. The previous pass's 1-0 and 0-1 beads, n₁₀ and n₀₁, give
 * each direction's share, smoothed by one bead each way (Laplace): p₁₀ = (n₁₀ + 1) / (n₁₀ + n₀₁ + 2). Each
 * direction's cost is the skip cost − log(2 p): the total is kept (equal shares change nothing; the symmetric
 * constant stays what it was tuned as), only its split moves. No constant added. On the development document (554
 * French sentences against 468 German) the passes find 0-1 beads about eight times as often as 1-0 beads: the last
 * pass's 1-0 bead costs 1.6 nats more, its 0-1 bead 0.6 less.
 */
function skipShares(beads: ParagraphBead[], directions: boolean): { skipSource: number; skipTarget: number } {
  if (!PARAMS.skipDirections || !directions) return { skipSource: 0, skipTarget: 0 };
  let left = 0;
  let added = 0;
  for (const b of beads) {
    if (b.target.length === 0) left++;
    else if (b.source.length === 0) added++;
  }
  const cost = (n: number) => -Math.log((2 * (n + 1)) / (left + added + 2));
  return { skipSource: cost(left), skipTarget: cost(added) };
}

function learnModel(
  beads: ParagraphBead[],
  src: Unit[],
  tgt: Unit[],
  previous: Model,
  scorer: Scorer,
  types: { source: number; target: number },
  lexiconFrom: TypePair[] | null,
  fromMerges = false,
  /** Whether the skip cost is split by direction (skipShares): sentences, not paragraphs of several. */
  directions = true,
): Model {
  // Length: confident 1-1 beads inside a run of 1-1 beads: where the first pass went wrong it usually
  // leaves skips and merges around, so those stretches do not teach the ratio and the spread.
  const oneToOne = (b: ParagraphBead | undefined) => !!b && b.source.length === 1 && b.target.length === 1;
  const sure = (b: ParagraphBead, at: number) => b.fixed || b.confidence >= at;
  const inRun = (b: ParagraphBead, k: number) =>
    oneToOne(b) && (oneToOne(beads[k - 1]) || k === 0) && (oneToOne(beads[k + 1]) || k === beads.length - 1);
  const training = beads.filter((b, k) => inRun(b, k) && sure(b, PARAMS.trainConfidence));
  if (training.length < 3) return previous;
  let ls = 0;
  let lt = 0;
  for (const b of training) {
    ls += src[b.source[0]].length;
    lt += tgt[b.target[0]].length;
  }
  const ratio = ls > 0 && lt > 0 ? lt / ls : previous.ratio;
  // Robust variance: the median of z² for a normal z is 0.455.
  const z2 = training
    .map((b) => {
      const a = src[b.source[0]].length;
      const c = tgt[b.target[0]].length / ratio;
      return (c - a) ** 2 / Math.max((a + c) / 2, 1);
    })
    .sort((x, y) => x - y);
  const variance = Math.min(60, Math.max(PARAMS.minVariance, z2[Math.floor(z2.length / 2)] / 0.455));
  const model: Model = {
    ratio,
    variance,
    lexicon: null,
    tau: 0,
    lambda: 0,
    sentence: fromMerges,
    ...skipShares(beads, directions),
  };
  if (!lexiconFrom) return model;
  // Lexicon: every bead with both sides sure at PARAMS.lexiconConfidence (merges too in the last pass), plus
  // confident pairs of other documents.
  const paired = (b: ParagraphBead | undefined) => !b || (b.source.length > 0 && b.target.length > 0);
  const lexSure = (b: ParagraphBead) => sure(b, PARAMS.lexiconConfidence);
  const lexBeads = !fromMerges
    ? beads.filter((b, k) => inRun(b, k) && lexSure(b))
    : beads.filter((b, k) => paired(b) && lexSure(b) && paired(beads[k - 1]) && paired(beads[k + 1]));
  const own = lexBeads.map((b): TypePair => ({ source: unionTypes(src, b.source), target: unionTypes(tgt, b.target) }));
  // Pairs of other documents come on top of the pair's own beads (the caller bounds them), not instead of them.
  const maxBeads = PARAMS.lexiconBeads + lexiconFrom.length;
  const lexicon = learnLexicon([...own, ...lexiconFrom], types.source, types.target, { maxBeads });
  if (lexicon.size === 0 || lexBeads.length < 6) return model;
  // How similar are true pairs, and wrong ones (a bead's source against the target two beads on)?
  // Cross-fitted: each half of the beads is measured with a lexicon learnt without it (on its own
  // training pairs a lexicon looks better than it is); means over both halves.
  let trueSum = 0;
  let wrongSum = 0;
  let trueCount = 0;
  let wrongCount = 0;
  // An even stride keeps the halves apart and bounds the work on long documents.
  const stride = 2 * Math.max(1, Math.floor(lexBeads.length / PARAMS.lexiconBeads));
  for (const parity of [0, 1]) {
    const heldIn = own.filter((_, k) => k % 2 === parity);
    const halfOptions = { maxBeads: PARAMS.lexiconBeads / 2 + lexiconFrom.length, maxPairs: 75_000 };
    const half = learnLexicon([...heldIn, ...lexiconFrom], types.source, types.target, halfOptions);
    for (let k = 1 - parity; k < lexBeads.length; k += stride) {
      const b = lexBeads[k];
      const other = lexBeads[(k + 2) % lexBeads.length];
      const t = scorer.lexiconSimilarity(src, b.source[0], b.source.length, tgt, b.target[0], b.target.length, half);
      const w = scorer.lexiconSimilarity(
        src,
        b.source[0],
        b.source.length,
        tgt,
        other.target[0],
        other.target.length,
        half,
      );
      if (t.words > 0) {
        trueSum += t.sim;
        trueCount++;
      }
      if (w.words > 0) {
        wrongSum += w.sim;
        wrongCount++;
      }
    }
  }
  const mt = trueCount ? trueSum / trueCount : 0;
  const mw = wrongCount ? wrongSum / wrongCount : 0;
  if (trueCount < 3 || mt - mw < 0.05) return model;
  return { ...model, lexicon, tau: (mt + mw) / 2, lambda: PARAMS.lexiconSpread / (mt - mw) };
}

/** Sentence beads inside one paragraph bead; `fixed` are manual sentence links that fall inside it. */
function alignSentences(
  bead: ParagraphBead,
  srcSentences: Unit[][],
  tgtSentences: Unit[][],
  fixed: FixedSentenceLink[],
  scorer: Scorer,
  model: Model,
  memo?: Map<ParagraphBead, SentenceGrid>,
): SentenceBead[] {
  let grid = memo?.get(bead);
  if (!grid) {
    const srcRefs: SentenceRef[] = bead.source.flatMap((p) => srcSentences[p].map((_, s): SentenceRef => [p, s]));
    const tgtRefs: SentenceRef[] = bead.target.flatMap((p) => tgtSentences[p].map((_, s): SentenceRef => [p, s]));
    grid = {
      srcRefs,
      tgtRefs,
      src: srcRefs.map(([p, s]) => srcSentences[p][s]),
      tgt: tgtRefs.map(([p, s]) => tgtSentences[p][s]),
    };
    memo?.set(bead, grid);
  }
  const { srcRefs, tgtRefs, src, tgt } = grid;
  const indexOf = (refs: SentenceRef[], r: SentenceRef) => refs.findIndex(([p, s]) => p === r[0] && s === r[1]);
  const links: FixedLink[] = [];
  for (const f of fixed) {
    const source = f.source.map((r) => indexOf(srcRefs, r));
    const target = f.target.map((r) => indexOf(tgtRefs, r));
    if (source.includes(-1) || target.includes(-1)) continue;
    links.push({ source, target });
  }
  const out: SentenceBead[] = [];
  if (src.length === 0 || tgt.length === 0) {
    // Nothing to pair with: each sentence is an insertion or a deletion of its own.
    const flag = bead.fixed ? { fixed: true } : {};
    const { confidence } = bead;
    if (src.length) return srcRefs.map((r): SentenceBead => ({ source: [r], target: [], confidence, ...flag }));
    return tgtRefs.map((r): SentenceBead => ({ source: [], target: [r], confidence, ...flag }));
  }
  if (src.length === 1 && tgt.length === 1 && links.length === 0) {
    return [{ source: srcRefs, target: tgtRefs, confidence: bead.confidence, ...(bead.fixed ? { fixed: true } : {}) }];
  }
  const consistent = consistentLinks(links, src.length, tgt.length);
  const forced = forcedSkips(consistent);
  // Realigned with another model later (alignAllSentences): the bead's anchor costs are kept for the next pass.
  const keep = memo && src.length > 1 && tgt.length > 1;
  if (keep) grid.anchors = scorer.keepAnchors(src, tgt, 4, grid.anchors);
  for (const piece of regionsAround(consistent, src.length, tgt.length)) {
    if ('link' in piece) {
      out.push({
        source: piece.link.source.map((k) => srcRefs[k]),
        target: piece.link.target.map((k) => tgtRefs[k]),
        confidence: 1,
        fixed: true,
      });
      continue;
    }
    const { beads } = alignRegion(piece.region, src, tgt, SENTENCE_SHAPES, scorer, model, PARAMS.sentenceSkip, forced);
    for (const b of beads) {
      out.push({
        source: range(b.i, b.di).map((k) => srcRefs[k]),
        target: range(b.j, b.dj).map((k) => tgtRefs[k]),
        confidence: b.forced ? 1 : Math.min(b.confidence, bead.confidence),
        ...(b.forced ? { fixed: true } : {}),
      });
    }
  }
  if (keep) scorer.keepAnchors();
  return out;
}

/** A paragraph bead's sentences, and their anchor costs once computed (kept between sentence passes). */
interface SentenceGrid {
  srcRefs: SentenceRef[];
  tgtRefs: SentenceRef[];
  src: Unit[];
  tgt: Unit[];
  anchors?: AnchorStore;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Calibrated confidence of a `di` × `dj` bead whose uncalibrated confidence (logistic of its margin) is `raw`. */
export function calibrate(raw: number, di: number, dj: number): number {
  const c = PARAMS.calibration;
  const margin = raw >= 1 ? c.maxMargin : raw <= 0 ? -c.maxMargin : Math.min(c.maxMargin, Math.log(raw / (1 - raw)));
  const shape = di === 0 || dj === 0 ? c.skip : di > 1 || dj > 1 ? c.merge : 0;
  return 1 / (1 + Math.exp(-(c.slope * margin + c.intercept + shape)));
}
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

interface Prepared {
  srcSide: SideUnits;
  tgtSide: SideUnits;
  scorer: Scorer;
  sourceTypes: number;
  targetTypes: number;
  initial: Model;
  /** Word types of the confident pairs of other documents (AlignOptions.lexiconPairs). */
  external: TypePair[]; /** A scorer whose anchor weights come from sentence frequencies (built when first needed). */
  sentenceScorer: () => Scorer;
}

function typesOf(text: string, lang: string, ids: Interner): Int32Array {
  return Int32Array.from(new Set(textFeatures(text, lang).tokens.map((t) => ids.get(t))));
}

export function prepare(
  source: AlignSide,
  target: AlignSide,
  lexiconPairs: AlignOptions['lexiconPairs'] = [],
): Prepared {
  const anchorIds = new Interner();
  const anchorKinds: AnchorKind[] = [];
  const srcTypeIds = new Interner();
  const tgtTypeIds = new Interner();
  const builder = new UnitBuilder();
  const srcSide = buildSide(source, anchorIds, anchorKinds, srcTypeIds, builder);
  const tgtSide = buildSide(target, anchorIds, anchorKinds, tgtTypeIds, builder);
  pruneAnchors([srcSide, tgtSide], anchorKinds);
  const external = lexiconPairs.map((pair): TypePair => ({
    source: typesOf(pair.source, source.lang, srcTypeIds),
    target: typesOf(pair.target, target.lang, tgtTypeIds),
  }));
  const src = srcSide.paragraphs;
  const tgt = tgtSide.paragraphs;
  const sample = (side: AlignSide) =>
    side.passages
      .slice(0, 20)
      .map((p) => p.text)
      .join(' ');
  const names = showsNames(sample(source)) && showsNames(sample(target));
  const scorer = new Scorer(
    anchorKinds,
    anchorSpecificity(anchorIds.size, [src, tgt]),
    names,
    srcTypeIds.size,
    tgtTypeIds.size,
  );
  const totalS = src.reduce((a, u) => a + u.length, 0);
  const totalT = tgt.reduce((a, u) => a + u.length, 0);
  const initial: Model = {
    ratio: totalS > 0 && totalT > 0 ? totalT / totalS : 1,
    variance: PARAMS.variance,
    lexicon: null,
    tau: 0,
    lambda: 0,
    sentence: false,
    skipSource: 0,
    skipTarget: 0,
  };
  let sentenceScorer: Scorer | undefined;
  const sentences = [srcSide.sentences.flat(), tgtSide.sentences.flat()];
  return {
    srcSide,
    tgtSide,
    scorer,
    sourceTypes: srcTypeIds.size,
    targetTypes: tgtTypeIds.size,
    initial,
    external,
    sentenceScorer: () =>
      (sentenceScorer ??= new Scorer(
        anchorKinds,
        anchorSpecificity(anchorIds.size, sentences),
        names,
        srcTypeIds.size,
        tgtTypeIds.size,
      )),
  };
}

/** Share of the beads of `after` that were not in `before`. */
function changedShare(before: ParagraphBead[], after: ParagraphBead[]): number {
  const key = (b: ParagraphBead) => `${b.source.join(',')}>${b.target.join(',')}`;
  const old = new Set(before.map(key));
  let changed = 0;
  for (const b of after) if (!old.has(key(b))) changed++;
  return after.length ? changed / after.length : 0;
}

function alignPrepared(
  p: Prepared,
  options: AlignOptions,
  /** The guide of a long first pass instead of the block pass's path (realignAcrossParagraphs). */
  firstGuide?: Array<[number, number]>,
): { beads: ParagraphBead[]; band: number; model: Model; passes: number } {
  const src = p.srcSide.paragraphs;
  const tgt = p.tgtSide.paragraphs;
  const fixed = consistentLinks(options.fixed ?? [], src.length, tgt.length);
  let model = p.initial;
  // Every pass scores mostly the same beads: their anchor costs (which do not depend on the model) are kept.
  p.scorer.keepAnchors(src, tgt);
  let { beads, band } = alignParagraphs(src, tgt, fixed, p.scorer, model, undefined, undefined, undefined, firstGuide);
  let passes = 1;
  const lastFollows = sentenceShaped(p);
  // Each pass learns from the previous one; stop when the alignment no longer changes.
  while (src.length > 1 && tgt.length > 1 && passes < PARAMS.maxPasses) {
    // Paragraphs of several sentences keep one skip cost for both directions: a first pass skips few of them, and
    // on the declaration in Tagalog one skip moved a close paragraph bead the wrong way (99.6 -> 99.2 % F1).
    const learnt = learnModel(
      beads,
      src,
      tgt,
      model,
      p.scorer,
      typeCounts(p),
      lexiconFrom(p, options),
      false,
      lastFollows,
    );
    if (learnt === model) break;
    model = learnt;
    const laterBand = lastFollows ? PARAMS.lastBand : undefined;
    const next = alignParagraphs(src, tgt, fixed, p.scorer, model, beads, PARAGRAPH_SHAPES, laterBand);
    passes++;
    const changed = changedShare(beads, next.beads);
    ({ beads, band } = next);
    // Another pass only pays when this one moved a real share of the alignment (a first pass gone astray).
    if (changed < (lastFollows ? PARAMS.repassShareBeforeLast : PARAMS.repassShare)) break;
  }
  // Passages that are single sentences (a file of one sentence per line) are aligned as sentences: a last pass
  // with the sentence shapes and a lexicon learnt from the merges as well. Also when too little was sure to
  // learn a model from (a short or loose translation): the wide shapes matter most there.
  if (lastFollows) {
    model = learnModel(beads, src, tgt, model, p.scorer, typeCounts(p), lexiconFrom(p, options), true);
    // Paragraph breaks (when realigning sentences across them) count in this last pass only: the passes that
    // learn the model do as they do on text of one sentence per passage, so the breaks only move beads near them.
    p.scorer.breaksOn = true;
    ({ beads, band } = alignParagraphs(src, tgt, fixed, p.scorer, model, beads, SENTENCE_SHAPES));
    passes++;
  }
  p.scorer.keepAnchors();
  return { beads, band, model, passes };
}

/** Nearly every passage is one sentence. */
const sentencesOnly = (side: SideUnits) =>
  side.sentences.filter((list) => list.length > 1).length <= 0.02 * side.sentences.length;
/** Whether alignPrepared ends with a pass with the sentence shapes (text of one sentence per passage). */
const sentenceShaped = (p: Prepared) => sentencesOnly(p.srcSide) && sentencesOnly(p.tgtSide);
/** What the lexicon learns from besides the pair itself (null: no lexicon at all). */
const lexiconFrom = (p: Prepared, options: AlignOptions) => (options.lexicon !== false ? p.external : null);

const typeCounts = (p: Prepared) => ({ source: p.sourceTypes, target: p.targetTypes });

/**
 * Sentence beads inside every paragraph bead. When paragraphs hold several sentences, the paragraph
 * model (its length spread, its lexicon's scale) does not fit single sentences: a first sentence pass
 * teaches a sentence model, and a second pass uses it.
 */
function alignAllSentences(beads: ParagraphBead[], p: Prepared, model: Model, options: AlignOptions): SentenceBead[][] {
  if (options.sentences === false) return beads.map(() => []);
  const fixed = [...(options.fixedSentences ?? [])];
  const { sentences: srcSentences } = p.srcSide;
  const { sentences: tgtSentences } = p.tgtSide;
  const memo = new Map<ParagraphBead, SentenceGrid>();
  // Every passage one sentence, aligned by a last pass with the sentence shapes under this model: inside a bead
  // that pass chose, the same costs find the same bead (its alternatives there were open to that pass too, so the
  // bead's own confidence is the lower one, which the sentence bead takes anyway). Manual beads are aligned inside.
  const single = (lists: Unit[][]) => lists.every((l) => l.length === 1);
  const asIs = !fixed.length && sentenceShaped(p) && single(srcSentences) && single(tgtSentences);
  let result = beads.map((b): SentenceBead[] =>
    asIs && !b.fixed
      ? [
          {
            source: b.source.map((q): SentenceRef => [q, 0]),
            target: b.target.map((q): SentenceRef => [q, 0]),
            confidence: b.confidence,
          },
        ]
      : alignSentences(b, srcSentences, tgtSentences, fixed, p.scorer, model, memo),
  );
  // Only beads with several sentences on both sides teach the sentence model and can change with it.
  const count = (lists: Unit[][], paragraphs: number[]) => paragraphs.reduce((n, q) => n + lists[q].length, 0);
  const several = (b: ParagraphBead) => count(srcSentences, b.source) > 1 && count(tgtSentences, b.target) > 1;
  const inner = beads.flatMap((b, k) => (several(b) ? [k] : []));
  if (inner.length === 0) return result;
  const offsets = (lists: Unit[][]) => {
    let at = 0;
    return lists.map((l) => (at += l.length) - l.length);
  };
  const os = offsets(srcSentences);
  const ot = offsets(tgtSentences);
  const srcFlat = srcSentences.flat();
  const tgtFlat = tgtSentences.flat();
  let current = model;
  for (let pass = 0; pass < PARAMS.sentencePasses; pass++) {
    const flat: ParagraphBead[] = inner.flatMap((k) =>
      result[k].map((b) => ({
        source: b.source.map(([q, x]) => os[q] + x),
        target: b.target.map(([q, x]) => ot[q] + x),
        confidence: b.confidence,
        fixed: !!b.fixed,
      })),
    );
    const learnt = learnModel(flat, srcFlat, tgtFlat, current, p.scorer, typeCounts(p), lexiconFrom(p, options), true);
    if (learnt === current) break;
    current = learnt;
    result = result.slice();
    for (const k of inner)
      result[k] = alignSentences(beads[k], srcSentences, tgtSentences, fixed, p.scorer, current, memo);
  }
  return result;
}

/** A paragraph bead (or sentence bead) this sure is trusted as it is in the realignment across paragraph breaks. */
const sure = (c: number, di: number, dj: number) => calibrate(c, di, dj) >= PARAMS.paragraphTrust;
/** A paragraph bead that is doubtful whatever its sentence beads. */
const paragraphDoubt = (b: ParagraphBead) => !b.fixed && !sure(b.confidence, b.source.length, b.target.length);

/** Whether the sentences may be realigned across paragraph breaks at all. */
function realignable(p: Prepared, options: AlignOptions): boolean {
  // Manual paragraph links are the user's own structure: the sentences stay inside them and their neighbours.
  if (options.sentences === false || options.fixed?.length) return false;
  return !(sentencesOnly(p.srcSide) && sentencesOnly(p.tgtSide));
}

/**
 * Whether the realignment across paragraph breaks will run whatever the sentence beads inside the paragraph beads
 * (which can only add doubt): then they are not aligned first. Not with manual sentence links (kept as they are).
 */
function surelyRealigned(beads: ParagraphBead[], p: Prepared, options: AlignOptions): boolean {
  if (!realignable(p, options) || options.fixedSentences?.length) return false;
  return beads.filter(paragraphDoubt).length >= PARAMS.realignShare * beads.length;
}

/**
 * Paragraphs of several sentences: where the paragraph beads are broadly not confident (translators move
 * sentences across paragraph breaks, or the paragraphs' lengths prove little), every sentence of the document is
 * aligned again as one sequence, across the paragraph breaks, exactly as text of one sentence per passage is (the
 * same passes, shapes and learning), with the manual sentence links fixed (not with manual paragraph links).
 * Paragraph breaks are soft anchors: only the last pass charges a sentence bead that spans one (PARAMS.crossBreak),
 * so the model is learnt as on text of one sentence per passage and the breaks only move beads beside them; fixing
 * the sentence beads of the sure paragraph beads instead cost up to 0.02 F1 on the development document. The
 * paragraph beads are then the smallest groups of paragraphs that no sentence bead crosses (a sure paragraph bead
 * comes back whole). So paragraphs do no worse than sentences alone.
 */
function realignAcrossParagraphs(
  beads: ParagraphBead[],
  sentences: SentenceBead[][] | null,
  p: Prepared,
  options: AlignOptions,
): { beads: ParagraphBead[]; sentences: SentenceBead[][] } {
  const { sentences: srcSentences } = p.srcSide;
  const { sentences: tgtSentences } = p.tgtSide;
  let doubt: boolean[];
  if (sentences) {
    if (!realignable(p, options)) return { beads, sentences };
    // Trusted: manual beads, and paragraph beads confident with every sentence bead inside them confident.
    doubt = beads.map(
      (b, k) =>
        paragraphDoubt(b) ||
        (!b.fixed && sentences[k].some((sb) => !sb.fixed && !sure(sb.confidence, sb.source.length, sb.target.length))),
    );
    // A few doubtful beads among sure ones (a missing section, a loose translation of one paragraph) are better
    // left to the paragraph structure; only a broadly doubtful paragraph alignment is redone by sentences.
    if (doubt.filter(Boolean).length < PARAMS.realignShare * beads.length) return { beads, sentences };
  } else doubt = beads.map(paragraphDoubt);
  const flatten = (lists: Unit[][]) => {
    const offsets: number[] = [];
    const paragraph: number[] = [];
    const refs: SentenceRef[] = [];
    lists.forEach((list, q) => {
      offsets.push(refs.length);
      list.forEach((_, x) => {
        paragraph.push(q);
        refs.push([q, x]);
      });
    });
    return { offsets, paragraph, refs, units: lists.flat() };
  };
  const S = flatten(srcSentences);
  const T = flatten(tgtSentences);
  // Kept as they are: the sentence beads of confident paragraph beads, and every manual link.
  const kept = new Map<string, SentenceBead>();
  const fixed: FixedLink[] = [];
  const keep = (b: SentenceBead) => {
    const link = {
      source: b.source.map(([q, x]) => S.offsets[q] + x),
      target: b.target.map(([q, x]) => T.offsets[q] + x),
    };
    kept.set(`${link.source.join(',')}>${link.target.join(',')}`, b);
    fixed.push(link);
  };
  if (sentences)
    beads.forEach((b, k) => {
      for (const sb of sentences[k]) if (sb.fixed) keep(sb);
    });
  const scorer = p.sentenceScorer();
  const flatSide = (F: typeof S): SideUnits => ({ paragraphs: F.units, sentences: F.units.map((u) => [u]) });
  const flat: Prepared = { ...p, srcSide: flatSide(S), tgtSide: flatSide(T), scorer };
  const opens = (F: typeof S) => Uint8Array.from(F.refs, ([, x]) => (x === 0 ? 1 : 0));
  scorer.setBreaks(S.units, T.units, opens(S), opens(T));
  scorer.breaksOn = false;
  const totalS = S.units.reduce((n, u) => n + u.length, 0);
  const totalT = T.units.reduce((n, u) => n + u.length, 0);
  flat.initial = { ...p.initial, ratio: totalS > 0 && totalT > 0 ? totalT / totalS : 1 };
  // The paragraph beads guide a long first pass (a short one searches around the diagonal as ever; with manual
  // sentence links the block pass guides it, region by region).
  const guide = fixed.length ? undefined : paragraphGuide(beads, srcSentences, tgtSentences);
  const found = alignPrepared(flat, { ...options, fixed, fixedSentences: [] }, guide).beads;
  // Regroup: a paragraph bead closes where the next sentence on each side opens a paragraph not yet in it,
  // and only once it holds the whole of any confident paragraph bead it touches (those come back as they were).
  const ownerS = new Int32Array(srcSentences.length).fill(-1);
  const ownerT = new Int32Array(tgtSentences.length).fill(-1);
  beads.forEach((b, k) => {
    if (doubt[k]) return;
    for (const q of b.source) ownerS[q] = k;
    for (const q of b.target) ownerT[q] = k;
  });
  const flatKey = (b: { source: number[]; target: number[] }) => `${b.source.join(',')}>${b.target.join(',')}`;
  const outBeads: ParagraphBead[] = [];
  const outSentences: SentenceBead[][] = [];
  type Group = {
    source: number[];
    target: number[];
    sentences: SentenceBead[];
    confidence: number;
    owners: Set<number>;
  };
  let group: Group | null = null;
  let nextI = 0;
  let nextJ = 0;
  for (const b of found) {
    group ??= { source: [], target: [], sentences: [], confidence: 1, owners: new Set() };
    for (const x of b.source) {
      const q = S.paragraph[x];
      if (group.source[group.source.length - 1] !== q) group.source.push(q);
      if (ownerS[q] >= 0) group.owners.add(ownerS[q]);
    }
    for (const y of b.target) {
      const q = T.paragraph[y];
      if (group.target[group.target.length - 1] !== q) group.target.push(q);
      if (ownerT[q] >= 0) group.owners.add(ownerT[q]);
    }
    const same = kept.get(flatKey(b));
    group.sentences.push(
      same ?? {
        source: b.source.map((x) => S.refs[x]),
        target: b.target.map((y) => T.refs[y]),
        confidence: b.confidence,
      },
    );
    group.confidence = Math.min(group.confidence, same ? same.confidence : b.confidence);
    nextI += b.source.length;
    nextJ += b.target.length;
    const g: Group = group;
    const closedS = nextI >= S.units.length || !g.source.includes(S.paragraph[nextI]);
    const closedT = nextJ >= T.units.length || !g.target.includes(T.paragraph[nextJ]);
    const whole = [...g.owners].every(
      (k) => beads[k].source.every((q) => g.source.includes(q)) && beads[k].target.every((q) => g.target.includes(q)),
    );
    if (!closedS || !closedT || !whole) continue;
    const [only] = g.owners;
    const original = g.owners.size === 1 ? beads[only] : undefined;
    if (original && original.source.length === g.source.length && original.target.length === g.target.length) {
      outBeads.push(original);
      outSentences.push(g.sentences);
    } else {
      outBeads.push({ source: g.source, target: g.target, confidence: g.confidence, fixed: false, ofSentences: true });
      outSentences.push(g.sentences);
    }
    group = null;
  }
  return { beads: outBeads, sentences: outSentences };
}

/**
 * The guide of the realignment's first pass (aligner version 15; grid cells of the grid of all sentences): each
 * paragraph bead's diagonal, from its first sentences to its last, when it has as many sentences on each side give or
 * take one (they mostly pair one to one), else its whole rectangle (a merge, a skip, sentences added or left out
 * inside it). The search follows it in a band of PARAMS.blockGuide.band, widened where the path touches its edge, as
 * it follows the block pass's path when there are no paragraphs; the block pass over every sentence is not needed
 * (on the development document repeated to ~100 pages in paragraphs of ~6: 15 % fewer bead costs, 30 % fewer full
 * anchor comparisons; the same beads and confidences on every input of scripts/align-dump.ts). Where the paragraph
 * beads are wrong by more than the band and the path finds no reason to touch its edge, the block pass did better;
 * with sections dropped from the development document it did worse.
 *
 * Since version 16, a run of skipped paragraphs with skips on both sides (the paragraph alignment found no partner
 * for a paragraph of either text, as when added sentences straddle a paragraph break and the paragraph beads pair the
 * wrong paragraphs around them) is searched as one rectangle, and a square of half-width PARAMS.blockGuide.band + 1
 * around each of its two corners reaches into the neighbouring beads, where the right path can leave the band by a
 * few sentences. Skips on one side only (a section left out) keep the narrow band: the same squares at every skip and
 * every bead uneven by more than 5 sentences lowered scripts/align-drops.ts's mean (0.878 -> 0.875) and cost 2.6 %
 * more bead costs on the timed text; these cost none there, and change nothing on the inputs of align-dump or
 * align-drops.
 */
export function paragraphGuide(
  beads: ReadonlyArray<{ source: number[]; target: number[] }>,
  srcSentences: ReadonlyArray<{ length: number }>,
  tgtSentences: ReadonlyArray<{ length: number }>,
): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  // The grid cell where each bead starts, and where the last ends.
  const corners: Array<[number, number]> = [[0, 0]];
  let i = 0;
  let j = 0;
  for (const b of beads) {
    let di = 0;
    let dj = 0;
    for (const q of b.source) di += srcSentences[q].length;
    for (const q of b.target) dj += tgtSentences[q].length;
    if (di === 0 || Math.abs(di - dj) > 1) for (let x = 0; x <= di; x++) cells.push([i + x, j], [i + x, j + dj]);
    else for (let x = 0; x <= di; x++) cells.push([i + x, j + Math.round((x * dj) / di)]);
    i += di;
    j += dj;
    corners.push([i, j]);
  }
  const e = PARAMS.blockGuide.band + 1;
  const square = ([ci, cj]: [number, number]) => {
    for (let x = Math.max(0, ci - e); x <= ci + e; x++) cells.push([x, Math.max(0, cj - e)], [x, cj + e]);
  };
  const skipped = (b: { source: number[]; target: number[] }) => !b.source.length || !b.target.length;
  for (let k = 0; k < beads.length; k++) {
    if (!skipped(beads[k])) continue;
    let end = k;
    while (end < beads.length && skipped(beads[end])) end++;
    const run = beads.slice(k, end);
    if (run.some((b) => !b.source.length) && run.some((b) => !b.target.length)) {
      const [i0, j0] = corners[k];
      const [i1, j1] = corners[end];
      for (let x = i0; x <= i1; x++) cells.push([x, j0], [x, j1]);
      square(corners[k]);
      square(corners[end]);
    }
    k = end;
  }
  return cells;
}

/** Aligns two documents given as passages (with their sentence boundaries). */
export function align(source: AlignSide, target: AlignSide, options: AlignOptions = {}): AlignResult {
  const started = now();
  const prepared = prepare(source, target, options.lexiconPairs);
  const featured = now();
  const first = alignPrepared(prepared, options);
  const { band, model, passes } = first;
  const paragraphed = now();
  // A broadly doubtful paragraph alignment is redone by sentences: decided first, from the paragraph beads.
  const { beads, sentences } = realignAcrossParagraphs(
    first.beads,
    surelyRealigned(first.beads, prepared, options) ? null : alignAllSentences(first.beads, prepared, model, options),
    prepared,
    options,
  );
  const result: Bead[] = beads.map((b, k) => {
    const own = sentences[k].map((s) => (s.fixed ? 1 : calibrate(s.confidence, s.source.length, s.target.length)));
    // A sentence bead is never surer than a bead of the paragraph pass that holds it (that bead's margin is evidence
    // of its own). A paragraph bead the realignment made of sentence beads is as sure as the least sure of them, and
    // caps none: its confidence came from one of them (before version 18 the lowest one's margin capped them all, so
    // a paragraph of 36 added sentences took the doubt of the one at its edge).
    const paragraph = b.fixed
      ? 1
      : b.ofSentences
        ? own.reduce((least, c) => Math.min(least, c), 1)
        : calibrate(b.confidence, b.source.length, b.target.length);
    return {
      source: b.source,
      target: b.target,
      confidence: round(paragraph),
      ...(b.fixed ? { fixed: true } : {}),
      sentences: sentences[k].map((s, x) => ({
        ...s,
        confidence: s.fixed ? 1 : round(b.ofSentences ? own[x] : Math.min(own[x], paragraph)),
      })),
    };
  });
  const done = now();
  return {
    beads: result,
    stats: {
      lengthRatio: round(model.ratio),
      lexiconSize: model.lexicon?.size ?? 0,
      band,
      passes,
      ms: Math.round(done - started),
      phases: {
        features: Math.round(featured - started),
        paragraphs: Math.round(paragraphed - featured),
        sentences: Math.round(done - paragraphed),
      },
    },
  };
}

/**
 * The cost terms of given paragraph beads under the first-pass model and under the model the full
 * alignment learnt (for tests and for tuning; the aligner itself never needs it).
 */
export function explainBeads(
  source: AlignSide,
  target: AlignSide,
  beads: readonly FixedLink[],
  options: AlignOptions = {},
): { first: CostParts[]; final: CostParts[]; model: Omit<Model, 'lexicon'> & { lexiconSize: number } } {
  const prepared = prepare(source, target, options.lexiconPairs);
  const { model } = alignPrepared(prepared, options);
  const partsUnder = (mdl: Model) =>
    beads.map((b) => {
      if (b.source.length === 0 || b.target.length === 0) {
        const prior = PARAMS.skip + (b.target.length === 0 ? mdl.skipSource : mdl.skipTarget);
        return { prior, length: 0, anchors: 0, kind: 0, lexicon: 0 };
      }
      const { paragraphs: S } = prepared.srcSide;
      const { paragraphs: T } = prepared.tgtSide;
      return prepared.scorer.costParts(S, b.source[0], b.source.length, T, b.target[0], b.target.length, mdl);
    });
  const { lexicon, ...rest } = model;
  return {
    first: partsUnder(prepared.initial),
    final: partsUnder(model),
    model: { ...rest, lexiconSize: lexicon?.size ?? 0 },
  };
}
