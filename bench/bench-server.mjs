// The server every page benchmark visits: the content page in each variant (reference.mjs) and the files
// they load, from 127.0.0.1. Every response is compressed ahead of time with brotli at quality 11 and sent
// with `Content-Encoding: br`, as a static host serving precompressed files sends them, so the bytes a visit
// transfers compare with the size bench's static brotli figures. Nothing is cacheable: every visit is a first one.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { brotli } from '../build/size-budget.mjs';
import { assets, variants } from './reference.mjs';

let compressed;

/** How many times the long page repeats the content page's main text: 900 elements more after the SDK's script. */
export const LONG_PAGE_REPEATS = 150;

/** The content page with its `<main>` repeated {@link LONG_PAGE_REPEATS} times. */
function longPage(template) {
  const main = / {2}<main>[\s\S]*?<\/main>\n/.exec(template)[0];
  return template.replace(main, main.repeat(LONG_PAGE_REPEATS));
}

/** Each variant's page from `template`, under `prefix`. */
function pages(template, prefix) {
  return Object.entries(variants).map(([variant, head]) => [
    `${prefix}/${variant}.html`,
    ['text/html; charset=utf-8', Buffer.from(template.replace('<!--CONSENT-->', head))],
  ]);
}

/** Path -> [content type, brotli bytes, plain bytes]; compressed once per run, as a build step would. */
function responses() {
  if (compressed) return compressed;
  const template = readFileSync('bench/pages/content.html', 'utf8');
  const files = {
    ...Object.fromEntries([...pages(template, ''), ...pages(longPage(template), '/long')]),
    ...assets(),
  };
  compressed = Object.fromEntries(
    Object.entries(files).map(([path, [type, body]]) => [path, [type, brotli(Buffer.from(body)), body]]),
  );
  return compressed;
}

/**
 * Starts the server on a free port. Resolves with its origin (`http://127.0.0.1:port`; the page of a variant is
 * `/<variant>.html`, its long page `/long/<variant>.html`) and a `close()`. A client that does not accept
 * brotli gets the plain bytes. `scripts` (path -> code) serves other code under a built script's path: the
 * floor's emptied files (floor.mjs).
 */
export function serveVariants(scripts = {}) {
  const files = { ...responses() };
  for (const [path, code] of Object.entries(scripts)) {
    const body = Buffer.from(code);
    files[path] = ['text/javascript', brotli(body), body];
  }
  const server = createServer((req, res) => {
    const file = files[new URL(req.url, 'http://127.0.0.1').pathname];
    if (!file) return res.writeHead(404).end();
    const [type, br, plain] = file;
    const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
    if (!/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) return res.writeHead(200, headers).end(plain);
    res.writeHead(200, { ...headers, 'content-encoding': 'br' }).end(br);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      }),
    ),
  );
}
