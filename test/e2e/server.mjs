// Serves the built bundle and the end-to-end pages on 127.0.0.1 only.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// The tracker libraries (devDependencies) are served from here, as a site would self-host them.
const mounts = {
  '/dist/': join(root, 'dist'),
  '/node_modules/': join(root, 'node_modules'),
  '/': join(root, 'test/e2e/pages'),
};
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};
const port = Number(process.env.PORT ?? 4320);
/** Pages that must work under the strictest policy a site may set: no inline script or style, Trusted Types. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const strictCsp = { '/strict-csp.html': STRICT_CSP, '/embeds.html': STRICT_CSP, '/embeds-zh.html': STRICT_CSP };

/** Pages again in Chinese: only `<html lang>` differs, which is what the SDK detects the language from. */
const translated = {
  '/ui-zh.html': ['ui.html', 'zh-CN'],
  '/ui-services-zh.html': ['ui-services.html', 'zh-CN'],
  '/embeds-zh.html': ['embeds.html', 'zh-CN'],
};

/** `<page>.html?checked`: the page with its config tag replaced by the checked tag `consent-kit config` writes. */
async function withCheckedConfig(file) {
  const { checkConfigTagsIn } = await import('../../dist/server/index.js');
  return checkConfigTagsIn(readFileSync(file, 'utf8'));
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = decodeURIComponent(url.pathname);
  if (translated[path]) {
    const [source, lang] = translated[path];
    const file = join(mounts['/'], source);
    const text = url.searchParams.has('checked') ? await withCheckedConfig(file) : readFileSync(file, 'utf8');
    const html = text.replace('<html lang="en">', `<html lang="${lang}">`);
    res
      .writeHead(200, {
        'content-type': types['.html'],
        'cache-control': 'no-store',
        ...(strictCsp[path] ? { 'content-security-policy': strictCsp[path] } : {}),
      })
      .end(html);
    return;
  }
  const [prefix, dir] = Object.entries(mounts).find(([p]) => path.startsWith(p));
  const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  if (url.searchParams.has('checked') && extname(file) === '.html') {
    res
      .writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store' })
      .end(await withCheckedConfig(file));
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    // As a CDN serves it: the chunks the script imports load from any origin, an opaque one included.
    ...(path.startsWith('/dist/') ? { 'access-control-allow-origin': '*' } : {}),
    ...(strictCsp[path] ? { 'content-security-policy': strictCsp[path] } : {}),
  });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`e2e pages on http://127.0.0.1:${port}/`));
