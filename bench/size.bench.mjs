// Bytes every visitor downloads: the script-tag bundle (JS, with its CSS inside), the smallest npm import
// (the core alone, bundled and minified as an app would), and the reference with its stylesheet.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { REFERENCE_CSS, REFERENCE_JS, REFERENCE_NAME } from './reference.mjs';

export const name = 'size';

const TARGET_RATIO = 0.8;

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** What an app ships for `import { init } from 'consent-kit'`: the core and its dependencies, minified. */
async function coreImport() {
  const result = await build({
    stdin: { contents: "export { init } from './dist/index.js';", resolveDir: process.cwd(), loader: 'js' },
    bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

export async function run() {
  const file = 'dist/consent-kit.iife.js';
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  const ours = readFileSync(file);
  const core = await coreImport();
  const reference = [readFileSync(REFERENCE_JS), readFileSync(REFERENCE_CSS)];
  const referenceBrotli = reference.reduce((sum, bytes) => sum + brotli(bytes), 0);
  return [
    { metric: 'script-tag bundle (JS + CSS), minified', value: ours.length, unit: 'B' },
    { metric: 'script-tag bundle, gzip -9', value: gzipSync(ours, { level: 9 }).length, unit: 'B' },
    { metric: 'script-tag bundle, brotli 11', value: brotli(ours), unit: 'B' },
    { metric: 'npm import of the core only, brotli 11', value: brotli(core), unit: 'B' },
    { metric: `${REFERENCE_NAME} (JS + CSS), gzip -9`, value: reference.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0), unit: 'B' },
    { metric: `${REFERENCE_NAME} (JS + CSS), brotli 11`, value: referenceBrotli, unit: 'B' },
    { metric: 'ratio: payload brotli', value: Number((brotli(ours) / referenceBrotli).toFixed(2)), unit: '×', note: `target ≤ ${TARGET_RATIO}` },
  ];
}
