// The preferences endpoint under load, PUT-only and GET-only, on SQLite (a file, every PUT on disk before its
// answer) and on PostgreSQL (DATABASE_URL; skipped without it), each next to a bare node:http server answering
// 204 measured just before it in the same run: each ratio says how much of the machine's HTTP capacity a
// durable, signed write (or a read) leaves. Every server runs in its own process. `npm run test:soak` keeps
// the longer mixed run that checks memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cannon, failures, newRecordPut, seed, startServer, storedRecordGets } from './endpoint-load.mjs';

export const name = 'endpoint (PUT-only and GET-only, SQLite and PostgreSQL)';

const SECONDS = 8;
const BARE_SECONDS = 3;
// Latency is read at the target rate, not at saturation: a closed loop of 32 connections at full speed
// measures its own queue (p99 grows with the connections), while a site's visitors arrive at some rate.
const AT_RATE_SECONDS = 5;
const TARGET = { put: 0.1, get: 0.5 };
const CONNECTIONS = 32;
const SEEDED = 500;

async function withServer(args, env, work) {
  const { url, child } = await startServer(args, env);
  try {
    return await work(url);
  } finally {
    child.kill();
    await once(child, 'exit').catch(() => {});
  }
}

/**
 * A load run next to the bare server's: node:http answering 204, in its own process, measured for the same
 * connections just before, so that both meet the same machine (shared machines change load by the minute).
 * Then the same requests at `target` times the bare server's rate, for the latency at that rate.
 */
async function besideBare(bareUrl, url, next, target) {
  const bare = await cannon(bareUrl, { seconds: BARE_SECONDS, connections: CONNECTIONS, next: (req) => req });
  const result = await cannon(url, { seconds: SECONDS, connections: CONNECTIONS, next });
  const rate = Math.round(bare.requests.average * target);
  const atRate = await cannon(url, { seconds: AT_RATE_SECONDS, connections: CONNECTIONS, rate, next });
  return { result, bare: bare.requests.average, atRate, rate };
}

/** PUT-only then GET-only against one endpoint process, each beside the bare server. */
const putAndGet = (bareUrl, args, env) =>
  withServer(args, env, async (url) => {
    const put = await besideBare(bareUrl, url, newRecordPut, TARGET.put);
    const ids = await seed(url, SEEDED, CONNECTIONS);
    const get = await besideBare(bareUrl, url, storedRecordGets(ids), TARGET.get);
    return { put, get };
  });

/** A fresh schema on DATABASE_URL for the PostgreSQL run, or `undefined` (with the reason) when there is none. */
async function postgresSchema() {
  if (!process.env.DATABASE_URL) return { skipped: 'DATABASE_URL is not set' };
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    return { skipped: `PostgreSQL does not answer: ${error.message}` };
  }
  const schema = `bench_${process.pid}_${Date.now()}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  return {
    schema,
    drop: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

function rows(store, { put, get }) {
  return [put, get].flatMap(({ result, bare, atRate, rate }, i) => {
    const kind = i === 0 ? 'PUT (new record)' : 'GET (stored record)';
    const target = i === 0 ? TARGET.put : TARGET.get;
    return [
      {
        metric: `${store} ${kind}: throughput`,
        value: Math.round(result.requests.average),
        unit: 'req/s',
        note: `${result.requests.total} requests`,
      },
      {
        metric: `${store} ${kind}: / bare node:http`,
        value: +(result.requests.average / bare).toFixed(3),
        unit: 'ratio',
        note: `bare ${Math.round(bare)} req/s just before; target ≥ ${target} on SQLite`,
      },
      {
        metric: `${store} ${kind}: p99 latency at ${target} × bare`,
        value: atRate.latency.p99,
        unit: 'ms',
        note: `${rate} req/s held for ${AT_RATE_SECONDS} s (${Math.round(atRate.requests.average)} answered a second), p50 ${atRate.latency.p50} ms; target p99 < 20 ms`,
      },
      {
        metric: `${store} ${kind}: p99 latency at full speed`,
        value: result.latency.p99,
        unit: 'ms',
        note: `p50 ${result.latency.p50} ms; ${CONNECTIONS} connections always waiting: mostly their own queue`,
      },
      {
        metric: `${store} ${kind}: failed requests`,
        value: failures(result) + failures(atRate),
        unit: 'requests',
        note: 'errors, timeouts, non-2xx, both runs; must be 0',
      },
    ];
  });
}

export async function run() {
  return withServer(['bare'], {}, async (bareUrl) => {
    const dir = mkdtempSync(join(tmpdir(), 'consent-bench-'));
    let sqlite;
    try {
      sqlite = await putAndGet(bareUrl, ['sqlite', join(dir, 'consent.db')], {});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const postgres = await postgresSchema();
    let postgresRows = [{ metric: 'PostgreSQL', value: 'skipped', unit: '', note: postgres.skipped }];
    if (postgres.schema) {
      try {
        postgresRows = rows('PostgreSQL', await putAndGet(bareUrl, ['postgres'], { BENCH_PG_SCHEMA: postgres.schema }));
      } finally {
        await postgres.drop();
      }
    }
    return [
      ...rows('SQLite', sqlite),
      ...postgresRows,
      {
        metric: 'settings',
        value: SECONDS,
        unit: 's per run',
        note: `${CONNECTIONS} connections; bare node:http measured ${BARE_SECONDS} s before each run; GETs over ${SEEDED} stored records`,
      },
    ];
  });
}
