import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { checkColorIcon, checkOutlineIcon } from '../../../../src/adapters/teams/manifest/check-png';
import { crc32 } from '../../../../src/adapters/teams/manifest/crc32';
import { encodePng, PNG_SIGNATURE } from '../../../../src/adapters/teams/manifest/encode-png';
import { decodePng, readPngHeader } from '../../../../src/adapters/teams/manifest/read-png';
import { repoSources } from './manifest-fixture';

/** A square RGBA image filled by `pixel(x, y)`. */
function image(size: number, pixel: (x: number, y: number) => readonly number[]) {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) data.set(pixel(x, y), (y * size + x) * 4);
  return { width: size, height: size, data };
}

/** A white ring on transparent: a valid outline icon. */
const ring = (size: number) =>
  image(size, (x, y) => {
    const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
    return d > size / 4 && d < size / 3 ? [255, 255, 255, 255] : [0, 0, 0, 0];
  });

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit PNG of another colour type, written by hand (filter None). */
function pngOf(size: number, colorType: number, channels: number, pixel: number[], extra: Buffer[] = []) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = colorType;
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: size }, () => pixel).flat()),
  ]);
  assert.equal(row.length, 1 + size * channels);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    ...extra,
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the icon checks', () => {
  const sources = repoSources();

  it("should accept Vigil's own icons: 192x192 colour, 32x32 white on transparent", () => {
    assert.deepEqual(checkColorIcon(sources.colorIcon), []);
    assert.deepEqual(checkOutlineIcon(sources.outlineIcon), []);
    assert.deepEqual(
      { ...readPngHeader(sources.colorIcon) },
      { width: 192, height: 192, bitDepth: 8, colorType: 6, interlaced: false, hasTransparency: true },
    );
    const outline = decodePng(sources.outlineIcon);
    assert.equal(outline.width, 32);
    assert.equal(outline.height, 32);
    const alphas = Array.from({ length: 32 * 32 }, (_, i) => outline.data[i * 4 + 3]!);
    assert.equal(alphas[0], 0, 'the top-left corner is transparent');
    assert.ok(alphas.filter((a) => a === 0).length > 32 * 32 * 0.4, 'most of the background is transparent');
    assert.ok(alphas.filter((a) => a === 255).length > 100, 'the outline is drawn');
  });

  it('should decode what it encodes', () => {
    const picture = image(7, (x, y) => [x * 30, y * 30, (x + y) * 10, x === y ? 0 : 200]);
    assert.deepEqual(decodePng(encodePng(picture)), picture);
  });

  it('should refuse icons of the wrong size, naming the file', () => {
    assert.deepEqual(checkColorIcon(encodePng(image(96, () => [1, 2, 3, 255])), 'color.png'), [
      'color.png: must be 192x192 pixels, is 96x96.',
    ]);
    assert.deepEqual(checkOutlineIcon(encodePng(ring(20)), 'outline.png'), [
      'outline.png: must be 32x32 pixels, is 20x20.',
    ]);
  });

  it('should refuse an outline with an opaque background or coloured pixels', () => {
    const opaque = encodePng(image(32, () => [255, 255, 255, 255]));
    assert.deepEqual(checkOutlineIcon(opaque), [
      'outline.png: the background must be transparent, but a corner pixel is not.',
    ]);
    const blue = encodePng(image(32, (x, y) => (x === 16 && y < 4 ? [0, 0, 255, 255] : [0, 0, 0, 0])));
    assert.deepEqual(checkOutlineIcon(blue), [
      'outline.png: must be white on transparent, but 4 pixels are not white.',
    ]);
    assert.deepEqual(checkOutlineIcon(encodePng(image(32, () => [255, 255, 255, 0]))), [
      'outline.png: is fully transparent; draw the outline in white.',
    ]);
  });

  it('should refuse an outline without any transparency (RGB, no tRNS)', () => {
    const rgb = pngOf(32, 2, 3, [255, 255, 255]);
    assert.equal(readPngHeader(rgb).hasTransparency, false);
    assert.match(
      checkOutlineIcon(rgb)[0]!,
      /^outline\.png: must have a transparent background, but colour type 2/,
    );
  });

  it('should read palette and grey + alpha outlines too', () => {
    const palette = Buffer.from([255, 255, 255]);
    const transparentIndex = pngOf(32, 3, 1, [0], [chunk('PLTE', palette), chunk('tRNS', Buffer.from([0]))]);
    assert.deepEqual(checkOutlineIcon(transparentIndex), [
      'outline.png: is fully transparent; draw the outline in white.',
    ]);
    const greyAlpha = pngOf(32, 4, 2, [128, 0]);
    assert.equal(decodePng(greyAlpha).data[3], 0);
  });

  it('should refuse what is not a PNG, or a corrupt one', () => {
    assert.deepEqual(checkColorIcon(Buffer.from('GIF89a')), ['color.png: not a PNG file (bad signature).']);
    const corrupt = Buffer.from(encodePng(ring(32)));
    corrupt.writeUInt8(corrupt[20]! ^ 0xff, 20); // inside IHDR: the CRC no longer matches
    assert.deepEqual(checkOutlineIcon(corrupt), ['outline.png: PNG chunk IHDR has a bad CRC.']);
  });
});
