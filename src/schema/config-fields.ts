import * as z from 'zod/mini';
import { LOCALE, SLUG } from '../shared/patterns.js';
import { isSafeUrl } from '../shared/safe-url.js';

// The field schemas several parts of the config share. Their hints are said in the validator's errors only;
// the patterns themselves are shared (patterns.ts).

export const SLUG_HINT =
  'a lowercase id: a letter, then letters, digits or "-", at most 32 characters (e.g. "analytics")';
export const POLICY_VERSION_HINT = 'letters, digits, ".", "_" or "-", at most 32 characters (e.g. "2024-06")';

/** An id of a category, contact channel or topic. */
export const slug = () => z.string().check(z.regex(SLUG, `expected ${SLUG_HINT}`));

/** A visitor-facing text: one string for every language, or a map of locale to string. */
export const LocalizedTextSchema = z.union(
  [
    z.string().check(z.minLength(1, 'expected a non-empty text')),
    z.record(z.string().check(z.regex(LOCALE)), z.string().check(z.minLength(1))),
  ],
  { error: 'expected a text, or a map of locale to text such as {"en": "Analytics", "zh-CN": "分析"}' },
);

/** A link the page may follow: https:, http: or relative, never `javascript:` and the like. */
export const safeUrl = () =>
  z.string().check(z.refine(isSafeUrl, 'expected an https:, http: or relative URL without spaces'));

export type LocalizedText = z.output<typeof LocalizedTextSchema>;
