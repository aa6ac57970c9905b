import type { CategoryConfig, ConsentConfig, LocalizedText } from '../../schema/config.js';
import type { TextKey } from '../../schema/text-keys.js';
import { CATALOG } from './catalog.js';
import type { Messages } from './messages.js';

/** Looks up every visitor-facing string for one language, with the site's overrides first. */
export interface Translator {
  readonly locale: string;
  /** A UI string; `{date}`/`{count}` are filled from `values`. */
  text(key: TextKey, values?: Record<string, string | number>): string;
  /** A config text (label, description, cookie detail) in this language. */
  localize(text: LocalizedText | undefined): string | undefined;
  categoryLabel(category: CategoryConfig): string;
  categoryDescription(category: CategoryConfig): string | undefined;
  contactLabel(kind: 'channels' | 'topics', option: { id: string; label?: LocalizedText }): string;
}

/**
 * Builds the translator for `locale`. Fallback order for a UI string: the site's `texts[locale]`, the built-in
 * language, the site's English, built-in English. Config texts are always rendered as text, never as HTML.
 */
export function createTranslator(config: ConsentConfig, locale: string): Translator {
  const builtIn: Messages | undefined = CATALOG[locale];
  const english = CATALOG.en!;
  const localize = (text: LocalizedText | undefined): string | undefined => {
    if (text === undefined || typeof text === 'string') return text;
    return text[locale] ?? text.en ?? Object.values(text)[0];
  };
  return {
    locale,
    text(key, values = {}) {
      const template = config.texts[locale]?.[key] ?? builtIn?.texts[key] ?? config.texts.en?.[key] ?? english.texts[key];
      return template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
    },
    localize,
    categoryLabel(category) {
      const known = category.id as keyof Messages['categories'];
      return localize(category.label) ?? builtIn?.categories[known]?.label ?? english.categories[known]?.label ?? category.id;
    },
    categoryDescription(category) {
      const known = category.id as keyof Messages['categories'];
      return localize(category.description) ?? builtIn?.categories[known]?.description ?? english.categories[known]?.description;
    },
    contactLabel(kind, option) {
      const catalog = (m: Messages | undefined) => (m?.[kind] as Record<string, string> | undefined)?.[option.id];
      return localize(option.label) ?? catalog(builtIn) ?? catalog(english) ?? option.id;
    },
  };
}
