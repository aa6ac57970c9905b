import { compileCookiePattern } from '../shared/cookie-pattern.js';

/** Answers which optional categories list a cookie or storage name; `undefined` when none does. */
export type NameMatcher = (name: string) => string[] | undefined;

/**
 * Compiles the optional categories' name patterns (`_ga`, `/^Hm_lvt_/`) of one kind, `cookies` or
 * `storage`, into one matcher. Required categories are left out: what they list is always allowed.
 */
export function createNameMatcher(
  categories: readonly { id: string; required: boolean; cookies: readonly string[]; storage: readonly string[] }[],
  kind: 'cookies' | 'storage',
): NameMatcher {
  const rules = categories
    .filter((c) => !c.required)
    .flatMap((c) => c[kind].map((p) => [c.id, compileCookiePattern(p)] as const));
  return (name) => {
    const ids = rules.filter(([, test]) => test?.(name)).map(([id]) => id);
    return ids.length > 0 ? [...new Set(ids)] : undefined;
  };
}
