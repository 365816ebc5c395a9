// Cheap checks on the raw bytes, before any decoding or parsing. Order matters: size first, so a huge
// upload is refused without being scanned.
import { MAX_IMPORT_BYTES } from '../../shared/contract';
import { extensionOf, formatOf, SUPPORTED_LIST, TEXT_FORMATS, type Format } from './formats';
import { reject } from './reject';

/** Only the head of the file is scanned for control characters; binary formats show it early. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control bytes above which the file is treated as binary. Real text has almost none. */
const MAX_CONTROL_SHARE = 0.08;

export function validateInput(name: string, bytes: Uint8Array): { format: Format; mediaType: string } {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    reject(name, `the file is larger than the ${Math.round(MAX_IMPORT_BYTES / (1024 * 1024))} MB limit`);
  }
  const format = formatOf(name);
  if (!format) {
    const ext = extensionOf(name);
    const shown = ext ? `“${ext}”` : '(no file extension)';
    reject(name, `unsupported file type ${shown} (Tala imports ${SUPPORTED_LIST} files)`);
  }
  if (bytes.byteLength === 0) reject(name, 'the file is empty');
  // PDF, DOCX and EPUB are binary by nature; their parsers check their structure instead.
  if (TEXT_FORMATS.has(format.format) && looksBinary(bytes)) reject(name, 'this looks like a binary file, not text');
  return format;
}

function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 text is full of NULs but is not binary; the decoder reads it.
  if (hasUtf16Bom(bytes)) return false;
  if (bytes.indexOf(0) !== -1) return true;
  const end = Math.min(bytes.byteLength, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    // Tab, LF, VT, FF and CR are ordinary in text files.
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) control++;
  }
  return control / end > MAX_CONTROL_SHARE;
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}
