import { describe, expect, it } from 'vitest';
import { figureRows, ratioRow, ratiosToReference } from '../../../bench/target-rows.mjs';

describe('a ratio row of the bench', () => {
  it('prints the ratio to two decimals and marks a target that is met', () => {
    expect(ratioRow('payload', 1100, 1375, 0.8)).toEqual({
      metric: 'ratio: payload',
      value: 0.8,
      unit: '×',
      note: '✓ met (target ≤ 0.8)',
    });
  });

  it('marks a target that is missed, judged on the printed ratio', () => {
    expect(ratioRow('heap', 1004, 1000, 1).note).toBe('✓ met (target ≤ 1.0)');
    expect(ratioRow('heap', 1006, 1000, 1)).toMatchObject({ value: 1.01, note: '✗ MISSED (target ≤ 1.0)' });
  });

  it('leaves the note empty for a ratio without a target', () => {
    expect(ratioRow('everything', 2, 1).note).toBe('');
  });

  it('gives each consent-kit variant its ratio to the reference, and each variant a row of its own figure', () => {
    const names = { ours: 'consent-kit', reference: 'the reference' };
    const figures: Record<string, number> = { ours: 45.04, reference: 90 };
    expect(figureRows(names, 'time to banner visible', (v) => figures[v]!, 'ms')).toEqual([
      { metric: 'consent-kit: time to banner visible', value: 45, unit: 'ms' },
      { metric: 'the reference: time to banner visible', value: 90, unit: 'ms' },
    ]);
    expect(ratiosToReference(names, 'time to banner visible', (v) => figures[v]!, 1)).toEqual([
      ratioRow('time to banner visible, consent-kit', 45.04, 90, 1),
    ]);
  });
});
