// Two minutes of the endpoint at the highest rate this machine sustains (see bench/soak.mjs): throughput,
// latency, failed requests (must be 0) and the server's memory after the run against before it.
import { failures, soak } from './soak.mjs';

export const name = 'soak';

const mb = (bytes) => +(bytes / 2 ** 20).toFixed(1);

export async function run() {
  const { result, before, after, settings } = await soak({ seconds: 120 });
  return [
    { metric: 'throughput (half PUT of new records, half GET)', value: Math.round(result.requests.average), unit: 'req/s', note: `${result.requests.total} requests` },
    { metric: 'p50 latency', value: result.latency.p50, unit: 'ms' },
    { metric: 'p99 latency', value: result.latency.p99, unit: 'ms' },
    { metric: 'failed requests (errors, timeouts, non-2xx)', value: failures(result), unit: 'requests', note: 'must be 0' },
    { metric: 'server heap after GC: before', value: mb(before.heapUsed), unit: 'MiB' },
    { metric: 'server heap after GC: after', value: mb(after.heapUsed), unit: 'MiB', note: `${(100 * (after.heapUsed / before.heapUsed - 1)).toFixed(1)} % (limit +20 %)` },
    { metric: 'server RSS: before', value: mb(before.rss), unit: 'MiB' },
    { metric: 'server RSS: after', value: mb(after.rss), unit: 'MiB', note: `${(100 * (after.rss / before.rss - 1)).toFixed(1)} %` },
    { metric: 'settings', value: settings.seconds, unit: 's', note: `${settings.connections} connections, ${settings.warmUpSeconds} s warm-up, ${settings.seeded} records seeded, SQLite file` },
  ];
}
