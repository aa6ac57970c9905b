import { resolveLocale } from '../core/locale.js';
import type { ConsentConfig } from '../schema/config.js';

/*
 * The language the visitor picked in the preferences panel, shared by every element on the page so the
 * banner and the panel always speak the same language. It lives for the page only.
 */
let chosen: string | undefined;

/** Fired on `document` when the visitor picks another language; elements re-render. */
export const LOCALE_EVENT = 'consent:locale';

/** The UI language: the visitor's pick, else config `locale`, else `<html lang>`, else the browser's. */
export function currentLocale(config: ConsentConfig): string {
  if (chosen && config.locales.includes(chosen)) return chosen;
  return resolveLocale(
    config.locale,
    { pageLang: document.documentElement.lang, browser: navigator.languages },
    config.locales,
  );
}

/** Switches every consent-kit element on the page to `locale`. */
export function chooseLocale(locale: string): void {
  chosen = locale;
  document.dispatchEvent(new CustomEvent(LOCALE_EVENT, { detail: locale }));
}
