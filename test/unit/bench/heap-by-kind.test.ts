import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_KINDS, heapByKind } from '../../../bench/heap-by-kind.mjs';

const NODE_TYPES = [
  'hidden',
  'array',
  'string',
  'object',
  'code',
  'closure',
  'native',
  'synthetic',
  'concatenated string',
];

/** A heap snapshot in DevTools' format, of nodes given as [type, name, self size]. */
function snapshotFile(nodes: [string, string, number][]): string {
  const strings: string[] = [];
  const flat = nodes.flatMap(([type, name, size], id) => {
    strings.push(name);
    return [NODE_TYPES.indexOf(type), strings.length - 1, id, size, 0];
  });
  const snapshot = {
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [NODE_TYPES] } },
    nodes: flat,
    strings,
  };
  const file = join(mkdtempSync(join(tmpdir(), 'heap-by-kind-')), 'page.heapsnapshot');
  writeFileSync(file, JSON.stringify(snapshot));
  return file;
}

describe('the heap of a snapshot, by kind', () => {
  it('puts code, DOM interface templates, strings and objects each in its kind', () => {
    const bytes = heapByKind(
      snapshotFile([
        ['code', 'system / BytecodeArray', 100],
        ['code', '(compiled code)', 20],
        ['native', 'system / FunctionTemplateInfo', 40],
        ['native', 'system / AccessorPair', 8],
        ['string', 'consent', 16],
        ['concatenated string', 'a + b', 4],
        ['object', 'ConsentManager', 64],
        ['closure', 'has', 32],
        ['array', '(object properties)', 12],
        ['native', 'system / FeedbackCell', 6],
        ['hidden', 'system / Oddball', 2],
      ]),
    );
    expect(bytes).toEqual({
      [HEAP_KINDS[0]!]: 120,
      [HEAP_KINDS[1]!]: 48,
      [HEAP_KINDS[2]!]: 20,
      [HEAP_KINDS[3]!]: 108,
      [HEAP_KINDS[4]!]: 8,
    });
  });

  it("leaves out what is not in V8's heap: the renderer's objects, external string text, the snapshot's roots", () => {
    const bytes = heapByKind(
      snapshotFile([
        ['native', 'blink::ComputedStyle', 500],
        ['native', 'system / ExternalStringData', 300],
        ['synthetic', '(GC roots)', 0],
        ['string', 'kept', 10],
      ]),
    );
    expect(Object.values(bytes).reduce((sum, n) => sum + n, 0)).toBe(10);
  });
});
