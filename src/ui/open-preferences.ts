import type { ConsentManager } from '../core/consent-manager.js';
import type { ConsentPreferences } from './consent-preferences/consent-preferences.js';
import { whenPreferencesDefined } from './preferences-on-demand.js';

/**
 * Opens the page's modal preferences panel, creating it on first use, and returns focus to `opener` when
 * it closes. It shows `manager` when given (else its own, else the page's). Any element with
 * `data-consent-open` does the same on click (see {@link watchOpeners}). Where the panel is loaded on demand
 * (the script-tag build), it opens once its code has arrived.
 */
export function openPreferences(opener?: HTMLElement | null, manager?: ConsentManager): void {
  const returnTo = opener ?? (document.activeElement as HTMLElement | null);
  const panel =
    document.querySelector<ConsentPreferences>('consent-preferences:not([inline])') ??
    document.body.appendChild(document.createElement('consent-preferences'));
  if (manager && !panel.manager) panel.manager = manager;
  whenPreferencesDefined(() => void panel.show(returnTo));
}

let isWatching = false;

/** Makes every `[data-consent-open]` on the page, present or added later, open the panel. Idempotent. */
export function watchOpeners(): void {
  if (isWatching) return;
  isWatching = true;
  document.addEventListener('click', (event) => {
    const opener = (event.target as Element | null)?.closest?.('[data-consent-open]');
    if (!opener) return;
    event.preventDefault();
    openPreferences(opener as HTMLElement);
  });
}
