import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { createClassifier } from '../../../src/cli/scan/coverage.js';

const PAGE = 'https://www.example.com/';
const config = parseConfig({
  policy: { version: '1', url: '/privacy' },
  endpoint: 'https://prefs.example.com/v1',
  categories: [
    { id: 'necessary', required: true, hosts: ['cdn.example.com'], cookies: ['sid'] },
    { id: 'analytics', presets: ['ga4'], hosts: ['stats.example.com:8443'], cookies: ['/^trk_/'], storage: ['trk'] },
    { id: 'marketing', hosts: ['*.ads.example'] },
  ],
});
const classifier = createClassifier(config, ['*.example.org', '/^csrf/'], PAGE);

describe('the scan classifies what a visit saw as the gate matches it', () => {
  it('names the category, the service made of its preset, and the preset that list an item', () => {
    expect(classifier.classify('host', 'https://www.google-analytics.com/g/collect', 'accept')).toMatchObject({
      coveredBy: [{ category: 'analytics', purpose: 'analytics/ga4', required: false, presets: ['ga4'] }],
      knownPresets: ['ga4'],
      findings: [],
    });
    expect(classifier.classify('cookie', '_ga_ABC123', 'accept').coveredBy).toEqual([
      { category: 'analytics', purpose: 'analytics/ga4', required: false, presets: ['ga4'] },
    ]);
    expect(classifier.classify('storage', 'trk', 'accept').coveredBy).toEqual([
      { category: 'analytics', purpose: 'analytics', required: false, presets: [] },
    ]);
  });

  it('names the service that lists a host, cookie or storage key, as the gate holds it for that service alone', () => {
    const withServices = createClassifier(
      parseConfig({
        policy: { version: '1', url: '/privacy' },
        categories: [
          {
            id: 'analytics',
            hosts: ['stats.example.com', 'shared.example.com'],
            presets: ['baidu-tongji'],
            services: [
              { id: 'clarity', label: 'Clarity', presets: ['clarity'], storage: ['clarity-seen'] },
              { id: 'inhouse', label: 'In-house', hosts: ['shared.example.com'], cookies: ['ih_id'] },
              { id: 'other', label: 'Other', hosts: ['shared.example.com'] },
            ],
          },
        ],
      }),
      [],
      PAGE,
    );
    const purposes = (kind: 'host' | 'cookie' | 'storage', key: string) =>
      withServices.classify(kind, key, 'reject').coveredBy.map((c) => `${c.purpose} [${c.presets.join()}]`);
    expect(purposes('host', 'https://www.clarity.ms/tag/x')).toEqual(['analytics/clarity [clarity]']);
    expect(purposes('host', 'https://hm.baidu.com/hm.js')).toEqual(['analytics/baidu-tongji [baidu-tongji]']);
    expect(purposes('cookie', 'Hm_lvt_abc')).toEqual(['analytics/baidu-tongji [baidu-tongji]']);
    expect(purposes('cookie', 'ih_id')).toEqual(['analytics/inhouse []']);
    expect(purposes('storage', 'clarity-seen')).toEqual(['analytics/clarity []']);
    // Listed by two services, it waits for both, as at the gate; what the category lists itself waits for it.
    expect(purposes('host', 'https://shared.example.com/p')).toEqual(['analytics/inhouse []', 'analytics/other []']);
    expect(purposes('host', 'https://stats.example.com/p')).toEqual(['analytics []']);
    expect(withServices.classify('cookie', 'ih_id', 'reject').findings).toEqual(['after-reject']);
  });

  it('finds an optional category\'s item before any decision and after "Reject all", never after "Accept all"', () => {
    expect(classifier.classify('cookie', 'trk_id', 'before').findings).toEqual(['before-consent']);
    expect(classifier.classify('cookie', 'trk_id', 'reject').findings).toEqual(['after-reject']);
    expect(classifier.classify('cookie', 'trk_id', 'accept').findings).toEqual([]);
    expect(classifier.classify('host', 'https://x.ads.example/p', 'before').coveredBy[0]!.category).toBe('marketing');
  });

  it("lets a required category's items be everywhere", () => {
    for (const phase of ['before', 'reject', 'accept'] as const) {
      expect(classifier.classify('cookie', 'sid', phase)).toMatchObject({
        coveredBy: [{ category: 'necessary', purpose: 'necessary', required: true }],
        findings: [],
      });
      expect(classifier.classify('host', 'https://cdn.example.com/app.js', phase).findings).toEqual([]);
    }
  });

  it('reports what no category lists as uncovered, with the built-in presets that would list it', () => {
    expect(classifier.classify('cookie', '_fbp', 'before')).toMatchObject({
      coveredBy: [],
      knownPresets: ['meta-pixel'],
      findings: ['uncovered', 'before-consent'],
    });
    expect(classifier.classify('storage', 'other', 'accept').findings).toEqual(['uncovered']);
  });

  it('counts ports as the gate does: a pattern with a port covers that port only', () => {
    expect(classifier.classify('host', 'https://stats.example.com:8443/hit', 'accept').coveredBy).toHaveLength(1);
    expect(classifier.classify('host', 'https://stats.example.com/hit', 'accept').coveredBy).toEqual([]);
  });

  it("accepts --allow patterns and consent-kit's own cookie, outbox, keys and endpoint without a finding", () => {
    expect(classifier.classify('host', 'https://static.example.org/a.js', 'before')).toMatchObject({
      allowed: true,
      findings: [],
    });
    expect(classifier.classify('cookie', 'csrftoken', 'before')).toMatchObject({ allowed: true, findings: [] });
    for (const [kind, key] of [
      ['cookie', 'consent'],
      ['cookie', 'consent-outbox.t1'],
      ['storage', 'consent-kit:consent-outbox'],
      ['host', 'https://prefs.example.com/v1/consents/x'],
    ] as const) {
      expect(classifier.classify(kind, key, 'before'), key).toMatchObject({ consentKit: true, findings: [] });
    }
  });

  it("without a config covers nothing, consent-kit's names included", () => {
    const bare = createClassifier(undefined, [], PAGE);
    expect(bare.classify('cookie', 'consent', 'accept')).toMatchObject({
      coveredBy: [],
      consentKit: false,
      findings: ['uncovered'],
    });
    expect(bare.classify('cookie', '_ga', 'accept').knownPresets).toEqual(['ga4']);
  });
});
