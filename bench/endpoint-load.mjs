// Load runs against one endpoint process, shared by endpoint.bench.mjs: PUT-only (each request a new
// visitor's first decision) and GET-only (records stored first), autocannon against 127.0.0.1.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { putBody } from './put-body.mjs';

/** Starts `endpoint-server.mjs <args…>` with an IPC channel and resolves with its URL once it listens. */
export async function startServer(args, env = {}) {
  const child = fork(fileURLToPath(new URL('./endpoint-server.mjs', import.meta.url)), args, {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
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
  throw new Error(`the endpoint (${args.join(' ')}) did not start: ${output}`);
}

/**
 * autocannon for `seconds` on `connections`, each request from `next(req)`, as fast as the server answers or
 * at `rate` requests a second in all; resolves with its result.
 */
export function cannon(url, { seconds, connections, next, rate }) {
  const options = { url, duration: seconds, connections, overallRate: rate, requests: [{ setupRequest: next }] };
  return new Promise((resolve, reject) =>
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

/** A PUT of a new record, as a visitor's first decision sends it. */
export const newRecordPut = (req) => {
  const id = crypto.randomUUID();
  return {
    ...req,
    method: 'PUT',
    path: `/v1/consents/${id}`,
    headers: { 'content-type': 'application/json' },
    body: putBody(id, 1),
  };
};

/** GETs cycling over `ids`. */
export const storedRecordGets = (ids) => {
  let n = 0;
  return (req) => ({ ...req, method: 'GET', path: `/v1/consents/${ids[n++ % ids.length]}` });
};

/** Stores `count` records through the endpoint, `connections` at a time; resolves with their ids. */
export async function seed(url, count, connections) {
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  for (let i = 0; i < count; i += connections) {
    await Promise.all(
      ids.slice(i, i + connections).map(async (id) => {
        const response = await fetch(`${url}/v1/consents/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: putBody(id, 1),
        });
        if (response.status !== 201) throw new Error(`seeding failed with HTTP ${response.status}`);
      }),
    );
  }
  return ids;
}

/** Failed requests of an autocannon result: errors, timeouts and answers other than 2xx. */
export const failures = (result) => result.errors + result.timeouts + result.non2xx;
