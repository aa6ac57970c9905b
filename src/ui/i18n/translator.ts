import type { CategoryConfig, ConsentConfig, LocalizedText, ServiceConfig } from '../../schema/config.js';
import type { PresetName } from '../../shared/presets.js';
import { CATALOG } from './catalog.js';
import { FETCHED_CATALOGS } from './fetched-catalogs.js';
import { localNumber } from './local-number.js';
import type { Messages } from './messages.js';
import { PRESET_LABELS } from './preset-labels.js';
import { createTextTranslator, type TextTranslator } from './text-translator.js';

/** Looks up every visitor-facing string for one language, with the site's overrides first. */
export interface Translator extends TextTranslator {
  /** A number written the language's way (Arabic-Indic digits in Arabic). */
  number(value: number): string;
  categoryLabel(category: CategoryConfig): string;
  categoryDescription(category: CategoryConfig): string | undefined;
  contactLabel(kind: 'channels' | 'topics', option: { id: string; label?: LocalizedText }): string;
  /** A service's `label`, else the built-in name of the preset it is named after, else its id. */
  serviceLabel(service: Pick<ServiceConfig, 'id' | 'label'>): string;
}

/**
 * Builds the translator for `locale` over every built-in string here (English, Simplified Chinese and the
 * languages fetched so far; see {@link createTextTranslator} for the fallback order); category, channel and topic labels fall back to the built-in ones, then to their ids, and service labels to
 * the name of their preset, then to their ids.
 */
export function createTranslator(config: ConsentConfig, locale: string): Translator {
  const catalog = { ...CATALOG, ...FETCHED_CATALOGS };
  const builtIn: Messages | undefined = catalog[locale];
  const english = CATALOG.en!;
  const texts = createTextTranslator(config, locale, catalog);
  const { localize } = texts;
  return {
    ...texts,
    number: (value) => localNumber(value, locale),
    categoryLabel(category) {
      const known = category.id as keyof Messages['categories'];
      return (
        localize(category.label) ?? builtIn?.categories[known]?.label ?? english.categories[known]?.label ?? category.id
      );
    },
    categoryDescription(category) {
      const known = category.id as keyof Messages['categories'];
      return (
        localize(category.description) ??
        builtIn?.categories[known]?.description ??
        english.categories[known]?.description
      );
    },
    contactLabel(kind, option) {
      const catalog = (m: Messages | undefined) => (m?.[kind] as Record<string, string> | undefined)?.[option.id];
      return localize(option.label) ?? catalog(builtIn) ?? catalog(english) ?? option.id;
    },
    serviceLabel(service) {
      const preset = Object.hasOwn(PRESET_LABELS, service.id) ? PRESET_LABELS[service.id as PresetName] : undefined;
      return localize(service.label) ?? localize(preset) ?? service.id;
    },
  };
}
