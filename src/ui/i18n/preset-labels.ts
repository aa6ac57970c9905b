import type { PresetName } from '../../shared/presets.js';

/**
 * What the preferences panel calls the service each preset becomes, when the config gives it no `label`: the
 * vendor's own name, and its Chinese name where it has one (other languages show the English name, which is
 * also how those vendors write it). Only the panel imports this, so a visit that never opens it loads none.
 */
export const PRESET_LABELS: Record<PresetName, { en: string; 'zh-CN'?: string }> = {
  'baidu-tongji': { en: 'Baidu Tongji', 'zh-CN': '百度统计' },
  cnzz: { en: 'CNZZ (Umeng+)', 'zh-CN': 'CNZZ（友盟+）' },
  '51la': { en: '51.la' },
  'tencent-analytics': { en: 'Tencent Analytics', 'zh-CN': '腾讯分析' },
  'sensors-data': { en: 'Sensors Data', 'zh-CN': '神策数据' },
  growingio: { en: 'GrowingIO' },
  'volcengine-datafinder': { en: 'Volcengine DataFinder', 'zh-CN': '火山引擎增长分析' },
  'aliyun-arms-rum': { en: 'Alibaba Cloud ARMS RUM', 'zh-CN': '阿里云用户体验监控' },
  clarity: { en: 'Microsoft Clarity' },
  ga4: { en: 'Google Analytics' },
  gtm: { en: 'Google Tag Manager' },
  'google-ads': { en: 'Google Ads' },
  'baidu-ads': { en: 'Baidu Ads', 'zh-CN': '百度营销' },
  oceanengine: { en: 'Ocean Engine', 'zh-CN': '巨量引擎' },
  'tencent-ads': { en: 'Tencent Ads', 'zh-CN': '腾讯广告' },
  'meta-pixel': { en: 'Meta Pixel' },
  'linkedin-insight': { en: 'LinkedIn Insight Tag' },
};
