// How an original file is stored (schema v11): deflated (raw DEFLATE, `originals.compression` = 'deflate') when
// that saves at least an eighth of it, else as it came. Either way the bytes given back are the imported ones,
// unchanged: inflating is checked against the stored size, and sha256 of the result is documents.content_hash.
import { promisify } from 'node:util';
import { deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';

const deflate = promisify(deflateRaw);
/**
 * Up to this size an original is deflated on the calling thread (≤ ~5 ms): the asynchronous call costs more than the
 * deflate itself for a small file (a zlib stream made and torn down, its 256 KB of state allocated and zeroed on a
 * pool thread, two thread hops: 2,000 files of 5 KB took 1.2–1.6 s of CPU that way against 0.65 s, same bytes).
 * Larger files go to libuv's thread pool, beside the parse.
 */
const DEFLATE_HERE_MAX = 256 * 1024;

export type OriginalCompression = 'deflate' | null;

export interface PackedOriginal {
  /** What the `data` column holds. */
  stored: Uint8Array;
  compression: OriginalCompression;
}

/** A large file's packing started ahead of its import (packOriginalAhead), until the next packOriginal. */
let ahead: { bytes: Uint8Array; packing: Promise<PackedOriginal> } | undefined;

/**
 * `tala import`'s first file, read while the archive opens (import-ahead.ts): when it is large, its deflate starts now
 * on the thread pool, and the import's packOriginal of the same bytes takes it. Once the first file is parsed ahead,
 * its deflate was what the import waited for (a 2 MB text: ~250 ms from the import's start at load ~7, the parse
 * already done). Any other packOriginal first drops it.
 */
export function packOriginalAhead(bytes: Uint8Array): Promise<PackedOriginal> | undefined {
  if (bytes.byteLength <= DEFLATE_HERE_MAX) return undefined; // deflated when the import stores it, in a few ms
  const packing = packOriginal(bytes);
  packing.catch(() => undefined); // a packing nobody takes fails silently; one taken fails its file as before
  ahead = { bytes, packing };
  return packing;
}

/**
 * Deflates (a large file on libuv's thread pool, a small one here: DEFLATE_HERE_MAX); keeps the bytes as they are
 * when that saves little.
 */
export async function packOriginal(bytes: Uint8Array): Promise<PackedOriginal> {
  const early = ahead;
  ahead = undefined;
  if (early && sameBytes(early.bytes, bytes)) return early.packing;
  if (bytes.byteLength < 256) return { stored: bytes, compression: null };
  const packed =
    bytes.byteLength <= DEFLATE_HERE_MAX ? deflateRawSync(bytes, { level: 6 }) : await deflate(bytes, { level: 6 });
  return packed.byteLength <= bytes.byteLength - bytes.byteLength / 8
    ? { stored: new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), compression: 'deflate' }
    : { stored: bytes, compression: null };
}

/** The imported bytes back from a stored row; throws when they do not come back whole (`size` bytes). */
export function unpackOriginal(stored: Uint8Array, compression: string | null, size: number): Uint8Array {
  if (compression === null) return stored;
  if (compression !== 'deflate') throw new Error(`unknown compression of an original: ${compression}`);
  const bytes = inflateRawSync(stored, { maxOutputLength: Math.max(1, size) });
  if (bytes.byteLength !== size) throw new Error('a stored original does not inflate to its size');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
