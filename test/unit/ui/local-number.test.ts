import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localNumber } from '../../../src/ui/i18n/local-number.js';

describe('a number in the panel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes whole numbers in English and Simplified Chinese exactly as Intl does', () => {
    const wholeNumber = fc.oneof(
      fc.integer({ min: -100_000, max: 100_000 }),
      fc.maxSafeInteger(),
      fc.constantFrom(0, -0, 999, 1000, -1000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(wholeNumber, fc.constantFrom('en', 'zh-CN'), (value, locale) => {
        expect(localNumber(value, locale)).toBe(value.toLocaleString(locale));
      }),
      { numRuns: 1000 },
    );
  });

  it('starts no Intl formatting for the languages that come with the script, and leaves the rest to Intl', () => {
    const intl = vi.spyOn(Number.prototype, 'toLocaleString');
    expect(localNumber(18, 'en')).toBe('18');
    expect(localNumber(12345, 'zh-CN')).toBe('12,345');
    expect(intl).not.toHaveBeenCalled();
    expect(localNumber(12345, 'fr')).toBe(new Intl.NumberFormat('fr').format(12345));
    expect(localNumber(1.5, 'en')).toBe('1.5');
    expect(intl).toHaveBeenCalledTimes(2);
  });
});
