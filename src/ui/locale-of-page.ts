import type { ConsentConfig } from '../schema/config.js';
import { resolveLocale } from '../core/locale.js';
import { CATALOG } from './i18n/catalog.js';

/** The UI language for this page: config `locale`, else `<html lang>`, else the browser's languages. */
export function localeOfPage(config: ConsentConfig): string {
  return resolveLocale(
    config.locale,
    { pageLang: document.documentElement.lang, browser: navigator.languages },
    Object.keys(CATALOG),
  );
}
