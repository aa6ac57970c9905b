import type { CategoryConfig, ConsentConfig, LocalizedText } from '../schema/config.js';
import {
  BUILT_IN_LOCALES,
  DEFAULT_CATEGORIES,
  GPC_BY_DEFAULT,
  KNOWN_CATEGORY_IDS,
  MAX_COOKIE_DAYS,
} from '../shared/config-defaults.js';
import { MAX_CATEGORIES } from '../shared/record-fields.js';
import { compileCookiePattern } from '../shared/cookie-pattern.js';
import {
  COOKIE_DOMAIN,
  COOKIE_NAME,
  HOST_PATTERN,
  ISO_DATE,
  LOCALE,
  POLICY_VERSION,
  SLUG,
} from '../shared/patterns.js';
import type * as PresetServices from '../shared/preset-services.js';
import type { PresetName } from '../shared/presets.js';
import { isSafeUrl } from '../shared/safe-url.js';

/*
 * The config schema (schema/config.ts) is the one judge of a config, and it is zod: about 11 kB a visitor
 * would download, and most of a first visit's script time spent building its schemas, for every page whose
 * config was not checked ahead of time. Most sites paste a config of a few common fields, though (the
 * README's quick start). This reads exactly those configs without the validator: every value it accepts is
 * one the schema accepts, and it returns what the schema would return, defaults and preset expansion
 * included (test/unit/core/common-config.property.test.ts holds it to that). Anything else, including
 * every invalid config, it leaves to the validator, which names the bad fields; so it only ever saves a
 * download, and never decides alone that a config is wrong.
 */

type Json = Record<string, unknown>;

const ROOT_FIELDS = [
  'policy',
  'categories',
  'cookie',
  'endpoint',
  'locales',
  'layout',
  'theme',
  'reopenButton',
  'reloadOnWithdraw',
  'locale',
];
const POLICY_FIELDS = ['version', 'url', 'updated', 'substantial', 'reconsentBefore'];
const CATEGORY_FIELDS = [
  'id',
  'required',
  'label',
  'description',
  'hosts',
  'cookies',
  'storage',
  'presets',
  'honorGpc',
  'separate',
];
const COOKIE_FIELDS = ['name', 'domain', 'path', 'expiresDays'];

/** Thrown inside this module only, to leave the config to the validator. */
const UNSURE = Symbol('unsure');

function expect(condition: unknown): asserts condition {
  if (!condition) throw UNSURE;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object, when it holds no other fields than `allowed`. */
function fields(value: unknown, allowed: string[]): Json {
  expect(isObject(value) && Object.keys(value).every((key) => allowed.includes(key)));
  return value;
}

function text(value: unknown, pattern?: RegExp): string {
  expect(typeof value === 'string' && (pattern ? pattern.test(value) : value.length > 0));
  return value;
}

function flag(value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  expect(typeof value === 'boolean');
  return value;
}

function oneOf<T extends string>(value: unknown, choices: readonly T[]): T {
  if (value === undefined) return choices[0]!;
  expect(choices.includes(value as T));
  return value as T;
}

function list(value: unknown, check: (item: unknown) => string): string[] {
  if (value === undefined) return [];
  expect(Array.isArray(value));
  return value.map(check);
}

function localized(value: unknown): LocalizedText {
  if (typeof value === 'string') return text(value);
  expect(isObject(value));
  return Object.fromEntries(Object.entries(value).map(([locale, words]) => [text(locale, LOCALE), text(words)]));
}

/** Sets `key` on `target` only when the input had it, as the schema leaves optional fields out. */
function optional<T>(target: Json, key: string, value: unknown, read: (value: unknown) => T): void {
  if (value !== undefined) target[key] = read(value);
}

/**
 * The preset lists and how they become services, when the caller has them: the script tag fetches them only
 * for a config that names presets.
 */
type Presets = typeof PresetServices | undefined;

function category(value: unknown, presetLists: Presets): CategoryConfig {
  const input = fields(value, CATEGORY_FIELDS);
  const id = text(input.id, SLUG);
  const required = flag(input.required, false);
  const separate = flag(input.separate, false);
  // The schema's own cross-field rules: a required category can neither honour GPC nor ask separately,
  // a separate one needs its notice text, and an id without a built-in label needs one.
  const honorGpc = flag(input.honorGpc, id === GPC_BY_DEFAULT && !required);
  expect(!(required && (honorGpc || separate)) && !(separate && input.description === undefined));
  expect(input.label !== undefined || (KNOWN_CATEGORY_IDS as readonly string[]).includes(id));
  const presets = list(input.presets, (name) => {
    expect(typeof name === 'string' && presetLists && Object.hasOwn(presetLists.PRESETS, name));
    return name;
  }) as PresetName[];
  const hosts = list(input.hosts, (host) => text(host, HOST_PATTERN));
  const namePattern = (pattern: unknown) => {
    expect(typeof pattern === 'string' && compileCookiePattern(pattern));
    return pattern as string;
  };
  const cookies = list(input.cookies, namePattern);
  const storage = list(input.storage, namePattern);
  const services = presetLists?.withPresetServices([], presets) ?? [];
  const result: Json = {
    id,
    required,
    separate,
    honorGpc,
    presets,
    services,
    cookieTable: [],
    // The category's lists are its own and its services', each name once, as the schema's.
    hosts: [...new Set([...hosts, ...services.flatMap((s) => s.hosts)])],
    cookies: [...new Set([...cookies, ...services.flatMap((s) => s.cookies)])],
    storage: [...new Set([...storage, ...services.flatMap((s) => s.storage)])],
  };
  optional(result, 'label', input.label, localized);
  optional(result, 'description', input.description, localized);
  return result as CategoryConfig;
}

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  expect(Number.isInteger(value) && (value as number) >= min && (value as number) <= max);
  return value as number;
}

