import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import type { ConsentConfigError } from '../../../src/core/errors.js';
import { createHostMatcher } from '../../../src/gate/host-matcher.js';
import { compileCookiePattern } from '../../../src/shared/cookie-pattern.js';
import { PRESET_NAMES, type PresetName } from '../../../src/shared/presets.js';

/** What each service sends and stores, as its documentation and its tag show: URLs, cookie names, storage keys. */
const SERVICES: Record<PresetName, { urls: string[]; cookies?: string[]; storage?: string[] }> = {
  'baidu-tongji': {
    urls: ['https://hm.baidu.com/hm.js?0123abcd', 'https://hm.baidu.com/hm.gif?si=0123abcd'],
    cookies: ['Hm_lvt_0123abcd', 'Hm_lpvt_0123abcd', 'Hm_up_0123abcd'],
    storage: ['Hm_unsent_0123abcd'],
  },
  cnzz: {
    urls: [
      'https://s4.cnzz.com/z_stat.php?id=1278216955',
      'https://z3.cnzz.com/stat.htm?id=1',
      'https://hzs14.cnzz.com/stat.htm?id=1',
    ],
    cookies: ['CNZZDATA1278216955', 'CZ_UUID1278216955', 'UM_distinctid'],
  },
  '51la': {
    urls: ['https://sdk.51.la/js-sdk-pro.min.js', 'https://collect-v6.51.la/v6/collect?dt=4'],
    cookies: ['__51cke__', '__tins__21234567', '__vtins__3FKe', '__51vcke__3FKe', '__51uvsct__3FKe'],
  },
  'tencent-analytics': {
    urls: ['https://pingjs.qq.com/h5/stats.js?v2.0.4', 'https://pingtas.qq.com/webview/pingd?dm=x'],
    cookies: ['pgv_pvi', 'pgv_si', 'pgv_uid'],
    storage: ['pgv_pvi', 'pgv_uid', 'pgv_si'],
  },
  'sensors-data': {
    urls: [
      'https://demo.datasink.sensorsdata.cn/sa?project=default',
      'https://static.sensorsdata.cn/sdk/1.26.0/sensorsdata.min.js',
    ],
    cookies: ['sensorsdata2015jssdkcross', 'sensorsdata2015session', 'sa_jssdk_2015_example_com', 'sensors_amp_id'],
    storage: ['sensorsdata2015jssdkcross', 'sawebjssdk-1733100000000', 'tab-sawebjssdk-1', 'sajssdk-lock-get-x'],
  },
  growingio: {
    urls: [
      'https://assets.giocdn.com/2.1/gio.js',
      'https://api.growingio.com/v3/abc/web/pv?stm=1',
      'https://napi.growingio.com/v3/projects/abc/collect',
    ],
    cookies: ['gr_user_id', 'gr_session_id_9a1b2c3d', 'gdp_user_id', '9a1b2c3d_gdp_session_id'],
    storage: ['gr_user_id', 'gdp_user_id', '9a1b2c3d_gdp_cs1'],
  },
  'volcengine-datafinder': {
    urls: [
      'https://lf3-data.volccdn.com/obj/data-static/log-sdk/collect/5.0/collect-rangers-v5.1.2.js',
      'https://mcs.volceapplog.com/list',
      'https://gator.volces.com/list',
      'https://mcs.tobsnssdk.com/list',
    ],
    cookies: ['_tea_utm_cache_10000001', '__tea_cache_tokens_10000001'],
    storage: ['__tea_cache_tokens_10000001', '__tea_sdk__user_unique_id', '_$utm_from_url'],
  },
  'aliyun-arms-rum': {
    urls: [
      'https://sdk.rum.aliyuncs.com/v2/browser-sdk.js',
      'https://abc123.cn-hangzhou.rum.aliyuncs.com/',
      'https://retcode.alicdn.com/retcode/bl.js',
      'https://arms-retcode.aliyuncs.com/r.png',
      'https://arms-retcode-sg.aliyuncs.com/r.png',
    ],
    cookies: ['_arms_uid', '_arms_session', '_bl_uid'],
    storage: ['_arms_uid', '_arms_session:example.com', 'arms_rum2_local_config', '_bl_sid'],
  },
  clarity: { urls: ['https://www.clarity.ms/tag/x', 'https://k.clarity.ms/collect'], cookies: ['_clck', '_clsk'] },
  ga4: {
    urls: [
      'https://region1.google-analytics.com/g/collect',
      'https://www.google-analytics.com/g/collect',
      'https://region1.analytics.google.com/g/collect',
    ],
    cookies: ['_ga', '_ga_ABC123', '_gid'],
  },
  gtm: {
    urls: ['https://www.googletagmanager.com/gtm.js?id=GTM-XXXX', 'https://www.googletagmanager.com/gtag/js?id=G-XXXX'],
  },
  'google-ads': {
    urls: [
      'https://www.googleadservices.com/pagead/conversion.js',
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/',
    ],
    cookies: ['_gcl_au', '_gcl_aw'],
  },
  'baidu-ads': { urls: ['https://hm.baidu.com/hm.js?0123abcd'], cookies: ['Hm_lvt_0123abcd'] },
  oceanengine: { urls: ['https://analytics.oceanengine.com/api/v2/conversion'] },
  'tencent-ads': { urls: ['https://t.gdt.qq.com/conv/web/cookies/jsonp', 'https://a.gdt.qq.com/pixel?x=1'] },
  'meta-pixel': {
    urls: ['https://connect.facebook.net/en_US/fbevents.js', 'https://www.facebook.com/tr?id=1&ev=PageView'],
    cookies: ['_fbp', '_fbc'],
  },
  'linkedin-insight': {
    urls: ['https://snap.licdn.com/li.lms-analytics/insight.min.js', 'https://px.ads.linkedin.com/collect?pid=1'],
    cookies: ['li_fat_id', 'ln_or'],
  },
  // Embeds: the addresses of the embed codes and of the scripts the vendors' guides load; no first-party names.
  bilibili: { urls: ['https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&p=1&autoplay=0'] },
  'tencent-video': {
    urls: ['https://v.qq.com/txp/iframe/player.html?vid=k0015trfczz', 'https://v.qq.com/iframe/player.html?vid=x'],
  },
  youku: { urls: ['https://player.youku.com/embed/XNTg2NjA3NjQw'] },
  youtube: {
    urls: [
      'https://www.youtube.com/embed/M7lc1UVf-VE',
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
      'https://www.youtube.com/iframe_api',
    ],
  },
  'baidu-maps': { urls: ['https://api.map.baidu.com/api?type=webgl&v=1.0&ak=x'] },
  amap: {
    urls: [
      'https://webapi.amap.com/maps?v=2.0&key=x',
      'https://webapi.amap.com/loader.js',
      'https://restapi.amap.com/v3/geocode/geo?address=x',
    ],
  },
  'google-maps': {
    urls: [
      'https://www.google.com/maps/embed/v1/place?key=x&q=Space+Needle,Seattle+WA',
      'https://maps.googleapis.com/maps/api/js?key=x&callback=initMap',
      'https://maps.gstatic.com/mapfiles/api-3/images/spotlight-poi3.png',
    ],
  },
};

