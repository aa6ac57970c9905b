import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const expectedExports = [
  'ConsentConfigError', 'ConsentError', 'ConsentManager', 'ConsentUsageError',
  'decodeRecord', 'encodeRecord', 'get', 'init', 'installGate', 'parseConfig', 'parseConfigJson',
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

  it('init() outside a browser says what to do instead', async () => {
    const { init } = await import('../../../src/index.js');
    expect(() => init({ policy: { version: '1', url: '/' } })).toThrow(/runs in a browser page/);
  });
});
