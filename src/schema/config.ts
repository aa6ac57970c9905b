import * as z from 'zod/mini';
import { CONSENT_MODE_SIGNALS } from '../shared/consent-mode-signals.js';
import { COOKIE_DOMAIN, COOKIE_NAME, ISO_DATE, LOCALE, POLICY_VERSION } from '../shared/patterns.js';
import {
  BUILT_IN_LOCALES,
  DEFAULT_CATEGORIES,
  KNOWN_CONTACT_CHANNELS,
  KNOWN_CONTACT_TOPICS,
  MAX_COOKIE_DAYS,
} from '../shared/config-defaults.js';
import { MAX_CATEGORIES, MAX_CONTACT_CHANNELS, MAX_CONTACT_TOPICS } from '../shared/record-fields.js';
import { TEXT_KEYS } from '../shared/text-keys.js';
import {
  LocalizedTextSchema,
  POLICY_VERSION_HINT,
  safeUrl,
  slug,
  SLUG_HINT,
  type LocalizedText,
} from './config-fields.js';
import { CategorySchema } from './category-schema.js';
import { reportConfigRules } from './config-rules.js';

export {
  BUILT_IN_LOCALES,
  KNOWN_CATEGORY_IDS,
  KNOWN_CONTACT_CHANNELS,
  KNOWN_CONTACT_TOPICS,
  MAX_COOKIE_DAYS,
} from '../shared/config-defaults.js';
export { MAX_CATEGORIES } from '../shared/record-fields.js';
export { LocalizedTextSchema, type LocalizedText } from './config-fields.js';
export {
  CategorySchema,
  CookieDisclosureSchema,
  ServiceSchema,
  type CategoryConfig,
  type ServiceConfig,
} from './category-schema.js';

export const PolicySchema = z.strictObject({
  /** Version of the privacy statement the visitor is deciding under; stored with every decision. */
  version: z.string().check(z.regex(POLICY_VERSION, `expected ${POLICY_VERSION_HINT}`)),
  /** Where the privacy statement is published. */
  url: safeUrl(),
  /** The statement's "last updated" date, YYYY-MM-DD. */
  updated: z.optional(z.string().check(z.regex(ISO_DATE, 'expected a date written YYYY-MM-DD'))),
  /**
   * Whether this version changed the statement substantially: decisions made under any other version
   * are then asked again. A minor change (the default) keeps existing choices.
   */
  substantial: z._default(z.boolean(), false),
  /**
   * Decisions made under a version before this one are asked again (versions compare naturally:
   * "2024-06" < "2024-11", "v2" < "v10"). For when several versions have passed since the substantial change.
   */
  reconsentBefore: z.optional(z.string().check(z.regex(POLICY_VERSION, `expected ${POLICY_VERSION_HINT}`))),
  /** A short "What changed" text the banner shows to visitors asked again after a substantial change. */
  changes: z.optional(LocalizedTextSchema),
});

/** Google Consent Mode v2: `consent default` (all denied) before any tag, `consent update` on every decision. */
export const ConsentModeSchema = z.strictObject({
  /** `auto`: on when a category uses the `ga4` preset or the page already has `dataLayer`/`gtag`. */
  enabled: z._default(z.union([z.boolean(), z.literal('auto')], { error: 'expected true, false or "auto"' }), 'auto'),
  /**
   * Signal -> the categories and services (`analytics/ga4`) that must all be granted for it to be `granted`.
   * Signals left out keep the default: `analytics_storage` follows the services made of the `ga4` preset, the
   * three `ad_*` signals those made of `google-ads`; without such a service, `analytics` and `marketing`.
   */
  mapping: z._default(
    z.partialRecord(
      z.enum(CONSENT_MODE_SIGNALS, { error: `unknown signal: expected one of ${CONSENT_MODE_SIGNALS.join(', ')}` }),
      z.array(z.string()).check(z.minLength(1, 'expected at least one category or service id')),
    ),
    {},
  ),
  /** Milliseconds Google tags wait for the `consent update` before they send anything. */
  waitForUpdate: z._default(
    z.number().check(z.int('expected a whole number of milliseconds'), z.gte(0), z.lte(10_000)),
    500,
  ),
});

/** A contact channel or topic: a built-in id, or a custom one with its label. */
const ContactOptionSchema = z.pipe(
  z.union([slug(), z.strictObject({ id: slug(), label: z.optional(LocalizedTextSchema) })], {
    error: `expected ${SLUG_HINT}, or {"id": …, "label": …}`,
  }),
  z.transform((option): { id: string; label?: LocalizedText } =>
    typeof option === 'string' ? { id: option } : option,
  ),
);

