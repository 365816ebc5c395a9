// Strict UTF-8 decoding: a wrong guess at the encoding would silently corrupt the archive.
import { hasUtf16Bom } from './validate-input';
import { reject } from './reject';

export function decodeUtf8(name: string, bytes: Uint8Array): string {
  if (hasUtf16Bom(bytes)) reject(name, 'the file is not valid UTF-8 text');
  const hasBom = bytes.byteLength >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM: we strip the BOM ourselves so it never reaches the text.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    return reject(name, 'the file is not valid UTF-8 text');
  }
}