const parse = (categories: unknown[], extra: object = {}) =>
  parseConfig({ policy: { version: '1', url: '/' }, categories, ...extra });
const problems = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as ConsentConfigError).problems;
  }
  return [];
};

describe('presets', () => {
  it('add their hosts and cookies to the category, after its own, without duplicates', () => {
    const [analytics] = parse([
      {
        id: 'analytics',
        hosts: ['stats.example.com', 'hm.baidu.com'],
        cookies: ['_ga'],
        presets: ['baidu-tongji', 'ga4', 'clarity'],
      },
    ]).categories;
    expect(analytics!.hosts).toEqual([
      'stats.example.com',
      'hm.baidu.com',
      'hmcdn.baidu.com',
      '*.google-analytics.com',
      '*.analytics.google.com',
      '*.clarity.ms',
    ]);
    expect(analytics!.cookies).toEqual([
      '_ga',
      '/^Hm_lvt_/',
      '/^Hm_lpvt_/',
      '/^Hm_(up|ck)_/',
      '/^_ga/',
      '_gid',
      '_clck',
      '_clsk',
    ]);
    expect(analytics!.storage).toEqual(['/^Hm_unsent_/']);
  });

  it('cover the hosts and cookies those services use', () => {
    const [analytics] = parse([{ id: 'analytics', presets: ['baidu-tongji', 'ga4', 'clarity'] }]).categories;
    const match = createHostMatcher([analytics!]);
    for (const url of [
      'https://hm.baidu.com/hm.js?abc',
      'https://region1.google-analytics.com/g/collect',
      'https://www.clarity.ms/tag/x',
      'https://k.clarity.ms/collect',
    ]) {
      expect(match(url)?.categories, url).toEqual(['analytics']);
    }
    const cookieTests = analytics!.cookies.map((p) => compileCookiePattern(p)!);
    for (const name of ['Hm_lvt_0123abcd', 'Hm_lpvt_0123abcd', '_ga', '_ga_ABC123', '_clck', '_clsk']) {
      expect(
        cookieTests.some((test) => test(name)),
        name,
      ).toBe(true);
    }
    expect(cookieTests.some((test) => test('consent'))).toBe(false);
  });

  it('number at least 15, for the analytics services and ad pixels sites in China use', () => {
    expect(PRESET_NAMES.length).toBeGreaterThanOrEqual(15);
  });

  it('cover the video players and maps sites embed, with no names of the page (their cookies are their own)', () => {
    const embeds = ['bilibili', 'tencent-video', 'youku', 'youtube', 'baidu-maps', 'amap', 'google-maps'] as const;
    const [video] = parse([{ id: 'video', label: 'Embeds', presets: embeds }]).categories;
    expect(video!.services.map((s) => s.id)).toEqual(embeds);
    expect([video!.cookies, video!.storage]).toEqual([[], []]);
  });

  for (const name of PRESET_NAMES) {
    it(`${name} covers its service's hosts, cookies and storage keys, and nothing of the page's own`, () => {
      const [category] = parse([{ id: 'analytics', presets: [name] }]).categories;
      const service = SERVICES[name];
      const match = createHostMatcher([category!]);
      for (const url of service.urls) expect(match(url)?.categories, url).toEqual(['analytics']);
      for (const url of ['https://shop.example.com/', 'https://baidu.com/', 'https://qq.com/'])
        expect(match(url), url).toBeUndefined();
      const matches = (patterns: string[], key: string) => patterns.some((p) => compileCookiePattern(p)!(key));
      for (const cookie of service.cookies ?? []) expect(matches(category!.cookies, cookie), cookie).toBe(true);
      for (const key of service.storage ?? []) expect(matches(category!.storage, key), key).toBe(true);
      for (const own of ['consent', 'session_id', 'cart', 'theme']) {
        expect(matches(category!.cookies, own) || matches(category!.storage, own), own).toBe(false);
      }
    });
  }

  it('an unknown preset is an error naming the field and the known names', () => {
    expect(problems(() => parse([{ id: 'analytics', presets: ['ga5'] }]))).toEqual([
      `categories[0].presets[0]: unknown preset: expected one of ${PRESET_NAMES.join(', ')}`,
    ]);
  });
});

