// The script-tag build's byte budgets, set in one place (package.json "sizeBudget"): for each named group of
// files, the most brotli bytes they may take together. The size test enforces them; the size bench prints them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** Brotli at quality 11, as a server compressing static files ahead of time sends them. */
export function brotli(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
}

/** The size of {@link brotli}'s output. */
export function brotliSize(bytes) {
  return brotli(bytes).length;
}

/** The files a pattern names; a `*` in the file name stands for any characters. Throws when none exist. */
export function filesOf(pattern) {
  const dir = dirname(pattern);
  const [head, tail = ''] = pattern.slice(dir.length + 1).split('*');
  const names = pattern.includes('*')
    ? readdirSafe(dir).filter(
        (name) => name.startsWith(head) && name.endsWith(tail) && name.length >= head.length + tail.length,
      )
    : readdirSafe(dir).filter((name) => name === head);
  if (names.length === 0) throw new Error(`${pattern} matches no file: run "npm run build" first`);
  return names.sort().map((name) => join(dir, name));
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Each budget with the files it covers and their measured brotli bytes, summed file by file as served. */
export function measureBudgets(budgets) {
  return Object.entries(budgets).map(([name, { files, brotli: budget }]) => {
    const paths = files.flatMap(filesOf);
    return { name, files: paths, budget, bytes: paths.reduce((sum, path) => sum + brotliSize(readFileSync(path)), 0) };
  });
}
