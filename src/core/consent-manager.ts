import type { ConsentConfig } from '../schema/config.js';
import type { ConsentMethod, ConsentRecord } from '../schema/consent-record.js';
import type { SignedReceipt } from '../schema/receipt.js';
import { unknownId, validateChoices } from './choices-validation.js';
import type { ConsentChoices, ConsentEvents } from './consent-types.js';
import { DecisionKeeper } from './decision-keeper.js';
import { acceptAllChange, choicesChange, choicesGranting, rejectAllChange } from './decision-changes.js';
import { gpcOverride, nextRecord, type DecisionChange } from './decision-record.js';
import { findPurpose, isGranted } from './purposes.js';
import { purposeIds } from '../shared/purpose-ids.js';
import { staleReason, toTimestamp, type StaleReason } from './decision-rules.js';
import { DEV_MODE } from './dev-mode.js';
import { Emitter } from './emitter.js';
import type { BlockedReport, ConsentEnvironment, ConsentSync } from './environment.js';
import { ConsentUsageError, type ConsentConfigError } from './errors.js';
import { randomId } from './random-id.js';

export type { ConsentChoices, ConsentEvents } from './consent-types.js';

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

  #env: ConsentEnvironment & Required<Pick<ConsentEnvironment, 'now' | 'randomId' | 'gpc' | 'warn'>>;
  #emitter = new Emitter<ConsentEvents>();
  /** The decision in force and where it lives (the cookie, the other tabs, the endpoint). */
  #keeper: DecisionKeeper;
  #isReady = false;
  #unsubscribeTabs: () => void = () => {};

  /**
   * @param config a config from {@link parseConfig}
   * @param env storage, clock and browser signals; see {@link ConsentEnvironment}
   * @param configError when given, the manager fails closed (see {@link configError})
   */
  constructor(config: ConsentConfig, env: ConsentEnvironment, configError: ConsentConfigError | null = null) {
    this.config = config;
    this.configError = configError;
    this.#env = { now: Date.now, randomId, gpc: false, warn: (message) => console.warn(message), ...env };
    this.#keeper = new DecisionKeeper(config, this.#env, () => {
      this.#emitter.emit('change', this.state);
      this.#dispatch('consent:change');
    });
    if (!configError) {
      this.#keeper.adoptStored();
      const override = gpcOverride(this.#keeper.inForce, this.config, this.#env.gpc);
      if (override) this.#decide(override);
      this.#unsubscribeTabs = env.tabs?.subscribe((decision) => this.#keeper.hearTab(decision)) ?? (() => {});
    }
    this.#isReady = true;
    this.#emitter.emit('ready', this.state);
    this.#dispatch('consent:ready');
    env.gate?.connect(this);
  }

  /** The visitor's decision in force, or `null` before one (or after it expired or was reset). */
  get state(): ConsentRecord | null {
    const inForce = this.#keeper.inForce;
    return inForce && structuredClone(inForce);
  }

  /** Whether the visitor has a decision in force. */
  get hasDecision(): boolean {
    return this.#keeper.inForce !== null;
  }

  /** Whether the browser sends Global Privacy Control, which keeps `honorGpc` categories off on "Accept all". */
  get gpc(): boolean {
    return this.#env.gpc;
  }

  /**
   * Whether a purpose may run now: a category (`analytics`) or one of its services (`analytics/clarity`).
   * Required categories and their services always may; optional ones only after the visitor granted them. A
   * category granted in part answers `false` and each service its own choice. Unknown ids and a failed config
   * answer `false`. Never throws.
   */
  has(purpose: string): boolean {
    if (this.configError) return false;
    const found = findPurpose(this.config, purpose);
    if (!found) return false;
    const inForce = this.#keeper.inForce;
    return found.category.required || (inForce !== null && isGranted(inForce, found.category.id, found.service?.id));
  }

  /**
   * Grants every optional category, except those marked `honorGpc` while the browser sends Global Privacy
   * Control. Separate-consent categories and contact choices are left as they are: they are never granted
   * in bulk.
   */
  acceptAll(method: ConsentMethod = 'api'): ConsentRecord | null {
    return this.#decide(acceptAllChange(method, this.#env.gpc));
  }

  /** Denies every optional category and every marketing-contact choice: withdrawal in one call. */
  rejectAll(method: ConsentMethod = 'api'): ConsentRecord | null {
    return this.#decide(rejectAllChange(method));
  }

  /**
   * Changes the given choices and keeps the rest; a category's value sets all its services, and `services`
   * then sets single ones. An explicit choice here may turn on a `honorGpc` or a separate-consent category.
   * Throws a {@link ConsentUsageError} naming the bad id for an unknown category, service, channel or topic,
   * a non-boolean value, an attempt to switch off a required category, or marketing contact / separate
   * consent switched on without the age confirmation; nothing is changed then.
   */
  update(choices: ConsentChoices, method: ConsentMethod = 'api'): ConsentRecord | null {
    if (!this.configError) validateChoices(choices, this.config, this.#keeper.inForce?.ageConfirmed === true);
    return this.#decide(choicesChange(choices, method));
  }

  /**
   * Grants one purpose, `video` or `video/bilibili`, and keeps every other choice: what an embed's "Load
   * content" does (with method `embed`). Throws as {@link update} does.
   */
  allow(purpose: string, method: ConsentMethod = 'api'): ConsentRecord | null {
    if (!this.configError && !findPurpose(this.config, purpose)) throw this.#unknownPurpose(purpose);
    return this.update(choicesGranting(purpose), method);
  }

  /**
   * Why the stored decision no longer counts (`expired`, `policy-changed`, `from-the-future`), or
   * `undefined` when there is none or it still does. The banner says "What changed" for `policy-changed`.
   */
  get staleReason(): StaleReason | undefined {
    return this.#keeper.staleReason;
  }

  /** Whether marketing contact and separate consent need the age confirmation (config `minimumAge` > 0). */
  get needsAgeConfirmation(): boolean {
    return this.config.minimumAge > 0;
  }

  /** Forgets the decision on this device (the stored cookie too), so the visitor is asked again. */
  reset(): void {
    if (this.configError) this.#refuse('reset');
    else this.#keeper.forget();
  }

  /**
   * Resolves once `category` (or a service, `analytics/clarity`) is granted (at once if it already is); stays
   * pending while it is not.
   * Rejects with a {@link ConsentUsageError} for an id the config does not have.
   */
  whenGranted(category: string): Promise<void> {
    if (!this.configError && !findPurpose(this.config, category)) {
      return Promise.reject(this.#unknownPurpose(category));
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
   * Sends `data` to `url` with `navigator.sendBeacon` when `category` (or a service) is granted; before a decision the
   * gate holds it (sent if the category is granted later); after a denial it is dropped. Returns whether it
   * was sent or held. Without an installed gate nothing is held. Throws a {@link ConsentUsageError} for an
   * id the config does not have.
   */
  beacon(category: string, url: string, data?: BodyInit | null): boolean {
    if (!this.configError && !findPurpose(this.config, category)) {
      throw this.#unknownPurpose(category);
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
    const [found, { identifyOnDevice }] = await Promise.all([
      this.#syncFor('identify').identify(subjectToken),
      import('./reconcile-records.js'),
    ]);
    const isStale = !!found && staleReason(found, this.config, this.#env.now()) !== undefined;
    identifyOnDevice(found, isStale, this.config, this.#keeper, (change) => this.#decide(change));
    return this.state;
  }

  /**
   * The receipts the endpoint signed for this visitor's record, oldest first; empty before a decision.
   * Rejects with a `ConsentSyncError` when the endpoint cannot answer, and with a {@link ConsentUsageError}
   * when the config has no `endpoint`.
   */
  async receipts(): Promise<SignedReceipt[]> {
    const sync = this.#syncFor('receipts');
    const id = this.#keeper.previous?.id;
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
    const id = this.#keeper.previous?.id;
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

  #decide(change: DecisionChange): ConsentRecord | null {
    if (this.configError) {
      this.#refuse('record a decision');
      return null;
    }
    const { inForce, previous } = this.#keeper;
    this.#keeper.save(
      nextRecord(this.config, inForce, previous, change, toTimestamp(this.#env.now()), this.#env.randomId),
      true,
    );
    return this.state;
  }

  #unknownPurpose(id: string) {
    return unknownId('category', id, purposeIds(this.config.categories));
  }

  #dispatch(type: 'consent:ready' | 'consent:change'): void {
    this.#env.events?.dispatchEvent(new CustomEvent(type, { detail: this.state }));
  }

  #syncFor(action: string): ConsentSync {
    if (!this.#env.sync) {
      throw new ConsentUsageError(
        'no-endpoint',
        DEV_MODE
          ? `consent-kit: ${action}() needs the preferences endpoint: set "endpoint" in the config` +
              (this.configError ? ' and fix the configuration errors reported above' : '')
          : '',
      );
    }
    return this.#env.sync;
  }

  #refuse(action: string): void {
    this.#env.warn(
      DEV_MODE
        ? `consent-kit: cannot ${action} because the configuration is invalid; fix the errors reported above`
        : `consent-kit: invalid-config (${action})`,
    );
  }
}
