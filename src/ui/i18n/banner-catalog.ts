import { enBanner } from './en-banner.js';
import type { BannerMessages } from './messages.js';
import { zhCNBanner } from './zh-cn-banner.js';

/**
 * The banner's texts of each language here, by locale: English (the fallback) and Simplified Chinese come
 * with the script; `fetchCatalog()` (fetched-catalogs.ts) adds each other built-in language when it is shown (`undefined` for
 * one that could not be fetched, shown in English).
 */
export const BANNER_CATALOG: Record<string, BannerMessages | undefined> = { en: enBanner, 'zh-CN': zhCNBanner };
