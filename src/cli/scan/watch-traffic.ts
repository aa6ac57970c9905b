import type { BrowserContext, Response, Route } from 'playwright-core';

/** Request kinds from other hosts that load for real, so third-party code runs and sets what it sets. */
const LOADED_FROM_OTHER_HOSTS = new Set(['document', 'script', 'stylesheet', 'font']);
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** What a context's traffic showed: the other hosts contacted and the cookies HTTP responses set. */
export interface TrafficWatch {
  /** Each other host contacted since the start or the last {@link forgetHosts}, with one URL sent to it. */
  hosts(): { host: string; url: string }[];
  forgetHosts(): void;
  /** The page's own host is now `host` (the URL redirected there): neither it nor the URL's host counts as another host. */
  movePage(host: string): void;
  /** Whether a response from `domain` or one of its subdomains set cookie `name` (after {@link settled}). */
  isSetByHttp(name: string, domain: string): boolean;
  /** Resolves once the headers of every response seen so far have been read. */
  settled(): Promise<void>;
}

/**
 * Watches a context's requests. Requests to the page's own host, and documents, scripts, styles and fonts
 * from other hosts, go out as the page makes them; every other request to another host (beacons, pixels,
 * fetch, XHR) is recorded and answered with an empty 204, so an audit adds no visits to anyone's statistics.
 */
export async function watchTraffic(context: BrowserContext, urlHost: string): Promise<TrafficWatch> {
  let pageHost = urlHost;
  const hosts = new Map<string, string>();
  const httpCookies = new Map<string, Set<string>>();
  let pending: Promise<void>[] = [];
  context.on('request', (request) => {
    const url = networkUrl(request.url());
    if (url && url.host !== pageHost && !hosts.has(url.host)) hosts.set(url.host, url.href);
  });
  context.on('response', (response) => pending.push(noteCookies(response, httpCookies)));
  await context.route('**/*', (route) => answer(route, pageHost));
  return {
    hosts: () => [...hosts].map(([host, url]) => ({ host, url })),
    forgetHosts: () => hosts.clear(),
    movePage: (host) => {
      pageHost = host;
      hosts.delete(urlHost);
      hosts.delete(host);
    },
    isSetByHttp: (name, domain) => {
      const bare = domain.replace(/^\./, '');
      return [...(httpCookies.get(name) ?? [])].some((host) => host === bare || host.endsWith(`.${bare}`));
    },
    settled: async () => {
      const waiting = pending;
      pending = [];
      await Promise.all(waiting);
    },
  };
}

function answer(route: Route, pageHost: string): Promise<void> {
  const request = route.request();
  const url = networkUrl(request.url());
  if (!url || url.host === pageHost || LOADED_FROM_OTHER_HOSTS.has(request.resourceType())) return route.continue();
  return route.fulfill({ status: 204 });
}

/** Notes the names of the cookies a response sets, with the host that set them. */
async function noteCookies(response: Response, into: Map<string, Set<string>>): Promise<void> {
  const host = networkUrl(response.url())?.hostname;
  const headers = await response.headerValues('set-cookie').catch(() => []);
  for (const line of headers.flatMap((value) => value.split('\n'))) {
    const name = line.slice(0, line.indexOf('=')).trim();
    if (host && line.includes('=')) into.set(name, (into.get(name) ?? new Set()).add(host));
  }
}

function networkUrl(text: string): URL | undefined {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  return url && NETWORK_SCHEMES.has(url.protocol) ? url : undefined;
}
