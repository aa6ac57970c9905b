import { createHash } from 'node:crypto';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { checkConfigTagsIn, checkedConfigTag } from '../../../src/server/checked-config-tag.js';
import { CHECKED_FORMAT, readCheckedConfig, stampOf } from '../../../src/core/checked-config.js';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentConfigError } from '../../../src/core/errors.js';
import { ConfigSchema, type ConsentConfigInput } from '../../../src/schema/config.js';
import { exampleConfig, minimalConfig } from '../../fixtures/configs.js';

/** The stamp and JSON text of a checked tag, as a page's script reads them. */
function partsOf(tag: string): { stamp: string; text: string } {
  const match = /^<script type="application\/json" data-consent-kit data-checked="([^"]+)">(.*)<\/script>$/s.exec(tag);
  expect(match, `not a checked config tag: ${tag}`).not.toBeNull();
  return { stamp: match![1]!, text: match![2]! };
}

/** A config using every kind of field a checked config has to carry through JSON. */
const richConfig: ConsentConfigInput = {
  ...exampleConfig,
  policy: {
    version: 'v3',
    url: 'https://example.com/privacy',
    substantial: true,
    changes: { en: 'New <b> partners', 'zh-CN': '新的合作方' },
  },
  categories: [
    { id: 'necessary', required: true },
    {
      id: 'analytics',
      presets: ['ga4', 'baidu-tongji'],
      cookieTable: [{ name: '_ga', purpose: 'Counts visits </script>' }],
    },
    { id: 'transfer', label: 'US transfer', description: 'Sent to the licensor', separate: true },
  ],
  contact: { channels: ['email', { id: 'wechat', label: { en: 'WeChat', 'zh-CN': '微信' } }], topics: ['offers'] },
  consentMode: { enabled: true, mapping: { analytics_storage: ['analytics'] } },
  texts: { en: { title: 'Cookies & you' } },
  layout: 'box',
};

const configs = fc
  .record({
    base: fc.constantFrom(minimalConfig, exampleConfig, richConfig),
    layout: fc.constantFrom('bar', 'box', 'center'),
    reopenButton: fc.boolean(),
    minimumAge: fc.integer({ min: 0, max: 21 }),
    title: fc.string({ minLength: 1, maxLength: 40 }),
  })
  .map(({ base, title, ...settings }) => ({ ...base, ...settings, texts: { en: { title } } }));

describe('checked config tags', () => {
  it('carry exactly the validated config, defaults filled in, and read back without the validator', () => {
    fc.assert(
      fc.property(configs, (input) => {
        const { stamp, text } = partsOf(checkedConfigTag(input));
        expect(readCheckedConfig(text, stamp)).toEqual(parseConfig(input));
      }),
    );
  });

  it('hold a config that validates again to itself, so a stale stamp only costs a second validation', () => {
    fc.assert(
      fc.property(configs, (input) => {
        const { stamp, text } = partsOf(checkedConfigTag(input));
        const checked = readCheckedConfig(text, stamp)!;
        expect(parseConfig(checked)).toEqual(checked);
      }),
    );
  });

  it('are the same text for the same config every time, whatever order its fields were written in', () => {
    fc.assert(
      fc.property(configs, (input) => {
        const reordered = Object.fromEntries(Object.entries(input).reverse());
        expect(checkedConfigTag(reordered)).toBe(checkedConfigTag(input));
      }),
    );
  });

  it('cannot be closed early by a "</script>" in a text', () => {
    const tag = checkedConfigTag(richConfig);
    expect(tag.indexOf('</script>')).toBe(tag.length - '</script>'.length);
    expect(JSON.stringify(readCheckedConfig(partsOf(tag).text, partsOf(tag).stamp))).toContain('</script>');
  });

  it('are read as unchecked once their text is edited in any way', () => {
    const { stamp, text } = partsOf(checkedConfigTag(richConfig));
    fc.assert(
      fc.property(
        fc.nat(text.length - 1),
        fc.string({ minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (at, insert, replace) => {
          const edited = text.slice(0, at) + insert + text.slice(replace ? at + 1 : at);
          fc.pre(edited !== text);
          expect(readCheckedConfig(edited, stamp)).toBeUndefined();
        },
      ),
    );
  });

  it("are read as unchecked without a stamp, with another format's stamp, or when the stamped text is not JSON", () => {
    const { stamp, text } = partsOf(checkedConfigTag(minimalConfig));
    expect(readCheckedConfig(text, null)).toBeUndefined();
    expect(readCheckedConfig(text, stamp.replace(/^\d+\./, `${CHECKED_FORMAT + 1}.`))).toBeUndefined();
    expect(readCheckedConfig(text, '')).toBeUndefined();
    const broken = text.slice(0, -1);
    expect(readCheckedConfig(broken, stampOf(broken))).toBeUndefined();
  });

  it('are only written for a valid config, with the same errors as parseConfig', () => {
    const bad = { policy: { version: 'june 2024', url: '/privacy' } };
    expect(() => checkedConfigTag(bad)).toThrow(ConsentConfigError);
    expect(() => checkedConfigTag(bad)).toThrow(/policy\.version: expected letters/);
  });
});

/*
 * Configs checked by one release are read as they are by the next as long as CHECKED_FORMAT is unchanged, so
 * the format must change whenever what the validator accepts or produces does. The fingerprint covers the
 * schema (fields, patterns, defaults) and the output for a config that uses every transform.
 */
const FINGERPRINTS: Record<number, string> = {
  1: '802362ddbf1bb75c',
  2: 'da33052a66b9ace2',
  3: '187ae6d9d34926e1',
  4: '055762b6ff6f0913',
  5: '0d380cfeb025cd95',
};

describe('CHECKED_FORMAT', () => {
  it('is raised whenever the config schema or its output changes', () => {
    const schema = JSON.stringify(z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }));
    const output = partsOf(checkedConfigTag(richConfig)).text;
    const fingerprint = createHash('sha256').update(`${schema}\n${output}`).digest('hex').slice(0, 16);
    expect(
      FINGERPRINTS[CHECKED_FORMAT],
      `The config schema changed: raise CHECKED_FORMAT in src/core/checked-config.ts to ${CHECKED_FORMAT + 1} and add ${CHECKED_FORMAT + 1}: '${fingerprint}' to FINGERPRINTS here.`,
    ).toBe(fingerprint);
  });
});

describe('checkConfigTagsIn', () => {
  it("replaces a page's config tag by its checked tag and leaves the rest of the page as it was", () => {
    const page = `<head><script type="application/json" data-consent-kit>${JSON.stringify(exampleConfig)}</script>\n<script src="/consent-kit.iife.js"></script></head>`;
    const checked = checkConfigTagsIn(page);
    expect(checked).toBe(
      `<head>${checkedConfigTag(exampleConfig)}\n<script src="/consent-kit.iife.js"></script></head>`,
    );
    expect(checkConfigTagsIn(checked)).toBe(checked);
  });

  it('fails on an invalid config, naming the field, so a broken config fails the build', () => {
    expect(() =>
      checkConfigTagsIn(
        '<script type="application/json" data-consent-kit>{"policy": {"version": "", "url": "/"}}</script>',
      ),
    ).toThrow(/policy\.version/);
  });
});
