import type { ConsentManager } from '../core/consent-manager.js';
import type { ConsentPreferences } from './consent-preferences/consent-preferences.js';
import { preloadPreferences, whenPreferencesDefined } from './preferences-on-demand.js';

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

/**
 * Has a press on `opener` start fetching the panel: the click that opens it comes only as the press ends, a
 * tenth of a second or so later for a mouse click or a tap. Returns `opener`.
 */
export function preloadOnPress<T extends HTMLElement>(opener: T): T {
  opener.addEventListener('pointerdown', preloadPreferences, { passive: true });
  return opener;
}

let isWatching = false;

/** Makes every `[data-consent-open]` on the page, present or added later, open the panel. Idempotent. */
export function watchOpeners(): void {
  if (isWatching) return;
  isWatching = true;
  const openerOf = (event: Event) => (event.target as Element | null)?.closest?.('[data-consent-open]');
  document.addEventListener('pointerdown', (event) => openerOf(event) && preloadPreferences(), { passive: true });
  document.addEventListener('click', (event) => {
    const opener = openerOf(event);
    if (!opener) return;
    event.preventDefault();
    openPreferences(opener as HTMLElement);
  });
}
