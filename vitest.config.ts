import { defineConfig } from 'vitest/config';

/** Unit tests that read what `npm run build` writes to dist/: they run after the build. */
export const NEEDS_BUILD = [
  'test/unit/build/**/*.test.ts',
  'test/unit/server/crash.test.ts',
  'test/unit/server/multi-process.test.ts',
  'test/unit/cli/cli-token-scope.test.ts',
  'test/unit/cli/scan.test.ts',
];

/*
 * Two projects, so that a fresh clone can run `npm run test:unit` right after `npm ci`, with no build and no
 * browser; `npm test` runs both, after its build.
 */
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: NEEDS_BUILD } },
      { extends: true, test: { name: 'built', include: NEEDS_BUILD } },
    ],
  },
});
