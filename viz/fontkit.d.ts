// fontkit ships no types, and @types/fontkit describes version 2's single entry point: the part of
// fontkit 3's `core` and TrueType reader that viz/render.ts uses.
declare module 'fontkit/core' {
  export interface Glyph { advanceWidth: number }
  export interface Font { unitsPerEm: number; glyphForCodePoint(codePoint: number): Glyph }
  export function create(buffer: Uint8Array): Font;
  export function registerFormat(format: unknown): void;
}
declare module 'fontkit/formats/TTFFont' {
  export const TTFFont: unknown;
}
