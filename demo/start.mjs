// `npm run demo`: the demo site (Vite, from source) and the preferences endpoint on an SQLite file, in one
// process. The endpoint is loaded from source through Vite too, so no build is needed first.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const SITE_PORT = 5173;
const ENDPOINT_PORT = 8787;
const siteOrigin = `http://127.0.0.1:${SITE_PORT}`;
const dataDir = fileURLToPath(new URL('./data/', import.meta.url));
mkdirSync(dataDir, { recursive: true });
// The secret subject tokens are signed with; the demo makes a new one per start (tokens are per page load).
const secret = randomBytes(32).toString('base64url');
const endpointOrigin = `http://127.0.0.1:${ENDPOINT_PORT}`;
// The site runs the SDK the way a careful site would: no inline script or style, and it talks to its own
// origin and the endpoint only. ('self' also covers the dev server's reload socket on the same host.)
const DEMO_CSP = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${endpointOrigin}`;

let server;
const vite = await createServer({
  root: fileURLToPath(new URL('.', import.meta.url)),
  configFile: false,
  server: { host: '127.0.0.1', port: SITE_PORT, strictPort: true, open: false, headers: { 'Content-Security-Policy': DEMO_CSP } },
  plugins: [{
    name: 'demo-account-backend',
    // Stands in for the site's own backend: the signed-in demo account gets a subject token for the endpoint.
    configureServer(dev) {
      dev.middlewares.use('/demo-account/subject-token', (_req, res) => {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(server.issueSubjectToken(secret, 'demo-account', { ttlSeconds: 3600 }));
      });
    },
  }],
});
server = await vite.ssrLoadModule('/../src/server/index.ts');

const db = `${dataDir}consent.db`;
const store = server.createSqliteStore(db);
const handler = await server.createConsentHandler({
  store, controller: { name: 'Online Services (demo)' }, origins: [siteOrigin], secret,
});
const endpoint = await server.serveEndpoint(handler, { port: ENDPOINT_PORT });
await vite.listen();

console.log(`\n  consent-kit demo`);
console.log(`  Site:      ${siteOrigin}/  (account page: ${siteOrigin}/account.html)`);
console.log(`  Endpoint:  ${endpoint.url}  (SQLite ${db}; try ${endpoint.url}/v1/keys)\n`);

const stop = async () => {
  await Promise.allSettled([vite.close(), endpoint.close()]);
  await store.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
