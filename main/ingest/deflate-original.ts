// The deflate of a small original file, as the archive stores it (main/documents/original-bytes.ts): one function for
// the parse worker, which deflates each small file it parses (off the main thread, which writes the commits), and
// for the main thread when a parser did not, so the stored bytes are the same whichever thread made them.
import { deflateRawSync } from 'node:zlib';

/**
 * Up to this size an original is deflated on the calling thread (≤ ~5 ms): the asynchronous call costs more than the
 * deflate itself for a small file (a zlib stream made and torn down, its 256 KB of state allocated and zeroed on a
 * pool thread, two thread hops: 2,000 files of 5 KB took 1.2–1.6 s of CPU that way against 0.65 s, same bytes).
 */
export const DEFLATE_HERE_MAX = 256 * 1024;

/** Below this size an original is stored as it came. */
const DEFLATE_MIN = 256;

/**
 * How a small original (≤ DEFLATE_HERE_MAX bytes) is stored: its raw DEFLATE (level 6) when that saves at least an
 * eighth of it, else null (stored as it came); undefined for a larger one (deflated on the thread pool instead). The
 * deflated bytes are a copy of their own (an ArrayBuffer of exactly their size, so posting it to another thread
 * copies or moves nothing more).
 */
export function deflateSmall(bytes: Uint8Array): Uint8Array | null | undefined {
  if (bytes.byteLength > DEFLATE_HERE_MAX) return undefined;
  if (bytes.byteLength < DEFLATE_MIN) return null;
  const packed = deflateRawSync(bytes, { level: 6 });
  if (packed.byteLength > bytes.byteLength - bytes.byteLength / 8) return null;
  const own = new Uint8Array(packed.byteLength);
  own.set(packed);
  return own;
}
