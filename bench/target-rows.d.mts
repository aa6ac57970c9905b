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
export function figureRows(
  names: Record<string, string>,
  label: string,
  figureOf: (variant: string) => number,
  unit: string,
  digits?: number,
): { metric: string; value: number; unit: string }[];
export function ratiosToReference(
  names: Record<string, string>,
  label: string,
  figureOf: (variant: string) => number,
  target?: number,
): ReturnType<typeof ratioRow>[];
