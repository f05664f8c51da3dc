import { decodePng, PngFormatError, readPngHeader } from './read-png';

/** The icon sizes Teams requires (teams-platform.md §5). */
export const ICON_SIZES = Object.freeze({ color: 192, outline: 32 });

/** The lowest channel value that still counts as white in an outline icon. */
const WHITE = 240;

function sizeProblems(name: string, width: number, height: number, size: number): string[] {
  return width === size && height === size
    ? []
    : [`${name}: must be ${size}x${size} pixels, is ${width}x${height}.`];
}

/** The problems of the colour icon: it must be a PNG of 192x192 pixels. None: `[]`. */
export function checkColorIcon(bytes: Uint8Array, name = 'color.png'): string[] {
  try {
    const { width, height } = readPngHeader(bytes);
    return sizeProblems(name, width, height, ICON_SIZES.color);
  } catch (error) {
    if (error instanceof PngFormatError) return [`${name}: ${error.message}.`];
    throw error;
  }
}

/**
 * The problems of the outline icon: a PNG of 32x32 pixels with transparency (an alpha channel or
 * `tRNS`), a fully transparent background (its four corners), and white wherever it is not fully
 * transparent. None: `[]`.
 */
export function checkOutlineIcon(bytes: Uint8Array, name = 'outline.png'): string[] {
  try {
    const header = readPngHeader(bytes);
    const problems = sizeProblems(name, header.width, header.height, ICON_SIZES.outline);
    if (!header.hasTransparency) {
      return [
        ...problems,
        `${name}: must have a transparent background, but colour type ${header.colorType} has no alpha channel and there is no tRNS chunk.`,
      ];
    }
    const { width, height, data } = decodePng(bytes);
    const alphaAt = (x: number, y: number) => data[(y * width + x) * 4 + 3]!;
    const corners = [
      alphaAt(0, 0),
      alphaAt(width - 1, 0),
      alphaAt(0, height - 1),
      alphaAt(width - 1, height - 1),
    ];
    if (corners.some((alpha) => alpha !== 0)) {
      problems.push(`${name}: the background must be transparent, but a corner pixel is not.`);
    }
    let coloured = 0;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      drawn += 1;
      if (data[i]! < WHITE || data[i + 1]! < WHITE || data[i + 2]! < WHITE) coloured += 1;
    }
    if (drawn === 0) problems.push(`${name}: is fully transparent; draw the outline in white.`);
    if (coloured > 0)
      problems.push(`${name}: must be white on transparent, but ${coloured} pixels are not white.`);
    return problems;
  } catch (error) {
    if (error instanceof PngFormatError) return [`${name}: ${error.message}.`];
    throw error;
  }
}
