import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tsFilesUnder } from '../codebase/source-files.js';
import { pageEntry, setPageEntry } from '../../../src/browser/page-registry.js';

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
    const others = tsFilesUnder('src')
      .filter((file) => !file.endsWith('page-registry.ts'))
      .filter((file) => readFileSync(file, 'utf8').includes('Symbol.for('));
    expect(others).toEqual([]);
  });
});
