// Runs every bench/*.bench.mjs in name order, prints each group's table, and writes bench/results.json.
// A benchmark module exports `name` and `run()`, which returns rows: [{ metric, value, unit, note? }].
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (files.length === 0) {
  console.error('No benchmarks found (bench/*.bench.mjs).');
  process.exit(1);
}

const results = { machine: { node: process.version, platform: process.platform, arch: process.arch }, groups: {} };
for (const file of files) {
  const bench = await import(pathToFileURL(join(dir, file)).href);
  const started = Date.now();
  const rows = await bench.run();
  results.groups[bench.name] = { seconds: (Date.now() - started) / 1000, rows };
  console.log(`\n## ${bench.name}`);
  console.table(rows.map((r) => ({ metric: r.metric, value: r.value, unit: r.unit, note: r.note ?? '' })));
}
results.finishedAt = new Date().toISOString();
writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
