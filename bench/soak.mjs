// The soak run of test/soak (`npm run test:soak`): the endpoint on an SQLite file in its own process,
// autocannon against 127.0.0.1 at a steady rate, half new visitors' PUTs and half GETs of records already
// stored, and the server's memory after a full GC measured once warmed up and again after the run.
//
// A steady rate, not "as fast as it answers": the rate limiter keeps two minutes of record ids by design,
// so at full speed its size follows the machine's speed from one minute to the next, and a faster minute
// would read as a leak. At a steady rate every minute holds the same keys, and what grows is what leaks.
// The speed is `npm run bench`'s business.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cannon, newRecordPut, seed, startServer, storedRecordGets } from './endpoint-load.mjs';

export { failures } from './endpoint-load.mjs';

const CONNECTIONS = 16;
// Requests a second: well within what a 2-core machine answers (about 3,000 a second of this mix).
const RATE = 1500;
const SEEDED = 1000;
// Past one rate-limit window (a minute): the limiter keeps the windows opened this minute and the last (a new
// record id for every new visitor's PUT); from then on, measured two minutes apart, it holds as many keys.
const WARM_UP_SECONDS = 65;

/** Half PUTs of new records, half GETs over `ids`. */
function halfAndHalf(ids) {
  const get = storedRecordGets(ids);
  let n = 0;
  return (req) => (n++ % 2 === 0 ? get(req) : newRecordPut(req));
}

async function memoryOf(child) {
  child.send('memory');
  const [{ memory }] = await once(child, 'message');
  return memory;
}

/**
 * Runs the soak for `seconds` (after `warmUpSeconds` of the same load, on `seeded` records stored first) and
 * resolves with autocannon's result and the server's memory after a full GC before and after the run. Needs
 * `npm run build` first.
 */
export async function soak({ seconds = 120, warmUpSeconds = WARM_UP_SECONDS, seeded = SEEDED } = {}) {
  if (!existsSync(new URL('../dist/server/index.js', import.meta.url))) {
    throw new Error('dist/server/index.js is missing: run "npm run build" first');
  }
  const dir = mkdtempSync(join(tmpdir(), 'consent-soak-'));
  const { url, child } = await startServer(['sqlite', join(dir, 'consent.db')]);
  try {
    const ids = await seed(url, seeded, CONNECTIONS);
    // Memory is compared from a warm server: JIT code, SQLite's page cache and pools are in place by then.
    await cannon(url, { seconds: warmUpSeconds, connections: CONNECTIONS, rate: RATE, next: halfAndHalf(ids) });
    const before = await memoryOf(child);
    const result = await cannon(url, { seconds, connections: CONNECTIONS, rate: RATE, next: halfAndHalf(ids) });
    const after = await memoryOf(child);
    return {
      result,
      before,
      after,
      settings: { seconds, connections: CONNECTIONS, rate: RATE, seeded, warmUpSeconds },
    };
  } finally {
    child.kill();
    await once(child, 'exit').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
