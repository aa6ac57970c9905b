export function emptyUncalled(code: string, calledEnds: Set<number>): { code: string; emptied: number };
