// The preferences endpoint on SQLite (a file, WAL, synchronous=FULL: every PUT is on disk before its answer)
// under 90 seconds of load at the highest rate this machine sustains (bench/soak.mjs, the run `npm run
// test:soak` asserts on for its full two minutes): throughput, latency, failed requests (must be 0) and the server's memory
// after the run against before it. Next to it, a bare node:http server answering 204 on the same machine: the
// ratio says how much of the machine's HTTP capacity a durable, signed write leaves.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { failures, soak } from './soak.mjs';

export const name = 'endpoint (90 seconds of load)';

// Shorter than the soak test's two minutes, with a shorter warm-up and fewer records stored first, so the bench
// keeps to its 3 minutes on a busy machine too: memory is still compared from a warmed-up server, and the GETs
// still read stored records.
const SECONDS = 90;
const WARM_UP_SECONDS = 5;
const SEEDED = 300;
const BARE_SECONDS = 3;

const mb = (bytes) => +(bytes / 2 ** 20).toFixed(1);
const percent = (after, before) => `${(100 * (after / before - 1)).toFixed(1)} %`;

/** Requests per second of node:http answering 204, in its own process, for the same connections. */
async function bareThroughput(connections) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./endpoint-server.mjs', import.meta.url)), 'bare'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let output = '';
    child.stdout.setEncoding('utf8');
    for await (const chunk of child.stdout) {
      output += chunk;
      const url = /listening (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) continue;
      const result = await new Promise((resolve, reject) => {
        autocannon({ url, duration: BARE_SECONDS, connections }, (error, done) => (error ? reject(error) : resolve(done)));
      });
      return result.requests.average;
    }
    throw new Error(`the bare server did not start: ${output}`);
  } finally {
    child.kill();
  }
}

export async function run() {
  const { result, before, after, settings } = await soak({ seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS, seeded: SEEDED });
  const bare = await bareThroughput(settings.connections);
  return [
    { metric: 'throughput (half PUT of new records, half GET)', value: Math.round(result.requests.average), unit: 'req/s', note: `${result.requests.total} requests` },
    { metric: 'p50 latency', value: result.latency.p50, unit: 'ms' },
    { metric: 'p99 latency', value: result.latency.p99, unit: 'ms' },
    { metric: 'failed requests (errors, timeouts, non-2xx)', value: failures(result), unit: 'requests', note: 'must be 0' },
    { metric: 'server heap after GC: before', value: mb(before.heapUsed), unit: 'MiB' },
    { metric: 'server heap after GC: after', value: mb(after.heapUsed), unit: 'MiB', note: `${percent(after.heapUsed, before.heapUsed)} (limit +20 %)` },
    { metric: 'server RSS: before', value: mb(before.rss), unit: 'MiB' },
    { metric: 'server RSS: after', value: mb(after.rss), unit: 'MiB', note: percent(after.rss, before.rss) },
    { metric: 'bare node:http 204: throughput', value: Math.round(bare), unit: 'req/s', note: `${BARE_SECONDS} s` },
    { metric: 'throughput / bare node:http', value: +(result.requests.average / bare).toFixed(3), unit: 'ratio' },
    { metric: 'settings', value: settings.seconds, unit: 's', note: `${settings.connections} connections, ${settings.warmUpSeconds} s warm-up, ${settings.seeded} records seeded, SQLite file` },
  ];
}
