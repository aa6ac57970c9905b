// `npm run bench`: builds the bundles it measures (not the type declarations), runs every bench/*.bench.mjs in name order, prints each group's table and the total
// wall time (build included; the budget is 3 minutes on 2 cores), and writes bench/results.json.
// A benchmark module exports `name` and `run()`, which returns rows: [{ metric, value, unit, note? }].
// `node bench/run.mjs size gating` runs only the groups whose file names contain one of the words.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { closeSharedBrowser } from './shared-browser.mjs';

const started = Date.now();
const seconds = (since) => (Date.now() - since) / 1000;
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

const build = spawnSync('npm', ['run', 'build:bundles'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const buildSeconds = seconds(started);

const results = { machine: { node: process.version, platform: process.platform, arch: process.arch }, groups: {} };
try {
  for (const file of files) {
    const bench = await import(pathToFileURL(join(dir, file)).href);
    const groupStarted = Date.now();
    const rows = await bench.run();
    results.groups[bench.name] = { seconds: seconds(groupStarted), rows };
    console.log(`\n## ${bench.name}`);
    console.table(rows.map((r) => ({ metric: r.metric, value: r.value, unit: r.unit, note: r.note ?? '' })));
  }
} finally {
  await closeSharedBrowser();
}
results.buildSeconds = buildSeconds;
results.totalSeconds = seconds(started);
results.finishedAt = new Date().toISOString();
writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const groupTimes = Object.entries(results.groups)
  .map(([name, group]) => `${name} ${group.seconds.toFixed(1)} s`)
  .join(', ');
console.log(`\ntotal ${results.totalSeconds.toFixed(1)} s (build ${buildSeconds.toFixed(1)} s; ${groupTimes})`);
console.log('wrote bench/results.json');
