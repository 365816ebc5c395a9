// franc's francAll (franc 6.2.0), computed the other way round and with the same result to the last digit.
// franc scores a text against every language of its script: for each of the text's trigrams, it looks the trigram
// up in each language's 300-trigram model (≈1,000 trigrams × 180 Latin languages = 180,000 dictionary look-ups,
// most of them misses; 8 ms a 2,000-character sample, most of an import of small files). Here each script's
// models are inverted once (trigram → the languages that have it, with its rank there), so a text costs one
// look-up per distinct trigram plus one step per language that knows it (trigrams kept as numbers in typed-array
// hash tables: no string or Map entry per position, half the time of Maps of strings). The same integer sum:
//   Σ over the text's trigrams t: |count(t) − rank_L(t) − 1| if L's model has t, else 300
// = 300 × (trigrams) + Σ over t in L's model (|count(t) − rank_L(t) − 1| − 300),
// then franc's stable sort (ties keep franc's language order) and normalisation, the same floating-point steps.
// The script is found in one pass over the text (franc runs 25 regular expressions over it), and a sample allocates
// nothing per trigram (the counting table is reused).
// test/main/ingest/trigram-rank.test.ts compares every result with franc's own.
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/** franc's constants. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptModels {
  /** Languages in franc's order (the order ties keep). */
  languages: string[];
  /** Every trigram of the script's models. */
  index: TrigramTable;
  /** The models holding entry e of the index: pairs (language index, rank) from pairs[starts[e]] to starts[e + 1]. */
  starts: Int32Array;
  pairs: Int32Array;
}

const models = new Map<string, ScriptModels>();

/**
 * Trigrams (three UTF-16 code units, as one number below 2^48) → a slot number, in an open-addressing table of
 * typed arrays: a text's 2,000 trigrams are counted and looked up without a string or a Map entry each.
 */
class TrigramTable {
  readonly keys: Float64Array;
  /** Slot → entry number + 1 (0: empty). */
  readonly entries: Int32Array;
  size = 0;
  private readonly mask: number;
  private readonly shift: number;

  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.keys = new Float64Array(1 << bits);
    this.entries = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** The first slot to try: the top bits of a multiplicative hash of the three code units. */
  private home(a: number, b: number, c: number): number {
    return Math.imul(a ^ Math.imul(b ^ Math.imul(c, 0x85ebca6b), 0x9e3779b1), 0x27d4eb2f) >>> this.shift;
  }

  /** Empties the table (its slots are reused). */
  clear(): void {
    this.entries.fill(0);
    this.size = 0;
  }

