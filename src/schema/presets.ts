/**
 * Ready-made host and cookie lists for analytics services, chosen by name in a category's `presets`.
 * They live with the schema because the config names them and expands them into the category's own
 * `hosts` and `cookies`; everything downstream (gate, cleanup, UI) then reads one list.
 * Only first-party cookies are listed: cookies on the service's own domain cannot be reached from the page.
 */
export const PRESETS = {
  /** Baidu Tongji (百度统计): `hm.js` and its beacons, `Hm_lvt_<site>` / `Hm_lpvt_<site>` cookies. */
  'baidu-tongji': { hosts: ['hm.baidu.com', 'hmcdn.baidu.com'], cookies: ['/^Hm_lvt_/', '/^Hm_lpvt_/'], storage: [] },
  /** Google Analytics 4: collection endpoints; `_ga` and `_ga_<stream>` cookies. */
  ga4: { hosts: ['*.google-analytics.com', '*.analytics.google.com'], cookies: ['/^_ga/', '_gid'], storage: [] },
  /** Microsoft Clarity: the tag and its collectors; `_clck` and `_clsk` cookies. */
  clarity: { hosts: ['*.clarity.ms'], cookies: ['_clck', '_clsk'], storage: [] },
} as const satisfies Record<string, { hosts: readonly string[]; cookies: readonly string[]; storage: readonly string[] }>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as [PresetName, ...PresetName[]];