describe('gating settings', () => {
  it('default to reloading on withdrawal, 100 held requests and Consent Mode on "auto"', () => {
    const config = parse([{ id: 'analytics' }]);
    expect(config.reloadOnWithdraw).toBe(true);
    expect(config.requestQueueSize).toBe(100);
    expect(config.consentMode).toEqual({ enabled: 'auto', mapping: {}, waitForUpdate: 500 });
  });

  it('name each bad field', () => {
    expect(
      problems(() =>
        parse([{ id: 'analytics' }], {
          reloadOnWithdraw: 'yes',
          requestQueueSize: 1.5,
          consentMode: { enabled: 'sometimes', mapping: { analytics_storage: [] }, waitForUpdate: -1 },
        }),
      ),
    ).toEqual([
      'reloadOnWithdraw: expected boolean, received string',
      'requestQueueSize: expected a whole number',
      'consentMode.enabled: expected true, false or "auto"',
      'consentMode.mapping.analytics_storage: expected at least one category or service id',
      'consentMode.waitForUpdate: expected ≥ 0',
    ]);
  });

  it('a Consent Mode mapping to a category the config does not have is an error', () => {
    expect(problems(() => parse([{ id: 'analytics' }], { consentMode: { mapping: { ad_storage: ['ads'] } } }))).toEqual(
      ['consentMode.mapping.ad_storage[0]: unknown category or service "ads": expected one of analytics'],
    );
  });

  it('an unknown signal is an error', () => {
    expect(
      problems(() =>
        parse([{ id: 'analytics' }], { consentMode: { mapping: { analytic_storage: ['analytics'] } } }),
      )[0],
    ).toMatch(/^consentMode\.mapping/);
  });
});
