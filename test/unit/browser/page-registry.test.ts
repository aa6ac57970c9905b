import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageEntry, setPageEntry } from '../../../src/browser/page-registry.js';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

describe('page registry', () => {
  afterEach(() => setPageEntry('booted', undefined));

  it('keeps each entry on its global Symbol.for key, where another copy of the SDK on the page finds it', () => {
    setPageEntry('booted', true);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('consent-kit.booted')]).toBe(true);
    expect(pageEntry('booted')).toBe(true);
    setPageEntry('booted', undefined);
    expect(Object.getOwnPropertySymbols(globalThis)).not.toContain(Symbol.for('consent-kit.booted'));
  });

  it('is the only module of src/ that keeps anything on a global symbol', () => {
    const others = sourceFiles('src')
      .filter((file) => !file.endsWith('page-registry.ts'))
      .filter((file) => readFileSync(file, 'utf8').includes('Symbol.for('));
    expect(others).toEqual([]);
  });
});
