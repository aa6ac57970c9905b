// One first visit of the content page, profiled: `node bench/profile-visit.mjs [variant]` after
// `npm run build:bundles`. Records the visit's CPU profile and a heap snapshot after garbage collection (both
// under bench/profiles/, to open in Chromium's DevTools) and prints where the main thread's time went, by script
// and by function, and the JS heap the variant adds over the page without a consent tool, in all and by kind
// (compiled code, DOM interfaces touched, strings, objects: heap-by-kind.mjs). Not part of
// `npm run bench`: it is for looking into a figure the bench reports, before and after a change.
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

const VARIANTS = ['consent-kit', 'consent-kit-quick-start', 'reference'];
const OUT_DIR = 'bench/profiles';
// Samples every 100 µs: a visit's script time is tens of milliseconds.
const SAMPLING_INTERVAL_US = 100;

const variant = process.argv[2] ?? 'consent-kit';
if (!VARIANTS.includes(variant)) {
  console.error(`Unknown variant "${variant}": use one of ${VARIANTS.join(', ')}.`);
  process.exit(1);
}
if (!existsSync('dist/consent-kit.iife.js') || !existsSync('dist/server/index.js')) {
  console.error('The bundles are missing: run "npm run build:bundles" first.');
  process.exit(1);
}

// Loaded after the checks: they read the built files.
const { serveVariants } = await import('./bench-server.mjs');
const { firstVisit, openTab } = await import('./first-visit.mjs');
const { HEAP_KINDS, heapByKind } = await import('./heap-by-kind.mjs');
const { closeSharedBrowser, sharedBrowser } = await import('./shared-browser.mjs');

/**
 * The file name in a profiled script's URL. Chromium's own scripts (`v8/LoadTimes`, say) are named by a path that
 * is no URL: they keep it.
 */
const fileOf = (url) => (URL.canParse(url) ? basename(new URL(url).pathname) : url);

/** What a script of the bench page is, for the summary; V8's own entries ("(program)", GC) by their name. */
function scriptOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native functions, bench instrumentation)';
  if (!URL.canParse(url)) return `Chromium's own (${url})`;
  const file = fileOf(url);
  if (file === 'consent-kit.iife.js') return 'consent-kit entry (consent-kit.iife.js)';
  if (file.startsWith('consent-kit-')) return `consent-kit chunk ${file}`;
  if (file.startsWith('reference')) return `reference (${file})`;
  return `page (${file})`;
}

const sourceMaps = new Map();

/**
 * Where a function of a consent-kit bundle comes from, `src/core/x.ts:12` or `node_modules/lit-html/…:3`,
 * read from the bundle's source map in dist/; undefined for other scripts.
 */
function originOf({ url, lineNumber, columnNumber }) {
  if (!url) return undefined;
  const file = `dist/${fileOf(url)}`;
  if (!basename(file).startsWith('consent-kit') || !existsSync(`${file}.map`)) return undefined;
  if (!sourceMaps.has(file)) sourceMaps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
  const entry = sourceMaps.get(file).findEntry(lineNumber, columnNumber);
  if (!entry?.originalSource) return undefined;
  // Sources are relative to dist/: keep the path from the project's src/ or node_modules/ on.
  return { source: entry.originalSource.replace(/^.*?(?=(node_modules|src)\/)/, ''), line: entry.originalLine + 1 };
}

/** Milliseconds of self time per profile node: each sample's interval goes to the node it caught running. */
function selfTimes(profile) {
  const times = new Map();
  profile.samples.forEach((id, i) => {
    const interval = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    times.set(id, (times.get(id) ?? 0) + interval);
  });
  return profile.nodes
    .filter((node) => node.callFrame.functionName !== '(idle)')
    .map((node) => ({ node, ms: times.get(node.id) ?? 0 }));
}

/** The page's JS heap in use after a full garbage collection, in KiB. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024;
}

/** Writes a heap snapshot of the tab's page to `file`, streamed as DevTools receives it. */
async function writeHeapSnapshot(cdp, file) {
  const out = createWriteStream(file);
  const write = ({ chunk }) => out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', write);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', write);
  out.end();
  await finished(out);
}

/** A first visit, after a visit that starts the tab's renderer, so the profile holds the page and nothing before it. */
async function profiledVisit(browser, origin, name) {
  const tab = await openTab(browser, name);
  await firstVisit(tab, origin);
  await tab.cdp.send('Profiler.enable');
  await tab.cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await tab.cdp.send('Profiler.start');
  const bannerMs = await firstVisit(tab, origin);
  const { profile } = await tab.cdp.send('Profiler.stop');
  const heapKiB = await heapAfterGc(tab.cdp);
  return { tab, bannerMs, profile, heapKiB };
}

/** Prints [what, ms] pairs, largest first, leaving out what took no time. */
const table = (entries, limit = Infinity) =>
  console.table(
    entries
      .filter(([, ms]) => ms > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([what, ms]) => ({ what, 'self ms': Number(ms.toFixed(2)) })),
  );

const server = await serveVariants();
try {
  const browser = await sharedBrowser();
  mkdirSync(OUT_DIR, { recursive: true });
  const plain = await profiledVisit(browser, server.origin, 'none');
  await writeHeapSnapshot(plain.tab.cdp, join(OUT_DIR, 'none.heapsnapshot'));
  await plain.tab.context.close();
  const visit = await profiledVisit(browser, server.origin, variant);
  const files = { profile: join(OUT_DIR, `${variant}.cpuprofile`), snapshot: join(OUT_DIR, `${variant}.heapsnapshot`) };
  writeFileSync(files.profile, JSON.stringify(visit.profile));
  await writeHeapSnapshot(visit.tab.cdp, files.snapshot);
  await visit.tab.context.close();

  const byScript = new Map();
  const byFunction = new Map();
  const bySource = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const { node, ms } of selfTimes(visit.profile)) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const origin = originOf(node.callFrame);
    add(byScript, scriptOf(node.callFrame), ms);
    const where = origin
      ? ` ${origin.source}:${origin.line}`
      : url
        ? ` ${fileOf(url)}:${lineNumber + 1}:${columnNumber + 1}`
        : '';
    add(byFunction, `${functionName || '(anonymous)'}${where}`, ms);
    if (origin) add(bySource, dirname(origin.source), ms);
  }

  console.log(`\n${variant}: first visit, banner visible after ${visit.bannerMs.toFixed(1)} ms`);
  console.log(
    `JS heap after GC: ${visit.heapKiB.toFixed(0)} KiB, ${(visit.heapKiB - plain.heapKiB).toFixed(0)} KiB more than the page without a consent tool (${plain.heapKiB.toFixed(0)} KiB)`,
  );
  console.log('\nSelf time by script (idle left out):');
  table([...byScript]);
  console.log("\nTop 15 functions by self time (consent-kit's placed by its source maps):");
  table([...byFunction], 15);
  if (bySource.size > 0) {
    console.log("\nconsent-kit's self time by source folder:");
    table([...bySource]);
  }
  const [before, after] = [join(OUT_DIR, 'none.heapsnapshot'), files.snapshot].map(heapByKind);
  console.log(`\nJS heap ${variant} adds, by kind (from the heap snapshots):`);
  console.table(
    HEAP_KINDS.map((kind) => ({ kind, 'KiB added': Number(((after[kind] - before[kind]) / 1024).toFixed(1)) })),
  );
  console.log(
    `\nwrote ${files.profile}, ${files.snapshot} and ${join(OUT_DIR, 'none.heapsnapshot')} (open them in DevTools: Performance and Memory panels)`,
  );
} finally {
  await closeSharedBrowser();
  await server.close();
}
