import { defineConfig } from 'vitest/config';

/** `npm run test:soak`: the long runs, kept out of `npm test` (they need a build first). */
export default defineConfig({
  test: {
    include: ['test/soak/**/*.test.ts'],
    environment: 'node',
  },
});
