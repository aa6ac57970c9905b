// Bytes every visitor downloads: the script-tag build (JS, with its CSS inside) on a visit that only answers
// the banner (with a checked config, with one validated in the page, and in a language fetched on demand) and with
// everything a visit may fetch (the preferences panel and every language too), the smallest npm import
// (the core alone, bundled and minified as an app would), and the reference with its stylesheet.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { brotliSize, measureBudgets } from '../build/size-budget.mjs';
import { REFERENCE_CSS, REFERENCE_JS, REFERENCE_NAME } from './reference.mjs';
import { ratioRow } from './target-rows.mjs';

export const name = 'size';

// Ratio to the reference a banner-only visit with a checked config has to meet (the first budget); the
// payload group checks every target on the wire, the README quick start's included.
const TARGET = 0.8;

/** What an app ships for `import { init } from 'consent-kit'`: the core and its dependencies, minified. */
async function coreImport() {
  const result = await build({
    stdin: { contents: "export { init } from './dist/index.js';", resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

export async function run() {
  const budgets = JSON.parse(readFileSync('package.json', 'utf8')).sizeBudget;
  const [initial, inPage, total, inFetchedLanguage] = measureBudgets(budgets);
  const initialBytes = initial.files.map((file) => readFileSync(file));
  const core = await coreImport();
  const reference = [readFileSync(REFERENCE_JS), readFileSync(REFERENCE_CSS)];
  const referenceBrotli = reference.reduce((sum, bytes) => sum + brotliSize(bytes), 0);
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  return [
    { metric: `${initial.name}, minified`, value: sum(initialBytes.map((b) => b.length)), unit: 'B' },
    {
      metric: `${initial.name}, gzip -9`,
      value: sum(initialBytes.map((b) => gzipSync(b, { level: 9 }).length)),
      unit: 'B',
    },
    { metric: `${initial.name}, brotli 11`, value: initial.bytes, unit: 'B', note: `budget ${initial.budget}` },
    {
      metric: `${inPage.name}, brotli 11`,
      value: inPage.bytes,
      unit: 'B',
      note: `budget ${inPage.budget}; ${inPage.files.length} files`,
    },
    {
      metric: `${total.name}, brotli 11`,
      value: total.bytes,
      unit: 'B',
      note: `budget ${total.budget}; ${total.files.length} files`,
    },
    {
      metric: `${inFetchedLanguage.name}, brotli 11`,
      value: inFetchedLanguage.bytes,
      unit: 'B',
      note: `budget ${inFetchedLanguage.budget}; ${inFetchedLanguage.files.length} files`,
    },
    { metric: 'npm import of the core only, brotli 11', value: brotliSize(core), unit: 'B' },
    {
      metric: `${REFERENCE_NAME} (JS + CSS), gzip -9`,
      value: sum(reference.map((bytes) => gzipSync(bytes, { level: 9 }).length)),
      unit: 'B',
    },
    { metric: `${REFERENCE_NAME} (JS + CSS), brotli 11`, value: referenceBrotli, unit: 'B' },
    ratioRow(`payload brotli, ${initial.name}`, initial.bytes, referenceBrotli, TARGET),
    ratioRow(`payload brotli, ${inPage.name}`, inPage.bytes, referenceBrotli),
    ratioRow(`payload brotli, ${total.name}`, total.bytes, referenceBrotli),
  ];
}
