import type { ConsentConfig } from '../schema/config.js';
import type { ConsentMethod, ConsentRecord, ContactChoices } from '../schema/consent-record.js';
import type { SignedReceipt } from '../schema/receipt.js';
import { decodeRecord, encodeRecord } from './cookie-codec.js';
import { compareDecisions, staleReason, toTimestamp, type StaleReason } from './decision-rules.js';
import { DEV_MODE } from './dev-mode.js';
import { Emitter } from './emitter.js';
import type { BlockedReport, ConsentEnvironment, ConsentSync } from './environment.js';
import { ConsentUsageError, type ConsentConfigError } from './errors.js';
import { randomId } from './random-id.js';

/** Choices to change with {@link ConsentManager.update}; anything left out keeps its current value. */
export interface ConsentChoices {
  /** Optional category id -> granted. */
  categories?: Record<string, boolean>;
  /** Channel -> topic -> wanted, e.g. `{ email: { offers: true } }`. */
  contact?: Record<string, Record<string, boolean>>;
  /**
   * The visitor confirmed being of the configured minimum age or having a guardian's consent. Needed before
   * marketing contact or a separate-consent category can be on; `false` turns those off again.
   */
  ageConfirmed?: boolean;
}

/** Events of {@link ConsentManager.on}; each carries the decision (or `null` when there is none). */
export type ConsentEvents = {
  ready: ConsentRecord | null;
  change: ConsentRecord | null;
};

declare global {
  interface DocumentEventMap {
    'consent:ready': CustomEvent<ConsentRecord | null>;
    'consent:change': CustomEvent<ConsentRecord | null>;
  }
}

/**
 * The page's consent state and the only way to change it. UI-free: it keeps the decision, stores it,
 * tells listeners and other tabs, and answers whether a category may run.
 *
 * Promises: optional categories are never granted before an explicit choice; a stored decision that is
 * missing, corrupted, expired or from a substantially changed policy reads as "no decision"; bad arguments
 * throw a {@link ConsentUsageError} before anything changes.
 */
export class ConsentManager {
  /** The validated configuration with defaults filled in. */
  readonly config: ConsentConfig;
  /**
   * Set when the site's config was invalid: the manager then grants nothing, shows no UI and never touches
   * the stored decision, so a broken deploy cannot lose or invent a visitor's choice.
   */
  readonly configError: ConsentConfigError | null;

  #env: Required<Omit<ConsentEnvironment, 'tabs' | 'events' | 'gate' | 'sync'>> & Pick<ConsentEnvironment, 'tabs' | 'events' | 'gate' | 'sync'>;
  #emitter = new Emitter<ConsentEvents>();
  /** The decision in force, or null. */
  #state: ConsentRecord | null = null;
  /** The last stored record even when it no longer counts: its id and revision carry on into the next one. */
  #previous: ConsentRecord | null = null;
  #isReady = false;
  #staleReason: StaleReason | undefined;
  #hasWarnedStore = false;
  #unsubscribeTabs: () => void = () => {};

