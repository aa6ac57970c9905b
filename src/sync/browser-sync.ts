import { createCookieStore } from '../core/cookie-store.js';
import type { ConsentSync } from '../core/environment.js';
import { resolveLocale } from '../core/locale.js';
import type { ConsentConfig } from '../schema/config.js';
import { createLocalStorageStore } from './local-storage-store.js';
import { noticeText, sha256Hex } from './notice-digest.js';
import { Outbox } from './outbox.js';
import { SyncClient } from './sync-client.js';

/** The cookie fallback keeps the outbox under this many characters of JSON, well inside a 4 kB cookie. */
const COOKIE_CAPACITY = 2_500;

/** The page's endpoint client for `config`: its outbox in localStorage (else a cookie), sending at once. */
export function createBrowserSync(config: ConsentConfig): ConsentSync {
  const outboxName = `${config.cookie.name}-outbox`;
  const storage = createLocalStorageStore(`consent-kit:${outboxName}`);
  const outbox = storage
    ? new Outbox(storage)
    : new Outbox(createCookieStore({ ...config.cookie, name: outboxName }), COOKIE_CAPACITY);
  // Hashing is asynchronous but a change must reach the outbox at once, so the hashes are made up front.
  const hashes = new Map<string, string>();
  for (const language of config.locales) {
    void sha256Hex(noticeText(config, language)).then((hash) => hash && hashes.set(language, hash));
  }
  const separate = config.categories.filter((c) => c.separate).map((c) => c.id);
  return new SyncClient({
    endpoint: new URL(config.endpoint!, location.href).href,
    outbox,
    notice: () => {
      const language = resolveLocale(config.locale, { pageLang: document.documentElement.lang, browser: navigator.languages }, config.locales);
      const textHash = hashes.get(language);
      return {
        language,
        policyUrl: new URL(config.policy.url, location.href).href,
        ...(textHash ? { textHash } : {}),
        ...(separate.length > 0 ? { separateConsent: separate } : {}),
      };
    },
    window,
    // Where Web Locks are refused (an opaque origin), there is no other tab sharing the outbox to wait for.
    lock: (deliver) => navigator.locks?.request(`consent-kit:${outboxName}`, deliver).catch(deliver) ?? deliver(),
  });
}
