/**
 * cli/stdout.ts `utf8Chunks`: a large text is written 64 Ki characters at a time through one reused
 * buffer (issue 15). The bytes must be exactly Buffer.from(text)'s, whatever falls on a chunk's edge.
 */
import { describe, expect, it } from 'vitest';
import { utf8Chunks } from '../cli/stdout.js';

const CHUNK = 1 << 16;

function chunked(text: string): { bytes: Buffer; nexts: number[] } {
  const parts: Buffer[] = [];
  const nexts: number[] = [];
  utf8Chunks(text, (b, next) => {
    parts.push(Buffer.from(b)); // a copy: the view is reused
    nexts.push(next);
  });
  return { bytes: Buffer.concat(parts), nexts };
}

describe('utf8Chunks', () => {
  it.each([
    ['empty', ''],
    ['short ASCII', '{\n  "a": 1\n}\n'],
    ['Swedish and a dash over several chunks', 'Västra Götaland – Örebro, 1 100 invånare\n'.repeat(5000)],
    ['a surrogate pair on a chunk\'s edge', 'x'.repeat(CHUNK - 1) + '😀' + 'y'.repeat(10)],
    ['a pair on the second edge', 'å'.repeat(2 * CHUNK - 1) + '😀'],
    ['a lone high surrogate on the edge', 'x'.repeat(CHUNK - 1) + '\ud800' + 'z'],
    ['a lone high surrogate at the end', 'x'.repeat(CHUNK - 1) + '\ud800'],
    ['a lone low surrogate after the edge', 'x'.repeat(CHUNK) + '\udc00x'],
    ['three-byte characters only', '∞'.repeat(3 * CHUNK + 7)],
  ])('%s: the bytes of Buffer.from', (_, text) => {
    const { bytes, nexts } = chunked(text);
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
    // `next` runs up to the end of the text, and a chunk never splits a pair.
    expect(nexts.at(-1) ?? 0).toBe(text.length);
    for (const n of nexts.slice(0, -1)) {
      const c = text.charCodeAt(n - 1);
      expect(c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(n) & 0xfc00) === 0xdc00).toBe(false);
    }
  });
});