  /**
   * @param config a config from {@link parseConfig}
   * @param env storage, clock and browser signals; see {@link ConsentEnvironment}
   * @param configError when given, the manager fails closed (see {@link configError})
   */
  constructor(config: ConsentConfig, env: ConsentEnvironment, configError: ConsentConfigError | null = null) {
    this.config = config;
    this.configError = configError;
    this.#env = {
      now: Date.now,
      randomId,
      gpc: false,
      warn: (message) => console.warn(message),
      ...env,
    };
    if (!configError) {
      this.#adoptStored();
      this.#applyGpcToBulkGrant();
      this.#unsubscribeTabs = env.tabs?.subscribe((decision) => this.#onExternalChange(decision)) ?? (() => {});
    }
    this.#isReady = true;
    this.#emitter.emit('ready', this.state);
    this.#dispatch('consent:ready');
    env.gate?.connect(this);
  }

  /** The visitor's decision in force, or `null` before one (or after it expired or was reset). */
  get state(): ConsentRecord | null {
    return this.#state && structuredClone(this.#state);
  }

  /** Whether the visitor has a decision in force. */
  get hasDecision(): boolean {
    return this.#state !== null;
  }

  /** Whether the browser sends Global Privacy Control, which keeps `honorGpc` categories off on "Accept all". */
  get gpc(): boolean {
    return this.#env.gpc;
  }

  /**
   * Whether a category may run now. Required categories always may; optional ones only after the visitor
   * granted them. Unknown ids and a failed config answer `false`. Never throws.
   */
  has(category: string): boolean {
    if (this.configError) return false;
    const config = this.config.categories.find((c) => c.id === category);
    if (!config) return false;
    return config.required || this.#state?.categories[category] === true;
  }

  /**
   * Grants every optional category, except those marked `honorGpc` while the browser sends Global Privacy
   * Control. Separate-consent categories and contact choices are left as they are: they are never granted
   * in bulk.
   */
  acceptAll(method: ConsentMethod = 'api'): ConsentRecord | null {
    return this.#decide(
      method,
      (id, current) => {
        const category = this.#category(id);
        return category?.separate ? current : !(this.#env.gpc && category?.honorGpc);
      },
      (_c, _t, current) => current,
    );
  }

  /** Denies every optional category and every marketing-contact choice: withdrawal in one call. */
  rejectAll(method: ConsentMethod = 'api'): ConsentRecord | null {
    return this.#decide(method, () => false, () => false);
  }

  /**
   * Changes the given choices and keeps the rest. An explicit choice here may turn on a `honorGpc` or a
   * separate-consent category. Throws a {@link ConsentUsageError} naming the bad id for an unknown category,
   * channel or topic, a non-boolean value, an attempt to switch off a required category, or marketing
   * contact / separate consent switched on without the age confirmation; nothing is changed then.
   */
  update(choices: ConsentChoices, method: ConsentMethod = 'api'): ConsentRecord | null {
    this.#validateChoices(choices);
    return this.#decide(
      method,
      (id, current) => choices.categories?.[id] ?? current,
      (channel, topic, current) => choices.contact?.[channel]?.[topic] ?? current,
      choices.ageConfirmed,
    );
  }

  /**
   * Why the stored decision no longer counts (`expired`, `policy-changed`, `from-the-future`), or
   * `undefined` when there is none or it still does. The banner says "What changed" for `policy-changed`.
   */
  get staleReason(): StaleReason | undefined {
    return this.#staleReason;
  }

  /** Whether marketing contact and separate consent need the age confirmation (config `minimumAge` > 0). */
  get needsAgeConfirmation(): boolean {
    return this.config.minimumAge > 0;
  }

  /** Forgets the decision on this device (the stored cookie too), so the visitor is asked again. */
  reset(): void {
    if (this.configError) return this.#refuse('reset');
    this.#env.store.remove();
    this.#previous = null;
    this.#commit(null);
  }

  /**
   * Resolves once `category` is granted (at once if it already is); stays pending while it is not.
   * Rejects with a {@link ConsentUsageError} for an id the config does not have.
   */
  whenGranted(category: string): Promise<void> {
    if (!this.configError && !this.#category(category)) {
      return Promise.reject(this.#unknown('category', category, this.config.categories.map((c) => c.id)));
    }
    if (this.has(category)) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.on('change', () => {
        if (this.has(category)) {
          off();
          resolve();
        }
      });
    });
  }

  /**
   * What the request gate held, released and dropped so far, per category and host, for a site owner to
   * audit. Empty when no gate is installed. A copy: changing it changes nothing.
   */
  blocked(): BlockedReport {
    return this.#env.gate?.blocked() ?? {};
  }

  /**
   * Sends `data` to `url` with `navigator.sendBeacon` when `category` is granted; before a decision the
   * gate holds it (sent if the category is granted later); after a denial it is dropped. Returns whether it
   * was sent or held. Without an installed gate nothing is held. Throws a {@link ConsentUsageError} for an
   * id the config does not have.
   */
  beacon(category: string, url: string, data?: BodyInit | null): boolean {
    if (!this.configError && !this.#category(category)) {
      throw this.#unknown('category', category, this.config.categories.map((c) => c.id));
    }
    if (this.#env.gate) return this.#env.gate.beacon(category, url, data);
    return this.has(category) && typeof navigator !== 'undefined' && navigator.sendBeacon(url, data);
  }

  /**
   * For a signed-in account: from now on changes are sent with `subjectToken` (issued by the site's backend),
   * and the account's record on the endpoint is reconciled with this device's decision. The newer decision
   * wins and is put in force here; two different decisions made in the same second are merged so that a
   * conflict never turns a choice on. Resolves with the decision in force. Rejects with a `ConsentSyncError`
   * when the endpoint cannot answer (the decision on the page stays as it was), and with a
   * {@link ConsentUsageError} when the config has no `endpoint`.
   */
  async identify(subjectToken: string): Promise<ConsentRecord | null> {
    const [found, { planIdentify }] = await Promise.all([
      this.#syncFor('identify').identify(subjectToken),
      import('./reconcile-records.js'),
    ]);
    const local = this.#state;
    const isStale = !!found && staleReason(found, this.config, this.#env.now()) !== undefined;
    const step = planIdentify(found, isStale, local, this.#previous, this.config);
    const keep = (_id: string, current: boolean) => current;
    const keepContact = (_c: string, _t: string, current: boolean) => current;
    if (step.do === 'resend') {
      // A new revision of the local decision, sent with the token, makes it the account's record.
      if (local) this.#decide(local.method, keep, keepContact);
    } else if (step.do !== 'nothing') {
      this.#previous = step.previous;
      if (step.do === 'adopt') {
        this.#save(step.remote, false);
      } else if (step.do === 'merge') {
        const { remote } = step;
        this.#decide(local!.method, (id, current) => current && remote.categories[id] === true,
          (channel, topic, current) => current && remote.contact[channel]?.[topic] === true);
      } else {
        this.#state = step.from;
        this.#decide(step.from.method, keep, keepContact);
      }
    }
    return this.state;
  }

  /**
   * The receipts the endpoint signed for this visitor's record, oldest first; empty before a decision.
   * Rejects with a `ConsentSyncError` when the endpoint cannot answer, and with a {@link ConsentUsageError}
   * when the config has no `endpoint`.
   */
  async receipts(): Promise<SignedReceipt[]> {
    const sync = this.#syncFor('receipts');
    const id = this.#previous?.id;
    return id ? sync.receipts(id) : [];
  }

  /**
   * Withdraws and erases: the decision on this device is forgotten at once (as {@link reset} does) and the
   * endpoint is asked to erase the record. Resolves `true` once the endpoint confirmed, or when there is
   * nothing to erase there; `false` when the request waits in the outbox for the next retry.
   */
  async forget(): Promise<boolean> {
    if (this.configError) {
      this.#refuse('forget');
      return false;
    }
    const id = this.#previous?.id;
    this.reset();
    return id && this.#env.sync ? this.#env.sync.forget(id) : true;
  }

  /**
   * Listens to `ready` (the decision read at start; a late listener is called at once) or `change` (every
   * new decision, reset, or decision made in another tab). Returns the function that stops listening.
   */
  on<K extends keyof ConsentEvents>(event: K, listener: (state: ConsentEvents[K]) => void): () => void {
    if (event === 'ready' && this.#isReady) {
      listener(this.state);
      return () => {};
    }
    return this.#emitter.on(event, listener);
  }

  /** Stops listening to other tabs and drops every listener; for single-page apps that tear down. */
  destroy(): void {
    this.#unsubscribeTabs();
    this.#emitter.clear();
  }

  #category(id: string) {
    return this.config.categories.find((c) => c.id === id);
  }

  #decide(
    method: ConsentMethod,
    category: (id: string, current: boolean) => boolean,
    contact: (channel: string, topic: string, current: boolean) => boolean,
    ageConfirmed?: boolean,
  ): ConsentRecord | null {
    if (this.configError) {
      this.#refuse('record a decision');
      return null;
    }
    const now = toTimestamp(this.#env.now());
    const base = this.#state;
    const isOldEnough = ageConfirmed ?? base?.ageConfirmed === true;
    // Without the age confirmation, what needs it stays off whatever was asked.
    const mayNeedAge = (allowed: boolean) => allowed && (isOldEnough || !this.needsAgeConfirmation);
    const categories: Record<string, boolean> = {};
    for (const c of this.config.categories) {
      if (c.required) continue;
      const granted = category(c.id, base?.categories[c.id] === true);
      categories[c.id] = c.separate ? mayNeedAge(granted) : granted;
    }
    const choices: ContactChoices = {};
    for (const { id: channel } of this.config.contact.channels) {
      choices[channel] = {};
      for (const { id: topic } of this.config.contact.topics) {
        choices[channel][topic] = mayNeedAge(contact(channel, topic, base?.contact[channel]?.[topic] === true));
      }
    }
    const previous = this.#previous;
    const record: ConsentRecord = {
      id: previous?.id ?? this.#env.randomId(),
      policyVersion: this.config.policy.version,
      categories,
      contact: choices,
      method,
      ageConfirmed: isOldEnough,
      decidedAt: base?.decidedAt ?? now,
      updatedAt: now,
      revision: (previous?.revision ?? 0) + 1,
    };
    this.#save(record, true);
    return this.state;
  }

  /** Stores and puts in force; `shouldSync`: a change made here, which the endpoint has not seen yet. */
  #save(record: ConsentRecord, shouldSync: boolean): void {
    if (!this.#env.store.write(encodeRecord(record)) && !this.#isOverwrittenByPeer(record) && !this.#hasWarnedStore) {
      this.#hasWarnedStore = true;
      this.#env.warn(
        `consent-kit: the browser did not keep the "${this.config.cookie.name}" cookie` +
          (this.config.cookie.domain ? ` for domain "${this.config.cookie.domain}"` : '') +
          '; the choice holds for this page only. Check that cookies are enabled and that cookie.domain is the page\'s own domain or a parent of it.',
      );
    }
    this.#previous = record;
    if (shouldSync) this.#env.sync?.push(record);
    this.#commit(record);
  }

  /**
   * A write that does not read back was either refused, or another tab wrote its own decision of the same
   * moment in between (the browser applies two tabs' writes in any order). Only the first is the store's fault:
   * the second is settled between the tabs by {@link compareDecisions} when their messages arrive.
   */
  #isOverwrittenByPeer(record: ConsentRecord): boolean {
    const found = decodeRecord(this.#env.store.read());
    return found !== null && Date.parse(found.updatedAt) >= Date.parse(record.updatedAt);
  }

  /** Reads the stored decision; returns whether the state changed. */
  #adoptStored(): boolean {
    const stored = decodeRecord(this.#env.store.read());
    this.#previous = stored;
    this.#staleReason = stored ? staleReason(stored, this.config, this.#env.now()) : undefined;
    const inForce = stored && !this.#staleReason ? stored : null;
    if (sameRecord(inForce, this.#state)) return false;
    this.#state = inForce;
    return true;
  }

  /**
   * Another tab decided, reset, or this tab came back into view. A decision heard from another tab is
   * weighed against this tab's by {@link compareDecisions}: the later one is put in force and written to the
   * cookie here, or, when ours is the later one, ours is written again and announced, so both tabs and the
   * cookie end on the same decision even when the tabs decided within the same moment. Otherwise the stored
   * decision is the truth.
   */
  #onExternalChange(decision?: string | null): void {
    const theirs = typeof decision === 'string' ? decodeRecord(decision) : null;
    if (!theirs) {
      // A store that refused our own write cannot speak for this page; keep the in-page choice then. A decision
      // carried by another tab's message is still weighed below: it does not depend on the store.
      if (!this.#hasWarnedStore && this.#adoptStored()) this.#announce();
      return;
    }
    const mine = this.#state;
    const order = mine ? compareDecisions(theirs, mine) : 1;
    if (order > 0) {
      // Written here too: each tab's cookie writes reach the browser in order, but two tabs' writes may not,
      // so the cookie ends on the winner only if every tab's last write is the winner.
      this.#env.store.write(decision!);
      this.#previous = theirs;
      this.#staleReason = staleReason(theirs, this.config, this.#env.now());
      this.#state = this.#staleReason ? null : theirs;
      this.#announce();
    } else if (order < 0 && mine) {
      const encoded = encodeRecord(mine);
      this.#env.store.write(encoded);
      this.#env.tabs?.post(encoded);
    }
  }

  /**
   * Global Privacy Control is a standing opt-out: a decision that granted `honorGpc` categories only through
   * the banner's "Accept all" gives way to it. An explicit per-category choice stands.
   */
  #applyGpcToBulkGrant(): void {
    const state = this.#state;
    if (!this.#env.gpc || state?.method !== 'banner-accept-all') return;
    const overridden = this.config.categories.filter((c) => c.honorGpc && state.categories[c.id]);
    if (overridden.length === 0) return;
    this.#decide('gpc', (id, current) => current && !overridden.some((c) => c.id === id), (_c, _t, current) => current);
  }

  /** Puts a decision made on this page in force and tells listeners and the other tabs. */
  #commit(state: ConsentRecord | null): void {
    this.#state = state;
    this.#env.tabs?.post(state && encodeRecord(state));
    this.#announce();
  }

  #announce(): void {
    this.#emitter.emit('change', this.state);
    this.#dispatch('consent:change');
  }

  #dispatch(type: 'consent:ready' | 'consent:change'): void {
    this.#env.events?.dispatchEvent(new CustomEvent(type, { detail: this.state }));
  }

  #validateChoices(choices: ConsentChoices): void {
    if (this.configError) return;
    for (const [id, value] of Object.entries(choices.categories ?? {})) {
      const category = this.#category(id);
      if (!category) throw this.#unknown('category', id, this.config.categories.filter((c) => !c.required).map((c) => c.id));
      assertBoolean(value, `categories.${id}`);
      if (category.required && value === false) {
        throw new ConsentUsageError('required-category', DEV_MODE ? `consent-kit: "${id}" is a required category and is always on; leave it out of update()` : '');
      }
    }
    for (const [channel, topics] of Object.entries(choices.contact ?? {})) {
      if (!this.config.contact.channels.some((c) => c.id === channel)) {
        throw this.#unknown('contact channel', channel, this.config.contact.channels.map((c) => c.id));
      }
      for (const [topic, value] of Object.entries(topics ?? {})) {
        if (!this.config.contact.topics.some((t) => t.id === topic)) {
          throw this.#unknown('contact topic', topic, this.config.contact.topics.map((t) => t.id));
        }
        assertBoolean(value, `contact.${channel}.${topic}`);
      }
    }
    if (choices.ageConfirmed !== undefined) assertBoolean(choices.ageConfirmed, 'ageConfirmed');
    const isOldEnough = choices.ageConfirmed ?? this.#state?.ageConfirmed === true;
    const needsAge = Object.entries(choices.categories ?? {}).some(([id, on]) => on && this.#category(id)?.separate) ||
      Object.values(choices.contact ?? {}).some((topics) => Object.values(topics ?? {}).some(Boolean));
    if (needsAge && this.needsAgeConfirmation && !isOldEnough) {
      throw new ConsentUsageError(
        'age-not-confirmed',
        // Kept in every build: it states the privacy statement's rule on minors, which the page may show.
        `consent-kit: marketing contact and separate consent need the visitor to confirm being ${this.config.minimumAge} or older, or having a guardian's consent; pass ageConfirmed: true with the choices once they have`,
      );
    }
  }

  #unknown(kind: string, id: string, known: string[]): ConsentUsageError {
    return new ConsentUsageError(
      `unknown-${kind.replace(' ', '-')}`,
      DEV_MODE ? `consent-kit: unknown ${kind} "${id}"; the config has: ${known.join(', ') || '(none)'}` : '',
    );
  }

  #syncFor(action: string): ConsentSync {
    if (!this.#env.sync) {
      throw new ConsentUsageError('no-endpoint', DEV_MODE
        ? `consent-kit: ${action}() needs the preferences endpoint: set "endpoint" in the config`
          + (this.configError ? ' and fix the configuration errors reported above' : '')
        : '');
    }
    return this.#env.sync;
  }

  #refuse(action: string): void {
    this.#env.warn(DEV_MODE
      ? `consent-kit: cannot ${action} because the configuration is invalid; fix the errors reported above`
      : `consent-kit: invalid-config (${action})`);
  }
}

function assertBoolean(value: unknown, path: string): void {
  if (typeof value !== 'boolean') {
    throw new ConsentUsageError('invalid-choice', DEV_MODE ? `consent-kit: ${path} must be true or false, got ${JSON.stringify(value)}` : '');
  }
}

function sameRecord(a: ConsentRecord | null, b: ConsentRecord | null): boolean {
  return a === b || (a !== null && b !== null && encodeRecord(a) === encodeRecord(b));
}
