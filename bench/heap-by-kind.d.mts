export const HEAP_KINDS: readonly string[];
export function heapByKind(file: string): Record<string, number>;
