import type { ConsentConfig } from '../schema/config.js';

/**
 * Any Chinese tag, with a Traditional Chinese script or region (Hong Kong, Macao, Taiwan) captured; any other
 * Chinese (`zh`, `zh-Hans-*`, `zh-CN`, `zh-SG`) is Simplified.
 */
const CHINESE = /^zh(-(hant|hk|mo|tw))?\b.*/i;

/**
 * Puts a language tag in the form the built-in catalogues use: `zh-HK`, `zh-MO`, `zh-TW` and `zh-Hant-*`
 * -> `zh-Hant`; any other Chinese tag -> `zh-CN`; any other tag as it is.
 */
export function normalizeLocale(tag: string): string {
  return tag.replace(CHINESE, (_, traditional?: string) => (traditional ? 'zh-Hant' : 'zh-CN'));
}

/**
 * Picks the first of the `wanted` language tags that `available` has, else the first available. A tag
 * matches exactly (case-insensitive, after {@link normalizeLocale}) or by its language alone, either way
 * (`es-MX` -> `es`, `pt` -> `pt-BR`).
 */
export function resolveLocale(wanted: readonly string[], available: readonly string[]): string {
  for (const tag of wanted) {
    const lower = normalizeLocale(tag).toLowerCase();
    const match =
      available.find((a) => a.toLowerCase() === lower) ?? available.find((a) => languageOf(a) === languageOf(lower));
    if (match) return match;
  }
  return available[0] ?? 'en';
}

/** The language of a tag alone, lowercase: `es-MX` -> `es`, `zh-Hant` -> `zh`. */
export function languageOf(tag: string): string {
  return tag.toLowerCase().split('-')[0]!;
}

/* The language the visitor picked in the preferences panel: for this page only, never stored. */
let chosen: string | undefined;

/** Records the visitor's pick of language; {@link shownLocale} answers with it from now on. */
export function setChosenLocale(locale: string): void {
  chosen = locale;
}

/**
 * The language the page's consent UI is shown in, and so the one a receipt records: the visitor's pick when
 * the config offers it, else config `locale` unless it is `auto`, else `<html lang>`, else the browser's
 * languages in order (see {@link resolveLocale}). Browser only.
 */
export function shownLocale(config: ConsentConfig): string {
  if (chosen && config.locales.includes(chosen)) return chosen;
  const wanted = config.locale === 'auto' ? [document.documentElement.lang, ...navigator.languages] : [config.locale];
  return resolveLocale(wanted, config.locales);
}
