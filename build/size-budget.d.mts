export function brotli(bytes: Uint8Array): Buffer;
export function brotliSize(bytes: Uint8Array): number;
export function filesOf(pattern: string): string[];
export function measureBudgets(budgets: Record<string, { files: string[]; brotli: number }>): {
  name: string;
  files: string[];
  budget: number;
  bytes: number;
}[];
