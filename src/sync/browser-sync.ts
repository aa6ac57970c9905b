import type { ConsentSync } from '../core/environment.js';
import { shownLocale } from '../core/locale.js';
import { randomId } from '../core/random-id.js';
import type { ConsentConfig } from '../schema/config.js';
import { handoffPrefix } from './handoff-prefix.js';
import { noticeText, sha256Hex } from './notice-digest.js';
import { cookieShelf, localStorageShelf } from './outbox-shelves.js';
import { SyncClient } from './sync-client.js';
import { TabOutboxes, type ClaimOutbox } from './tab-outboxes.js';
import { takeHandoffs } from './take-handoffs.js';

/** The cookie fallback keeps each outbox under this many characters of JSON, well inside a 4 kB cookie. */
const COOKIE_CAPACITY = 2_500;

/**
 * The page's endpoint client for `config`: its own outbox in localStorage (else a cookie), claiming those of
 * tabs that have gone, sending at once. It starts with the decisions that earlier pages left behind because
 * they went away before their client arrived (see `deferredSync`), ahead of this page's own.
 */
export function createBrowserSync(config: ConsentConfig): ConsentSync {
  const shelf =
    localStorageShelf(`consent-kit:${config.cookie.name}-outbox`) ?? cookieShelf(config.cookie, COOKIE_CAPACITY);
  const claim = webLocksClaim();
  const outbox = new TabOutboxes(shelf, claim ? claim.own(`${shelf.prefix}.${randomId()}`) : shelf.prefix, claim?.gone);
  // Hashing is asynchronous but a change must reach the outbox at once, so the hashes are made up front.
  const hashes = new Map<string, string>();
  for (const language of config.locales) {
    void sha256Hex(noticeText(config, language)).then((hash) => hash && hashes.set(language, hash));
  }
  const separate = config.categories.filter((c) => c.separate).map((c) => c.id);
  const client = new SyncClient({
    endpoint: new URL(config.endpoint!, location.href).href,
    outbox,
    notice: () => {
      const language = shownLocale(config); // the language the visitor was shown, their own pick included
      const textHash = hashes.get(language);
      return {
        language,
        policyUrl: new URL(config.policy.url, location.href).href,
        ...(textHash ? { textHash } : {}),
        ...(separate.length > 0 ? { separateConsent: separate } : {}),
      };
    },
    window,
    beforeRound: () => outbox.claimGone(),
  });
  for (const record of takeHandoffs(handoffPrefix(config.cookie.name))) client.push(record);
  return client;
}

/**
 * Outbox ownership through Web Locks: a page holds the lock named after its own outbox until it goes away,
 * and takes another outbox's lock only when nobody holds it, that is when the page that wrote it is gone.
 * `undefined` where Web Locks are missing (insecure contexts, older browsers).
 */
function webLocksClaim(): { own: (name: string) => string; gone: ClaimOutbox } | undefined {
  const locks = globalThis.navigator?.locks;
  if (!locks) return undefined;
  const holdForever = () => new Promise<never>(() => {});
  return {
    own: (name) => {
      locks.request(name, holdForever).catch(() => {});
      return name;
    },
    gone: (name) =>
      new Promise<boolean>((resolve) => {
        locks
          .request(name, { ifAvailable: true }, (lock) => {
            resolve(lock !== null);
            return lock ? holdForever() : undefined;
          })
          .catch(() => resolve(false));
      }),
  };
}
