import type { ConsentManager } from '../core/consent-manager.js';
import { purposeLists } from '../core/purposes.js';
import { BlockedLog, type GateKind, type WriteKind } from './blocked-log.js';
import { createHostMatcher, type HostMatcher } from './host-matcher.js';
import { createNameMatcher, type NameMatcher } from './name-matcher.js';
import { RequestQueue } from './request-queue.js';

/** What happens to a request now. */
export type Verdict = 'pass' | 'hold' | 'drop';

/** A request's verdict, with the host and the categories that decided it. */
export interface Judgement {
  verdict: Verdict;
  url: string;
  host: string;
  categories: string[];
}

interface Held {
  url: string;
  kind: GateKind;
  /** Categories fixed by the caller (`manager.beacon()`), instead of those listing the host. */
  fixed: string[] | undefined;
  /** Whether it is in the tallies yet; requests held before the config was read are counted once it is. */
  isCounted: boolean;
  release(): void;
  refuse(): void;
}

const PASS = { verdict: 'pass', url: '', host: '', categories: [] } as const satisfies Judgement;
const DEFAULT_QUEUE_SIZE = 100;

/**
 * Decides every caught request against the visitor's decision: hosts no category lists pass untouched;
 * listed hosts pass once every listing category is granted, are held (bounded, in order) while there is no
 * decision, and are dropped after a denial. Until the manager connects, requests to other hosts than the
 * page's own are held, because the config may list them; they are decided the moment it connects.
 */
export class GateKeeper {
  #consent: ConsentManager | null | undefined;
  #matcher: HostMatcher = () => undefined;
  #cookieNames: NameMatcher = () => undefined;
  #storageNames: NameMatcher = () => undefined;
  /** Writes made before the manager connected, decided the moment it does. */
  #heldWrites: [WriteKind, string, () => void][] = [];
  #queue = new RequestQueue<Held>(DEFAULT_QUEUE_SIZE);
  #log = new BlockedLog();
  #events: EventTarget;
  #base: () => string;
  #pageHost: () => string;
  #onLateGrant: () => void;
  /** Categories whose untagged code showed itself while denied on this page: not granted again until reload. */
  #caughtWhileDenied = new Set<string>();
  #unsubscribe = () => {};

  /**
   * @param onLateGrant called when a category whose requests or writes were refused after a denial on this
   * page is granted: its scripts kept running and recording, so the grant only takes effect on the next
   * page load (see {@link has}); the page may reload now.
   */
  constructor(events: EventTarget, base: () => string, pageHost: () => string, onLateGrant: () => void = () => {}) {
    this.#events = events;
    this.#base = base;
    this.#pageHost = pageHost;
    this.#onLateGrant = onLateGrant;
  }

