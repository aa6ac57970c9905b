// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { TEXT_KEYS } from '../../../src/shared/text-keys.js';
import { CATALOG } from '../../../src/ui/i18n/catalog.js';
import { fetchCatalog } from '../../../src/ui/i18n/fetched-catalogs.js';
import { createTranslator } from '../../../src/ui/i18n/translator.js';
import { PRESET_LABELS } from '../../../src/ui/i18n/preset-labels.js';
import { EMBED_SERVICE_NAMES, embedServiceName } from '../../../src/ui/consent-embed/embed-texts.js';
import type { PresetName } from '../../../src/shared/presets.js';

const config = parseConfig({
  policy: { version: '1', url: '/' },
  locales: ['en', 'zh-CN', 'it', 'ja'],
  texts: { it: { acceptAll: 'Accetta tutto' }, 'zh-CN': { rejectAll: '拒绝' }, ja: { title: 'クッキーについて' } },
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

  it("prefers the site's text, then the built-in language, then English", () => {
    const zh = createTranslator(config, 'zh-CN');
    expect(zh.text('rejectAll')).toBe('拒绝');
    expect(zh.text('acceptAll')).toBe('全部接受');
    const it_ = createTranslator(config, 'it');
    expect(it_.text('acceptAll')).toBe('Accetta tutto');
    expect(it_.text('rejectAll')).toBe('Reject all');
  });

  it("uses a fetched built-in language under the site's own overrides of it", async () => {
    expect(await fetchCatalog('ja')).toBeUndefined();
    const ja = createTranslator(config, 'ja');
    expect(ja.text('title')).toBe('クッキーについて');
    expect(ja.text('acceptAll')).toBe('すべて受け入れる');
    expect(ja.categoryLabel(config.categories[0]!)).toBe('分析');
  });

  it('writes the "last updated" date and numbers the language\'s way', () => {
    expect(createTranslator(config, 'en').date('2024-06-01')).toBe('June 1, 2024');
    expect(createTranslator(config, 'zh-CN').date('2024-06-01')).toBe('2024年6月1日');
    expect(createTranslator(config, 'de').date('2024-06-01')).toBe('1. Juni 2024');
    expect(createTranslator(config, 'ar').date('2024-06-01')).toContain('يونيو');
    expect(createTranslator(config, 'de').number(1234)).toBe('1.234');
  });

  it('shows the "last updated" day as written, in time zones far behind and far ahead of UTC', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(createTranslator(config, 'ja').date('2024-12-31')).toBe('2024年12月31日');
      }
    } finally {
      process.env.TZ = zone;
      if (zone === undefined) delete process.env.TZ;
    }
  });

  it('fills placeholders', () => {
    const t = createTranslator(config, 'en');
    expect(t.text('lastUpdated', { date: 'June 1, 2024' })).toBe('Last updated June 1, 2024');
    expect(t.text('cookiesUsed', { count: 3 })).toBe('Cookies used (3)');
  });

  it("labels categories and contact options from config first, then built in, in the visitor's language", () => {
    const zh = createTranslator(config, 'zh-CN');
    expect(config.categories.map((c) => zh.categoryLabel(c))).toEqual(['分析', '视频', 'Maps']);
    expect(zh.categoryDescription(config.categories[0]!)).toMatch(/运营数据/);
    expect(config.contact.channels.map((c) => zh.contactLabel('channels', c))).toEqual(['电子邮件', '短信']);
    expect(zh.contactLabel('topics', { id: 'feedback' })).toBe('征求您的反馈和问卷调查');
    const it_ = createTranslator(config, 'it');
    expect(it_.categoryLabel(config.categories[1]!)).toBe('Video');
  });

  it("names a service by its label, else by its preset's built-in name in the visitor's language, else by its id", () => {
    const zh = createTranslator(config, 'zh-CN');
    const ja = createTranslator(config, 'ja');
    expect(zh.serviceLabel({ id: 'baidu-tongji' })).toBe('百度统计');
    expect(ja.serviceLabel({ id: 'baidu-tongji' })).toBe('Baidu Tongji');
    expect(zh.serviceLabel({ id: 'clarity' })).toBe('Microsoft Clarity');
    expect(zh.serviceLabel({ id: 'clarity', label: { en: 'Heatmaps', 'zh-CN': '热图' } })).toBe('热图');
    expect(zh.serviceLabel({ id: 'own-stats' })).toBe('own-stats');
    // An id that happens to name something every object has is still just an id.
    expect(zh.serviceLabel({ id: 'constructor' })).toBe('constructor');
  });

  it("gives an embedded player's or map's service the same name in the panel as on its placeholder", () => {
    for (const [id, name] of Object.entries(EMBED_SERVICE_NAMES)) {
      expect(PRESET_LABELS[id as PresetName], id).toEqual(name);
      expect(embedServiceName(id)).toEqual(name);
    }
    expect(embedServiceName('constructor')).toBeUndefined();
  });
});
