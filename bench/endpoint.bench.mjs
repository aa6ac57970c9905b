// The preferences endpoint on SQLite (a file, WAL, synchronous=FULL: every PUT is on disk before its answer),
// measured with autocannon against 127.0.0.1, next to a bare node:http server answering 204 on the same
// machine. The ratio says how much of the machine's HTTP capacity a durable, signed write leaves.
import autocannon from 'autocannon';
import { putBody } from './put-body.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const name = 'endpoint';

const SECONDS = 6;
const CONNECTIONS = 10;
const SEEDED = 500;

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: SECONDS, connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function rows(label, result, baseline) {
  const failed = result.non2xx + result.errors + result.timeouts;
  const out = [
    { metric: `${label}: throughput`, value: Math.round(result.requests.average), unit: 'req/s', note: failed ? `${failed} failed` : `${result.requests.total} requests` },
    { metric: `${label}: p99 latency`, value: result.latency.p99, unit: 'ms' },
  ];
  if (baseline) {
    out.push({ metric: `${label}: throughput / bare node:http`, value: +(result.requests.average / baseline.requests.average).toFixed(3), unit: 'ratio' });
  }
  return out;
}

/** Starts bench/endpoint-server.mjs and resolves with its URL and the way to stop it. */
async function startServer(...args) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./endpoint-server.mjs', import.meta.url)), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    output += chunk;
    const url = /listening (http:\/\/\S+)/.exec(output)?.[1];
    if (url) return { url, stop: () => child.kill() };
  }
  throw new Error(`the benchmark server did not start: ${output}`);
}

export async function run() {
  if (!existsSync(new URL('../dist/server/index.js', import.meta.url))) {
    throw new Error('dist/server/index.js is missing: run "npm run build" first');
  }
  const bare = await startServer('bare');
  const baseline = await cannon({ url: bare.url }).finally(bare.stop);

  const dir = mkdtempSync(join(tmpdir(), 'consent-bench-'));
  const endpoint = await startServer('sqlite', join(dir, 'consent.db'));
  try {
    const ids = Array.from({ length: SEEDED }, () => crypto.randomUUID());
    for (let i = 0; i < SEEDED; i += CONNECTIONS) {
      await Promise.all(ids.slice(i, i + CONNECTIONS).map(async (id) => {
        const response = await fetch(`${endpoint.url}/v1/consents/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: putBody(id, 1) });
        if (response.status !== 201) throw new Error(`seeding failed with HTTP ${response.status}`);
      }));
    }
    let n = 0;
    const gets = await cannon({
      url: endpoint.url,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/v1/consents/${ids[n++ % SEEDED]}` }) }],
    });
    const puts = await cannon({
      url: endpoint.url,
      requests: [{
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const id = crypto.randomUUID();
          return { ...req, path: `/v1/consents/${id}`, body: putBody(id, 1) };
        },
      }],
    });
    return [
      ...rows('bare node:http 204', baseline),
      ...rows('GET /v1/consents/:id (SQLite)', gets, baseline),
      ...rows('PUT /v1/consents/:id (SQLite, durable, signed receipt)', puts, baseline),
      { metric: 'settings', value: SECONDS, unit: 's per run', note: `${CONNECTIONS} connections, ${SEEDED} records seeded` },
    ];
  } finally {
    endpoint.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