  /** The entry number of `key`, or -1. */
  find(a: number, b: number, c: number): number {
    const key = (a * 65536 + b) * 65536 + c;
    for (let slot = this.home(a, b, c); ;) {
      const entry = this.entries[slot];
      if (entry === 0) return -1;
      if (this.keys[slot] === key) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The entry number of `key`, added (numbered in order) if it was not there. */
  add(a: number, b: number, c: number): number {
    const key = (a * 65536 + b) * 65536 + c;
    for (let slot = this.home(a, b, c); ;) {
      const entry = this.entries[slot];
      if (entry === 0) {
        this.keys[slot] = key;
        this.entries[slot] = ++this.size;
        return this.size - 1;
      }
      if (this.keys[slot] === key) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

function modelsOf(script: string): ScriptModels {
  let found = models.get(script);
  if (found) return found;
  const languages = Object.keys(data[script]);
  const lists = languages.map((language) => data[script][language]);
  // Each model is its trigrams joined by "|", most frequent first: read in place (no string per trigram), in two
  // passes, counting then placing each trigram's (language, rank) pairs (no list per trigram): the first file's
  // language detection inverted the Latin models in ~60 ms of a cold thread's time.
  const index = new TrigramTable(lists.reduce((sum, list) => sum + (list.length >> 2) + 1, 0));
  /** Per entry: the language that last listed it (franc keeps the first position of a trigram a model lists twice). */
  let lastSeen: Int32Array = new Int32Array(1024);
  let counts: Int32Array = new Int32Array(1024);
  lists.forEach((list, l) =>
    eachTrigram(list, (a, b, c) => {
      const entry = index.add(a, b, c);
      if (entry >= counts.length) {
        counts = grownTo(counts, entry);
        lastSeen = grownTo(lastSeen, entry);
      }
      if (lastSeen[entry] === l + 1) return;
      lastSeen[entry] = l + 1;
      counts[entry] += 2;
    }),
  );
  const starts = new Int32Array(index.size + 1);
  for (let entry = 0; entry < index.size; entry++) starts[entry + 1] = starts[entry] + counts[entry];
  const pairs = new Int32Array(starts[index.size]);
  const next = starts.slice(0, index.size);
  lastSeen.fill(0);
  lists.forEach((list, l) =>
    eachTrigram(list, (a, b, c, rank) => {
      const entry = index.find(a, b, c);
      if (lastSeen[entry] === l + 1) return;
      lastSeen[entry] = l + 1;
      pairs[next[entry]++] = l;
      pairs[next[entry]++] = rank;
    }),
  );
  found = { languages, index, starts, pairs };
  models.set(script, found);
  return found;
}

/** Each trigram of a model (its trigrams joined by "|", most frequent first) with its rank, read in place. */
function eachTrigram(list: string, each: (a: number, b: number, c: number, rank: number) => void): void {
  let from = 0;
  for (let rank = 0; ; rank++) {
    const bar = list.indexOf('|', from);
    const end = bar < 0 ? list.length : bar;
    // A text's trigrams are three code units long: a model trigram of another length never matches one.
    if (end - from === 3) each(list.charCodeAt(from), list.charCodeAt(from + 1), list.charCodeAt(from + 2), rank);
    if (bar < 0) return;
    from = bar + 1;
  }
}

/**
 * A script's first samples are scored without its inverted models: inverting the Latin models costs a cold thread
 * ~50 ms, one pass over the models looking each trigram up among the sample's own ~10 ms, so a worker's first file
 * (a one-file import waits for its parse) does not pay the inversion; a later sample does, once, and every sample
 * after it is scored from the inverted models (small files: ~0.1 ms each instead of a pass).
 */
const DIRECT_SAMPLES = 2;
const directSamples = new Map<string, number>();

/** The inverted models of franc's scripts with several languages (the Latin ones: most files), made ahead of need. */
export function prepareLanguageModels(): void {
  modelsOf('Latin');
}

/**
 * The same distances as rankLanguages computes from the inverted models, from one pass over the script's models:
 * each model's trigrams looked up among the sample's (the counting table of trigramCounts), the same integer sums.
 */
function directDistances(
  script: string,
  distinct: number,
  counts: Int32Array,
): { languages: string[]; distances: Int32Array } {
  const languages = Object.keys(data[script]);
  const table = scratch!.table;
  const distances = new Int32Array(languages.length).fill(MAX_DIFFERENCE * distinct);
  /** Per sample trigram: the language that last listed it (franc keeps a model's first position of a trigram). */
  const seenBy = new Int32Array(distinct);
  languages.forEach((language, l) => {
    let sum = 0;
    eachTrigram(data[script][language], (a, b, c, rank) => {
      const own = table.find(a, b, c);
      if (own < 0 || seenBy[own] === l + 1) return;
      seenBy[own] = l + 1;
      sum += Math.abs(counts[own] - rank - 1) - MAX_DIFFERENCE;
    });
    distances[l] += sum;
  });
  return { languages, distances };
}

/** A copy of `array` with room for index `at`. */
function grownTo(array: Int32Array, at: number): Int32Array {
  let length = array.length;
  while (length <= at) length *= 2;
  const more = new Int32Array(length);
  more.set(array);
  return more;
}

/** franc's scripts in its order (getTopScript keeps the first of equal counts). */
const SCRIPTS = Object.keys(expressions);
if (SCRIPTS.length > 31) throw new Error('trigram-rank: more scripts than bits in a script mask');
/** Non-global copies of franc's expressions, to test one character (or pair) at a time. */
const SCRIPT_TESTS = SCRIPTS.map((script) => new RegExp(expressions[script].source, ''));
/** Per UTF-16 code unit: the scripts whose expression matches it alone, as bits (index in SCRIPTS); -1: not seen. */
const unitScripts = new Int32Array(65536).fill(-1);
/** Per surrogate pair (high × 65536 + low): the scripts whose expression matches the pair, as bits. */
const pairScripts = new Map<number, number>();
const scriptCounts = new Int32Array(SCRIPTS.length);

function scriptsOf(unit: string): number {
  let bits = 0;
  for (let s = 0; s < SCRIPT_TESTS.length; s++) if (SCRIPT_TESTS[s].test(unit)) bits |= 1 << s;
  return bits;
}

/**
 * The script whose letters occur most (franc's getTopScript: the first of equal counts wins), with its share of the
 * text. franc counts the matches of each script's expression (`value.match(expression).length`, 25 regular
 * expressions run over the text, an array of one-letter strings each); their alternatives are single BMP code units
 * (never a surrogate) or surrogate pairs, so the same counts come from one pass over the text, each distinct code
 * unit (or pair) tested against the expressions once per process. A test checks that shape of franc's expressions.
 */
function topScript(value: string): [string | undefined, number] {
  scriptCounts.fill(0);
  const length = value.length;
  for (let i = 0; i < length; i++) {
    const unit = value.charCodeAt(i);
    let bits: number;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const low = value.charCodeAt(i + 1);
      if (low < 0xdc00 || low > 0xdfff) continue; // a lone high surrogate matches nothing
      const key = unit * 65536 + low;
      let found = pairScripts.get(key);
      if (found === undefined) {
        found = scriptsOf(value.slice(i, i + 2));
        pairScripts.set(key, found);
      }
      bits = found;
      i++; // the low surrogate alone matches nothing either
    } else {
      bits = unitScripts[unit];
      if (bits === -1) bits = unitScripts[unit] = scriptsOf(value[i]);
    }
    for (let s = 0; bits !== 0; s++, bits >>>= 1) if (bits & 1) scriptCounts[s]++;
  }
  let topCount = -1;
  let top: string | undefined;
  for (let s = 0; s < SCRIPTS.length; s++) {
    const count = scriptCounts[s] / length || 0;
    if (count > topCount) {
      topCount = count;
      top = SCRIPTS[s];
    }
  }
  return [top, topCount];
}

/**
 * trigram-utils' asDictionary: the distinct trigrams of the cleaned, space-padded text, each with its count and the
 * position it first occurs at (entry numbers of the table, in order of first occurrence).
 */
function trigramCounts(value: string): { text: string; distinct: number; counts: Int32Array; firstAt: Int32Array } {
  const text = ` ${value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(IRREGULAR_WHITESPACE, ' ')
    .trim()
    .toLowerCase()} `;
  const positions = Math.max(0, text.length - 2);
  // One table and two arrays for every call (grown when a text is longer: lower-casing can lengthen it), cleared
  // here: a sample costs no allocation.
  if (!scratch || scratch.counts.length < positions) {
    const capacity = Math.max(positions, MAX_LENGTH + 2);
    scratch = {
      table: new TrigramTable(capacity),
      counts: new Int32Array(capacity),
      firstAt: new Int32Array(capacity),
    };
  }
  const { table, counts, firstAt } = scratch;
  table.clear();
  counts.fill(0, 0, positions);
  for (let i = 0; i < positions; i++) {
    const entry = table.add(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2));
    if (counts[entry]++ === 0) firstAt[entry] = i;
  }
  return { text, distinct: table.size, counts, firstAt };
}

/**
 * trigram-utils' `.replace(/\s+/g, ' ')` without replacing each single space by a space (most of a sample's
 * matches): the same text, every run of white space one space.
 */
const IRREGULAR_WHITESPACE = /\s{2,}|[^\S ]/g;

let scratch: { table: TrigramTable; counts: Int32Array; firstAt: Int32Array } | undefined;

/**
 * The languages of the text's script with their scores (1 = best), best first: `francAll(value, { minLength })`.
 * `scoring` forces one way of computing the same scores (tests); by default a script's first samples are scored
 * directly, the later ones from its inverted models (DIRECT_SAMPLES).
 */
export function rankLanguages(value: string, minLength = 10, scoring?: 'direct' | 'inverted'): Array<[string, number]> {
  if (!value || value.length < minLength) return [['und', 1]];
  value = value.slice(0, MAX_LENGTH);
  const [script, count] = topScript(value);
  if (!script || !(script in data)) return !script || count === 0 ? [['und', 1]] : [[script, 1]];

  const { text, distinct, counts, firstAt } = trigramCounts(value);
  const direct = directSamples.get(script) ?? 0;
  let languages: string[];
  let distances: Int32Array;
  if (scoring === 'direct' || (scoring === undefined && !models.has(script) && direct < DIRECT_SAMPLES)) {
    if (scoring === undefined) directSamples.set(script, direct + 1);
    ({ languages, distances } = directDistances(script, distinct, counts));
  } else {
    const inverted = modelsOf(script);
    const { index, starts, pairs } = inverted;
    languages = inverted.languages;
    // Whole numbers below 300 × 4,100: exact in an Int32Array.
    distances = new Int32Array(languages.length).fill(MAX_DIFFERENCE * distinct);
    for (let own = 0; own < distinct; own++) {
      const at = firstAt[own];
      const entry = index.find(text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2));
      if (entry < 0) continue;
      const occurrences = counts[own];
      const end = starts[entry + 1];
      for (let p = starts[entry]; p < end; p += 2)
        distances[pairs[p]] += Math.abs(occurrences - pairs[p + 1] - 1) - MAX_DIFFERENCE;
    }
  }
  const ranked: Array<[string, number]> = languages.map((language, l) => [language, distances[l]]);
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0][1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
}
