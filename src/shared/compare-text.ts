/** Two strings in code-unit order (not the visitor's locale's), as -1, 0 or 1: the same on every machine. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
