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

/** A row per variant of `names` (variant -> printed name): `<name>: <label>`, its figure rounded to `digits`. */
export function figureRows(names, label, figureOf, unit, digits = 1) {
  return Object.entries(names).map(([variant, variantName]) => ({
    metric: `${variantName}: ${label}`,
    value: round(figureOf(variant), digits),
    unit,
  }));
}

/** A {@link ratioRow} per variant of `names` but `reference`: `<label>, <name>`, its figure over the reference's. */
export function ratiosToReference(names, label, figureOf, target) {
  return Object.keys(names)
    .filter((variant) => variant !== 'reference')
    .map((variant) => ratioRow(`${label}, ${names[variant]}`, figureOf(variant), figureOf('reference'), target));
}
