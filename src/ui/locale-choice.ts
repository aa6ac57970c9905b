import { setChosenLocale } from '../core/locale.js';
import { fetchCatalog } from './i18n/fetched-catalogs.js';
import { LOCALE_EVENT } from './locale-event.js';

/**
 * Switches every consent-kit element on the page to `locale`, the visitor's pick in the preferences panel,
 * once its strings have arrived (a built-in language other than English and Simplified Chinese is a chunk of
 * its own, fetched here the first time). The pick is shared by every element, so the banner and the panel
 * always speak the same language, and lasts for the page only; core/locale.ts keeps it, and `shownLocale()`
 * answers with it, the receipt's language included.
 */
export async function chooseLocale(locale: string): Promise<void> {
  await fetchCatalog(locale);
  setChosenLocale(locale);
  document.dispatchEvent(new CustomEvent(LOCALE_EVENT, { detail: locale }));
}
