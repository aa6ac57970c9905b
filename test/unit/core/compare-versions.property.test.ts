import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compareVersions } from '../../../src/core/decision-rules.js';

// The version alphabet (POLICY_VERSION), weighted so that ties, leading zeros and case-only differences,
// where an order is easiest to get wrong, come up often.
const part = fc.oneof(
  fc.constantFrom('0', '00', '1', '01', '2', '9', '10', '2024', '06', '6'),
  fc.constantFrom('a', 'A', 'b', 'B', 'v', 'V', 'z', 'Z', 'r', 'C'),
  fc.constantFrom('.', '-', '_'),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/),
);
const version = fc.array(part, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('').slice(0, 32));
/** The same version with some letters' case changed and some numbers' leading zeros added or dropped. */
const lookalike = (of: string) =>
  fc.array(fc.boolean(), { minLength: of.length, maxLength: of.length }).map((flips) =>
    of
      .split('')
      .map((char, i) => (flips[i] ? (/[a-z]/.test(char) ? char.toUpperCase() : char.toLowerCase()) : char))
      .join('')
      .replace(/(^|\D)0(\d)/g, flips[0] ? '$1$2' : '$10$2'),
  );
const pairs = fc.oneof(
  fc.tuple(version, version),
  version.chain((a) => fc.tuple(fc.constant(a), lookalike(a))),
);

describe('policy versions', () => {
  it("order exactly as the browser's numeric collation orders them", () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(compareVersions(a, b)).toBe(Math.sign(a.localeCompare(b, 'en', { numeric: true })));
      }),
      { numRuns: 3000 },
    );
  });

  it('order as people write them without starting a collator', () => {
    const collate = vi.spyOn(String.prototype, 'localeCompare');
    const sorted = ['v10', '2024-11', 'v2', '2024-06', 'V2', '2024.1', '2024-6', '3.1'].sort(compareVersions);
    expect(sorted).toEqual(['3.1', '2024-06', '2024-6', '2024-11', '2024.1', 'v2', 'V2', 'v10']);
    expect(collate).not.toHaveBeenCalled();
    collate.mockRestore();
  });
});
