/**
 * Draws Backstory's icon (a page of text with one line highlighted, on a
 * blue tile) and writes public/icon/{16,32,48,128}.png. Run once after a
 * design change: `npx tsx scripts/make-icons.ts`. No image library needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];
const TILE: RGBA = [29, 78, 216, 255];
const PAGE: RGBA = [255, 255, 255, 255];
const INK: RGBA = [100, 116, 139, 255];
const MARK: RGBA = [250, 204, 21, 255];

/** Colour at a point of the 1×1 design (0..1 coordinates). */
function design(x: number, y: number): RGBA | null {
  const r = 0.2;
  const inside = (cx: number, cy: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  const inTile =
    (x >= r && x <= 1 - r) || (y >= r && y <= 1 - r) || inside(r, r) || inside(1 - r, r) || inside(r, 1 - r) || inside(1 - r, 1 - r);
  if (!inTile) return null;
  if (x >= 0.22 && x <= 0.78 && y >= 0.16 && y <= 0.84) {
    const line = (top: number, left: number, right: number) => y >= top && y <= top + 0.07 && x >= left && x <= right;
    if (x >= 0.28 && x <= 0.72 && y >= 0.43 && y <= 0.57) return line(0.465, 0.32, 0.68) ? INK : MARK;
    if (line(0.26, 0.32, 0.68) || line(0.66, 0.32, 0.6)) return INK;
    return PAGE;
  }
  return TILE;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = design((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
          acc[3] += c[3];
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const alpha = acc[3] / (samples * samples);
      for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      raw[o + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = resolve(import.meta.dirname, '..', 'public', 'icon');
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(resolve(dir, `${size}.png`), png(size));
console.log(`Icons written to ${dir}`);
