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
 * computed over the words in place (no string is built per shingle), and each signature value is the least of
 * mix(shingle ^ seed) over the shingles; a shingle that repeats cannot change a minimum, so none is skipped.
 */
export function fingerprint(text: string): Fingerprint | null {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const count = words.length - SHINGLE_WORDS + 1;
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = FNV_OFFSET;
    for (let w = 0; w < SHINGLE_WORDS; w++) {
      if (w > 0) h = Math.imul(h ^ SPACE, FNV_PRIME);
      const word = words[i + w];
      for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), FNV_PRIME);
    }
    shingles[i] = h >>> 0;
  }
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    const seed = SEEDS[k];
    let least = 0xffffffff;
    for (let i = 0; i < count; i++) {
      // mix(shingle ^ seed), written out: this loop runs 64 times per word of the document.
      let x = shingles[i] ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      x >>>= 0;
      if (x < least) least = x;
    }
    signature[k] = least;
  }
  return { signature, bands: bandKeys(signature) };
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
