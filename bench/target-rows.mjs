// The rows that compare consent-kit with the reference: the ratio, the target it has to meet and whether it does.

/** A number rounded to `digits` decimals, as the tables print it. */
export const round = (value, digits = 1) => Number(value.toFixed(digits));

/**
 * A row `ratio: <label>` with ours / theirs to two decimals and, in the note, its target and whether it
 * is met ("met" / "MISSED"), judged on the printed ratio. Without a target the note is empty.
 */
export function ratioRow(label, ours, theirs, target) {
  const ratio = round(ours / theirs, 2);
  const note = target === undefined ? '' : `${ratio <= target ? '✓ met' : '✗ MISSED'} (target ≤ ${target.toFixed(1)})`;
  return { metric: `ratio: ${label}`, value: ratio, unit: '×', note };
}
