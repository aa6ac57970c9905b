// `npm run demo`: the demo site (Vite), the preferences endpoint on an SQLite file and the fake analytics
// collector, in one process. By default the SDK and the endpoint come from source through Vite, so no build
// is needed first and edits show at once. With `--preview` (`npm run demo:preview`, which builds first) the
// pages get the built files instead: the script-tag pages load dist/consent-kit.iife.js, the npm page
// imports dist/index.js and dist/define.js, and the endpoint is dist/server.
// `--data <dir>` keeps the SQLite file somewhere else than demo/data/ (the tests start from an empty one).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { serveCollector } from './serve-collector.mjs';

const { values: options } = parseArgs({
  options: { preview: { type: 'boolean', default: false }, data: { type: 'string' } },
});
const SITE_PORT = 5173;
const ENDPOINT_PORT = 8787;
const COLLECTOR_PORT = 8790;
const siteOrigin = `http://127.0.0.1:${SITE_PORT}`;
const endpointOrigin = `http://127.0.0.1:${ENDPOINT_PORT}`;
// One collector, two names: the pages send their analytics to `localhost:8790`, which the demo config lists
// as an analytics host, so the gate holds those hits until analytics is granted. The live log is read from
// `127.0.0.1:8790`, which no category lists: watching the collector is the demo's own business, not tracking,
// and reading it through a gated address would hide exactly what the log is there to show.
const collectorHits = `http://localhost:${COLLECTOR_PORT}`;
const collectorLog = `http://127.0.0.1:${COLLECTOR_PORT}`;
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (file) => resolve(root, 'dist', file);
const dataDir = resolve(options.data ?? fileURLToPath(new URL('./data/', import.meta.url)));
mkdirSync(dataDir, { recursive: true });

if (options.preview) {
  const missing = ['consent-kit.iife.js', 'index.js', 'define.js', 'server/index.js'].filter(
    (file) => !existsSync(dist(file)),
  );
  if (missing.length) {
    console.error(
      `consent-kit demo: --preview serves the built files, and dist/ lacks ${missing.join(', ')}: run "npm run build" first`,
    );
    process.exit(1);
  }
}

// The secret subject tokens are signed with; the demo makes a new one per start (tokens are per page load).
const secret = randomBytes(32).toString('base64url');
// The site runs the SDK the way a careful site would: no inline script or style; it talks to its own origin,
// the endpoint and the collector only. ('self' also covers the dev server's reload socket on the same host.)
const DEMO_CSP = [
  "default-src 'self'",
  `script-src 'self' ${collectorHits}`,
  "style-src 'self'",
  `img-src 'self' ${collectorHits}`,
  `connect-src 'self' ${endpointOrigin} ${collectorHits} ${collectorLog}`,
].join('; ');

// The npm page imports `consent-kit` as an app would; here the name points at the source or the build.
const packageEntries = options.preview
  ? { main: dist('index.js'), define: dist('define.js') }
  : { main: resolve(root, 'src/index.ts'), define: resolve(root, 'src/define.ts') };

let server;
const vite = await createServer({
  root: fileURLToPath(new URL('.', import.meta.url)),
  configFile: false,
  // One dependency cache per mode: their aliases differ, and a shared cache would be rebuilt at every switch.
  cacheDir: resolve(root, 'node_modules/.vite', options.preview ? 'demo-preview' : 'demo'),
  resolve: {
    alias: [
      { find: /^consent-kit\/define$/, replacement: packageEntries.define },
      { find: /^consent-kit$/, replacement: packageEntries.main },
    ],
    // lit's production build, as a site's bundle would have it: its development build warns on every page.
    conditions: ['module', 'browser', 'production'],
  },
  server: {
    host: '127.0.0.1',
    port: SITE_PORT,
    strictPort: true,
    open: false,
    headers: { 'Content-Security-Policy': DEMO_CSP },
  },
  plugins: [
    {
      name: 'demo-account-backend',
      // Stands in for the site's own backend: the signed-in demo account gets a subject token for the endpoint.
      configureServer(dev) {
        dev.middlewares.use('/demo-account/subject-token', async (_req, res) => {
          const token = await server.issueSubjectToken(secret, 'demo-account', { ttlSeconds: 3600 });
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(token);
        });
      },
    },
    options.preview && {
      name: 'demo-built-script-tag',
      // The script-tag pages load the SDK from source as a module in development; in preview, the one built
      // file a site would put in its script tag, with the chunks it fetches on demand next to it. The pages'
      // configs are then checked ahead of time, as a site's deploy step does with `consent-kit config`; in
      // development they are validated in the page, and the console shows the checked tag to use.
      configureServer(dev) {
        dev.middlewares.use((req, res, next) => {
          const file = /^\/(consent-kit(?:\.iife|-[\w-]+)\.js)$/.exec(req.url ?? '')?.[1];
          if (!file || !existsSync(dist(file))) return next();
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(readFileSync(dist(file)));
        });
      },
      transformIndexHtml: (html) =>
        server.checkConfigTagsIn(
          html.replace(
            '<script type="module" src="./script-tag.ts"></script>',
            '<script src="/consent-kit.iife.js"></script>',
          ),
        ),
    },
  ],
});
server = options.preview ? await import(dist('server/index.js')) : await vite.ssrLoadModule('/../src/server/index.ts');

const db = resolve(dataDir, 'consent.db');
const store = server.createSqliteStore(db);
const handler = await server.createConsentHandler({
  store,
  controller: { name: 'Online Services (demo)' },
  origins: [siteOrigin],
  secret,
});
const endpoint = await server.serveEndpoint(handler, { port: ENDPOINT_PORT });
const collector = await serveCollector({ port: COLLECTOR_PORT, siteOrigin });
await vite.listen();

console.log(`\n  consent-kit demo${options.preview ? ' (preview: the built files in dist/)' : ''}`);
console.log(
  `  Site:       ${siteOrigin}/  (account page: ${siteOrigin}/account.html, npm import: ${siteOrigin}/plans.html)`,
);
console.log(`  Collector:  ${collectorHits} receives the analytics hits; its log: ${collector.url}/log`);
console.log(`  Endpoint:   ${endpoint.url}  (SQLite ${db}; try ${endpoint.url}/v1/keys)\n`);

const stop = async () => {
  await Promise.allSettled([vite.close(), endpoint.close(), collector.close()]);
  await store.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
