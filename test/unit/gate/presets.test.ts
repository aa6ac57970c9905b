import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentConfigError } from '../../../src/core/errors.js';
import { createHostMatcher } from '../../../src/gate/host-matcher.js';
import { compileCookiePattern } from '../../../src/schema/cookie-pattern.js';

const parse = (categories: unknown[], extra: object = {}) => parseConfig({ policy: { version: '1', url: '/' }, categories, ...extra });
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
    const [analytics] = parse([{ id: 'analytics', hosts: ['stats.example.com', 'hm.baidu.com'], cookies: ['_ga'], presets: ['baidu-tongji', 'ga4', 'clarity'] }]).categories;
    expect(analytics!.hosts).toEqual(['stats.example.com', 'hm.baidu.com', 'hmcdn.baidu.com', '*.google-analytics.com', '*.analytics.google.com', '*.clarity.ms']);
    expect(analytics!.cookies).toEqual(['_ga', '/^Hm_lvt_/', '/^Hm_lpvt_/', '/^_ga/', '_gid', '_clck', '_clsk']);
  });

  it('cover the hosts and cookies those services use', () => {
    const [analytics] = parse([{ id: 'analytics', presets: ['baidu-tongji', 'ga4', 'clarity'] }]).categories;
    const match = createHostMatcher([analytics!]);
    for (const url of ['https://hm.baidu.com/hm.js?abc', 'https://region1.google-analytics.com/g/collect', 'https://www.clarity.ms/tag/x', 'https://k.clarity.ms/collect']) {
      expect(match(url)?.categories, url).toEqual(['analytics']);
    }
    const cookieTests = analytics!.cookies.map((p) => compileCookiePattern(p)!);
    for (const name of ['Hm_lvt_0123abcd', 'Hm_lpvt_0123abcd', '_ga', '_ga_ABC123', '_clck', '_clsk']) {
      expect(cookieTests.some((test) => test(name)), name).toBe(true);
    }
    expect(cookieTests.some((test) => test('consent'))).toBe(false);
  });

  it('an unknown preset is an error naming the field and the known names', () => {
    expect(problems(() => parse([{ id: 'analytics', presets: ['ga5'] }]))).toEqual([
      'categories[0].presets[0]: unknown preset: expected one of baidu-tongji, ga4, clarity',
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
    expect(problems(() => parse([{ id: 'analytics' }], {
      reloadOnWithdraw: 'yes', requestQueueSize: 1.5, consentMode: { enabled: 'sometimes', mapping: { analytics_storage: [] }, waitForUpdate: -1 },
    }))).toEqual([
      'reloadOnWithdraw: expected boolean, received string',
      'requestQueueSize: expected a whole number',
      'consentMode.enabled: expected true, false or "auto"',
      'consentMode.mapping.analytics_storage: expected at least one category id',
      'consentMode.waitForUpdate: expected ≥ 0',
    ]);
  });

  it('a Consent Mode mapping to a category the config does not have is an error', () => {
    expect(problems(() => parse([{ id: 'analytics' }], { consentMode: { mapping: { ad_storage: ['ads'] } } }))).toEqual([
      'consentMode.mapping.ad_storage[0]: unknown category "ads": expected one of analytics',
    ]);
  });

  it('an unknown signal is an error', () => {
    expect(problems(() => parse([{ id: 'analytics' }], { consentMode: { mapping: { analytic_storage: ['analytics'] } } }))[0]).toMatch(/^consentMode\.mapping/);
  });
});
