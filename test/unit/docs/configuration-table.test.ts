import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/schema/config.js';
import { TEXT_KEYS } from '../../../src/shared/text-keys.js';

type Def = {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  in?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
};

/** Every field path of an object schema, looking through defaults, optionals, pipes and arrays. */
function fieldPaths(def: Def, prefix = ''): string[] {
  const inner = def.in ?? def.innerType;
  if (inner) return fieldPaths(inner._zod.def, prefix);
  if (def.type === 'array' && def.element) return fieldPaths(def.element._zod.def, `${prefix}[]`);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([key, schema]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(schema._zod.def, path)];
  });
}

describe('the configuration reference in docs/configuration.md', () => {
  it('documents every field of the config schema, so the table cannot drift from the code', () => {
    const readme = readFileSync('docs/configuration.md', 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
    const fields = fieldPaths((ConfigSchema as unknown as { _zod: { def: Def } })._zod.def).filter(
      (path) => !['policy', 'contact', 'cookie'].includes(path),
    );
    expect(fields).toContain('categories[].honorGpc');
    expect(fields.length).toBeGreaterThan(15);
    expect(fields.filter((f) => !documented.has(f))).toEqual([]);
  });

  it('lists every text key a site may override, in the order of the code', () => {
    const row = /^\| `texts` \|.*$/m.exec(readFileSync('docs/configuration.md', 'utf8'))?.[0] ?? '';
    const listed = [...row.slice(row.indexOf('Keys:')).matchAll(/`(\w+)`/g)].map((m) => m[1]);
    expect(listed).toEqual([...TEXT_KEYS]);
  });
});
