export function round(value: number, digits?: number): number;
export function ratioRow(
  label: string,
  ours: number,
  theirs: number,
  target?: number,
): {
  metric: string;
  value: number;
  unit: string;
  note: string;
};