  /** Follows `consent` from now on (`null`: the page has no consent config, so nothing is listed). */
  connect(consent: ConsentManager | null): void {
    this.#unsubscribe();
    this.#consent = consent;
    // Each service answers for its own hosts and names, its category for the rest of the category's.
    const purposes = purposeLists(consent?.configError ? [] : (consent?.config.categories ?? []));
    this.#matcher = createHostMatcher(purposes);
    this.#cookieNames = createNameMatcher(purposes, 'cookies');
    this.#storageNames = createNameMatcher(purposes, 'storage');
    this.#unsubscribe =
      consent?.on('change', () => {
        if ([...this.#caughtWhileDenied].some((id) => consent.has(id))) this.#onLateGrant();
        this.flush();
      }) ?? (() => {});
    const size = consent?.config.requestQueueSize ?? DEFAULT_QUEUE_SIZE;
    for (const evicted of this.#queue.resize(size)) this.#overflow(evicted);
    this.flush();
    for (const [kind, name, write] of this.#heldWrites.splice(0)) this.write(kind, name, write);
  }

  /**
   * Whether the category may run now; `false` until a manager is connected. A category granted after a
   * denial on this page during which its requests or writes were refused stays `false` until the page
   * reloads: what its untagged scripts recorded while denied must never leave the page.
   */
  has(category: string): boolean {
    return this.#consent?.has(category) === true && !this.#caughtWhileDenied.has(category);
  }

  /** The verdict for a request to `url`, for the categories listing its host or the `fixed` ones. */
  judge(url: string, fixed?: string[]): Judgement {
    const match = fixed ? { host: hostOf(url, this.#base()), categories: fixed } : this.#match(url);
    if (!match) return PASS;
    const consent = this.#consent;
    if (consent === undefined) return { verdict: 'hold', url, ...match };
    if (match.categories.length === 0 || match.categories.every((id) => this.has(id))) return PASS;
    return { verdict: consent?.hasDecision ? 'drop' : 'hold', url, ...match };
  }

  /**
   * A beacon through the gate, for `fixed` categories or those listing its host: `send` (which says whether
   * the browser queued it) runs now or on release. Returns what `sendBeacon` promises: `true` when sent or
   * held (a held beacon is queued for sending), `false` when refused.
   */
  beacon(url: string, send: () => boolean, fixed?: string[]): boolean {
    let sent = false;
    const verdict = this.admit(
      url,
      'beacon',
      () => (sent = send()),
      () => {},
      fixed,
    );
    return verdict === 'hold' || sent;
  }

  /**
   * Sends, holds or refuses a request as {@link judge} says: `send` runs now or on release, `refuse` when it
   * is dropped. Returns the verdict.
   */
  admit(url: string, kind: GateKind, send: () => void, refuse: () => void, fixed?: string[]): Verdict {
    const judgement = this.judge(url, fixed);
    if (judgement.verdict === 'pass') send();
    else if (judgement.verdict === 'hold') this.hold(judgement, kind, send, refuse, fixed);
    else this.drop(judgement, kind, refuse);
    return judgement.verdict;
  }

  /**
   * Makes a cookie or storage write (`write`) unless a category listing `name` is not granted: then it is
   * refused silently, counted and reported with `consent:blocked`, because a write cannot wait for a
   * decision the way a request can (the identifier it stores is what needs consent). Names no optional
   * category lists are written at once. Before the manager connects, writes are kept (the last
   * {@link DEFAULT_QUEUE_SIZE}) and decided when it does. Returns whether it was written now.
   */
  write(kind: WriteKind, name: string, write: () => void): boolean {
    const consent = this.#consent;
    if (consent === undefined) {
      if (this.#heldWrites.push([kind, name, write]) > DEFAULT_QUEUE_SIZE) this.#heldWrites.shift();
      return false;
    }
    const categories = (kind === 'cookie' ? this.#cookieNames : this.#storageNames)(name);
    // The consent cookie is the decision itself: no category's pattern can hold it back.
    if (
      !categories ||
      (kind === 'cookie' && name === consent?.config.cookie.name) ||
      categories.every((id) => this.has(id))
    ) {
      write();
      return true;
    }
    this.#log.count(categories, `${kind}:${name}`, 'dropped');
    const reason = consent?.hasDecision ? 'denied' : 'undecided';
    this.#catch(categories);
    this.#events.dispatchEvent(
      new CustomEvent('consent:blocked', { detail: { categories, host: '', url: '', kind, name, reason } }),
    );
    return false;
  }

  /** Queues a request judged `hold`; a full queue drops (and counts) its oldest request. */
  hold(judgement: Judgement, kind: GateKind, release: () => void, refuse: () => void, fixed?: string[]): void {
    const isCounted = judgement.categories.length > 0;
    if (isCounted) this.#log.count(judgement.categories, judgement.host, 'held');
    const held: Held = { url: judgement.url, kind, fixed, isCounted, release, refuse };
    for (const evicted of this.#queue.push(held)) this.#overflow(evicted);
  }

  /** Refuses a request, counts it and dispatches `consent:blocked`. */
  drop(judgement: Judgement, kind: GateKind, refuse: () => void, reason: 'denied' | 'overflow' = 'denied'): void {
    this.#log.count(judgement.categories, judgement.host, 'dropped');
    if (reason === 'denied') this.#catch(judgement.categories);
    settle(refuse);
    const { categories, host, url } = judgement;
    this.#events.dispatchEvent(new CustomEvent('consent:blocked', { detail: { categories, host, url, kind, reason } }));
  }

  /** Decides every held request again, oldest first: releases, drops or keeps holding each. */
  flush(): void {
    for (const held of this.#queue.takeAll()) {
      const judgement = this.judge(held.url, held.fixed);
      if (judgement.verdict === 'hold') {
        if (!held.isCounted && judgement.categories.length > 0) {
          held.isCounted = true;
          this.#log.count(judgement.categories, judgement.host, 'held');
        }
        this.#queue.push(held);
      } else if (judgement.verdict === 'drop') {
        this.drop(judgement, held.kind, held.refuse);
      } else {
        if (held.isCounted) this.#log.count(this.#categoriesOf(held), hostOf(held.url, this.#base()), 'released');
        settle(held.release);
      }
    }
  }

  /** A copy of what was held, released and dropped, per category and host. */
  blocked() {
    return this.#log.report();
  }

  /** Notes the denied ones among `categories` as having code running on this page despite the denial. */
  #catch(categories: readonly string[]): void {
    const consent = this.#consent;
    if (!consent?.hasDecision) return;
    for (const id of categories) if (!consent.has(id)) this.#caughtWhileDenied.add(id);
  }

  #overflow(held: Held): void {
    const categories = held.isCounted ? this.#categoriesOf(held) : [];
    this.drop(
      { verdict: 'drop', url: held.url, host: hostOf(held.url, this.#base()), categories },
      held.kind,
      held.refuse,
      'overflow',
    );
  }

  #categoriesOf(held: Held): string[] {
    return held.fixed ?? this.#matcher(held.url, this.#base())?.categories ?? [];
  }

  #match(url: string) {
    if (this.#consent !== undefined) return this.#matcher(url, this.#base());
    let parsed: URL;
    try {
      parsed = new URL(url, this.#base());
    } catch {
      return undefined;
    }
    const isOtherHost =
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.host !== this.#pageHost();
    return isOtherHost ? { host: parsed.host, categories: [] } : undefined;
  }
}

/**
 * Runs a release or refusal so that one that throws (an XHR the page aborted meanwhile, say) cannot stop
 * the others; the error still surfaces, like an uncaught one.
 */
function settle(action: () => void): void {
  try {
    action();
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}

function hostOf(url: string, base: string): string {
  try {
    return new URL(url, base).host;
  } catch {
    return '';
  }
}
