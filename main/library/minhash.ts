// Near-duplicate fingerprints: MinHash over word shingles of the folded text (Broder 1997), with LSH bands
// so that candidates come from an index lookup. Pure TypeScript: the same text from .txt, .pdf or .docx
// folds to nearly the same words, so their shingle sets overlap far more than any two different texts do.
import { foldText } from '../../shared/text/fold';

export const SIGNATURE_SIZE = 64;
const BAND_ROWS = 4;
export const BAND_COUNT = SIGNATURE_SIZE / BAND_ROWS;
/** Words per shingle: short enough to survive line breaks and hyphenation that differ between formats. */
const SHINGLE_WORDS = 3;
/** Fewer words than this and there is not enough text to call two documents the same. */
const MIN_WORDS = 12;
/** Estimated Jaccard similarity of shingle sets from which two documents are reported as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;

export interface Fingerprint {
  signature: Uint32Array;
  /** One key per band: documents sharing any band key are candidates. */
  bands: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/** Murmur3's finaliser: a cheap, well-mixed permutation of 32-bit values. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

// Fixed seeds (never change them: stored signatures would stop matching new ones).
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/**
 * MinHash of the text's 3-word shingles. Each shingle's hash is FNV-1a over its words joined by single spaces,
 * computed over the words in place (no string is built per word or shingle), and each signature value is the least of
 * mix(shingle ^ seed) over the shingles; a shingle that repeats cannot change a minimum, so none is skipped. The
 * words are the runs of letters and digits of the folded text (`/[\p{L}\p{N}]+/gu`), found and hashed by one pass
 * over it (shingleHashes).
 */
export function fingerprint(text: string): Fingerprint | null {
  // ASCII text folds to itself lower-cased (no decompositions, marks or Armenian signs), so its capitals are lowered
  // as they are hashed instead: the fold's normalisations and lower-casing copied the whole text three times.
  const ascii = !NOT_ASCII.test(text);
  const shingles = shingleHashes(ascii ? text : foldText(text), ascii);
  if (!shingles) return null;
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let k = 0; k < SIGNATURE_SIZE; k += LANES) leastMixed(shingles, shingles.length, k, signature);
  return { signature, bands: bandKeys(signature) };
}

/** Any UTF-16 code unit past ASCII (surrogates included: the pattern has no u flag). */
const NOT_ASCII = /[\u0080-\uffff]/;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit (not a surrogate): 1 a letter or digit, 2 not, 0 not looked at yet. */
const unitIsWord = new Uint8Array(65536);
/** Per surrogate pair (high × 65536 + low): whether its code point is a letter or digit. */
const pairIsWord = new Map<number, boolean>();

/**
 * The FNV-1a hash of every 3-word shingle of `folded` (SHINGLE_WORDS), in order, or null under MIN_WORDS words. The
 * words are the matches of `/[\p{L}\p{N}]+/gu` (a lone surrogate is no letter), found and hashed in one pass without
 * a string for each: the three shingles a word belongs to (started two words before, one before, at it) are hashed
 * side by side, and the oldest is complete at the word's end. `lower`: A–Z are hashed as a–z.
 */
function shingleHashes(folded: string, lower: boolean): Uint32Array | null {
  let shingles: Uint32Array = new Uint32Array(Math.max(16, folded.length >> 3));
  let n = 0;
  let words = 0;
  /** The shingles started at the current word, one word before, two words before. */
  let h0 = FNV_OFFSET;
  let h1 = FNV_OFFSET;
  let h2 = FNV_OFFSET;
  let inWord = false;
  const length = folded.length;
  for (let i = 0; i < length; i++) {
    let unit = folded.charCodeAt(i);
    let low = -1;
    let word: boolean;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = i + 1 < length ? folded.charCodeAt(i + 1) : 0;
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const key = unit * 65536 + next;
        let found = pairIsWord.get(key);
        if (found === undefined) {
          found = WORD_CHARACTER.test(folded.slice(i, i + 2));
          pairIsWord.set(key, found);
        }
        word = found;
        low = next;
      } else word = false;
    } else {
      let known = unitIsWord[unit];
      if (known === 0) known = unitIsWord[unit] = WORD_CHARACTER.test(folded[i]) ? 1 : 2;
      word = known === 1;
    }
    if (word) {
      if (!inWord) {
        inWord = true;
        h2 = Math.imul(h1 ^ SPACE, FNV_PRIME);
        h1 = Math.imul(h0 ^ SPACE, FNV_PRIME);
        h0 = FNV_OFFSET;
      }
      if (lower && unit <= 0x5a && unit >= 0x41) unit |= 0x20;
      h0 = Math.imul(h0 ^ unit, FNV_PRIME);
      h1 = Math.imul(h1 ^ unit, FNV_PRIME);
      h2 = Math.imul(h2 ^ unit, FNV_PRIME);
      if (low >= 0) {
        h0 = Math.imul(h0 ^ low, FNV_PRIME);
        h1 = Math.imul(h1 ^ low, FNV_PRIME);
        h2 = Math.imul(h2 ^ low, FNV_PRIME);
      }
    } else if (inWord) {
      inWord = false;
      if (++words >= SHINGLE_WORDS) {
        if (n === shingles.length) shingles = grown(shingles);
        shingles[n++] = h2 >>> 0;
      }
    }
    if (low >= 0) i++;
  }
  if (inWord && ++words >= SHINGLE_WORDS) {
    if (n === shingles.length) shingles = grown(shingles);
    shingles[n++] = h2 >>> 0;
  }
  return words < MIN_WORDS ? null : shingles.subarray(0, n);
}

function grown(values: Uint32Array): Uint32Array {
  const more = new Uint32Array(values.length * 2);
  more.set(values);
  return more;
}

