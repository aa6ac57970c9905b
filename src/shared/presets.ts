/**
 * Ready-made host, cookie and storage lists for analytics services and ad pixels, chosen by name in a
 * category's `presets`. They live with the schema because the config names them and expands them into the
 * category's own `hosts`, `cookies` and `storage`; everything downstream (gate, cleanup, UI) then reads one list.
 * Only first-party names are listed: cookies on the service's own domain cannot be reached from the page.
 * Each entry cites where its names come from. Where a list is short, the service documents no more than that
 * for its web tag, or its collection host is the site's own deployment: add what your set-up uses to the
 * category's own `hosts`, `cookies` and `storage`.
 */
export const PRESETS = {
  /**
   * Baidu Tongji (百度统计): `hm.js` and its beacons; `Hm_lvt_<site>`, `Hm_lpvt_<site>` and the other `Hm_`
   * cookies, and unsent beacons kept in localStorage under `Hm_unsent_<site>`.
   * Baidu Tongji help centre, https://tongji.baidu.com/web/help/ (the tracking code's cookies; exact page not confirmed)
   */
  'baidu-tongji': { hosts: ['hm.baidu.com', 'hmcdn.baidu.com'], cookies: ['/^Hm_lvt_/', '/^Hm_lpvt_/', '/^Hm_(up|ck)_/'], storage: ['/^Hm_unsent_/'] },
  /**
   * CNZZ / Umeng U-Web (友盟+): `z_stat.php` / `stat.php` on `s<n>.cnzz.com`, beacons on `z<n>.cnzz.com` and
   * `hzs<n>.cnzz.com`; `CNZZDATA<site>`, `CZ_UUID<site>`, `_cnzz_CV<site>` and `UM_distinctid` cookies.
   * Umeng developer docs, U-Web, https://developer.umeng.com/docs/ (exact page not confirmed)
   */
  cnzz: { hosts: ['*.cnzz.com', '*.umeng.com'], cookies: ['/^CNZZDATA/', '/^CZ_UUID/', '/^_cnzz_CV/', 'UM_distinctid'], storage: [] },
  /**
   * 51.la (v6): `sdk.51.la/js-sdk-pro.min.js` and the `collect-v6.51.la` collector; `__51` and `__tins__` /
   * `__vtins__` cookies. 51.la help, https://www.51.la/ (统计代码安装; exact page not confirmed)
   */
  '51la': { hosts: ['*.51.la'], cookies: ['/^__51/', '/^__v?tins__/'], storage: [] },
  /**
   * Tencent Analytics (腾讯分析 / 腾讯移动分析 H5): `pingjs.qq.com/h5/stats.js` reporting to `pingtas.qq.com`;
   * `pgv_pvi` / `pgv_si` visitor cookies. Tencent MTA docs, https://mta.qq.com/ (H5 access; exact page not confirmed)
   * Unsure: the H5 SDK's storage keys are not documented; none are listed.
   */
  'tencent-analytics': { hosts: ['pingjs.qq.com', 'pingtas.qq.com'], cookies: ['pgv_pvi', 'pgv_si', 'pgv_pvid'], storage: [] },
  /**
   * Sensors Data (神策): the SaaS collectors on `*.datasink.sensorsdata.cn` and the SDK on `static.sensorsdata.cn`
   * (a private deployment's `server_url` is the site's own host: add it); `sensorsdata2015jssdkcross` and
   * `sensorsdata2015session` cookies, the same names and the batch queue (`sawebjssdk-…`) in localStorage.
   * Sensors Data manual, Web SDK, https://manual.sensorsdata.cn/ (exact page not confirmed)
   */
  'sensors-data': {
    hosts: ['*.datasink.sensorsdata.cn', 'static.sensorsdata.cn'],
    cookies: ['/^sensorsdata2015/'],
    storage: ['/^sensorsdata/', '/^sawebjssdk/'],
  },
  /**
   * GrowingIO: the SDK on `assets.giocdn.com`, collection on `api.growingio.com`; `gr_user_id`,
   * `gr_session_id_<project>` and `gr_cs1_…` cookies (the same `gr_` names in localStorage on SDK 3+).
   * GrowingIO docs, Web JS SDK, https://docs.growingio.com/ (exact page not confirmed)
   */
  growingio: { hosts: ['assets.giocdn.com', 'api.growingio.com'], cookies: ['/^gr_/'], storage: ['/^gr_/'] },
  /**
   * Volcengine DataFinder (火山引擎 增长分析, ByteDance): the SDK on `lf3-data.volccdn.com`, collection on
   * `mcs.volceapplog.com` (`gator.volces.com` for newer projects); ids and tokens in localStorage under `__tea_…`.
   * Volcengine docs, DataFinder Web SDK, https://www.volcengine.com/docs/6285 (exact page not confirmed)
   */
  'volcengine-datafinder': { hosts: ['lf3-data.volccdn.com', 'mcs.volceapplog.com', 'gator.volces.com'], cookies: [], storage: ['/^__tea_/'] },
  /**
   * Alibaba Cloud ARMS RUM (阿里云 用户体验监控): the SDK on `sdk.rum.aliyuncs.com`, reports to
   * `<pid>.<region>.rum.aliyuncs.com`; the older browser monitoring on `retcode.alicdn.com` / `arms-retcode.aliyuncs.com`.
   * https://help.aliyun.com/zh/arms/user-experience-monitoring/ (Web & H5 integration; exact page not confirmed)
   * Unsure: the SDK's first-party cookie and storage names are not documented; none are listed.
   */
  'aliyun-arms-rum': { hosts: ['*.rum.aliyuncs.com', 'retcode.alicdn.com', 'arms-retcode.aliyuncs.com'], cookies: [], storage: [] },
  /**
   * Microsoft Clarity: the tag and its collectors; `_clck` and `_clsk` cookies.
   * https://learn.microsoft.com/clarity/setup-and-installation/cookie-list
   */
  clarity: { hosts: ['*.clarity.ms'], cookies: ['_clck', '_clsk'], storage: [] },
  /**
   * Google Analytics 4: collection endpoints; `_ga` and `_ga_<stream>` cookies.
   * https://support.google.com/analytics/answer/11397207 (Google Analytics cookie usage)
   */
  ga4: { hosts: ['*.google-analytics.com', '*.analytics.google.com'], cookies: ['/^_ga/', '_gid'], storage: [] },
  /**
   * Google Tag Manager and gtag.js: the container and library host. The tags it loads bring their own
   * hosts: add their presets (`ga4`, `google-ads`) too. https://developers.google.com/tag-platform/security/guides/csp
   */
  gtm: { hosts: ['www.googletagmanager.com'], cookies: [], storage: [] },
  /**
   * Google Ads conversion tracking and remarketing: `_gcl_au`, `_gcl_aw` and the other `_gcl_` cookies.
   * Google Ads Help, conversion tracking and cookies, https://support.google.com/google-ads/ (exact page not confirmed)
   */
  'google-ads': { hosts: ['www.googleadservices.com', '*.doubleclick.net'], cookies: ['/^_gcl_/'], storage: [] },
  /**
   * Baidu ads (百度营销) web conversions: collected through the Baidu Tongji tag (OCPC "JS 布码"), so the same
   * hosts and cookies; the conversion upload API (`ocpc.baidu.com`) is called from servers, not pages.
   * Baidu Marketing developer docs, OCPC, https://dev2.baidu.com/ (exact page not confirmed)
   */
  'baidu-ads': { hosts: ['hm.baidu.com', 'hmcdn.baidu.com'], cookies: ['/^Hm_lvt_/', '/^Hm_lpvt_/'], storage: [] },
  /**
   * Ocean Engine (巨量引擎) conversions: the conversion endpoint `analytics.oceanengine.com`.
   * Ocean Engine event manager docs, https://event-manager.oceanengine.com/ (exact page not confirmed)
   * Unsure: the page pixel's script host and first-party names are not documented in a form we could
   * confirm; none are listed beyond the endpoint.
   */
  oceanengine: { hosts: ['analytics.oceanengine.com'], cookies: [], storage: [] },
  /**
   * Tencent Ads (腾讯广告, formerly 广点通 GDT): ad and conversion hosts on `gdt.qq.com`.
   * Tencent Ads developer docs, https://developers.e.qq.com/ (exact page not confirmed)
   * Unsure: the web SDK's script host and first-party names could not be confirmed; none are listed.
   */
  'tencent-ads': { hosts: ['*.gdt.qq.com'], cookies: [], storage: [] },
  /**
   * Meta Pixel: `fbevents.js` from `connect.facebook.net`, events to `www.facebook.com/tr`; `_fbp` and `_fbc`.
   * https://www.facebook.com/business/help/471978536642445 (first-party cookies of the Meta Pixel)
   */
  'meta-pixel': { hosts: ['connect.facebook.net', 'www.facebook.com'], cookies: ['_fbp', '_fbc'], storage: [] },
  /**
   * LinkedIn Insight Tag: `insight.min.js` from `snap.licdn.com`, events to `px.ads.linkedin.com`; the
   * first-party `li_fat_id` and `ln_or` cookies. https://www.linkedin.com/legal/l/cookie-table
   */
  'linkedin-insight': { hosts: ['snap.licdn.com', 'px.ads.linkedin.com'], cookies: ['li_fat_id', 'ln_or'], storage: [] },
} as const satisfies Record<string, { hosts: readonly string[]; cookies: readonly string[]; storage: readonly string[] }>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as [PresetName, ...PresetName[]];
