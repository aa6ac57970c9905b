import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../../src/core/checksum.js';

/** FNV-1a over UTF-16 code units, written the textbook way: what every stored cookie and stamp was made with. */
function textbookFnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

describe('checksum', () => {
  it('is FNV-1a, 32 bits, for any text: cookies and checked configs written before still match', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(checksum(text)).toBe(textbookFnv1a(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the published FNV-1a values', () => {
    // FNV-1a 32 test vectors: "" = 0x811c9dc5, "a" = 0xe40c292c, "foobar" = 0xbf9cf968.
    expect(checksum('')).toBe((0x811c9dc5).toString(36));
    expect(checksum('a')).toBe((0xe40c292c).toString(36));
    expect(checksum('foobar')).toBe((0xbf9cf968).toString(36));
  });
});
