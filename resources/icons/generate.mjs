// Draws the Tala app icon (an open book on a teal tile, no lettering) and writes 512x512.png and
// 256x256.png next to this file. Dependency-free: shapes are sampled 4x4 per pixel, PNG via node:zlib.
// Run: node resources/icons/generate.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TILE = [0x1d, 0x5c, 0x63];
const PAGE = [0xf7, 0xf3, 0xe8];
const LINE = [0x9b, 0xb8, 0xb6];
const SAMPLES = 4;

/** Colour at a point of the unit square, or null where the icon is transparent. */
function colourAt(x, y) {
  const r = 0.18; // tile corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;

  // Two pages meeting at a spine, their top edges rising slightly outwards like an open book.
  const spine = 0.5;
  const gap = 0.018;
  const left = x >= 0.2 && x <= spine - gap;
  const right = x >= spine + gap && x <= 0.8;
  if (left || right) {
    const fromSpine = Math.abs(x - spine) / 0.3;
    const top = 0.3 - 0.035 * fromSpine;
    const bottom = 0.72 - 0.035 * fromSpine;
    if (y >= top && y <= bottom) {
      // Text lines: thin bands on each page, kept clear of the edges.
      const inner = Math.abs(x - spine) > 0.06 && Math.abs(x - spine) < 0.26;
      const band = (y - top - 0.07) / 0.055;
      if (inner && band >= 0 && band < 6 && band % 1 < 0.38) return LINE;
      return PAGE;
    }
  }
  return TILE;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba[i] = Math.round(r / covered);
      rgba[i + 1] = Math.round(g / covered);
      rgba[i + 2] = Math.round(b / covered);
      rgba[i + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  const stride = size * 4;
  // Each row: a filter byte (0, none), then the row's pixels.
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [512, 256]) {
  const file = new URL(`./${size}x${size}.png`, import.meta.url);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file.pathname}`);
}
