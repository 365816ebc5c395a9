// Text decoding for .txt, .md and .html. UTF-8 is tried first and strictly; a byte order mark or an
// HTML <meta charset> wins over guessing; otherwise a small heuristic tells the single-byte encodings
// that real sources still arrive in apart: Windows-1251 and KOI8-R for Russian, Windows-1252 (the
// superset of Latin-1) for Western European text. A file that mixes UTF-8 with another encoding is
// refused rather than half garbled.
import { hasUtf16Bom } from './validate-input';
import { reject } from './reject';

export interface Decoded {
  text: string;
  /** WHATWG encoding name that was used, e.g. "utf-8", "windows-1251". */
  encoding: string;
}

/** Decodes `bytes`; `declared` is an encoding label the file itself names (HTML meta charset). */
export function decodeText(name: string, bytes: Uint8Array, declared?: string): Decoded {
  if (bytes.byteLength >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    if (text === undefined) reject(name, 'the file starts like UTF-8 text (byte order mark) but is not valid UTF-8');
    return { text, encoding: 'utf-8' };
  }
  if (hasUtf16Bom(bytes)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = bytes.byteLength % 2 === 0 ? strict(encoding, bytes.subarray(2)) : undefined;
    if (text === undefined) reject(name, 'the file starts like UTF-16 text (byte order mark) but is not valid UTF-16');
    return { text, encoding };
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };

  const label = declared ? encodingFor(declared) : undefined;
  if (label && label !== 'utf-8' && !label.startsWith('utf-16'))
    return { text: decodeWith(label, bytes), encoding: label };

  const stats = highByteStats(bytes);
  if (
    stats.validUtf8Sequences >= 3 &&
    stats.invalidHighBytes >= 3 &&
    stats.validUtf8Sequences * 10 >= stats.invalidHighBytes
  ) {
    reject(name, 'the file mixes UTF-8 with another text encoding; save it again in one encoding (UTF-8)');
  }
  const encoding = stats.meanRunLength >= 2 ? pickCyrillic(bytes) : 'windows-1252';
  return { text: decodeWith(encoding, bytes), encoding };
}

/**
 * Windows-1252's 0x80–0x9F (€ ‚ „ … ‘ ’ “ ” – — ™ …). Node's TextDecoder reads "windows-1252" as ISO-8859-1
 * and yields C1 control characters there, which would silently drop quotes and dashes.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding).decode(bytes);
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

/** The WHATWG name for an encoding label, or undefined when TextDecoder does not know it. */
export function encodingFor(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The charset an HTML or XHTML file declares in its first 1024 bytes (`<meta charset>`, http-equiv, XML declaration).
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = decodeWith('windows-1252', bytes.subarray(0, 1024));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: a BOM is stripped by the caller, so one that remains is content (and removed by normalisation).
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

interface HighByteStats {
  /** Well-formed multi-byte UTF-8 sequences. */
  validUtf8Sequences: number;
  /** Bytes ≥ 0x80 that are not part of a well-formed UTF-8 sequence. */
  invalidHighBytes: number;
  /**
   * Average length of runs of consecutive bytes ≥ 0x80: words of Cyrillic text are whole runs; accents in Latin text
   * are single bytes.
   */
  meanRunLength: number;
}

function highByteStats(bytes: Uint8Array): HighByteStats {
  let valid = 0;
  let invalid = 0;
  let runs = 0;
  let runBytes = 0;
  let inRun = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      inRun = false;
      continue;
    }
    if (!inRun) runs++;
    inRun = true;
    runBytes++;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      // The continuation bytes belong to the same run.
      runBytes += length - 1;
      i += length - 1;
    } else invalid++;
  }
  return { validUtf8Sequences: valid, invalidHighBytes: invalid, meanRunLength: runs ? runBytes / runs : 0 };
}

/** Windows-1251 or KOI8-R: real Russian text is mostly lower case, and each reading inverts the other's case. */
function pickCyrillic(bytes: Uint8Array): string {
  const score = (encoding: string) => {
    const text = decodeWith(encoding, bytes);
    const lower = text.match(/[а-яё]/g)?.length ?? 0;
    const upper = text.match(/[А-ЯЁ]/g)?.length ?? 0;
    const frequent = text.match(/[оеаинтс]/g)?.length ?? 0;
    return lower - upper + frequent;
  };
  return score('koi8-r') > score('windows-1251') ? 'koi8-r' : 'windows-1251';
}
