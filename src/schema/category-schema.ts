import * as z from 'zod/mini';
import { compileCookiePattern } from '../shared/cookie-pattern.js';
import { GPC_BY_DEFAULT } from '../shared/config-defaults.js';
import { LocalizedTextSchema, slug } from './config-fields.js';
import { HOST_PATTERN } from '../shared/patterns.js';
import { PRESET_NAMES, PRESETS } from '../shared/presets.js';

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
    hosts: z._default(
      z.array(
        z
          .string()
          .check(z.regex(HOST_PATTERN, 'expected a lowercase host such as "stats.example.com" or "*.example.com"')),
      ),
      [],
    ),
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
    /** Ready host, cookie and storage lists by name (`baidu-tongji`, `ga4`, `clarity`), added to `hosts`, `cookies` and `storage`. */
    presets: z._default(
      z.array(z.enum(PRESET_NAMES, { error: `unknown preset: expected one of ${PRESET_NAMES.join(', ')}` })),
      [],
    ),
    /**
     * Needs its own explicit consent (e.g. transfer to the licensor in the United States, sensitive personal
     * information): never granted by "Accept all" or any bulk action, shown with its own notice text.
     */
    separate: z._default(z.boolean(), false),
  }),
  z.transform((c) => ({
    ...c,
    honorGpc: c.honorGpc ?? (c.id === GPC_BY_DEFAULT && !c.required),
    hosts: unique([...c.hosts, ...c.presets.flatMap((name) => PRESETS[name].hosts)]),
    cookies: unique([...c.cookies, ...c.presets.flatMap((name) => PRESETS[name].cookies)]),
    storage: unique([...c.storage, ...c.presets.flatMap((name) => PRESETS[name].storage)]),
  })),
);

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

export type CategoryConfig = z.output<typeof CategorySchema>;
