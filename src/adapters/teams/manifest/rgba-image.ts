/** A picture as 8-bit RGBA pixels, row by row from the top left, not premultiplied. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** `width * height * 4` bytes: red, green, blue, alpha. */
  readonly data: Uint8Array;
}
