import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file under `dir`, recursively, sorted: what the codebase tests read of src/. */
export function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return tsFilesUnder(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    })
    .sort();
}
