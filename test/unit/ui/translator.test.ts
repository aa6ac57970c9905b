import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { TEXT_KEYS } from '../../../src/schema/text-keys.js';
import { CATALOG } from '../../../src/ui/i18n/catalog.js';
import { createTranslator } from '../../../src/ui/i18n/translator.js';

const config = parseConfig({
  policy: { version: '1', url: '/' },
  locales: ['en', 'zh-CN', 'fr'],
  texts: { fr: { acceptAll: 'Tout accepter' }, 'zh-CN': { rejectAll: '拒绝' } },
  categories: [
    { id: 'analytics' },
    { id: 'video', label: { en: 'Video', 'zh-CN': '视频' } },
    { id: 'maps', label: 'Maps' },
  ],
  contact: { channels: ['email', { id: 'sms', label: { en: 'Text message', 'zh-CN': '短信' } }] },
});

describe('translator', () => {
  it('has every string in every built-in language, none empty', () => {
    for (const [locale, messages] of Object.entries(CATALOG)) {
      for (const key of TEXT_KEYS) expect(messages.texts[key], `${locale}.${key}`).toMatch(/\S/);
    }
  });

  it('uses the exact button names the banner promises', () => {
    const pick = (locale: string) => {
      const t = createTranslator(parseConfig({ policy: { version: '1', url: '/' } }), locale);
      return [t.text('acceptAll'), t.text('rejectAll'), t.text('managePreferences')];
    };
    expect(pick('en')).toEqual(['Accept all', 'Reject all', 'Manage preferences']);
    expect(pick('zh-CN')).toEqual(['全部接受', '全部拒绝', '管理偏好设置']);
  });

  it('prefers the site\'s text, then the built-in language, then English', () => {
    const zh = createTranslator(config, 'zh-CN');
    expect(zh.text('rejectAll')).toBe('拒绝');
    expect(zh.text('acceptAll')).toBe('全部接受');
    const fr = createTranslator(config, 'fr');
    expect(fr.text('acceptAll')).toBe('Tout accepter');
    expect(fr.text('rejectAll')).toBe('Reject all');
  });

  it('fills placeholders', () => {
    const t = createTranslator(config, 'en');
    expect(t.text('lastUpdated', { date: '2024-06-01' })).toBe('Last updated 2024-06-01');
    expect(t.text('cookiesUsed', { count: 3 })).toBe('Cookies used (3)');
  });

  it('labels categories and contact options from config first, then built in, in the visitor\'s language', () => {
    const zh = createTranslator(config, 'zh-CN');
    expect(config.categories.map((c) => zh.categoryLabel(c))).toEqual(['分析', '视频', 'Maps']);
    expect(zh.categoryDescription(config.categories[0]!)).toMatch(/运营数据/);
    expect(config.contact.channels.map((c) => zh.contactLabel('channels', c))).toEqual(['电子邮件', '短信']);
    expect(zh.contactLabel('topics', { id: 'feedback' })).toBe('征求您的反馈和问卷调查');
    const fr = createTranslator(config, 'fr');
    expect(fr.categoryLabel(config.categories[1]!)).toBe('Video');
  });
});
