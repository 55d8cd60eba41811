/**
 * An unexpected error (a bug) is reported without a stack trace — the message, that it is a bug,
 * and how to see where it happened (RIKTVARDE_DEBUG=1) — in English and Swedish, exit code 1.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT, report, useLanguage } from '../cli/usage.js';

function reported(e: unknown): { code: number; text: string } {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { text += String(s); return true; });
  try {
    return { code: report(e), text };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => { useLanguage('en'); vi.unstubAllEnvs(); });

describe('an internal error', () => {
  it('prints its message and no stack trace, exit 1', () => {
    vi.stubEnv('RIKTVARDE_DEBUG', '');
    const { code, text } = reported(new TypeError('x is not a function'));
    expect(code).toBe(EXIT.internal);
    expect(text).toMatch(/^riktvarde: internal error: x is not a function\n/);
    expect(text).toMatch(/bug in riktvarde/);
    expect(text).not.toMatch(/^\s+at /m);
  });
  it('in Swedish under --lang sv', () => {
    useLanguage('sv');
    const { text } = reported(new Error('boom'));
    expect(text).toMatch(/^riktvarde: internt fel: boom\n.*fel i riktvarde/);
  });
  it('shows where with RIKTVARDE_DEBUG=1', () => {
    vi.stubEnv('RIKTVARDE_DEBUG', '1');
    const { text } = reported(new Error('boom'));
    expect(text).toMatch(/^\s+at /m);
  });
});
