import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEEDS_BUILD } from '../../vitest.config.js';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** `test/unit/build/**\/*.test.ts` as a test of a path (the only glob forms the list uses). */
const matches = (pattern: string, path: string) =>
  pattern.includes('**') ? path.startsWith(pattern.slice(0, pattern.indexOf('**'))) : path === pattern;

describe('the unit test projects', () => {
  it('put every unit test that reads the built files in the project that runs after the build', () => {
    const readsDist = filesUnder('test/unit').filter(
      (path) => path.endsWith('.test.ts') && /['"`]dist\//.test(readFileSync(path, 'utf8')),
    );
    expect(readsDist.length).toBeGreaterThan(0);
    expect(readsDist.filter((path) => !NEEDS_BUILD.some((pattern) => matches(pattern, path)))).toEqual([]);
  });
});
