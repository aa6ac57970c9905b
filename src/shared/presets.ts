/**
 * Ready-made host, cookie and storage lists for analytics services, ad pixels and embeds, chosen by name in a
 * category's `presets`. They live with the schema because the config names them and expands them into the
 * category's own `hosts`, `cookies` and `storage`; everything downstream (gate, cleanup, UI) then reads one list.
 * Only first-party names are listed: cookies on the service's own domain cannot be reached from the page.
 * Each entry cites where its names come from: the SDK's own source where it is published (what it writes is
 * decided there), otherwise the vendor's documentation; "Unsure:" says what neither could confirm. Where a list
 * is short, the service documents no more than that for its web tag, or its collection host is the site's own
 * deployment: add what your set-up uses to the category's own `hosts`, `cookies` and `storage`.
 */
export const PRESETS = {
  /**
   * Baidu Tongji (百度统计): `hm.js` and its beacons; `Hm_lvt_<site>`, `Hm_lpvt_<site>` and the other `Hm_`
   * cookies, and unsent beacons kept under `Hm_unsent_<site>`.
   * Baidu Tongji help centre, https://tongji.baidu.com/web/help/ (the tracking code's cookies; exact page not
   * confirmed)
   * Unsure: `hm.js` is served per site and not published as source or as a package; the names match copies of
   * `hm.js` kept in public repositories, which keep `Hm_unsent_` in localStorage (older) or sessionStorage (newer).
   */
  'baidu-tongji': {
    hosts: ['hm.baidu.com', 'hmcdn.baidu.com'],
    cookies: ['/^Hm_lvt_/', '/^Hm_lpvt_/', '/^Hm_(up|ck)_/'],
    storage: ['/^Hm_unsent_/'],
  },
  /**
   * CNZZ / Umeng U-Web (友盟+): `z_stat.php` / `stat.php` on `s<n>.cnzz.com`, beacons on `z<n>.cnzz.com` and
   * `hzs<n>.cnzz.com`; `CNZZDATA<site>`, `CZ_UUID<site>`, `_cnzz_CV<site>` and `UM_distinctid` cookies.
   * Umeng developer docs, U-Web, https://developer.umeng.com/docs/ (exact page not confirmed)
   * Unsure: the U-Web script is served per site and not published as source or as a package; the names match
   * copies of the stat script kept in public repositories, which write them with `document.cookie`.
   */
  cnzz: {
    hosts: ['*.cnzz.com', '*.umeng.com'],
    cookies: ['/^CNZZDATA/', '/^CZ_UUID/', '/^_cnzz_CV/', 'UM_distinctid'],
    storage: [],
  },
  /**
   * 51.la (v6): `sdk.51.la/js-sdk-pro.min.js` and the `collect-v6.51.la` collector; the `__51vcke__<site>`,
   * `__51vuft__<site>`, `__51uvsct__<site>` and `__vtins__<site>` cookies (`__tins__` from the older tag).
   * 51.la help, https://www.51.la/ (统计代码安装; exact page not confirmed)
   * Unsure: the SDK is not published as source or as a package; the v6 names match an audit of `js-sdk-pro`
   * 1.58.3 and cookie headers kept in public repositories, not a vendor document; `__tins__` is not confirmed.
   */
  '51la': { hosts: ['*.51.la'], cookies: ['/^__51/', '/^__v?tins__/'], storage: [] },
  /**
   * Tencent Analytics (腾讯分析 / 腾讯移动分析 MTA H5): reports to `pingtas.qq.com/webview/pingd`; the visitor
   * `pgv_pvi`, user `pgv_uid` and session `pgv_si` ids, kept in localStorage (`pgv_si` in sessionStorage) and in
   * cookies of the same names where storage is missing.
   * Source: mta-h5-analysis@2.0.19 (Tencent's MTA H5 SDK), index.js (`getCookie`, `setCookie`, `pgv`).
   * The hosted tag is `pingjs.qq.com/h5/stats.js` (its install snippet, `name="MTAH5"`, as sites embed it).
   * Unsure: the hosted script was not read; the `pgv_pvid` cookie is not in the package and is kept from the
   * hosted tag's documentation, https://mta.qq.com/ (exact page not confirmed).
   */
  'tencent-analytics': {
    hosts: ['pingjs.qq.com', 'pingtas.qq.com'],
    cookies: ['pgv_pvi', 'pgv_si', 'pgv_uid', 'pgv_pvid'],
    storage: ['pgv_pvi', 'pgv_si', 'pgv_uid'],
  },
  /**
   * Sensors Data (神策): the SDK on `static.sensorsdata.cn` (a collector's `server_url` is the project's own,
   * on the site's host for a private deployment: add it). Cookies: the state in `sensorsdata2015jssdkcross`
   * (`sa_jssdk_2015_<host>` without `cross_subdomain`), `sensorsdata2015session` before 1.27, the new-user flag
   * `sajssdk_2015_…`, `sensors_amp_id` (AMP plugin). localStorage: the batch queue `sawebjssdk-<id>` with its
   * `tab-sawebjssdk-<id>` index and `sajssdk-lock-get-<key>` locks, `sawebjssdkchannel`, `sawebjssdkpageleave`,
   * `sensorsdata_2015_jssdk_profile`; sessionStorage `sensorsdata_jssdk_debug`.
   * Source: sa-sdk-javascript@1.27.11, dist/web/sensorsdata.js and dist/web/plugin/; sensorsdata/sa-sdk-javascript,
   * git history of dist/web/sensorsdata.js (`sensorsdata2015session` until 1.27.1).
   * Sensors Data manual, Web SDK, https://manual.sensorsdata.cn/sa/latest/tech_sdk_client_web_all-1573964.html
   * The SaaS collectors' `*.datasink.sensorsdata.cn` is not in the web SDK (`server_url` is configured); Sensors
   * Data's own examples use it: sensorsdata/sensors_analytics_flutter_plugin, example/lib/home.dart and
   * example/ios/Runner/AppDelegate.m.
   */
  'sensors-data': {
    hosts: ['*.datasink.sensorsdata.cn', 'static.sensorsdata.cn'],
    cookies: ['/^sensorsdata/', '/^sa_jssdk_2015_/', '/^sajssdk_2015_/', 'sensors_amp_id'],
    storage: ['/^sensorsdata/', '/^(tab-)?sawebjssdk/', '/^sajssdk-lock-get-/'],
  },
  /**
   * GrowingIO: the SDK on `assets.giocdn.com`, collection on `napi.growingio.com` (SDK 4 default; `api.growingio.com`
   * before), A/B tests on `ab.growingio.com`. SDK 4 keeps `gdp_user_id` and `<project>_gdp_session_id`,
   * `<project>_gdp_cs1`, `<project>_gdp_user_key` and the other `_gdp_` ids in cookies (in localStorage with
   * `storageType: 'localStorage'`), and `<project>_gdp_original_source`, `<project>_gdp_abt_sid`, `<hash>_gdp_abtd`
   * and `gdp_query_string` in localStorage; older SDKs (`gio.js`) wrote `gr_user_id`, `gr_session_id_<project>`
   * and `gr_cs1_…` cookies.
   * Source: growingio/growingio-sdk-webjs-autotracker (gio-webjs-sdk 4.3.1), src/constants/config.ts
   * (`STORAGE_KEYS`, `serverUrl`), src/core/userStore.ts, src/core/storage/, src/plugins/gioABTest/index.ts,
   * src/plugins/gioEmbeddedAdapter/index.ts. GrowingIO docs, growingio/growingio-sdk-docs,
   * docs/webjs/encyclopedia/metadata.md and docs/webjs/initSettings.md (`storageType`).
   * Unsure: `gio.js` (SDK 2 and 3) is not published as source; its `gr_` names are kept from the older SDK's
   * cookies as sites show them, where the session and user ids may also be `<project>_gr_…`, which is not listed.
   */
  growingio: {
    hosts: ['assets.giocdn.com', 'napi.growingio.com', 'api.growingio.com', 'ab.growingio.com'],
    cookies: ['/^(\\w+_)?gdp_/', '/^gr_/'],
    storage: ['/^(\\w+_)?gdp_/', '/^gr_/'],
  },
  /**
   * Volcengine DataFinder (火山引擎 增长分析, ByteDance): plugin scripts on `lf3-data.volccdn.com`, collection on
   * `mcs.volceapplog.com` (`mcs.itobsnssdk.com`, `mcs.tobsnssdk.com` outside China), A/B tests on
   * `toblog.ctobsnssdk.com` (`toblog.itobsnssdk.com`, `toblog.tobsnssdk.com`). localStorage: `__tea_cache_…`,
   * `__tea_session_id_<app>`, `__tea_sdk_ab_version_<app>`; sessionStorage: `_tea_cache_duration`,
   * `_$utm_from_url_<app>`; cookies: `_tea_utm_cache_<app>`, and `__tea_cache_tokens_<app>` /
   * `__tea_sdk_ab_version_<app>` with `cross_subdomain` / `ab_cross`.
   * Source: volcengine/datarangers-sdk-javascript, src/collect/constant.ts (encoded hosts, decoded with
   * `decodeUrl` in src/util/tool.ts), src/collect/config.ts, event.ts, session.ts, token.ts, src/util/utm.ts,
   * src/plugin/ab/ab.ts, src/plugin/stay/close.ts; the same names and hosts in @datarangers/sdk-javascript@0.1.6.
   * `gator.volces.com`, the cloud-native (云原生) collector a page reaches through `channel_domain`, is not in
   * the web SDK: it is in volcengine/datarangers-sdk-java, datarangers-sdk-core/src/main/java/com/datarangers/config/
   * DataRangersSDKConfigProperties.java (`SAAS_NATIVE_DOMAIN_URLS`).
   */
  'volcengine-datafinder': {
    hosts: [
      'lf3-data.volccdn.com',
      'mcs.volceapplog.com',
      'mcs.itobsnssdk.com',
      'mcs.tobsnssdk.com',
      'toblog.ctobsnssdk.com',
      'toblog.itobsnssdk.com',
      'toblog.tobsnssdk.com',
      'gator.volces.com',
    ],
    cookies: ['/^_?_tea_/'],
    storage: ['/^_?_tea_/', '/^_\\$utm_from_url/'],
  },
  /**
   * Alibaba Cloud ARMS RUM (阿里云 用户体验监控): the SDK on `sdk.rum.aliyuncs.com`, config and reports on
   * `<pid>-sdk.rum.aliyuncs.com` / `<pid>.<region>.rum.aliyuncs.com`; the user and session ids `_arms_uid` and
   * `_arms_session` (`…:<domain>` with `sessionConfig.domain`) in localStorage, or cookies with
   * `sessionConfig.storage: 'cookie'`, and the cached config `arms_rum2_local_config` in localStorage.
   * The older browser monitoring (`bl.js` on `retcode.alicdn.com`) reports to `arms-retcode.aliyuncs.com` and its
   * regional hosts, with the `_bl_uid` cookie and `_bl_sid` in sessionStorage.
   * Source: @arms/rum-browser@0.0.37, lib/utils/session.js, lib/utils/localStore.js, lib/utils/cookie.js;
   * @arms/js-sdk@1.8.35, lib/bl.js and lib/util.js (`regionMap`).
   */
  'aliyun-arms-rum': {
    hosts: [
      '*.rum.aliyuncs.com',
      'retcode.alicdn.com',
      'arms-retcode.aliyuncs.com',
      'arms-retcode-sg.aliyuncs.com',
      'arms-retcode-hz-finance.aliyuncs.com',
      '*.arms.aliyuncs.com',
    ],
    cookies: ['/^_arms_(uid|session)/', '_bl_uid'],
    storage: ['/^_arms_(uid|session)/', 'arms_rum2_local_config', '_bl_sid'],
  },
  /**
   * Microsoft Clarity: the tag (`www.clarity.ms/tag/<id>`) and its collectors; `_clck` (user) and `_clsk`
   * (session) are its first-party cookies (`CLID`, `MUID`, `MR`, `SM`, `ANONCHK` are on Microsoft's domains), and
   * `_cltk` keeps the tab's id in sessionStorage, which ends with the tab; it is not listed.
   * Source: microsoft/clarity (clarity-js 0.8.69), packages/clarity-js/types/data.d.ts (`CookieKey`, `SessionKey`,
   * `TabKey`) and packages/clarity-js/src/data/metadata.ts (`tab`, `setCookie`); the tag host in the loader of
   * @microsoft/clarity@1.0.2, index.js. https://learn.microsoft.com/clarity/setup-and-installation/cookie-list
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
   * Google Ads conversion tracking and remarketing: `_gcl_au`, `_gcl_aw` and the other `_gcl_` cookies, written
   * on the site's domain by the conversion linker. https://support.google.com/tagmanager/answer/7549390
   * (conversion linker) and https://support.google.com/analytics/answer/7519794 (the `_gac` and `_gcl` cookies)
   */
  'google-ads': { hosts: ['www.googleadservices.com', '*.doubleclick.net'], cookies: ['/^_gcl_/'], storage: [] },
  /**
   * Baidu ads (百度营销) web conversions: collected through the Baidu Tongji tag (OCPC "JS 布码"), so the same
   * hosts and cookies; the conversion upload API (`ocpc.baidu.com`) is called from servers, not pages.
   * Baidu Marketing developer docs, OCPC, https://dev2.baidu.com/ (exact page not confirmed)
   * Unsure: as for `baidu-tongji`, no published source to check the names against.
   */
  'baidu-ads': { hosts: ['hm.baidu.com', 'hmcdn.baidu.com'], cookies: ['/^Hm_lvt_/', '/^Hm_lpvt_/'], storage: [] },
  /**
   * Ocean Engine (巨量引擎) conversions: the conversion endpoint `analytics.oceanengine.com`.
   * Ocean Engine event manager docs, https://event-manager.oceanengine.com/ (exact page not confirmed)
   * Unsure: the page pixel is not published as source or as a package, and its script host and first-party
   * names are not documented in a form we could confirm; none are listed beyond the endpoint.
   */
  oceanengine: { hosts: ['analytics.oceanengine.com'], cookies: [], storage: [] },
  /**
   * Tencent Ads (腾讯广告, formerly 广点通 GDT): ad and conversion hosts on `gdt.qq.com`.
   * Tencent Ads developer docs, https://developers.e.qq.com/ (exact page not confirmed)
   * Unsure: the web SDK is not published as source or as a package; neither `*.gdt.qq.com` nor its script host
   * and first-party names could be checked against it; none are listed beyond the hosts.
   */
  'tencent-ads': { hosts: ['*.gdt.qq.com'], cookies: [], storage: [] },
  /**
   * Meta Pixel: `fbevents.js` from `connect.facebook.net`, events to `www.facebook.com/tr`; `_fbp` and `_fbc`.
   * https://www.facebook.com/business/help/471978536642445 (first-party cookies of the Meta Pixel) and
   * https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc/
   */
  'meta-pixel': { hosts: ['connect.facebook.net', 'www.facebook.com'], cookies: ['_fbp', '_fbc'], storage: [] },
  /**
   * LinkedIn Insight Tag: `insight.min.js` from `snap.licdn.com`, events to `px.ads.linkedin.com`; the
   * first-party `li_fat_id` and `ln_or` cookies. https://www.linkedin.com/legal/l/cookie-table and
   * https://learn.microsoft.com/linkedin/marketing/conversions/enabling-first-party-cookies (`li_fat_id`)
   * Unsure: `ln_or` is not on the second page; it is kept from the cookie table.
   */
  'linkedin-insight': {
    hosts: ['snap.licdn.com', 'px.ads.linkedin.com'],
    cookies: ['li_fat_id', 'ln_or'],
    storage: [],
  },
  /*
   * Embedded players and maps: the hosts of the embed's iframe and of the script a page loads for it. What the
   * frame then loads is its own page's doing, out of the page's reach, and so are the cookies it sets on the
   * service's domain: none of these lists cookies or storage. Use them with embeds (see docs/embeds.md).
   */
  /**
   * Bilibili (哔哩哔哩): the embed code of a video's share menu (分享 → 嵌入代码), an iframe of
   * `player.bilibili.com/player.html?bvid=…`; that host's own page lists the player's query parameters.
   * Unsure: Bilibili publishes no developer page for the embed code; the host is read from the code it hands out.
   */
  bilibili: { hosts: ['player.bilibili.com'], cookies: [], storage: [] },
  /**
   * Tencent Video (腾讯视频): the share menu's embed code (通用代码), an iframe of
   * `v.qq.com/txp/iframe/player.html?vid=…` (older codes `v.qq.com/iframe/player.html`). https://v.qq.com/open/
   * Unsure: the open platform's pages could not be read; the script player (`tvp`, from `imgcache.qq.com`, a host
   * other Tencent scripts share) is not listed.
   */
  'tencent-video': { hosts: ['v.qq.com'], cookies: [], storage: [] },
  /**
   * Youku (优酷): the share menu's embed code, an iframe of `player.youku.com/embed/<video id>`.
   * Unsure: no Youku developer page for the embed code could be read; the host is read from the code it hands out.
   */
  youku: { hosts: ['player.youku.com'], cookies: [], storage: [] },
  /**
   * YouTube: embeds from `www.youtube.com/embed/…`, privacy-enhanced ones from `www.youtube-nocookie.com`, and the
   * IFrame Player API script `www.youtube.com/iframe_api`. https://developers.google.com/youtube/iframe_api_reference
   * and https://support.google.com/youtube/answer/171780 (privacy-enhanced mode)
   */
  youtube: { hosts: ['www.youtube.com', 'www.youtube-nocookie.com'], cookies: [], storage: [] },
  /**
   * Baidu Maps (百度地图) JavaScript API (GL): `api.map.baidu.com/api?type=webgl&v=1.0&ak=…`.
   * https://lbsyun.baidu.com/index.php?title=jspopularGL (使用须知, 异步加载)
   * Unsure: the hosts its script then loads map tiles from are not documented; add them if you see them.
   */
  'baidu-maps': { hosts: ['api.map.baidu.com'], cookies: [], storage: [] },
  /**
   * Amap (高德地图) JS API: `webapi.amap.com/maps?v=2.0&key=…` and its `loader.js`; the web services it calls
   * (geocoding, search) on `restapi.amap.com`. https://lbs.amap.com/api/jsapi-v2/guide/abc/prepare
   * Unsure: `restapi.amap.com` is named in the security-key guide's proxy set-up, not in a host list; tile
   * hosts are not documented and not listed.
   */
  amap: { hosts: ['webapi.amap.com', 'restapi.amap.com'], cookies: [], storage: [] },
  /**
   * Google Maps: the Maps Embed API iframe `www.google.com/maps/embed/v1/…`, and the Maps JavaScript API
   * (`maps.googleapis.com`, with images and fonts from `maps.gstatic.com`).
   * https://developers.google.com/maps/documentation/embed and
   * https://developers.google.com/maps/documentation/javascript/content-security-policy
   * Hosts, not paths, are gated: `www.google.com` also serves reCAPTCHA, which then waits for this service too.
   */
  'google-maps': {
    hosts: ['www.google.com', 'maps.googleapis.com', 'maps.gstatic.com'],
    cookies: [],
    storage: [],
  },
} as const satisfies Record<
  string,
  { hosts: readonly string[]; cookies: readonly string[]; storage: readonly string[] }
>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as [PresetName, ...PresetName[]];
