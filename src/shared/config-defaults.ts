/*
 * The config's built-in ids, limits and defaults that more than the zod schema needs: kept free of zod, so
 * a module that reads common configs without the validator (core/common-config.ts) shares them too.
 */

/**
 * Languages whose every string ships with the SDK, English first as the fallback. A config offers them all
 * unless its `locales` says otherwise: each costs a visitor nothing until it is the one shown.
 */
export const BUILT_IN_LOCALES = ['en', 'zh-CN', 'zh-Hant', 'ja', 'ko', 'fr', 'de', 'es', 'pt-BR', 'ru', 'ar'] as const;

/** One of {@link BUILT_IN_LOCALES}. */
export type BuiltInLocale = (typeof BUILT_IN_LOCALES)[number];

/** Category ids whose label and description ship with the SDK in every built-in language. */
export const KNOWN_CATEGORY_IDS = ['necessary', 'analytics', 'marketing'] as const;
/** Contact channels and topics whose labels ship with the SDK (the privacy statement's own). */
export const KNOWN_CONTACT_CHANNELS = ['email', 'phone'] as const;
export const KNOWN_CONTACT_TOPICS = ['offers', 'feedback'] as const;

/** Browsers cap a cookie's lifetime at 400 days; a longer setting would silently not hold. */
export const MAX_COOKIE_DAYS = 400;

/** The category that honours Global Privacy Control unless its config says otherwise. */
export const GPC_BY_DEFAULT = 'marketing';

/** The categories of a config that lists none. */
export const DEFAULT_CATEGORIES: readonly { id: string; required?: boolean }[] = [
  { id: 'necessary', required: true },
  { id: 'analytics' },
  { id: 'marketing' },
];
