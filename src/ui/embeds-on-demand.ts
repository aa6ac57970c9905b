import { findPurpose } from '../core/purposes.js';
import { EMBED_WAITING_EVENT } from '../shared/embed-event.js';
import { buildElement } from './build-element.js';
import { ConsentElement } from './consent-element.js';
import { defineElement } from './define-element.js';
import { BANNER_CATALOG } from './i18n/banner-catalog.js';
import { createTextTranslator } from './i18n/text-translator.js';
import { openPreferences } from './open-preferences.js';
import { tokenStyles } from './styles/tokens.styles.js';

/**
 * What the placeholder's code takes from the script every visitor already has. Handed over as an argument
 * rather than imported: a lazily loaded module importing these made the bundler split them out of the
 * classic script into chunks of their own, which that script cannot load. A list, not an object, so that
 * the script carries no property names for it.
 */
export const EMBED_KIT = [
  buildElement,
  ConsentElement,
  createTextTranslator,
  BANNER_CATALOG,
  defineElement,
  findPurpose,
  openPreferences,
  tokenStyles,
] as const;

export type EmbedKit = typeof EMBED_KIT;

/** Puts a placeholder in the place of an embed that waits for the visitor. */
export type PlacePlaceholder = (embed: HTMLElement, kit: EmbedKit) => void;

/**
 * Shows a placeholder for each embed the element gate announces (see {@link EMBED_WAITING_EVENT}), with the
 * code `loader` fetches the first time one is announced: a page without a waiting embed never downloads it.
 * A failed fetch is reported on the console and tried again for the next announcement.
 */
export function placeEmbedsOnDemand(loader: () => Promise<PlacePlaceholder>): void {
  let place: Promise<PlacePlaceholder> | undefined;
  document.addEventListener(EMBED_WAITING_EVENT, (event) => {
    const embed = (event as CustomEvent<HTMLElement>).detail;
    place ??= loader();
    place.then(
      (show) => show(embed, EMBED_KIT),
      (error: unknown) => {
        place = undefined;
        console.error('consent-kit: the embed placeholder could not be loaded', error);
      },
    );
  });
}
