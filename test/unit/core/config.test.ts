import { describe, expect, it } from 'vitest';
import { parseConfig, parseConfigJson } from '../../../src/core/config.js';
import { ConsentConfigError } from '../../../src/core/errors.js';
import { exampleConfig, minimalConfig } from '../../fixtures/configs.js';

function problemsOf(input: unknown): readonly string[] {
  try {
    parseConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentConfigError);
    return (error as ConsentConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

describe('parseConfig', () => {
  it('fills every default from a config that gives only the policy', () => {
    const config = parseConfig(minimalConfig);
    expect(config.categories.map((c) => [c.id, c.required, c.honorGpc])).toEqual([
      ['necessary', true, false],
      ['analytics', false, false],
      ['marketing', false, true],
    ]);
    expect(config.contact.channels.map((c) => c.id)).toEqual(['email', 'phone']);
    expect(config.contact.topics.map((t) => t.id)).toEqual(['offers', 'feedback']);
    expect(config.cookie).toEqual({ name: 'consent', path: '/', expiresDays: 365 });
    expect(config.locale).toBe('auto');
    expect(config.policy.substantial).toBe(false);
  });

  it('lets marketing honour Global Privacy Control unless told otherwise', () => {
    const listed = parseConfig({ ...minimalConfig, categories: [{ id: 'marketing' }, { id: 'analytics' }] });
    expect(listed.categories.map((c) => c.honorGpc)).toEqual([true, false]);
    const overridden = parseConfig({
      ...minimalConfig,
      categories: [
        { id: 'marketing', honorGpc: false },
        { id: 'analytics', honorGpc: true },
      ],
    });
    expect(overridden.categories.map((c) => c.honorGpc)).toEqual([false, true]);
  });

  it('accepts the documented example with localized labels, hosts and cookie patterns', () => {
    const config = parseConfig(exampleConfig);
    expect(config.categories[1]).toMatchObject({ hosts: ['stats.example.com'], cookies: ['_ga', '/^_hm/'] });
    expect(config.categories[2]!.label).toEqual({ en: 'Marketing', 'zh-CN': '营销' });
    expect(config.endpoint).toBe('https://prefs.example.com/v1');
  });

  it('names every bad field with what it expects, in one error', () => {
    const problems = problemsOf({
      policy: { version: 'june 2024', url: '/privacy' },
      categories: [
        { id: 'necessary', required: true },
        { id: 'analytics', hosts: ['Stats Example'] },
      ],
      cookie: { expiresDays: 9000 },
      locale: 'chinese please',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^policy\.version: expected letters, digits/),
      expect.stringMatching(/^categories\[1\]\.hosts\[0\]: expected a lowercase host/),
      expect.stringMatching(/^cookie\.expiresDays: expected at most 400 days/),
      expect.stringMatching(/^locale: expected "auto" or a locale/),
    ]);
  });

  it('says a missing policy is required', () => {
    expect(problemsOf({})).toEqual(['policy: required: expected object']);
    expect(problemsOf({ policy: { version: '1' } })).toEqual(['policy.url: required: expected string']);
  });

  it('catches misspelt fields instead of ignoring them', () => {
    expect(problemsOf({ ...minimalConfig, categorys: [] })).toEqual([
      '(root): unknown field "categorys": remove it or check the spelling',
    ]);
  });

  it('rejects a label that is neither text nor a locale map', () => {
    expect(problemsOf({ ...minimalConfig, categories: [{ id: 'analytics', label: 5 }] })).toEqual([
      expect.stringMatching(/^categories\[0\]\.label: expected a text, or a map of locale to text/),
    ]);
  });

  it('rejects duplicate ids, unlabelled custom ids and GPC on a required category', () => {
    const problems = problemsOf({
      ...minimalConfig,
      categories: [
        { id: 'necessary', required: true, honorGpc: true },
        { id: 'analytics' },
        { id: 'analytics' },
        { id: 'us-transfer' },
      ],
      contact: { channels: ['email', 'fax'] },
    });
    expect(problems).toEqual([
      'categories[2]: duplicate id "analytics": each id may appear once',
      expect.stringMatching(/^categories\[3\]\.label: "us-transfer" has no built-in label/),
      expect.stringMatching(/^categories\[0\]\.honorGpc: a required category is always on/),
      expect.stringMatching(/^contact\.channels\[1\]\.label: "fax" has no built-in label/),
    ]);
  });

  it('accepts custom contact channels that carry their own label', () => {
    const config = parseConfig({ ...minimalConfig, contact: { channels: [{ id: 'sms', label: '短信' }] } });
    expect(config.contact.channels).toEqual([{ id: 'sms', label: '短信' }]);
  });

  it('reads a built-in channel written as an object without a label, as a checked config writes it', () => {
    const config = parseConfig({
      ...minimalConfig,
      contact: { channels: [{ id: 'email' }, 'phone'], topics: [{ id: 'offers' }] },
    });
    expect(config.contact.channels).toEqual([{ id: 'email' }, { id: 'phone' }]);
    expect(problemsOf({ ...minimalConfig, contact: { channels: [{ id: 'sms' }] } })).toEqual([
      expect.stringMatching(/^contact\.channels\[0\]\.label: "sms" has no built-in label: give it one/),
    ]);
  });

  it.each(['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', ' /privacy', ''])(
    'refuses the policy URL %j',
    (url) => {
      expect(problemsOf({ policy: { version: '1', url } })).toEqual([
        'policy.url: expected an https:, http: or relative URL without spaces',
      ]);
    },
  );

  it.each(['https://example.com/privacy', 'http://example.com/p', '/privacy', 'privacy.html', '#privacy'])(
    'accepts the policy URL %j',
    (url) => {
      expect(parseConfig({ policy: { version: '1', url } }).policy.url).toBe(url);
    },
  );

  it('rejects a cookie pattern that is not a valid regular expression', () => {
    expect(problemsOf({ ...minimalConfig, categories: [{ id: 'analytics', cookies: ['/(/'] }] })).toEqual([
      'categories[0].cookies[0]: expected a cookie name or a valid /regular expression/',
    ]);
  });

  it('puts every problem in the error message so one console line tells the whole story', () => {
    try {
      parseConfig({ policy: { version: '', url: 'javascript:x' } });
    } catch (error) {
      expect((error as Error).message).toMatch(/no optional category will be granted/);
      expect((error as Error).message).toMatch(/policy\.version: .*\n.*policy\.url: /);
      expect((error as ConsentConfigError).code).toBe('invalid-config');
      return;
    }
    throw new Error('expected an error');
  });
});

describe('parseConfig: UI settings', () => {
  it('defaults to a bottom bar, the system theme, every built-in language and no reopen button', () => {
    const config = parseConfig(minimalConfig);
    expect([config.layout, config.theme, config.reopenButton, config.locales, config.texts]).toEqual([
      'bar',
      'auto',
      false,
      ['en', 'zh-CN', 'zh-Hant', 'ja', 'ko', 'fr', 'de', 'es', 'pt-BR', 'ru', 'ar'],
      {},
    ]);
  });

  it('lets a config limit the languages offered to built-in ones of its choice', () => {
    expect(parseConfig({ ...minimalConfig, locales: ['ja', 'ar'] }).locales).toEqual(['ja', 'ar']);
  });

  it('names a bad layout, an unknown text key and a language without strings', () => {
    expect(
      problemsOf({
        ...minimalConfig,
        layout: 'modal',
        texts: { en: { acceptEverything: 'OK' } },
        locales: ['en', 'it'],
      }),
    ).toEqual([
      'texts.en: unknown field "acceptEverything": remove it or check the spelling',
      'layout: expected one of "bar", "box", "center"',
    ]);
    expect(problemsOf({ ...minimalConfig, locales: ['en', 'it'] })).toEqual([
      'locales[1]: "it" is not built in (en, zh-CN, zh-Hant, ja, ko, fr, de, es, pt-BR, ru, ar): add its strings under texts["it"] or remove it',
    ]);
  });

  it('accepts a new language that brings its strings, and a cookie table', () => {
    const config = parseConfig({
      ...minimalConfig,
      locales: ['it', 'en'],
      texts: { it: { acceptAll: 'Accetta tutto' } },
      categories: [
        { id: 'analytics', cookieTable: [{ name: '_ga', provider: 'Google', duration: { en: '2 years' } }] },
      ],
    });
    expect(config.locales).toEqual(['it', 'en']);
    expect(config.categories[0]!.cookieTable[0]!.name).toBe('_ga');
  });
});

describe('parseConfigJson', () => {
  it('reports JSON syntax errors as config errors', () => {
    try {
      parseConfigJson('{ "policy": ');
    } catch (error) {
      expect(error).toBeInstanceOf(ConsentConfigError);
      expect((error as ConsentConfigError).code).toBe('invalid-json');
      expect((error as Error).message).toMatch(/does not hold valid JSON/);
      return;
    }
    throw new Error('expected an error');
  });

  it('parses valid JSON text', () => {
    expect(parseConfigJson(JSON.stringify(exampleConfig)).policy.version).toBe('2024-06');
  });
});
