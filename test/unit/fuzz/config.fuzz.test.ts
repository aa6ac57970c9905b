import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig, parseConfigJson } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import { ConsentConfigError } from '../../../src/core/errors.js';
import type { ConsentConfig } from '../../../src/schema/config.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';
import {
  FUZZ,
  POLLUTING_KEYS,
  hostileJson,
  hostileJsonText,
  hostileString,
  prototypesAreClean,
} from './hostile-strings.js';

/** Runs the parser; the only acceptable failure is a ConsentConfigError, the documented outcome. */
function outcome(parse: () => ConsentConfig): ConsentConfig | ConsentConfigError {
  try {
    return parse();
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentConfigError);
    expect((error as ConsentConfigError).problems.length).toBeGreaterThan(0);
    return error as ConsentConfigError;
  }
}

/** With no decision yet, an accepted config grants exactly its required categories. */
function expectNothingOptionalGranted(config: ConsentConfig) {
  const manager = new ConsentManager(config, memoryEnvironment().env);
  for (const category of config.categories) expect(manager.has(category.id)).toBe(category.required);
}

/** A valid config with hostile values put into one of its fields, or a hostile key beside them. */
const nearlyValidConfig = fc
  .record({
    where: fc.constantFrom('root', 'policy', 'category', 'cookie', 'label'),
    key: fc.oneof(
      fc.constantFrom(...POLLUTING_KEYS),
      fc.constantFrom('required', 'id', 'version', 'name', 'hosts', 'en'),
    ),
    value: hostileJson,
  })
  .map(({ where, key, value }) => {
    const config: Record<string, any> = {
      policy: { version: '2024-06', url: '/privacy' },
      categories: [
        { id: 'necessary', required: true },
        { id: 'analytics', label: { en: 'Analytics' } },
      ],
      cookie: { name: 'consent' },
    };
    const target = {
      root: config,
      policy: config.policy,
      category: config.categories[1],
      cookie: config.cookie,
      label: config.categories[1].label,
    }[where];
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    return config;
  });

describe('config parser under hostile input', () => {
  it('any JSON text: a config or a ConsentConfigError, nothing polluted, nothing optional granted', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, hostileJsonText), (text) => {
        const result = outcome(() => parseConfigJson(text));
        if (!(result instanceof ConsentConfigError)) expectNothingOptionalGranted(result);
        expect(prototypesAreClean()).toBe(true);
      }),
      FUZZ,
    );
  });

  it('a valid config with one hostile field or key: a config or a ConsentConfigError naming a field', () => {
    fc.assert(
      fc.property(nearlyValidConfig, (input) => {
        const result = outcome(() => parseConfig(input));
        if (result instanceof ConsentConfigError) expect(result.problems.every((p) => /^[^:]+: /.test(p))).toBe(true);
        else expectNothingOptionalGranted(result);
        expect(prototypesAreClean()).toBe(true);
      }),
      FUZZ,
    );
  });

  it('"__proto__" written in the JSON text cannot make an optional category required', () => {
    const payloads = fc.constantFrom(
      '{"policy":{"version":"1","url":"/p"},"categories":[{"id":"necessary","required":true},{"id":"analytics","__proto__":{"required":true}}]}',
      '{"policy":{"version":"1","url":"/p"},"__proto__":{"required":true},"categories":[{"id":"analytics"}]}',
      '{"policy":{"version":"1","url":"/p"},"categories":[{"id":"analytics","constructor":{"prototype":{"required":true}}}]}',
      '{"__proto__":{"__proto__":{"required":true}},"policy":{"version":"1","url":"/p"}}',
    );
    fc.assert(
      fc.property(payloads, (text) => {
        const result = outcome(() => parseConfigJson(text));
        if (!(result instanceof ConsentConfigError)) expectNothingOptionalGranted(result);
        expect(({} as { required?: unknown }).required).toBeUndefined();
      }),
      FUZZ,
    );
  });
});
