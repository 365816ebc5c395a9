// How an original file is stored (schema v11): deflated (raw DEFLATE, `originals.compression` = 'deflate') when
// that saves at least an eighth of it, else as it came. Either way the bytes given back are the imported ones,
// unchanged: inflating is checked against the stored size, and sha256 of the result is documents.content_hash.
import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import { DEFLATE_HERE_MAX, deflateSmall } from '../ingest/deflate-original';

const deflate = promisify(deflateRaw);

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
 * Deflates (a large file on libuv's thread pool, a small one here: DEFLATE_HERE_MAX, ingest/deflate-original.ts);
 * keeps the bytes as they are when that saves little.
 */
export async function packOriginal(bytes: Uint8Array): Promise<PackedOriginal> {
  const early = ahead;
  ahead = undefined;
  if (early && sameBytes(early.bytes, bytes)) return early.packing;
  if (bytes.byteLength <= DEFLATE_HERE_MAX) return packedSmall(bytes, deflateSmall(bytes) ?? null);
  const packed = await deflate(bytes, { level: 6 });
  return packed.byteLength <= bytes.byteLength - bytes.byteLength / 8
    ? { stored: new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), compression: 'deflate' }
    : { stored: bytes, compression: null };
}

/** A small original as stored, given its deflateSmall (made here or by the parse worker). */
export function packedSmall(bytes: Uint8Array, deflated: Uint8Array | null): PackedOriginal {
  return deflated ? { stored: deflated, compression: 'deflate' } : { stored: bytes, compression: null };
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
  return a === b || Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
