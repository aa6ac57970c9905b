import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { longDate } from '../../../src/ui/i18n/long-date.js';

const isoDate = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('the long date of a policy', () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes English and Simplified Chinese exactly as Intl's dateStyle 'long' does", () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom('en', 'zh-CN'), (date, locale) => {
        const intl = new Date(`${date}T00:00`).toLocaleDateString(locale, { dateStyle: 'long' });
        expect(longDate(date, locale)).toBe(intl);
      }),
      { numRuns: 500 },
    );
  });

  it('starts no Intl formatting for the languages that come with the script, and leaves the others to Intl', () => {
    const intl = vi.spyOn(Date.prototype, 'toLocaleDateString');
    expect(longDate('2024-06-01', 'en')).toBe('June 1, 2024');
    expect(longDate('2024-06-01', 'zh-CN')).toBe('2024年6月1日');
    expect(intl).not.toHaveBeenCalled();
    expect(longDate('2024-06-01', 'fr')).toBe('1 juin 2024');
    expect(intl).toHaveBeenCalledTimes(1);
  });
});