/** Seeds per pass over the shingles (see leastMixed). */
const LANES = 8;

/**
 * signature[k + j] = the least mix(shingle ^ SEEDS[k + j]) over the shingles, for j < 8: eight seeds per pass, written
 * out, so each shingle is loaded once for eight independent chains of multiplications (half the time of one seed
 * per pass; this runs 64 times per word of the document).
 */
function leastMixed(shingles: Uint32Array, count: number, k: number, signature: Uint32Array): void {
  const s0 = SEEDS[k];
  const s1 = SEEDS[k + 1];
  const s2 = SEEDS[k + 2];
  const s3 = SEEDS[k + 3];
  const s4 = SEEDS[k + 4];
  const s5 = SEEDS[k + 5];
  const s6 = SEEDS[k + 6];
  const s7 = SEEDS[k + 7];
  let m0 = 0xffffffff;
  let m1 = 0xffffffff;
  let m2 = 0xffffffff;
  let m3 = 0xffffffff;
  let m4 = 0xffffffff;
  let m5 = 0xffffffff;
  let m6 = 0xffffffff;
  let m7 = 0xffffffff;
  for (let i = 0; i < count; i++) {
    const shingle = shingles[i];
    let x0 = shingle ^ s0;
    x0 ^= x0 >>> 16;
    x0 = Math.imul(x0, 0x85ebca6b);
    x0 ^= x0 >>> 13;
    x0 = Math.imul(x0, 0xc2b2ae35);
    x0 = (x0 ^ (x0 >>> 16)) >>> 0;
    if (x0 < m0) m0 = x0;
    let x1 = shingle ^ s1;
    x1 ^= x1 >>> 16;
    x1 = Math.imul(x1, 0x85ebca6b);
    x1 ^= x1 >>> 13;
    x1 = Math.imul(x1, 0xc2b2ae35);
    x1 = (x1 ^ (x1 >>> 16)) >>> 0;
    if (x1 < m1) m1 = x1;
    let x2 = shingle ^ s2;
    x2 ^= x2 >>> 16;
    x2 = Math.imul(x2, 0x85ebca6b);
    x2 ^= x2 >>> 13;
    x2 = Math.imul(x2, 0xc2b2ae35);
    x2 = (x2 ^ (x2 >>> 16)) >>> 0;
    if (x2 < m2) m2 = x2;
    let x3 = shingle ^ s3;
    x3 ^= x3 >>> 16;
    x3 = Math.imul(x3, 0x85ebca6b);
    x3 ^= x3 >>> 13;
    x3 = Math.imul(x3, 0xc2b2ae35);
    x3 = (x3 ^ (x3 >>> 16)) >>> 0;
    if (x3 < m3) m3 = x3;
    let x4 = shingle ^ s4;
    x4 ^= x4 >>> 16;
    x4 = Math.imul(x4, 0x85ebca6b);
    x4 ^= x4 >>> 13;
    x4 = Math.imul(x4, 0xc2b2ae35);
    x4 = (x4 ^ (x4 >>> 16)) >>> 0;
    if (x4 < m4) m4 = x4;
    let x5 = shingle ^ s5;
    x5 ^= x5 >>> 16;
    x5 = Math.imul(x5, 0x85ebca6b);
    x5 ^= x5 >>> 13;
    x5 = Math.imul(x5, 0xc2b2ae35);
    x5 = (x5 ^ (x5 >>> 16)) >>> 0;
    if (x5 < m5) m5 = x5;
    let x6 = shingle ^ s6;
    x6 ^= x6 >>> 16;
    x6 = Math.imul(x6, 0x85ebca6b);
    x6 ^= x6 >>> 13;
    x6 = Math.imul(x6, 0xc2b2ae35);
    x6 = (x6 ^ (x6 >>> 16)) >>> 0;
    if (x6 < m6) m6 = x6;
    let x7 = shingle ^ s7;
    x7 ^= x7 >>> 16;
    x7 = Math.imul(x7, 0x85ebca6b);
    x7 ^= x7 >>> 13;
    x7 = Math.imul(x7, 0xc2b2ae35);
    x7 = (x7 ^ (x7 >>> 16)) >>> 0;
    if (x7 < m7) m7 = x7;
  }
  signature[k] = m0;
  signature[k + 1] = m1;
  signature[k + 2] = m2;
  signature[k + 3] = m3;
  signature[k + 4] = m4;
  signature[k + 5] = m5;
  signature[k + 6] = m6;
  signature[k + 7] = m7;
}

/**
 * The fingerprint of a document made of these passages: its stored text is the passages joined by a blank line
 * (documents/edits.ts, PASSAGE_SEPARATOR), which is what fingerprints of stored documents are computed from.
 */
export function passagesFingerprint(passages: ReadonlyArray<{ text: string }>): Fingerprint | null {
  return fingerprint(passages.map((p) => p.text).join('\n\n'));
}

/** A 53-bit key per band (safe as a JS number and a SQLite integer), the band's index mixed in. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BAND_COUNT; b++) {
    let hi = mix(b + 1);
    let lo = 0x2545f491 ^ b;
    for (let r = 0; r < BAND_ROWS; r++) {
      const v = signature[b * BAND_ROWS + r];
      hi = mix(hi ^ v);
      lo = mix(lo + v + r);
    }
    keys.push((hi & 0x1fffff) * 2 ** 32 + lo);
  }
  return keys;
}

/** Share of equal MinHash values: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

export function signatureToBytes(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(SIGNATURE_SIZE * 4);
  const view = new DataView(bytes.buffer);
  signature.forEach((v, i) => view.setUint32(i * 4, v, true));
  return bytes;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => view.getUint32(i * 4, true));
}
