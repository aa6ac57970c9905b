// The server side of endpoint.bench.mjs, in its own process so that autocannon does not share its thread:
// `node bench/endpoint-server.mjs bare` (node:http answering 204), `… sqlite <file>` or `… postgres` (the
// endpoint; PostgreSQL from DATABASE_URL, in the schema BENCH_PG_SCHEMA). Also the server of the soak run
// (bench/soak.mjs).
import { createServer } from 'node:http';

const [mode, file] = process.argv.slice(2);
if (mode === 'bare') {
  const server = createServer((_req, res) => res.writeHead(204).end());
  server.listen(0, '127.0.0.1', () => console.log(`listening http://127.0.0.1:${server.address().port}`));
} else {
  const { createConsentHandler, createPostgresStore, createSqliteStore, serveEndpoint } = await import(
    '../dist/server/index.js'
  );
  const store =
    mode === 'postgres'
      ? createPostgresStore({
          connectionString: process.env.DATABASE_URL,
          options: `-c search_path=${process.env.BENCH_PG_SCHEMA}`,
        })
      : createSqliteStore(file);
  const unlimited = 1e9;
  const handler = await createConsentHandler({
    store,
    controller: { name: 'Benchmark' },
    log: () => {},
    writesPerMinute: unlimited,
    clientWritesPerMinute: unlimited,
    readsPerMinute: unlimited,
    clientReadsPerMinute: unlimited,
  });
  const endpoint = await serveEndpoint(handler, { port: 0 });
  console.log(`listening ${endpoint.url}`);
  // Started with an IPC channel and --expose-gc (bench/soak.mjs): answers 'memory' with its memory after a full GC.
  process.on('message', (message) => {
    if (message !== 'memory') return;
    globalThis.gc?.();
    process.send({ memory: process.memoryUsage() });
  });
}
