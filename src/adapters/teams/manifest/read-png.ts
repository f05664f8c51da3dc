import { inflateSync } from 'node:zlib';
import { crc32 } from './crc32';
import { PNG_SIGNATURE } from './encode-png';
import type { RgbaImage } from './rgba-image';

/** A PNG's IHDR, and whether it can be transparent at all. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType: number;
  readonly interlaced: boolean;
  /** An alpha channel (colour types 4 and 6) or a `tRNS` chunk. */
  readonly hasTransparency: boolean;
}

interface PngChunks {
  readonly header: PngHeader;
  readonly palette?: Buffer;
  readonly transparency?: Buffer;
  readonly idat: Buffer;
}

/** Thrown for bytes that are not a well-formed PNG, or a PNG this reader cannot decode. */
export class PngFormatError extends Error {
  override readonly name = 'PngFormatError';
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function readChunks(bytes: Uint8Array): PngChunks {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new PngFormatError('not a PNG file (bad signature)');
  }
  let header: PngHeader | undefined;
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    if (at + 12 > png.length) throw new PngFormatError('truncated PNG chunk');
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > png.length) throw new PngFormatError(`truncated PNG chunk ${type}`);
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(data, crc32(png.subarray(at + 4, at + 8))) !== png.readUInt32BE(at + 8 + length)) {
      throw new PngFormatError(`PNG chunk ${type} has a bad CRC`);
    }
    if (type === 'IHDR') {
      if (length !== 13) throw new PngFormatError('PNG IHDR chunk has the wrong length');
      const colorType = data[9]!;
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8]!,
        colorType,
        interlaced: data[12] !== 0,
        hasTransparency: colorType === 4 || colorType === 6,
      };
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at = end;
  }
  if (!header) throw new PngFormatError('PNG has no IHDR chunk');
  if (transparency) header = { ...header, hasTransparency: true };
  return {
    header,
    ...(palette ? { palette } : {}),
    ...(transparency ? { transparency } : {}),
    idat: Buffer.concat(idat),
  };
}

/** The PNG's header (size, colour type, transparency); checks the signature and every chunk's CRC. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  return readChunks(bytes).header;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the five PNG row filters in place; returns the unfiltered rows, without filter bytes. */
function unfilter(raw: Buffer, stride: number, height: number, bpp: number): Uint8Array {
  if (raw.length < (stride + 1) * height) throw new PngFormatError('PNG image data is too short');
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    const row = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= bpp ? out[row + x - bpp]! : 0;
      const up = y > 0 ? out[row - stride + x]! : 0;
      const upLeft = x >= bpp && y > 0 ? out[row - stride + x - bpp]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new PngFormatError(`PNG row ${y} has unknown filter ${filter}`);
      out[row + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

/**
 * The PNG's pixels as RGBA. Decodes 8-bit, non-interlaced PNGs of every colour type (grey, RGB,
 * palette, grey + alpha, RGBA, with `tRNS`); anything else is a `PngFormatError` saying so.
 */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const { header, palette, transparency, idat } = readChunks(bytes);
  const { width, height, bitDepth, colorType, interlaced } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new PngFormatError(`PNG colour type ${colorType} is not valid`);
  if (bitDepth !== 8 || interlaced) {
    throw new PngFormatError(
      `this ${bitDepth}-bit${interlaced ? ' interlaced' : ''} PNG cannot be checked: save it as 8-bit, non-interlaced RGBA`,
    );
  }
  if (colorType === 3 && !palette) throw new PngFormatError('palette PNG has no PLTE chunk');
  let raw: Buffer;
  try {
    raw = inflateSync(idat);
  } catch (error) {
    throw new PngFormatError(`PNG image data does not inflate: ${(error as Error).message}`);
  }
  const pixels = unfilter(raw, width * channels, height, channels);
  const data = new Uint8Array(width * height * 4);
  const transparentKey = (i: number) => (transparency ? transparency.readUInt16BE(i * 2) & 0xff : -1);
  for (let p = 0; p < width * height; p += 1) {
    const s = pixels.subarray(p * channels, (p + 1) * channels);
    let rgba: [number, number, number, number];
    if (colorType === 0) rgba = [s[0]!, s[0]!, s[0]!, transparency && s[0] === transparentKey(0) ? 0 : 255];
    else if (colorType === 4) rgba = [s[0]!, s[0]!, s[0]!, s[1]!];
    else if (colorType === 6) rgba = [s[0]!, s[1]!, s[2]!, s[3]!];
    else if (colorType === 2) {
      const keyed =
        transparency !== undefined &&
        s[0] === transparentKey(0) &&
        s[1] === transparentKey(1) &&
        s[2] === transparentKey(2);
      rgba = [s[0]!, s[1]!, s[2]!, keyed ? 0 : 255];
    } else {
      const index = s[0]!;
      if (index * 3 + 2 >= palette!.length) throw new PngFormatError(`PNG palette has no entry ${index}`);
      rgba = [
        palette![index * 3]!,
        palette![index * 3 + 1]!,
        palette![index * 3 + 2]!,
        transparency?.[index] ?? 255,
      ];
    }
    data.set(rgba, p * 4);
  }
  return { width, height, data };
}
