// `npm run lint`'s check of lit-html templates, the type-aware part Biome cannot do: unknown elements,
// attributes, properties and events, and bindings of the wrong type. `node build/lit-analyzer.cjs [glob…]`
// (default: every file of src/ui). Warnings fail the check as errors do.
//
// It runs on TypeScript 5: the project compiles with TypeScript 7, whose package no longer carries the
// compiler API lit-analyzer reads, so every `require('typescript')` from a dependency gets `typescript-5`.
const Module = require('node:module');
const { sep } = require('node:path');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const fromDependency = parent?.filename?.includes(`${sep}node_modules${sep}`);
  return resolve.call(this, request === 'typescript' && fromDependency ? 'typescript-5' : request, parent, ...rest);
};

const globs = process.argv.slice(2);
process.argv.splice(2, Infinity, '--strict', '--maxWarnings', '0', ...(globs.length > 0 ? globs : ['src/ui/**/*.ts']));
// Its CSS grammar (2020) predates `color-scheme` and reads the SDK's own `css` stylesheet texts as broken;
// stylesheets are checked by the browser tests, not here.
process.argv.push('--rules.no-invalid-css', 'off');
require('lit-analyzer/cli.js');