function read(value: unknown, presetLists: Presets): ConsentConfig {
  const input = fields(value, ROOT_FIELDS);
  const policyInput = fields(input.policy, POLICY_FIELDS);
  const policy: Json = {
    version: text(policyInput.version, POLICY_VERSION),
    url: text(policyInput.url),
    substantial: flag(policyInput.substantial, false),
  };
  expect(isSafeUrl(policy.url as string));
  optional(policy, 'updated', policyInput.updated, (date) => text(date, ISO_DATE));
  optional(policy, 'reconsentBefore', policyInput.reconsentBefore, (version) => text(version, POLICY_VERSION));

  const categoriesInput = input.categories === undefined ? DEFAULT_CATEGORIES : input.categories;
  expect(Array.isArray(categoriesInput) && categoriesInput.length >= 1 && categoriesInput.length <= MAX_CATEGORIES);
  const categories = categoriesInput.map((input: unknown) => category(input, presetLists));
  expect(new Set(categories.map((c) => c.id)).size === categories.length);

  const cookieInput = fields(input.cookie === undefined ? {} : input.cookie, COOKIE_FIELDS);
  const cookie: Json = {
    name: cookieInput.name === undefined ? 'consent' : text(cookieInput.name, COOKIE_NAME),
    path: cookieInput.path === undefined ? '/' : text(cookieInput.path, /^\/[^;\s]*$/),
    expiresDays: wholeNumber(cookieInput.expiresDays, 365, 1, MAX_COOKIE_DAYS),
  };
  optional(cookie, 'domain', cookieInput.domain, (domain) => text(domain, COOKIE_DOMAIN));

  const locales =
    input.locales === undefined
      ? [...BUILT_IN_LOCALES]
      : list(input.locales, (locale) => {
          // Another language needs its strings under `texts`, which only the validator reads.
          expect((BUILT_IN_LOCALES as readonly unknown[]).includes(locale));
          return locale as string;
        });
  expect(locales.length > 0);
  const locale = input.locale === undefined ? 'auto' : input.locale;
  expect(locale === 'auto' || (typeof locale === 'string' && LOCALE.test(locale)));

  const config: Json = {
    policy,
    categories,
    cookie,
    locales,
    locale,
    contact: { channels: [{ id: 'email' }, { id: 'phone' }], topics: [{ id: 'offers' }, { id: 'feedback' }] },
    texts: {},
    layout: oneOf(input.layout, ['bar', 'box', 'center']),
    theme: oneOf(input.theme, ['auto', 'light', 'dark']),
    reopenButton: flag(input.reopenButton, false),
    reloadOnWithdraw: flag(input.reloadOnWithdraw, true),
    requestQueueSize: 100,
    minimumAge: 18,
    consentMode: { enabled: 'auto', mapping: {}, waitForUpdate: 500 },
  };
  optional(config, 'endpoint', input.endpoint, (url) => {
    expect(typeof url === 'string' && isSafeUrl(url));
    return url;
  });
  return config as ConsentConfig;
}

/**
 * The config a page's JSON holds, defaults filled in, when it uses only the common fields this reads
 * without the validator (see above); `undefined` when the validator has to judge it: other fields, any
 * value this cannot vouch for, and every invalid config. A config naming `presets` is read only when
 * `presets` (the module `shared/preset-services`) is given. Never throws.
 */
export function readCommonConfig(json: string, presets?: Presets): ConsentConfig | undefined {
  try {
    return read(JSON.parse(json), presets);
  } catch {
    return undefined;
  }
}
