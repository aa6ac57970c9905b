import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };

/** Every visitor pays for these bytes: the budget lives in package.json and only ever goes down. */
describe('size budget', () => {
  for (const [file, budget] of Object.entries(packageJson.sizeBudget)) {
    it(`${file} stays within ${budget} bytes brotli`, () => {
      expect(existsSync(file), `${file} is missing: run "npm run build" first`).toBe(true);
      const bytes = brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      expect(bytes).toBeLessThanOrEqual(budget);
    });
  }
});
