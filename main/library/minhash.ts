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

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

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

export function fingerprint(text: string): Fingerprint | null {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    shingles.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(shingle ^ SEEDS[k]);
      if (h < signature[k]) signature[k] = h;
    }
  }
  return { signature, bands: bandKeys(signature) };
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
