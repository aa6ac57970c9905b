import { describe, expect, it } from 'vitest';
import { measureBudgets } from '../../../build/size-budget.mjs';
import packageJson from '../../../package.json' with { type: 'json' };

/** Every visitor pays for these bytes: the budgets live in package.json and only ever go down. */
describe('size budget', () => {
  for (const { name, files, budget, bytes } of measureBudgets(packageJson.sizeBudget)) {
    it(`${name} stays within ${budget} bytes brotli`, () => {
      expect(bytes, files.join(', ')).toBeLessThanOrEqual(budget);
    });
  }
});
