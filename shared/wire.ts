// JSON wire encoding for the HTTP bridge: the one place that defines how values that JSON cannot
// carry travel over HTTP. Binary data (Uint8Array) becomes a tagged object `{ "$bytes": "<base64>" }`,
// recursively, anywhere inside the value. Pure: no Node or DOM APIs, so main and renderer share it.
import { AppError } from './errors';

/** Key of the tagged object that carries base64-encoded bytes. */
export const BYTES_TAG = '$bytes';

/** Nesting deeper than this is refused (a payload is a small object, never a deep tree). */
const MAX_DEPTH = 64;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61; // '='
const ENCODE_TABLE = new Uint8Array(64);
const DECODE_TABLE = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  ENCODE_TABLE[i] = ALPHABET.charCodeAt(i);
  DECODE_TABLE[ALPHABET.charCodeAt(i)] = i;
}

/** Turns ASCII codes into a string in chunks (a single fromCharCode call would overflow the stack). */
function asciiToString(codes: Uint8Array): string {
  const CHUNK = 0x8000;
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

/** Standard base64 (RFC 4648, with padding). */
export function bytesToBase64(bytes: Uint8Array): string {
  const len = bytes.length;
  const out = new Uint8Array(Math.ceil(len / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < len; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = ENCODE_TABLE[n >> 18];
    out[o++] = ENCODE_TABLE[(n >> 12) & 63];
    out[o++] = ENCODE_TABLE[(n >> 6) & 63];
    out[o++] = ENCODE_TABLE[n & 63];
  }
  const rest = len - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out[o] = ENCODE_TABLE[n >> 18];
    out[o + 1] = ENCODE_TABLE[(n >> 12) & 63];
    out[o + 2] = PAD;
    out[o + 3] = PAD;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out[o] = ENCODE_TABLE[n >> 18];
    out[o + 1] = ENCODE_TABLE[(n >> 12) & 63];
    out[o + 2] = ENCODE_TABLE[(n >> 6) & 63];
    out[o + 3] = PAD;
  }
  return asciiToString(out);
}

function invalidBase64(): never {
  throw new AppError('INVALID_REQUEST', 'Invalid request: binary data is not valid base64.');
}

/** Strict base64 decoding: rejects wrong length, characters outside the alphabet and misplaced padding. */
export function base64ToBytes(text: string): Uint8Array {
  const len = text.length;
  if (len % 4 !== 0) invalidBase64();
  if (len === 0) return new Uint8Array(0);
  let pad = 0;
  if (text.charCodeAt(len - 1) === PAD) pad++;
  if (text.charCodeAt(len - 2) === PAD) pad++;
  const out = new Uint8Array((len / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const last = i + 4 === len;
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    const a = c0 < 256 ? DECODE_TABLE[c0] : -1;
    const b = c1 < 256 ? DECODE_TABLE[c1] : -1;
    if (a < 0 || b < 0) invalidBase64();
    if (last && pad > 0) {
      if (pad === 2) {
        if (b & 15) invalidBase64(); // non-canonical trailing bits
        out[o] = (a << 2) | (b >> 4);
      } else {
        const c = c2 < 256 ? DECODE_TABLE[c2] : -1;
        if (c < 0 || c & 3) invalidBase64();
        const n = (a << 18) | (b << 12) | (c << 6);
        out[o] = n >> 16;
        out[o + 1] = (n >> 8) & 255;
      }
      break;
    }
    const c = c2 < 256 ? DECODE_TABLE[c2] : -1;
    const d = c3 < 256 ? DECODE_TABLE[c3] : -1;
    if (c < 0 || d < 0) invalidBase64();
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Sets an own property even for keys such as "__proto__" (plain assignment would change the prototype). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function tooDeep(): never {
  throw new AppError('INVALID_REQUEST', 'Invalid request: the payload is nested too deeply.');
}

/**
 * Prepares a value for JSON.stringify: every Uint8Array becomes `{ "$bytes": base64 }`.
 * `undefined` object fields are dropped (as JSON does); a top-level `undefined` becomes `null`.
 */
export function encodeWire(value: unknown): unknown {
  // Most values carry no binary data (a long document is ~10^5 objects): check without copying.
  if (!needsEncoding(value, 0)) return value === undefined ? null : value;
  return encode(value, 0);
}

/** What encode() would check (depth, the reserved name), without copying; true when some bytes need the tagged form. */
function needsEncoding(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) tooDeep();
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (needsEncoding(item, depth + 1)) return true;
    return false;
  }
  if (isPlainObject(value)) {
    if (Object.prototype.hasOwnProperty.call(value, BYTES_TAG)) {
      throw new AppError('INVALID_REQUEST', `Invalid request: "${BYTES_TAG}" is a reserved field name.`);
    }
    for (const key in value)
      if (Object.prototype.hasOwnProperty.call(value, key) && needsEncoding(value[key], depth + 1)) return true;
  }
  return false;
}

function encode(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) tooDeep();
  if (value === undefined) return null;
  if (value instanceof Uint8Array) return { [BYTES_TAG]: bytesToBase64(value) };
  if (Array.isArray(value)) return value.map((item) => encode(item, depth + 1));
  if (isPlainObject(value)) {
    if (Object.prototype.hasOwnProperty.call(value, BYTES_TAG)) {
      throw new AppError('INVALID_REQUEST', `Invalid request: "${BYTES_TAG}" is a reserved field name.`);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item !== undefined) define(out, key, encode(item, depth + 1));
    }
    return out;
  }
  return value;
}

/** Reverses encodeWire on a freshly parsed JSON value. Throws AppError(INVALID_REQUEST) on bad tags. */
export function decodeWire(value: unknown): unknown {
  // JSON.parse already gives plain data ("__proto__" as an own property): copy only when a tag must be decoded.
  if (!hasBytesTag(value, 0)) return value;
  return decode(value, 0);
}

/** True when a { $bytes } tag occurs anywhere; enforces the depth limit like decode(). */
function hasBytesTag(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) tooDeep();
  if (Array.isArray(value)) {
    for (const item of value) if (hasBytesTag(item, depth + 1)) return true;
    return false;
  }
  if (isPlainObject(value)) {
    if (Object.prototype.hasOwnProperty.call(value, BYTES_TAG)) return true;
    for (const key in value)
      if (Object.prototype.hasOwnProperty.call(value, key) && hasBytesTag(value[key], depth + 1)) return true;
  }
  return false;
}

function decode(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) tooDeep();
  if (Array.isArray(value)) return value.map((item) => decode(item, depth + 1));
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.includes(BYTES_TAG)) {
      const data = value[BYTES_TAG];
      if (keys.length !== 1 || typeof data !== 'string') {
        throw new AppError(
          'INVALID_REQUEST',
          `Invalid request: a "${BYTES_TAG}" value must be an object with only a base64 string.`,
        );
      }
      return base64ToBytes(data);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) define(out, key, decode(value[key], depth + 1));
    return out;
  }
  return value;
}

/** JSON text of a value, binary data included. */
export function stringifyWire(value: unknown): string {
  return JSON.stringify(encodeWire(value));
}

/** Parses JSON text produced by stringifyWire. Throws AppError(INVALID_REQUEST) on malformed input. */
export function parseWire(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_REQUEST', 'Invalid request: the body is not valid JSON.');
  }
  return decodeWire(parsed);
}
