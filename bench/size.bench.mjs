// Bytes every visitor downloads: the script-tag bundle, gzip and brotli at their highest levels.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const name = 'size';

export async function run() {
  const file = 'dist/consent-kit.iife.js';
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  const raw = readFileSync(file);
  return [
    { metric: 'script-tag bundle, minified', value: raw.length, unit: 'B' },
    { metric: 'script-tag bundle, gzip -9', value: gzipSync(raw, { level: 9 }).length, unit: 'B' },
    {
      metric: 'script-tag bundle, brotli 11',
      value: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      unit: 'B',
    },
  ];
}
