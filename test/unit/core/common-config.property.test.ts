import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommonConfig as readWithoutPresets } from '../../../src/core/common-config.js';
import * as presetServices from '../../../src/shared/preset-services.js';
import { parseConfig } from '../../../src/core/config.js';
import { hostileJson, POLLUTING_KEYS } from '../fuzz/hostile-strings.js';

/** What the validator makes of a config: its output, or `undefined` when it rejects it. */
function validated(input: unknown) {
  try {
    return parseConfig(input);
  } catch {
    return undefined;
  }
}

/**
 * Configs of the common fields and a few others. Each field draws from values the schema takes and, with
 * `isHostile`, also from values it refuses (wrong kind, out of range, broken patterns, hostile input).
 */
function configs(isHostile: boolean) {
  const wrongKind = fc.oneof(
    fc.constantFrom(null, '', 0, -1, 1.5, 401, true, [], {}, 'x y', 'javascript:alert(1)'),
    hostileJson,
  );
  const field = <T>(good: T[], bad: unknown[] = []): fc.Arbitrary<unknown> =>
    isHostile
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...good, ...bad) }, { weight: 1, arbitrary: wrongKind })
      : fc.constantFrom(...good);
  const absentOr = (value: fc.Arbitrary<unknown>) => fc.option(value, { nil: undefined, freq: 2 });
  const listOf = (item: fc.Arbitrary<unknown>) =>
    isHostile ? fc.oneof(fc.array(item, { maxLength: 3 }), wrongKind) : fc.array(item, { maxLength: 3 });
  const text = fc.oneof(
    field(['Analytics', '分析'], ['']),
    fc.dictionary(
      isHostile ? fc.constantFrom('en', 'zh-CN', 'e', '__proto__', 'fr fr') : fc.constantFrom('en', 'zh-CN'),
      field(['Ads', '广告'], ['']),
    ),
  );
  const category = fc.record(
    {
      id: field(['necessary', 'analytics', 'marketing', 'social'], ['Analytics', '1st', 'a'.repeat(33)]),
      required: absentOr(field([true, false])),
      label: absentOr(text),
      description: absentOr(text),
      hosts: absentOr(listOf(field(['hm.baidu.com', '*.example.com', 'x.com:8080'], ['Stats.example.com', 'a..b']))),
      cookies: absentOr(listOf(field(['_ga', '/^_hm/', '/^Hm_lvt_/i'], ['/(/', '/x/g', '']))),
      storage: absentOr(listOf(field(['_ga', '/^ph_/', 'sensorsdata2015jssdkcross'], ['/(/', '/x/g', 7]))),
      presets: absentOr(listOf(field(['ga4', 'baidu-tongji', 'clarity'], ['matomo', 'constructor']))),
      honorGpc: absentOr(field([true, false])),
      separate: absentOr(field([true, false])),
      cookieTable: absentOr(fc.constant([])),
    },
    { requiredKeys: ['id'] },
  );
  return fc
    .record(
      {
        policy: fc.record(
          {
            version: field(['2024-06', 'v2'], ['a b', 'x'.repeat(33)]),
            url: field(['/privacy', 'https://example.com/p'], ['javascript:alert(1)', 'java\tscript:x', 'mailto:a@b']),
            updated: absentOr(field(['2024-06-01'], ['2024-13-01', '1 June'])),
            substantial: absentOr(field([true, false])),
            reconsentBefore: absentOr(field(['2024-01'], ['a b'])),
            changes: absentOr(fc.constant('Now with more cookies')),
          },
          { requiredKeys: ['version', 'url'] },
        ),
        categories: absentOr(
          isHostile
            ? fc.oneof(fc.array(category, { maxLength: 4 }), wrongKind)
            : fc.array(category, { minLength: 1, maxLength: 4 }),
        ),
        cookie: absentOr(
          fc.record(
            {
              name: absentOr(field(['consent', 'my_consent'], ['my consent', 'c'.repeat(65)])),
              domain: absentOr(field(['.example.com', 'example.com'], ['Example.com', '.'])),
              path: absentOr(field(['/', '/shop'], ['shop', '/a;b'])),
              expiresDays: absentOr(field([1, 30, 365, 400], [0, 401, 2.5])),
            },
            { requiredKeys: [] },
          ),
        ),
        endpoint: absentOr(field(['https://consent.example.com', '/consent'], ['data:text/plain,x'])),
        locales: absentOr(listOf(field(['en', 'zh-CN', 'zh-Hant', 'ja', 'ar'], ['it', 'e', 'zh-HK']))),
        layout: absentOr(field(['bar', 'box', 'center'], ['modal'])),
        theme: absentOr(field(['auto', 'light', 'dark'], ['blue'])),
        reopenButton: absentOr(field([true, false])),
        reloadOnWithdraw: absentOr(field([true, false])),
        locale: absentOr(field(['auto', 'zh-CN', 'fr'], ['e'])),
        // Fields only the validator reads: the common reader must leave such configs to it.
        minimumAge: absentOr(fc.constantFrom(16, 18)),
        texts: absentOr(fc.constant({ en: { title: 'Cookies' } })),
      },
      { requiredKeys: ['policy'] },
    )
    .map((input) => JSON.parse(JSON.stringify(input)) as Record<string, unknown>); // as a page's JSON holds it
}

