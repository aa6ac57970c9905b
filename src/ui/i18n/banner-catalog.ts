import { enBanner } from './en-banner.js';
import type { BannerMessages } from './messages.js';
import { zhCNBanner } from './zh-cn-banner.js';

/** The built-in languages' banner texts, English first as the fallback. */
export const BANNER_CATALOG: Record<string, BannerMessages> = { en: enBanner, 'zh-CN': zhCNBanner };
