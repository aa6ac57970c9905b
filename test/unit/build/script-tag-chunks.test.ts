import { existsSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { filesOf } from '../../../build/size-budget.mjs';

/*
 * The script-tag build is one classic script plus ES module chunks it imports on demand (see
 * build/classic-script-entry.ts). These check the built files fit together.
 */
describe('the script-tag build', () => {
  const entry = 'dist/consent-kit.iife.js';

  it('is a classic script: no import or export statement', () => {
    expect(existsSync(entry), `${entry} is missing: run "npm run build" first`).toBe(true);
    expect(() => new Script(readFileSync(entry, 'utf8'), { filename: entry })).not.toThrow();
  });

  it('imports only chunks that exist next to it, and publishes the bindings of each under the key it reads', () => {
    const code = readFileSync(entry, 'utf8');
    const imported = [...code.matchAll(/import\(["'`]\.\/([\w.-]+\.js)["'`]\)/g)].map((m) => m[1]!).sort();
    const chunks = filesOf('dist/consent-kit-*.js').map((file) => file.slice('dist/'.length)).sort();
    expect(imported).toEqual(chunks);
    for (const chunk of chunks) {
      const source = readFileSync(`dist/${chunk}`, 'utf8');
      const read = /^const\{([^}]*)\}=globalThis\[(Symbol\.for\("[^"]+"\))\];/.exec(source);
      expect(read, `${chunk} does not start by reading the entry's bindings`).not.toBeNull();
      const [, bindings, symbol] = read!;
      expect(symbol).toBe(`Symbol.for("consent-kit:${chunk}")`);
      const published = new RegExp(`globalThis\\[${symbol!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]\\?\\?=\\{([^}]*)\\}`).exec(code);
      expect(published, `${entry} publishes nothing for ${chunk}`).not.toBeNull();
      const offered = new Set(published![1]!.split(',').map((pair) => pair.split(':')[0]));
      const wanted = bindings!.split(',').map((pair) => pair.split(':')[0]);
      expect(wanted.filter((name) => !offered.has(name))).toEqual([]);
    }
  });
});
