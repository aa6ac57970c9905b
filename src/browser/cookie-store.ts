import Cookies from 'js-cookie';
import type { ConsentConfig } from '../schema/config.js';
import type { DecisionStore } from '../core/environment.js';

/**
 * Keeps the decision in a first-party cookie: `SameSite=Lax`, `Secure` on https, on the configured domain so
 * subdomains share it. Every access is guarded because `document.cookie` throws on opaque origins
 * (sandboxed frames, `about:blank`); a refused write is reported through `write()`'s result.
 */
export function createCookieStore(settings: ConsentConfig['cookie']): DecisionStore {
  const attributes: Cookies.CookieAttributes = {
    path: settings.path,
    sameSite: 'Lax',
    secure: globalThis.location?.protocol === 'https:',
    ...(settings.domain ? { domain: settings.domain } : {}),
  };
  const read = (): string | undefined => {
    try {
      return Cookies.get(settings.name);
    } catch {
      return undefined;
    }
  };
  return {
    read,
    write(value) {
      try {
        Cookies.set(settings.name, value, { ...attributes, expires: settings.expiresDays });
      } catch {
        return false;
      }
      return read() === value;
    },
    remove() {
      try {
        Cookies.remove(settings.name, attributes);
      } catch {
        // Nothing stored that could be removed.
      }
    },
  };
}
