/** The host a request goes to and the categories whose `hosts` list it. */
export interface HostMatch {
  /** `host[:port]` as the URL names it (lowercase, IDN in punycode, the default port left out). */
  host: string;
  categories: string[];
}

/** Answers which categories list a URL's host; `undefined` for hosts no category lists. */
export type HostMatcher = (url: string | URL, base?: string) => HostMatch | undefined;

type Rule = { category: string; port: string | undefined };

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'ws:': '80', 'https:': '443', 'wss:': '443' };

/**
 * Compiles the categories' host patterns (`stats.example.com`, `*.example.com`, either with `:port`) into one
 * matcher. `*.example.com` covers every subdomain but not `example.com` itself; a pattern without a port
 * covers every port. URLs are resolved against `base`, so relative URLs match the page's own host, and
 * hosts are compared the way the browser will send them (lowercase, punycode, no trailing dot).
 * Only network URLs can match: `data:`, `blob:`, `about:`, `javascript:` and unparsable URLs never do.
 * Cost per lookup: one URL parse and one map lookup per label of the host.
 */
export function createHostMatcher(categories: readonly { id: string; hosts: readonly string[] }[]): HostMatcher {
  const exact = new Map<string, Rule[]>();
  const wildcard = new Map<string, Rule[]>();
  for (const { id, hosts } of categories) {
    for (const pattern of hosts) {
      const [, star, host, port] = /^(\*\.)?([^:]+)(?::(\d+))?$/.exec(pattern) ?? [];
      if (!host) continue;
      const table = star ? wildcard : exact;
      table.set(host, [...(table.get(host) ?? []), { category: id, port }]);
    }
  }
  return (input, base) => {
    let url: URL;
    try {
      url = new URL(input, base);
    } catch {
      return undefined;
    }
    if (!NETWORK_SCHEMES.has(url.protocol)) return undefined;
    const hostname = url.hostname.replace(/\.$/, '');
    const port = url.port || DEFAULT_PORTS[url.protocol]!;
    let categories: string[] | undefined;
    const collect = (rules: Rule[] | undefined) => {
      for (const rule of rules ?? []) {
        if ((rule.port === undefined || rule.port === port) && !categories?.includes(rule.category))
          (categories ??= []).push(rule.category);
      }
    };
    collect(exact.get(hostname));
    for (let dot = hostname.indexOf('.'); dot !== -1; dot = hostname.indexOf('.', dot + 1))
      collect(wildcard.get(hostname.slice(dot + 1)));
    return categories && { host: url.host.replace(/\.(?=:|$)/, ''), categories };
  };
}