/** The README's quick-start config: what most sites paste, so what the common reader must take. */
function readmeQuickStartConfig(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start: script tag'));
  return /<script type="application\/json" data-consent-kit>([\s\S]*?)<\/script>/.exec(section)![1]!;
}

/** 3000 runs take about 2 s, and more than vitest's default 5 s on a busy two-core machine. */
const PROPERTY_TIMEOUT = 30_000;

/** As the script tag reads a config once it has the preset lists (fetched for a config that names presets). */
const readCommonConfig = (text: string) => readWithoutPresets(text, presetServices);

describe('reading common configs without the validator', () => {
  it('reads a config naming presets only with the preset lists, which the script tag fetches for it alone', () => {
    const text = '{"policy":{"version":"1","url":"/"},"categories":[{"id":"analytics","presets":["ga4"]}]}';
    expect(readWithoutPresets(text)).toBeUndefined();
    expect(readWithoutPresets(text, presetServices)).toStrictEqual(validated(JSON.parse(text)));
    expect(readWithoutPresets('{"policy":{"version":"1","url":"/"}}')).toBeDefined();
  });

  it(
    'accepts only what the validator accepts, and returns exactly what the validator returns',
    () => {
      let compared = 0;
      fc.assert(
        fc.property(fc.oneof(configs(true), configs(false)), (input) => {
          const common = readCommonConfig(JSON.stringify(input));
          if (common === undefined) return;
          compared++;
          expect(common).toStrictEqual(validated(input));
        }),
        { numRuns: 3000 },
      );
      expect(compared).toBeGreaterThan(100);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'takes most valid configs of the common fields, so it is not a reader that always passes its turn',
    () => {
      let taken = 0;
      let valid = 0;
      fc.assert(
        fc.property(configs(false), (input) => {
          if (!validated(input) || 'minimumAge' in input || 'texts' in input || 'changes' in (input.policy as object))
            return;
          if ((input.categories as { cookieTable?: unknown }[] | undefined)?.some?.((c) => c && 'cookieTable' in c))
            return;
          valid++;
          if (readCommonConfig(JSON.stringify(input))) taken++;
        }),
        { numRuns: 3000 },
      );
      // About 350 of 3000 are valid (320-380 seen); the floor only proves the property is not vacuous, and sits
      // far enough below that a run's chance cannot fail it (296 once did against a floor of 300).
      expect(valid).toBeGreaterThan(200);
      expect(taken).toBe(valid);
    },
    PROPERTY_TIMEOUT,
  );

  it("takes the README quick start and the shortest config, equal to the validator's output", () => {
    for (const text of [readmeQuickStartConfig(), '{"policy":{"version":"1","url":"/"}}']) {
      expect(readCommonConfig(text)).toStrictEqual(validated(JSON.parse(text)));
      expect(readCommonConfig(text)).toBeDefined();
    }
  });

  it("leaves a config that breaks one of the schema's rules across fields to the validator", () => {
    const withCategories = (...categories: object[]) =>
      JSON.stringify({ policy: { version: '1', url: '/' }, categories });
    for (const text of [
      withCategories({ id: 'analytics', required: true, separate: true, description: 'Transfer abroad' }),
      withCategories({ id: 'analytics', required: true, honorGpc: true }),
      withCategories({ id: 'analytics', separate: true }),
      withCategories({ id: 'analytics' }, { id: 'analytics' }),
      withCategories({ id: 'social' }),
      withCategories(...Array.from({ length: 33 }, (_, i) => ({ id: `c${i}`, label: 'C' }))),
      '{"policy":{"version":"1","url":"/"},"locales":["it"]}',
    ]) {
      expect(validated(JSON.parse(text))).toBeUndefined();
      expect(readCommonConfig(text)).toBeUndefined();
    }
  });

  it('leaves invalid JSON, polluting keys and fields it does not read to the validator', () => {
    for (const text of [
      '{"policy":',
      'null',
      '[]',
      '"config"',
      ...POLLUTING_KEYS.map((key) => `{"policy":{"version":"1","url":"/"},${JSON.stringify(key)}:{}}`),
      '{"policy":{"version":"1","url":"/"},"contact":{"channels":["email"]}}',
      '{"policy":{"version":"1","url":"/"},"consentMode":{"enabled":true}}',
    ])
      expect(readCommonConfig(text)).toBeUndefined();
  });
});
