import { PAGE_ORIGIN, sidePort } from './origin.js';
import { createConsentHandler } from '../../src/server/consent-handler.js';
import type { ConsentStore } from '../../src/server/consent-store.js';
import { serveEndpoint } from '../../src/server/serve-endpoint.js';
import { createSqliteStore } from '../../src/server/sqlite-store.js';

/**
 * Runs `use` with a preferences endpoint for the e2e pages (an in-memory SQLite store, the pages' origin
 * allowed) on the side port `offset`, and closes the endpoint and its store afterwards, whatever happens.
 */
export async function withPageEndpoint(
  offset: number,
  use: (endpoint: { url: string; store: ConsentStore }) => Promise<void>,
): Promise<void> {
  const port = sidePort(offset);
  const store = createSqliteStore(':memory:');
  const handler = await createConsentHandler({
    store,
    controller: { name: 'Online Services' },
    origins: [PAGE_ORIGIN],
    log: () => {},
  });
  const server = await serveEndpoint(handler, { port });
  try {
    await use({ url: `http://127.0.0.1:${port}`, store });
  } finally {
    await server.close();
    await store.close();
  }
}
