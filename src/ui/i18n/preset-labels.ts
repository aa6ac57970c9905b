import type { LocalizedText } from '../../schema/config.js';
import type { PresetName } from '../../shared/presets.js';

/**
 * What the preferences panel calls the service each preset becomes, when the config gives it no `label`: the
 * vendor's own name, and its Chinese name where it has one (other languages show the English name, which is
 * also how those vendors write it). Only the panel imports this, so a visit that never opens it loads none.
 * The embedded players' and maps' names are also the placeholder's (`EMBED_SERVICE_NAMES`): the two chunks each
 * carry a copy rather than share a third file every panel visit would fetch; a test holds the copies equal.
 */
export const PRESET_LABELS: Record<PresetName, LocalizedText | undefined> = {
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
  bilibili: { en: 'Bilibili', 'zh-CN': '哔哩哔哩' },
  'tencent-video': { en: 'Tencent Video', 'zh-CN': '腾讯视频' },
  youku: { en: 'Youku', 'zh-CN': '优酷' },
  youtube: 'YouTube',
  'baidu-maps': { en: 'Baidu Maps', 'zh-CN': '百度地图' },
  amap: { en: 'Amap', 'zh-CN': '高德地图' },
  'google-maps': { en: 'Google Maps', 'zh-CN': '谷歌地图' },
};
