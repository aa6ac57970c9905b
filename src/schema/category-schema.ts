import * as z from 'zod/mini';
import { compileCookiePattern } from '../shared/cookie-pattern.js';
import { GPC_BY_DEFAULT } from '../shared/config-defaults.js';
import { LocalizedTextSchema, slug } from './config-fields.js';
import { HOST_PATTERN } from '../shared/patterns.js';
import { PRESET_NAMES } from '../shared/presets.js';
import { expandPresets, withPresetServices } from '../shared/preset-services.js';
import { MAX_SERVICES_PER_CATEGORY } from '../shared/record-fields.js';

/** A cookie or storage name pattern: the name itself, or a `/regular expression/`. */
const namePattern = (what: string) =>
  z
    .string()
    .check(
      z.refine((p) => compileCookiePattern(p) !== undefined, `expected a ${what} or a valid /regular expression/`),
    );

/** One row of a category's cookie table in the preferences panel. */
export const CookieDisclosureSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(128)),
  provider: z.optional(LocalizedTextSchema),
  purpose: z.optional(LocalizedTextSchema),
  duration: z.optional(LocalizedTextSchema),
});

const hostList = () =>
  z._default(
    z.array(
      z
        .string()
        .check(z.regex(HOST_PATTERN, 'expected a lowercase host such as "stats.example.com" or "*.example.com"')),
    ),
    [],
  );
const presetList = () =>
  z._default(
    z.array(z.enum(PRESET_NAMES, { error: `unknown preset: expected one of ${PRESET_NAMES.join(', ')}` })),
    [],
  );

/**
 * One service of a category (Baidu Tongji, Clarity, a video host): its own switch in the panel, its own
 * hosts, cookies and storage, and, for embedded content, its placeholder's text.
 */
export const ServiceSchema = z.pipe(
  z.strictObject({
    id: slug(),
    label: z.optional(LocalizedTextSchema),
    description: z.optional(LocalizedTextSchema),
    hosts: hostList(),
    cookies: z._default(z.array(namePattern('cookie name')), []),
    storage: z._default(z.array(namePattern('storage key')), []),
    presets: presetList(),
    /** An embed of this service (`<iframe data-consent="video/bilibili">`) shows a placeholder with this text. */
    embed: z.optional(z.strictObject({ text: z.optional(LocalizedTextSchema) })),
  }),
  z.transform((s) => ({ ...s, ...expandPresets(s, s.presets) })),
);

/**
 * A category the visitor decides on: its hosts, cookies and storage (with its presets merged in), how the panel
 * shows it, and whether it honours GPC or needs separate consent.
 */
export const CategorySchema = z.pipe(
  z.strictObject({
    id: slug(),
    /** Strictly necessary: always on, cannot be switched off, needs no consent. */
    required: z._default(z.boolean(), false),
    label: z.optional(LocalizedTextSchema),
    description: z.optional(LocalizedTextSchema),
    /** Hosts this category's requests go to (`stats.example.com`, `*.example.com`). */
    hosts: hostList(),
    /** Cookies this category sets: names or `/regular expressions/`. */
    cookies: z._default(z.array(namePattern('cookie name')), []),
    /**
     * localStorage and sessionStorage keys and IndexedDB database names this category's scripts write: names
     * or `/regular expressions/`, as in `cookies`.
     */
    storage: z._default(z.array(namePattern('storage key')), []),
    /** The cookies as the preferences panel lists them for visitors. */
    cookieTable: z._default(z.array(CookieDisclosureSchema), []),
    /**
     * Start denied when the browser sends Global Privacy Control, and stay off on "Accept all".
     * Default: true for `marketing`, false for the rest.
     */
    honorGpc: z.optional(z.boolean()),
    /**
     * Ready host, cookie and storage lists by name (`baidu-tongji`, `ga4`, `clarity`): each becomes a service
     * of that id, unless `services` has one.
     */
    presets: presetList(),
    /** Services the visitor may allow one by one; the category switch sets them all. */
    services: z._default(
      z
        .array(ServiceSchema)
        .check(
          z.maxLength(
            MAX_SERVICES_PER_CATEGORY,
            `expected at most ${MAX_SERVICES_PER_CATEGORY} services in a category`,
          ),
        ),
      [],
    ),
    /**
     * Needs its own explicit consent (e.g. transfer to the licensor in the United States, sensitive personal
     * information): never granted by "Accept all" or any bulk action, shown with its own notice text.
     */
    separate: z._default(z.boolean(), false),
  }),
  z.transform((c) => {
    const services = withPresetServices(c.services, c.presets);
    return {
      ...c,
      honorGpc: c.honorGpc ?? (c.id === GPC_BY_DEFAULT && !c.required),
      services,
      ...expandPresets(c, [], services),
    };
  }),
);

export type CategoryConfig = z.output<typeof CategorySchema>;
export type ServiceConfig = z.output<typeof ServiceSchema>;
