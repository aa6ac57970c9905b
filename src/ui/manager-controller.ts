import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsentManager } from '../core/consent-manager.js';
import { get } from '../core/page-manager.js';

/**
 * Bridges a {@link ConsentManager} to a lit element: re-renders the host on every change, and when no
 * manager was given, uses the page's own, waiting for `consent:ready` if the element came first.
 */
export class ManagerController implements ReactiveController {
  #host: ReactiveControllerHost;
  #manager: ConsentManager | undefined;
  #unsubscribe: (() => void) | undefined;
  #onReady = () => this.#use(get());

  constructor(host: ReactiveControllerHost) {
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
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    document.removeEventListener('consent:ready', this.#onReady);
  }

  #use(manager: ConsentManager | undefined): void {
    if (manager === this.#manager && this.#unsubscribe) return;
    this.#unsubscribe?.();
    this.#manager = manager;
    this.#unsubscribe = manager?.on('change', () => this.#host.requestUpdate());
    this.#host.requestUpdate();
  }
}
