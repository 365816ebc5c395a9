// A small, defensive zip reader for DOCX and EPUB containers, on top of fflate's raw inflate.
// Everything an attacker controls is checked before any byte is inflated: entry count, names (no
// absolute paths, no "..", no drive letters, no NUL), declared sizes, total size and compression
// ratio (zip bombs). Inflation then never writes past the declared size, and the result must match
// the declared size and CRC-32, so a header that lies is caught rather than believed.
import { inflateSync } from 'fflate';
import { reject } from './reject';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Largest one entry may be once inflated. */
  maxEntryBytes: number;
  /** Uncompressed / compressed size above which an entry is taken for a zip bomb (checked above 1 MB). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 500 * 1024 * 1024,
  maxEntryBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

/** Entries small enough that any ratio is harmless (a 1 MB run of spaces compresses 1000:1). */
const RATIO_EXEMPT_BYTES = 1024 * 1024;

export interface ZipEntry {
  /** Normalised path: forward slashes, no leading slash, no "." segments. */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
}

export class SafeZip {
  private readonly byName = new Map<string, ZipEntry>();
  private inflatedBytes = 0;

  private constructor(
    private readonly fileName: string,
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ZipLimits,
    private readonly what: string,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  /**
   * Reads and checks the central directory. `what` names the container in messages ("DOCX", "EPUB").
   * Throws IMPORT_REJECTED naming `fileName` for anything it does not accept.
   */
  static open(fileName: string, bytes: Uint8Array, what: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): SafeZip {
    const broken = (detail: string): never =>
      reject(fileName, `this ${what} file is damaged or not in ${what} format (${detail})`);
    if (bytes.byteLength < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) broken('no zip signature');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(bytes, view);
    if (eocd < 0) broken('no end of central directory; the file may be truncated');
    const count = view.getUint16(eocd + 10, true);
    const dirSize = view.getUint32(eocd + 12, true);
    const dirOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || dirOffset === 0xffffffff)
      reject(fileName, `this ${what} file uses ZIP64, which Tala does not read`);
    if (count > limits.maxEntries)
      reject(fileName, `this ${what} file has ${count} entries, more than the ${limits.maxEntries} Tala accepts`);
    if (dirOffset + dirSize > eocd) broken('central directory out of bounds');

    const entries: ZipEntry[] = [];
    const seen = new Set<string>();
    let total = 0;
    let at = dirOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) broken('bad central directory entry');
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const localHeaderOffset = view.getUint32(at + 42, true);
      if (at + 46 + nameLength > eocd) broken('entry name out of bounds');
      const rawName = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
      at += 46 + nameLength + extraLength + commentLength;

      const name = safeEntryName(rawName);
      if (name === undefined) reject(fileName, `this ${what} file contains an unsafe path (${printable(rawName)})`);
      if (name.endsWith('/')) continue; // folders carry no data
      if (flags & 0x1) reject(fileName, `this ${what} file is encrypted; Tala cannot read it`);
      if (method !== 0 && method !== 8) broken(`unsupported compression method ${method}`);
      if (compressedSize === 0xffffffff || size === 0xffffffff)
        reject(fileName, `this ${what} file uses ZIP64, which Tala does not read`);
      if (seen.has(name)) reject(fileName, `this ${what} file contains the entry ${printable(name)} twice`);
      seen.add(name);
      if (size > limits.maxEntryBytes)
        reject(
          fileName,
          `this ${what} file contains an entry of ${mb(size)} once unpacked, over` +
            ` the ${mb(limits.maxEntryBytes)} limit`,
        );
      if (size > RATIO_EXEMPT_BYTES && size > compressedSize * limits.maxRatio) {
        reject(
          fileName,
          `this ${what} file looks like a zip bomb (an entry` +
            ` unpacks ${Math.round(size / Math.max(compressedSize, 1))} times larger)`,
        );
      }
      if (method === 0 && compressedSize !== size) broken('stored entry with mismatched sizes');
      total += size;
      if (total > limits.maxTotalBytes)
        reject(fileName, `this ${what} file unpacks to more than ${mb(limits.maxTotalBytes)}, over Tala's limit`);
      if (localHeaderOffset + 30 > bytes.byteLength) broken('entry out of bounds');
      entries.push({ name, method, compressedSize, size, crc, localHeaderOffset });
    }
    return new SafeZip(fileName, bytes, entries, limits, what);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The entry's bytes, inflated within its declared size and checked against its CRC-32. */
  read(name: string): Uint8Array {
    const entry = this.byName.get(name);
    if (!entry) return reject(this.fileName, `this ${this.what} file is missing ${printable(name)}`);
    const broken = (detail: string): never =>
      reject(this.fileName, `this ${this.what} file is damaged (${printable(name)}: ${detail})`);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (view.getUint32(at, true) !== 0x04034b50) broken('bad local header');
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.byteLength) broken('data runs past the end of the file; the file may be truncated');
    this.inflatedBytes += entry.size;
    if (this.inflatedBytes > this.limits.maxTotalBytes)
      reject(this.fileName, `this ${this.what} file unpacks to more than ${mb(this.limits.maxTotalBytes)}`);
    const data = this.bytes.subarray(start, end);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else {
      try {
        // One spare byte: if it gets written, the entry inflates to more than it declared.
        out = inflateSync(data, { out: new Uint8Array(entry.size + 1) });
      } catch (err) {
        return broken(`cannot be inflated: ${(err as Error).message}`);
      }
    }
    if (out.byteLength !== entry.size) broken('its size differs from the one declared');
    if (crc32(out) !== entry.crc) broken('checksum mismatch');
    return out;
  }

  /** The entry as UTF-8 text (a BOM is dropped); invalid UTF-8 is refused. */
  readText(name: string): string {
    const bytes = this.read(name);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return reject(this.fileName, `this ${this.what} file is damaged (${printable(name)} is not valid UTF-8)`);
    }
  }
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const stop = Math.max(0, bytes.byteLength - 22 - 0xffff);
  for (let i = bytes.byteLength - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  // Names without the UTF-8 flag are CP437 by the spec; real tools write UTF-8 anyway. Invalid bytes
  // become U+FFFD, which never matches a path the readers look up.
  void utf8;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** The normalised entry name, or undefined when it could escape the container's root. */
export function safeEntryName(raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (raw.length === 0 || /[\u0000-\u001f]/.test(raw) || raw.includes('\\')) return undefined;
  if (raw.startsWith('/') || /^[a-zA-Z]:/.test(raw)) return undefined;
  const parts: string[] = [];
  const segments = raw.split('/');
  for (const [i, segment] of segments.entries()) {
    if (segment === '..') return undefined;
    if (segment === '.' || (segment === '' && i < segments.length - 1)) continue;
    parts.push(segment);
  }
  const name = parts.join('/');
  return name === '' ? undefined : name;
}

/**
 * Resolves `href` (URL-encoded, relative to the entry `base`) to an entry name, or undefined when it
 * leaves the container or is not a plain relative path.
 */
export function resolveEntryPath(base: string, href: string): string | undefined {
  const withoutFragment = href.split('#')[0];
  if (!withoutFragment || /^[a-z][a-z0-9+.-]*:/i.test(withoutFragment) || withoutFragment.startsWith('/'))
    return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutFragment);
  } catch {
    return undefined;
  }
  const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const segment of (dir + decoded).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length ? parts.join('/') : undefined;
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return `“${clean.length > 80 ? `${clean.slice(0, 79)}…` : clean}”`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

let crcTable: Uint32Array | undefined;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