export const ContactSchema = z.strictObject({
  channels: z.prefault(
    z
      .array(ContactOptionSchema)
      .check(z.maxLength(MAX_CONTACT_CHANNELS, `expected at most ${MAX_CONTACT_CHANNELS} channels`)),
    [...KNOWN_CONTACT_CHANNELS],
  ),
  topics: z.prefault(
    z
      .array(ContactOptionSchema)
      .check(z.maxLength(MAX_CONTACT_TOPICS, `expected at most ${MAX_CONTACT_TOPICS} topics`)),
    [...KNOWN_CONTACT_TOPICS],
  ),
});

export const CookieSettingsSchema = z.strictObject({
  name: z._default(
    z.string().check(z.regex(COOKIE_NAME, 'expected a cookie name of letters, digits and _.-, at most 64 characters')),
    'consent',
  ),
  /** Share the decision across subdomains, e.g. ".example.com". Default: the page's own host. */
  domain: z.optional(z.string().check(z.regex(COOKIE_DOMAIN, 'expected a domain such as ".example.com"'))),
  path: z._default(z.string().check(z.regex(/^\/[^;\s]*$/, 'expected a path starting with "/"')), '/'),
  /** Days a decision is kept before the visitor is asked again. */
  expiresDays: z._default(
    z
      .number()
      .check(
        z.int('expected a whole number of days'),
        z.gte(1, 'expected at least 1 day'),
        z.lte(MAX_COOKIE_DAYS, `expected at most ${MAX_COOKIE_DAYS} days: browsers cap cookie lifetime there`),
      ),
    365,
  ),
});

export const ConfigSchema = z
  .strictObject({
    policy: PolicySchema,
    categories: z.prefault(
      z
        .array(CategorySchema)
        .check(
          z.minLength(1, 'expected at least one category'),
          z.maxLength(MAX_CATEGORIES, `expected at most ${MAX_CATEGORIES} categories`),
        ),
      () => DEFAULT_CATEGORIES.map((category) => ({ ...category })),
    ),
    contact: z.prefault(ContactSchema, {}),
    cookie: z.prefault(CookieSettingsSchema, {}),
    /** The preferences endpoint each decision is synced to. */
    endpoint: z.optional(safeUrl()),
    /**
     * Languages the visitor may be shown and choose between in the preferences panel; the first is the
     * fallback. Every built-in language unless the config limits them.
     */
    locales: z._default(
      z
        .array(z.string().check(z.regex(LOCALE, 'expected a locale such as "zh-CN"')))
        .check(z.minLength(1, 'expected at least one locale')),
      () => [...BUILT_IN_LOCALES],
    ),
    /** Replacements for built-in strings, or strings for another language: locale -> text key -> text. */
    texts: z._default(
      z.record(
        z.string().check(z.regex(LOCALE, 'expected a locale such as "zh-CN"')),
        z.partialRecord(z.enum(TEXT_KEYS), z.string().check(z.minLength(1, 'expected a non-empty text'))),
      ),
      {},
    ),
    /** Where the banner sits: a bar along the bottom, a box in the corner, or centred. */
    layout: z._default(z.enum(['bar', 'box', 'center']), 'bar'),
    /** Colour scheme: follow the visitor's system setting, or force one. */
    theme: z._default(z.enum(['auto', 'light', 'dark']), 'auto'),
    /** Show a small floating button that reopens the preferences after a decision. */
    reopenButton: z._default(z.boolean(), false),
    /** Reload the page once after a category is withdrawn, because scripts that already ran cannot be unloaded. */
    reloadOnWithdraw: z._default(z.boolean(), true),
    /** Requests held before a decision; beyond this the oldest is dropped (and counted). */
    requestQueueSize: z._default(z.number().check(z.int('expected a whole number'), z.gte(0), z.lte(1000)), 100),
    consentMode: z.prefault(ConsentModeSchema, {}),
    /**
     * Visitors confirm they are at least this old, or have their guardian's consent, before any marketing
     * contact or separate-consent purpose can be switched on. 0 turns the confirmation off.
     */
    minimumAge: z._default(z.number().check(z.int('expected a whole number of years'), z.gte(0), z.lte(21)), 18),
    /** "auto" (page language, then browser) or a locale such as "zh-CN". */
    locale: z._default(
      z.string().check(z.refine((l) => l === 'auto' || LOCALE.test(l), 'expected "auto" or a locale such as "zh-CN"')),
      'auto',
    ),
  })
  .check(z.superRefine(reportConfigRules));

/** A config as a site writes it (every field but `policy` optional). */
export type ConsentConfigInput = z.input<typeof ConfigSchema>;
/** A config with every default filled in. */
export type ConsentConfig = z.output<typeof ConfigSchema>;
