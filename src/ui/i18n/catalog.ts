import { en } from './en.js';
import type { Messages } from './messages.js';
import { zhCN } from './zh-cn.js';

/** The built-in languages, English first as the fallback. */
export const CATALOG: Record<string, Messages> = { en, 'zh-CN': zhCN };
