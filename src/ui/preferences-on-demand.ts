import { defineElement } from './define-element.js';

const TAG = 'consent-preferences';

let load: (() => Promise<CustomElementConstructor>) | undefined;
/** Whether the panel's download is under way: a second request for it waits for the same one. */
let isLoading = false;

/**
 * Registers `<consent-preferences>` only when the page first needs it, with the class `loader` fetches: when
 * the panel is opened ({@link whenPreferencesDefined}), or when such an element is in the document or is
 * added to it later (an inline panel on an account page). The script-tag build uses this, so a visit that
 * only sees the banner never downloads the panel. An inline panel inside another element's shadow root is
 * not seen here; it upgrades once the panel has been opened. A failed fetch is reported on the console and
 * tried again the next time the panel is needed.
 */
export function definePreferencesOnDemand(loader: () => Promise<CustomElementConstructor>): void {
  load = loader;
  // What the parser adds is looked for once, when it is done; only what scripts add later is watched.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchForPanels, { once: true });
  else watchForPanels();
}

function watchForPanels(): void {
  if (document.getElementsByTagName(TAG).length > 0) {
    preloadPreferences();
    return;
  }
  const observer = new MutationObserver((records) => {
    const isAdded = records.some((record) =>
      [...record.addedNodes].some(
        (node) => node instanceof Element && (node.localName === TAG || node.getElementsByTagName(TAG).length > 0),
      ),
    );
    if (!isAdded) return;
    observer.disconnect();
    preloadPreferences();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Calls `then` once `<consent-preferences>` is defined: at once when it is, else after fetching it. */
export function whenPreferencesDefined(then: () => void): void {
  if (customElements.get(TAG)) {
    then();
    return;
  }
  preloadPreferences();
  void customElements.whenDefined(TAG).then(then);
}

/**
 * Starts fetching the panel without opening it, where it is loaded on demand: a visitor pressing an opener
 * clicks it a moment later, and the panel's code is that much nearer when the click comes. Does nothing once
 * the panel is defined or on its way.
 */
export function preloadPreferences(): void {
  if (!load || isLoading || customElements.get(TAG)) return;
  isLoading = true;
  void load().then(
    (element) => defineElement(TAG, element),
    (error: unknown) => {
      isLoading = false;
      console.error(
        'consent-kit: the preferences panel could not be loaded; it is tried again when next opened.',
        error,
      );
    },
  );
}
