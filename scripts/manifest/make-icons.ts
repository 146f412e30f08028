// Draws the add-in icon (a white speech bubble holding log lines on a brand-blue rounded square) and writes it as
// real PNGs in every size the manifest declares. Run `npx tsx scripts/manifest/make-icons.ts` after changing the
// design; the manifest test fails when the committed files differ from what this script renders.
//
// No image library: shapes are signed-distance functions, each pixel is supersampled so edges are anti-aliased,
// and the PNG is encoded by hand (zlib deflate + CRC-32), which keeps the output byte-for-byte reproducible.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const BRAND_TOP: Rgb = [0x1a, 0x7b, 0xd4];
const BRAND_BOTTOM: Rgb = [0x0b, 0x55, 0x9c];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const INK: Rgb = [0x0f, 0x6c, 0xbd];

/** Signed distance (negative inside) from (px, py) to a rounded rectangle given by its box and corner radius. */
function roundedRectDistance(
  px: number,
  py: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): number {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(py - cy) - ((y1 - y0) / 2 - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/**
 * Signed distance bound for a triangle: the largest signed distance to its three edge lines. Exact inside, never
 * more than the true distance outside, which is all the renderer's "is this pixel uniform?" test needs.
 */
function triangleDistance(px: number, py: number, [a, b, c]: readonly [Point, Point, Point]): number {
  const winding = Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  const edge = (p: Point, q: Point): number => {
    const ex = q[0] - p[0];
    const ey = q[1] - p[1];
    return (winding * (ex * (py - p[1]) - ey * (px - p[0]))) / -Math.hypot(ex, ey);
  };
  return Math.max(edge(a, b), edge(b, c), edge(c, a));
}

interface Layer {
  color: (x: number, y: number) => Rgb;
  /** Signed distance to the layer's shape (negative inside); only its sign and magnitude bound matter. */
  distance: (x: number, y: number) => number;
}

interface Design {
  bubble: readonly [number, number, number, number, number];
  tail: readonly [Point, Point, Point];
  /** Each line as [top, bottom, right]; all start at `lineLeft`. */
  lines: ReadonlyArray<readonly [number, number, number]>;
  lineLeft: number;
}

/**
 * The design in unit coordinates (0..1 across the icon). Line edges are snapped to whole pixels so the log lines
 * stay crisp; at 16-20 px there is only room for two one-pixel lines, placed on the 16 px grid by hand.
 */
function designFor(size: number): Design {
  const snap = (v: number): number => Math.round(v * size) / size;
  if (size <= 20) {
    const u = (px: number): number => px / 16;
    return {
      bubble: [u(3), u(3), u(13), u(11), u(2.5)],
      tail: [
        [u(4.5), u(10)],
        [u(4), u(13.6)],
        [u(7.5), u(10.5)],
      ],
      lines: [
        [snap(u(5)), snap(u(6)), u(11)],
        [snap(u(8)), snap(u(9)), u(9)],
      ],
      lineLeft: u(5),
    };
  }
  const thickness = Math.max(1, Math.round(0.065 * size)) / size;
  const line = (centre: number, right: number): readonly [number, number, number] => {
    const top = snap(centre - thickness / 2);
    return [top, top + thickness, right];
  };
  return {
    bubble: [0.17, 0.2, 0.83, 0.68, 0.12],
    tail: [
      [0.3, 0.6],
      [0.27, 0.84],
      [0.5, 0.64],
    ],
    lines: [line(0.335, 0.69), line(0.445, 0.69), line(0.555, 0.55)],
    lineLeft: 0.3,
  };
}

function layersFor(size: number): Layer[] {
  const d = designFor(size);
  const [bx0, by0, bx1, by1, br] = d.bubble;
  return [
    {
      // Vertical gradient gives the square some depth without a second shape.
      color: (_x, y) => mix(BRAND_TOP, BRAND_BOTTOM, y),
      distance: (x, y) => roundedRectDistance(x, y, 0, 0, 1, 1, 0.22),
    },
    {
      color: () => WHITE,
      distance: (x, y) =>
        Math.min(roundedRectDistance(x, y, bx0, by0, bx1, by1, br), triangleDistance(x, y, d.tail)),
    },
    {
      color: () => INK,
      distance: (x, y) =>
        Math.min(
          ...d.lines.map(([top, bottom, right]) =>
            roundedRectDistance(x, y, d.lineLeft, top, right, bottom, (bottom - top) / 2),
          ),
        ),
    },
  ];
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const k = Math.min(Math.max(t, 0), 1);
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
}

/** Renders the icon as straight (non-premultiplied) RGBA, `samples`² subpixels per pixel. */
export function renderIcon(size: number, samples = 6): Uint8Array {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`icon size must be a positive integer, got ${size}`);
  const layers = layersFor(size);
  const halfDiagonal = Math.SQRT1_2 / size;
  const out = new Uint8Array(size * size * 4);
  const topColorAt = (x: number, y: number): Rgb | undefined => {
    let top: Rgb | undefined;
    for (const layer of layers) if (layer.distance(x, y) <= 0) top = layer.color(x, y);
    return top;
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const i = (py * size + px) * 4;
      const cx = (px + 0.5) / size;
      const cy = (py + 0.5) / size;
      // A pixel no edge passes through is one colour: sample its centre once and skip the supersampling.
      if (layers.every((layer) => Math.abs(layer.distance(cx, cy)) > halfDiagonal)) {
        const top = topColorAt(cx, cy);
        if (top) out.set([Math.round(top[0]), Math.round(top[1]), Math.round(top[2]), 255], i);
        continue;
      }
      // Accumulate colour over the covered subsamples, then average once: straight (not premultiplied) alpha.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const top = topColorAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (top) {
            r += top[0];
            g += top[1];
            b += top[2];
            a += 1;
          }
        }
      }
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((a / (samples * samples)) * 255);
      }
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes straight RGBA pixels as an 8-bit truecolour-with-alpha PNG (filter type 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgba.length}`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

export function iconPng(size: number): Buffer {
  return encodePng(size, size, renderIcon(size));
}

export function iconFileName(size: number): string {
  return `icon-${size}.png`;
}

function main(): void {
  const dir = path.resolve(__dirname, "../../assets");
  for (const size of ICON_SIZES) {
    const file = path.join(dir, iconFileName(size));
    const png = iconPng(size);
    writeFileSync(file, png);
    process.stdout.write(`${path.relative(process.cwd(), file)}: ${size}x${size}, ${png.length} bytes\n`);
  }
}

if (require.main === module) main();
