import type { ControllerHost, ReactiveController } from './base-element.js';
import type { ConsentManager } from '../core/consent-manager.js';
import { get } from '../browser/page-manager.js';
import { LOCALE_EVENT } from './locale-event.js';

/**
 * Bridges a {@link ConsentManager} to a lit element: re-renders the host on every change and language
 * switch, and when no
 * manager was given, uses the page's own, waiting for `consent:ready` if the element came first.
 */
export class ManagerController implements ReactiveController {
  #host: ControllerHost;
  #manager: ConsentManager | undefined;
  #unsubscribe: (() => void) | undefined;
  // The page's manager announces itself from its constructor, just before init() registers it: look it up
  // once the current task's synchronous work is done.
  #onReady = () => queueMicrotask(() => this.#use(get()));
  #onLocale = () => this.#host.requestUpdate();

  constructor(host: ControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The manager in use: the one set on the element, else the page's. */
  get manager(): ConsentManager | undefined {
    return this.#manager;
  }

  /** Uses `manager` from now on (the element's `manager` property). */
  set(manager: ConsentManager | undefined): void {
    this.#use(manager ?? get());
  }

  hostConnected(): void {
    this.#use(this.#manager ?? get());
    document.addEventListener('consent:ready', this.#onReady);
    document.addEventListener(LOCALE_EVENT, this.#onLocale);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    document.removeEventListener('consent:ready', this.#onReady);
    document.removeEventListener(LOCALE_EVENT, this.#onLocale);
  }

  #use(manager: ConsentManager | undefined): void {
    if (manager === this.#manager && this.#unsubscribe) return;
    this.#unsubscribe?.();
    this.#manager = manager;
    this.#unsubscribe = manager?.on('change', () => this.#host.requestUpdate());
    this.#host.requestUpdate();
  }
}
