/**
 * Draws Vigil's two Teams icons, a shield with an open eye, into `manifest/`:
 *   color.png    192x192, full colour on the accent colour
 *   outline.png  32x32, white on a transparent background
 * Run: `npx tsx scripts/draw-icons.ts [directory]`. The shapes are exact geometry, antialiased by
 * supersampling; the PNGs are written by Vigil's own encoder (no image library).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePng } from '../src/adapters/teams/manifest/encode-png';
import type { RgbaImage } from '../src/adapters/teams/manifest/rgba-image';

type Rgb = readonly [number, number, number];
type Inside = (x: number, y: number) => boolean;

/** One shape painted in one colour (or a colour that depends on the point). */
interface Layer {
  readonly inside: Inside;
  readonly color: Rgb | ((x: number, y: number) => Rgb);
  readonly opacity?: number;
}

/** The shield: flat top with rounded corners, straight sides, then curving in to a point. */
interface Shield {
  readonly cx: number;
  readonly top: number;
  readonly bottom: number;
  readonly halfWidth: number;
  /** Where the sides start to curve in, as a fraction of the height. */
  readonly shoulder: number;
  readonly cornerRadius: number;
}

function shieldHalfWidth(s: Shield, y: number): number {
  const shoulderY = s.top + s.shoulder * (s.bottom - s.top);
  if (y <= shoulderY) return s.halfWidth;
  const t = (y - shoulderY) / (s.bottom - shoulderY);
  return s.halfWidth * Math.cos((t * Math.PI) / 2) ** 0.85;
}

function insideShield(s: Shield): Inside {
  return (x, y) => {
    if (y < s.top || y > s.bottom) return false;
    const dx = Math.abs(x - s.cx);
    if (dx > shieldHalfWidth(s, y)) return false;
    const r = s.cornerRadius;
    const cornerX = s.halfWidth - r;
    const cornerY = s.top + r;
    if (dx > cornerX && y < cornerY) return (dx - cornerX) ** 2 + (y - cornerY) ** 2 <= r * r;
    return true;
  };
}

/** The same shield drawn `by` pixels smaller all round (the tip moves up a little more). */
function inset(s: Shield, by: number): Shield {
  return {
    cx: s.cx,
    top: s.top + by,
    bottom: s.bottom - by * 1.9,
    halfWidth: s.halfWidth - by,
    shoulder: s.shoulder,
    cornerRadius: Math.max(0, s.cornerRadius - by),
  };
}

/** An almond (two circular arcs) centred on (cx, cy), `halfWidth` wide and `halfHeight` high. */
function insideEye(cx: number, cy: number, halfWidth: number, halfHeight: number): Inside {
  // Circles through both corners and the top (bottom) point: radius from the chord's sagitta.
  const radius = (halfWidth ** 2 + halfHeight ** 2) / (2 * halfHeight);
  const offset = radius - halfHeight;
  return (x, y) =>
    (x - cx) ** 2 + (y - (cy + offset)) ** 2 <= radius ** 2 &&
    (x - cx) ** 2 + (y - (cy - offset)) ** 2 <= radius ** 2;
}

function insideCircle(cx: number, cy: number, r: number): Inside {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const and =
  (a: Inside, b: Inside): Inside =>
  (x, y) =>
    a(x, y) && b(x, y);
const not =
  (a: Inside): Inside =>
  (x, y) =>
    !a(x, y);
const or =
  (...shapes: Inside[]): Inside =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

/** Paints the layers, in order, over a transparent canvas; `samples`² points per pixel. */
function render(size: number, layers: readonly Layer[], samples: number): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        let [sr, sg, sb] = [0, 0, 0];
        for (let j = 0; j < samples; j += 1) {
          for (let i = 0; i < samples; i += 1) {
            const x = px + (i + 0.5) / samples;
            const y = py + (j + 0.5) / samples;
            if (!layer.inside(x, y)) continue;
            const c = typeof layer.color === 'function' ? layer.color(x, y) : layer.color;
            hits += 1;
            sr += c[0];
            sg += c[1];
            sb += c[2];
          }
        }
        if (hits === 0) continue;
        const coverage = (hits / samples ** 2) * (layer.opacity ?? 1);
        const [cr, cg, cb] = [sr / hits, sg / hits, sb / hits];
        // "over", straight alpha
        const outA = coverage + a * (1 - coverage);
        r = (cr * coverage + r * a * (1 - coverage)) / outA;
        g = (cg * coverage + g * a * (1 - coverage)) / outA;
        b = (cb * coverage + b * a * (1 - coverage)) / outA;
        a = outA;
      }
      data.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, data };
}

const ACCENT: Rgb = [0x12, 0x35, 0x5b];
const WHITE: Rgb = [255, 255, 255];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** 192x192: a teal shield with a light rim on the accent colour, an open eye in its middle. */
function colorIcon(): RgbaImage {
  const size = 192;
  const shield: Shield = { cx: 96, top: 30, bottom: 166, halfWidth: 58, shoulder: 0.42, cornerRadius: 12 };
  const body = inset(shield, 6);
  const eye = { cx: 96, cy: 90, halfWidth: 38, halfHeight: 21 };
  const tealLight: Rgb = [0x3d, 0xd1, 0xbf];
  const tealDark: Rgb = [0x1a, 0x93, 0x8a];
  return render(
    size,
    [
      { inside: () => true, color: ACCENT },
      { inside: insideShield(shield), color: [0xe8, 0xf4, 0xf8] },
      {
        inside: insideShield(body),
        // two-tone facets: the left half catches the light
        color: (x, y) =>
          mix(x < 96 ? tealLight : tealDark, x < 96 ? tealDark : [0x12, 0x6f, 0x6c], (y - 36) / 150),
      },
      { inside: insideEye(eye.cx, eye.cy, eye.halfWidth, eye.halfHeight), color: WHITE },
      { inside: insideCircle(eye.cx, eye.cy, 15), color: ACCENT },
      { inside: insideCircle(eye.cx, eye.cy, 7), color: [0x06, 0x15, 0x26] },
      { inside: insideCircle(eye.cx - 5.5, eye.cy - 5.5, 3.6), color: WHITE },
    ],
    4,
  );
}

/** 32x32: the shield's outline and the eye, white on transparent. */
function outlineIcon(): RgbaImage {
  const size = 32;
  const shield: Shield = { cx: 16, top: 3, bottom: 30, halfWidth: 12, shoulder: 0.42, cornerRadius: 3 };
  const rim = and(insideShield(shield), not(insideShield(inset(shield, 2))));
  const eyeOuter = insideEye(16, 14, 8.5, 5);
  const eyeInner = insideEye(16, 14, 6.6, 3.3);
  const eyeRing = and(eyeOuter, not(eyeInner));
  const pupil = insideCircle(16, 14, 2.5);
  return render(size, [{ inside: or(rim, eyeRing, pupil), color: WHITE }], 8);
}

function main(): void {
  const directory = resolve(process.argv[2] ?? join(__dirname, '..', 'manifest'));
  for (const [name, image] of [
    ['color.png', colorIcon()],
    ['outline.png', outlineIcon()],
  ] as const) {
    const png = encodePng(image);
    writeFileSync(join(directory, name), png);
    console.log(`${join(directory, name)}: ${image.width}x${image.height}, ${png.length} bytes`);
  }
}

if (require.main === module) main();
