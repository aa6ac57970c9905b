import { describe, expect, it } from 'vitest';
import { normalizeLocale, resolveLocale } from '../../../src/core/locale.js';

const available = ['en', 'zh-CN'];

describe('locale resolution', () => {
  it.each(['zh', 'zh-Hans', 'zh-CN', 'zh-SG', 'zh-Hans-CN', 'ZH-cn'])('maps %s to zh-CN', (tag) => {
    expect(normalizeLocale(tag)).toBe('zh-CN');
  });

  it.each(['zh-TW', 'zh-Hant', 'zh-HK', 'en-US'])('leaves %s alone', (tag) => {
    expect(normalizeLocale(tag)).toBe(tag);
  });

  it('prefers the configured locale over page and browser', () => {
    expect(resolveLocale('zh-CN', { pageLang: 'en', browser: ['en-US'] }, available)).toBe('zh-CN');
  });

  it('with "auto", takes <html lang> first, then the browser languages in order', () => {
    expect(resolveLocale('auto', { pageLang: 'zh-Hans', browser: ['en-US'] }, available)).toBe('zh-CN');
    expect(resolveLocale('auto', { pageLang: '', browser: ['fr-FR', 'zh', 'en'] }, available)).toBe('zh-CN');
    expect(resolveLocale('auto', { pageLang: 'en-GB', browser: ['zh-CN'] }, available)).toBe('en');
  });

  it('falls back to the first available language when nothing matches', () => {
    expect(resolveLocale('auto', { pageLang: 'fr', browser: ['de'] }, available)).toBe('en');
    expect(resolveLocale('ja', {}, available)).toBe('en');
  });
});
