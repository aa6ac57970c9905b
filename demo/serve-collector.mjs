// The demo's fake analytics collector: a tiny node:http server on 127.0.0.1 that records every hit it gets
// (beacon, fetch, pixel, tag script) and shows its log, so a visitor sees what reached "the analytics vendor"
// and when. It keeps everything in memory: each start of the demo begins with an empty log.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** What each hit address stands for, as the page's analytics code and tagged script use them. */
const KINDS = { '/beacon': 'beacon', '/event': 'fetch', '/pixel.gif': 'pixel', '/tag.js': 'script' };
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const TAG = readFileSync(new URL('./tagged-analytics.js', import.meta.url));
const BODY_SUMMARY = 120;

/**
 * Starts the collector on 127.0.0.1:`port`. Hits are whatever reaches it except the log itself: `GET /log`
 * answers the hits so far as JSON, `GET /log/stream` sends each one as a server-sent event (the ones so far
 * first). `siteOrigin` is the only origin CORS lets read the answers. Resolves once listening, with `close()`.
 */
export async function serveCollector({ port, siteOrigin }) {
  const hits = [];
  const streams = new Set();
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', siteOrigin);
    res.setHeader('Cache-Control', 'no-store');
    const url = new URL(req.url ?? '/', 'http://collector');
    if (req.method === 'GET' && url.pathname === '/log') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ hits }));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/log/stream') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
      for (const hit of hits) res.write(`data: ${JSON.stringify(hit)}\n\n`);
      streams.add(res);
      req.once('close', () => streams.delete(res));
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const hit = {
        n: hits.length + 1,
        at: new Date().toISOString(),
        kind: KINDS[url.pathname] ?? 'other',
        method: req.method,
        path: `${url.pathname}${url.search}`,
        host: req.headers.host ?? '',
        body: body.length > BODY_SUMMARY ? `${body.slice(0, BODY_SUMMARY)}…` : body,
      };
      hits.push(hit);
      for (const stream of streams) stream.write(`data: ${JSON.stringify(hit)}\n\n`);
      if (url.pathname === '/pixel.gif') res.writeHead(200, { 'Content-Type': 'image/gif' }).end(PIXEL);
      else if (url.pathname === '/tag.js')
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(TAG);
      else res.writeHead(204).end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        // Open log streams would keep the server from closing.
        server.closeAllConnections();
      }),
  };
}
