import type { ConsentConfig, LocalizedText } from '../../schema/config.js';
import type { TextKey } from '../../shared/text-keys.js';
import { longDate } from './long-date.js';

/** Looks up UI strings for one language, with the site's overrides first. */
export interface TextTranslator<K extends TextKey = TextKey> {
  readonly locale: string;
  /** A UI string; `{date}`/`{count}` are filled from `values`. */
  text(key: K, values?: Record<string, string | number>): string;
  /** A `YYYY-MM-DD` date (the policy's "last updated") written the language's way. */
  date(isoDate: string): string;
  /** A config text (label, description, cookie detail) in this language. */
  localize(text: LocalizedText | undefined): string | undefined;
}

/**
 * Builds the text translator for `locale` over the strings of `catalog` (which has `en`). Fallback order for
 * a UI string: the site's `texts[locale]`, the built-in language, the site's English, built-in English.
 * Config texts are always rendered as text, never as HTML.
 */
export function createTextTranslator<K extends TextKey>(
  config: ConsentConfig,
  locale: string,
  catalog: Record<string, { texts: Record<K, string> } | undefined>,
): TextTranslator<K> {
  const builtIn = catalog[locale];
  const english = catalog.en!;
  return {
    locale,
    text(key, values = {}) {
      const template =
        config.texts[locale]?.[key] ?? builtIn?.texts[key] ?? config.texts.en?.[key] ?? english.texts[key];
      return template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
    },
    date: (isoDate) => longDate(isoDate, locale),
    localize(text) {
      if (text === undefined || typeof text === 'string') return text;
      return text[locale] ?? text.en ?? Object.values(text)[0];
    },
  };
}
