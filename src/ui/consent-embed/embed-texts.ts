import type { LocalizedText } from '../../schema/config.js';
import type { PresetName } from '../../shared/presets.js';

/** What a placeholder says, in each built-in language it has; others are shown in English. */
export interface EmbedTexts {
  /** Who hosts the content and what loading it means; `{name}` is the service's name. */
  text: string;
  /** The button that grants the service and loads the content. */
  load: string;
}

export const EMBED_TEXTS: Record<string, EmbedTexts | undefined> = {
  en: {
    text: 'This content is hosted by {name} and may set cookies. Load it to continue.',
    load: 'Load content',
  },
  'zh-CN': {
    text: '此内容由{name}提供，可能会设置 Cookie。请加载以继续。',
    load: '加载内容',
  },
};

/**
 * The names of the embed presets' services, for a service made of a preset that has no `label` of its own.
 * Kept here, with the placeholder, so the script every visitor loads does not carry them.
 */
export const EMBED_SERVICE_NAMES = {
  bilibili: { en: 'Bilibili', 'zh-CN': '哔哩哔哩' },
  'tencent-video': { en: 'Tencent Video', 'zh-CN': '腾讯视频' },
  youku: { en: 'Youku', 'zh-CN': '优酷' },
  youtube: 'YouTube',
  'baidu-maps': { en: 'Baidu Maps', 'zh-CN': '百度地图' },
  amap: { en: 'Amap', 'zh-CN': '高德地图' },
  'google-maps': { en: 'Google Maps', 'zh-CN': '谷歌地图' },
} satisfies Partial<Record<PresetName, LocalizedText>>;

/** The built-in name of an embed preset's service, if `id` is one (own keys only: ids such as `constructor` are valid). */
export function embedServiceName(id: string | undefined): LocalizedText | undefined {
  return id !== undefined && Object.hasOwn(EMBED_SERVICE_NAMES, id)
    ? EMBED_SERVICE_NAMES[id as keyof typeof EMBED_SERVICE_NAMES]
    : undefined;
}
