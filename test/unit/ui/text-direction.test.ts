import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../src/ui/i18n/text-direction.js';

describe('the direction of a language', () => {
  it('is right to left for Arabic, Persian, Hebrew and Urdu, with or without a region, in any case', () => {
    for (const locale of ['ar', 'ar-EG', 'AR-eg', 'fa', 'fa-IR', 'he', 'he-IL', 'ur', 'ur-PK'])
      expect(textDirection(locale), locale).toBe('rtl');
  });

  it('is left to right for every other language, those whose tag starts with the same letters included', () => {
    for (const locale of ['en', 'zh-CN', 'zh-Hant', 'ja', 'fr', 'arn', 'arq-DZ', 'her', 'urd'])
      expect(textDirection(locale), locale).toBe('ltr');
  });
});
