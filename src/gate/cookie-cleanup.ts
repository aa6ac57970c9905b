import { compileCookiePattern } from '../shared/cookie-pattern.js';

/** Where the page is: its host and path decide which cookie scopes it can reach. */
export interface CookieScope {
  hostname: string;
  pathname: string;
  /** The configured `cookie.domain`, if any. */
  domain?: string | undefined;
  /** A cookie never deleted whatever the patterns say: the consent cookie itself. */
  keep: string;
  /** On https: deletions carry `Secure`, without which browsers refuse `__Secure-` and `__Host-` cookies. */
  isSecure?: boolean;
}

/**
 * Deletes the page-visible cookies whose names match `patterns` (names or `/regular expressions/`) in every
 * scope a script may have set them: host-only, the configured cookie domain and each parent domain of the
 * page, on `/` and every parent of the current path. Scopes the browser refuses (a public suffix, another
 * site) are ignored by the browser, so trying them is harmless. Cannot reach `HttpOnly` cookies or cookies
 * of other sites. Returns the names it deleted.
 */
export function deleteCookies(document: Document, patterns: readonly string[], scope: CookieScope): string[] {
  const tests = patterns.map(compileCookiePattern).filter((test) => test !== undefined);
  const names = [
    ...new Set(
      document.cookie
        .split(';')
        .map((pair) => pair.split('=')[0]!.trim())
        .filter(Boolean),
    ),
  ];
  const doomed = names.filter((name) => name !== scope.keep && tests.some((test) => test(name)));
  for (const name of doomed) {
    for (const domain of reachableDomains(scope)) {
      for (const path of parentPaths(scope.pathname)) {
        document.cookie = `${name}=; Max-Age=0; Path=${path}${domain ? `; Domain=${domain}` : ''}${scope.isSecure ? '; Secure' : ''}`;
      }
    }
  }
  return doomed;
}

/** Host-only (`''`), then the configured domain and each parent domain of the host with at least two labels. */
function reachableDomains({ hostname, domain }: CookieScope): string[] {
  const domains = [''];
  if (domain) domains.push(domain);
  if (/^[\d.]+$|:/.test(hostname)) return domains; // IP addresses have no parent domains
  const labels = hostname.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** `/`, then `/a`, `/a/b`, … for `/a/b/c`: the paths a cookie visible here may have been set on. */
function parentPaths(pathname: string): string[] {
  const segments = pathname.split('/').filter(Boolean);
  return ['/', ...segments.map((_, i) => `/${segments.slice(0, i + 1).join('/')}`)];
}
