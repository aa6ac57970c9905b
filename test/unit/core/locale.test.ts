import { describe, expect, it } from 'vitest';
import { normalizeLocale, resolveLocale } from '../../../src/core/locale.js';
import { BUILT_IN_LOCALES } from '../../../src/shared/config-defaults.js';

const available = ['en', 'zh-CN'];

describe('locale resolution', () => {
  it.each(['zh', 'zh-Hans', 'zh-CN', 'zh-SG', 'zh-Hans-CN', 'zh-Hans-HK', 'ZH-cn'])(
    'maps %s to Simplified Chinese (zh-CN)',
    (tag) => {
      expect(normalizeLocale(tag)).toBe('zh-CN');
    },
  );

  it.each(['zh-Hant', 'zh-HK', 'zh-MO', 'zh-TW', 'zh-Hant-TW', 'zh-Hant-CN', 'zh-hk'])(
    'maps %s to Traditional Chinese (zh-Hant)',
    (tag) => {
      expect(normalizeLocale(tag)).toBe('zh-Hant');
    },
  );

  it.each(['en-US', 'ja', 'pt', 'zha', 'ar-EG'])('leaves %s alone', (tag) => {
    expect(normalizeLocale(tag)).toBe(tag);
  });

  it('takes the wanted tags in order: the first one available wins', () => {
    expect(resolveLocale(['zh-Hans', 'en-US'], available)).toBe('zh-CN');
    expect(resolveLocale(['', 'fr-FR', 'zh', 'en'], available)).toBe('zh-CN');
    expect(resolveLocale(['en-GB', 'zh-CN'], available)).toBe('en');
  });

  it('falls back to the first available language when nothing matches', () => {
    expect(resolveLocale(['fr', 'de'], available)).toBe('en');
    expect(resolveLocale([], ['ja', 'en'])).toBe('ja');
  });

  it('sends Hong Kong, Macao and Taiwan to Traditional Chinese and the mainland and Singapore to Simplified', () => {
    for (const tag of ['zh-HK', 'zh-MO', 'zh-TW', 'zh-Hant'])
      expect(resolveLocale([tag], BUILT_IN_LOCALES)).toBe('zh-Hant');
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans']) expect(resolveLocale([tag], BUILT_IN_LOCALES)).toBe('zh-CN');
  });

  it('falls back by language within a region: pt to pt-BR, es-MX to es, pt-PT to pt-BR, fr-CA to fr, ar-EG to ar', () => {
    expect(resolveLocale(['pt'], BUILT_IN_LOCALES)).toBe('pt-BR');
    expect(resolveLocale(['pt-PT'], BUILT_IN_LOCALES)).toBe('pt-BR');
    expect(resolveLocale(['es-MX'], BUILT_IN_LOCALES)).toBe('es');
    expect(resolveLocale(['fr-CA'], BUILT_IN_LOCALES)).toBe('fr');
    expect(resolveLocale(['ar-EG'], BUILT_IN_LOCALES)).toBe('ar');
    expect(resolveLocale(['ja-JP'], BUILT_IN_LOCALES)).toBe('ja');
  });

  it('gives Traditional Chinese readers Simplified Chinese when a config offers no Traditional', () => {
    expect(resolveLocale(['zh-TW'], available)).toBe('zh-CN');
  });
});
