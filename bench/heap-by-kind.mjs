// What a heap snapshot's JavaScript heap is made of, by kind, for profile-visit.mjs: it says how much of the
// heap a variant adds is code compiled from its script, how much the DOM interfaces it touched (each one the
// page's code reaches, `HTMLImageElement.prototype` say, builds its functions and accessors in the heap once),
// and how much strings and objects. Read from the snapshot's nodes; what lives outside V8's heap (the
// renderer's own C++ objects, the text of external strings such as the script's source) is left out, as the
// bench's "JS heap added" leaves it out.
import { readFileSync } from 'node:fs';

/** The kinds, in the order they are printed. */
export const HEAP_KINDS = [
  'compiled code (bytecode, scopes, function data)',
  'DOM interfaces touched (API templates, accessors)',
  'strings',
  'objects, arrays, closures and their shapes',
  'other V8 internals',
];

// V8's own objects show as `native` nodes named "system / <type>"; these are the ones it makes when a script
// first reaches a DOM interface (one per operation and attribute, getters and setters paired).
const TEMPLATE_TYPES = new Set([
  'FunctionTemplateInfo',
  'FunctionTemplateRareData',
  'ObjectTemplateInfo',
  'AccessorInfo',
  'AccessorPair',
  'InterceptorInfo',
]);
// Native nodes that are not in V8's heap: the text of an external string is kept by the renderer.
const OFF_HEAP_SYSTEM_TYPES = new Set(['ExternalStringData']);

/** The kind of one snapshot node, or undefined for one outside V8's heap. */
function kindOf(type, name) {
  if (type === 'code') return HEAP_KINDS[0];
  if (type.endsWith('string')) return HEAP_KINDS[2];
  if (type === 'native') {
    if (!name.startsWith('system / ')) return undefined;
    const systemType = name.slice('system / '.length).split(' ')[0];
    if (OFF_HEAP_SYSTEM_TYPES.has(systemType)) return undefined;
    return TEMPLATE_TYPES.has(systemType) ? HEAP_KINDS[1] : HEAP_KINDS[4];
  }
  if (['object', 'array', 'closure', 'regexp', 'object shape', 'number', 'symbol', 'bigint'].includes(type)) {
    return HEAP_KINDS[3];
  }
  return type === 'synthetic' ? undefined : HEAP_KINDS[4];
}

/** Bytes per kind of the heap snapshot in `file` (a `.heapsnapshot` as DevTools writes it). */
export function heapByKind(file) {
  const { snapshot, nodes, strings } = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const bytes = Object.fromEntries(HEAP_KINDS.map((kind) => [kind, 0]));
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = kindOf(types[nodes[i + type]], strings[nodes[i + name]]);
    if (kind) bytes[kind] += nodes[i + size];
  }
  return bytes;
}
