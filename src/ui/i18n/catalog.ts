import type { LocalizedText } from '../../schema/config.js';
import { en } from './en.js';
import type { Messages } from './messages.js';
import { zhCN } from './zh-cn.js';

/** The built-in languages, English first as the fallback. */
export const CATALOG: Record<string, Messages> = { en, 'zh-CN': zhCN };

/** A config text in the visitor's language: that locale, else English, else the first one given. */
export function localize(text: LocalizedText | undefined, locale: string): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[locale] ?? text.en ?? Object.values(text)[0];
}
