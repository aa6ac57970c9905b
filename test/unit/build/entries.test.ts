import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const expectedExports = [
  'ConsentConfigError',
  'ConsentError',
  'ConsentManager',
  'ConsentSyncError',
  'ConsentUsageError',
  'decodeRecord',
  'encodeRecord',
  'get',
  'init',
  'installGate',
  'installSync',
  'parseConfig',
  'parseConfigJson',
  'whenReady',
];

describe('public entries in Node', () => {
  it('run here without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it('the source entry imports without touching the DOM and exports the public API', async () => {
    const entry = await import('../../../src/index.js');
    expect(Object.keys(entry).sort()).toEqual(expectedExports);
  });

  it('the built npm entry imports without touching the DOM and exports the same API', async () => {
    expect(existsSync('dist/index.js'), 'dist/index.js is missing: run "npm run build" first').toBe(true);
    const entry = await import('../../../dist/index.js' as string);
    expect(Object.keys(entry).sort()).toEqual(expectedExports);
  });

  it('the built consent-kit/server entry imports in Node and exports the endpoint API, and the npm entry holds no server code', async () => {
    expect(existsSync('dist/server/index.js'), 'dist/server/index.js is missing: run "npm run build" first').toBe(true);
    const server = await import('../../../dist/server/index.js' as string);
    expect(Object.keys(server).sort()).toEqual([
      'RETAINABLE_FIELDS',
      'checkConfigTagsIn',
      'checkedConfigTag',
      'createConsentHandler',
      'createPostgresStore',
      'createSqliteStore',
      'issueSubjectToken',
      'serveEndpoint',
      'verifySubjectToken',
    ]);
    const npmEntry = readFileSync('dist/index.js', 'utf8');
    expect(npmEntry).not.toMatch(/better-sqlite3|node:crypto|from "hono|from "pg"/);
  });

  it('init() outside a browser says what to do instead', async () => {
    const { init } = await import('../../../src/index.js');
    expect(() => init({ policy: { version: '1', url: '/' } })).toThrow(/runs in a browser page/);
  });
});
