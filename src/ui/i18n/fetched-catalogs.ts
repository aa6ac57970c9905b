import { BUILT_IN_LOCALES } from '../../shared/config-defaults.js';
import { LOCALE_EVENT } from '../locale-event.js';
import { BANNER_CATALOG } from './banner-catalog.js';
import type { Messages } from './messages.js';

/**
 * Every string of each built-in language fetched so far, by locale (see built-in-languages.ts), for the
 * preferences panel; the banner reads them from {@link BANNER_CATALOG}.
 */
export const FETCHED_CATALOGS: Record<string, Messages | undefined> = {};

/** The downloads under way or done, by locale. */
const PENDING: Record<string, Promise<void>> = {};

/**
 * Fetches the strings of `locale` when it is a built-in language that did not come with the script, and
 * resolves once they are here or could not be fetched (either way of failing is reported on the console);
 * then every consent-kit element renders again. An element that gets a promise here renders nothing until
 * then, so it never shows half-translated.
 * `undefined` when there is nothing to wait for: English, Simplified Chinese, a language of the site's own,
 * one fetched already. Called again while a fetch is under way (every element asks on each render), it gets
 * the same promise: one download, one message on failure, one re-render when done.
 */
export function fetchCatalog(locale: string): Promise<void> | undefined {
  if (locale in BANNER_CATALOG || !(BUILT_IN_LOCALES as readonly string[]).includes(locale)) return undefined;
  return (PENDING[locale] ??= import('./built-in-languages.js')
    .then(
      (chunks) => chunks.loadCatalog(locale),
      (error: unknown) => {
        console.error(
          `consent-kit: the index of languages could not be loaded, so English is shown instead of ${locale}. Publish every consent-kit-*.js file next to the script.`,
          error,
        );
        return undefined;
      },
    )
    .then((messages) => {
      BANNER_CATALOG[locale] = FETCHED_CATALOGS[locale] = messages;
      document.dispatchEvent(new CustomEvent(LOCALE_EVENT)); // every element renders again, now in this language
    }));
}
