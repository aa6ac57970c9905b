// The soak run shared by bench/endpoint.bench.mjs (`npm run bench`) and test/soak (`npm run test:soak`): the endpoint
// on an SQLite file in its own process, autocannon against 127.0.0.1 as fast as the machine answers, half new
// visitors' PUTs and half GETs of records already stored, and the server's memory after a full GC measured
// once warmed up and again after the run.
import autocannon from 'autocannon';
import { putBody } from './put-body.mjs';
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 16;
const SEEDED = 1000;
const WARM_UP_SECONDS = 20;

function cannon(url, seconds, ids) {
  let n = 0;
  const options = {
    url, duration: seconds, connections: CONNECTIONS,
    requests: [{
      setupRequest: (req) => {
        if (n++ % 2 === 0) return { ...req, method: 'GET', path: `/v1/consents/${ids[n % ids.length]}` };
        const id = crypto.randomUUID();
        return { ...req, method: 'PUT', path: `/v1/consents/${id}`, headers: { 'content-type': 'application/json' }, body: putBody(id, 1) };
      },
    }],
  };
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

async function startServer(file) {
  const child = fork(fileURLToPath(new URL('./endpoint-server.mjs', import.meta.url)), ['sqlite', file], {
    execArgv: ['--expose-gc'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    output += chunk;
    const url = /listening (http:\/\/\S+)/.exec(output)?.[1];
    if (url) {
      child.stdout.resume();
      return { url, child };
    }
  }
  throw new Error(`the soak server did not start: ${output}`);
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
  const { url, child } = await startServer(join(dir, 'consent.db'));
  try {
    const ids = Array.from({ length: seeded }, () => crypto.randomUUID());
    for (let i = 0; i < seeded; i += CONNECTIONS) {
      await Promise.all(ids.slice(i, i + CONNECTIONS).map(async (id) => {
        const response = await fetch(`${url}/v1/consents/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: putBody(id, 1) });
        if (response.status !== 201) throw new Error(`seeding failed with HTTP ${response.status}`);
      }));
    }
    // Memory is compared from a warm server: JIT code, SQLite's page cache and pools are in place by then.
    await cannon(url, warmUpSeconds, ids);
    const before = await memoryOf(child);
    const result = await cannon(url, seconds, ids);
    const after = await memoryOf(child);
    return { result, before, after, settings: { seconds, connections: CONNECTIONS, seeded, warmUpSeconds } };
  } finally {
    child.kill();
    await once(child, 'exit').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Failed requests of an autocannon result: errors, timeouts and answers other than 2xx. */
export const failures = (result) => result.errors + result.timeouts + result.non2xx;
