import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFilesUnder } from './source-files.js';

/**
 * The layers of src/ and what each may import, as docs/architecture.md states them: arrows only point inward.
 * The entries at the top of src/ put the layers together and may import anything.
 */
const MAY_IMPORT: Record<string, string[]> = {
  shared: [],
  schema: ['shared'],
  core: ['schema', 'shared'],
  browser: ['core', 'schema', 'shared'],
  gate: ['browser', 'core', 'schema', 'shared'],
  sync: ['browser', 'core', 'schema', 'shared'],
  ui: ['browser', 'core', 'schema', 'shared'],
  server: ['core', 'schema', 'shared'],
  cli: ['server', 'gate', 'core', 'schema', 'shared'],
};

/** The layer a file of src/ is in: its first folder, or `undefined` for the entries at the top. */
const layerOf = (file: string) => {
  const [first, ...rest] = relative('src', file).split('/');
  return rest.length > 0 ? first : undefined;
};

describe('the layers of src/', () => {
  it('names every folder of src/, so a new one has to say where it stands', () => {
    const folders = readdirSync('src', { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('imports only inward: each layer imports only the layers it may', () => {
    const wrong: string[] = [];
    for (const file of tsFilesUnder('src')) {
      const layer = layerOf(file);
      if (layer === undefined) continue;
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = layerOf(join(dirname(file), specifier!));
        if (target === undefined) wrong.push(`${file} imports an entry (${specifier})`);
        else if (target !== layer && !MAY_IMPORT[layer]!.includes(target))
          wrong.push(`${file} (${layer}) imports ${target}: ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
