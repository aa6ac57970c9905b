/** Chinese tags that mean Simplified Chinese as used in mainland China. */
const SIMPLIFIED_CHINESE = /^zh(-hans)?(-(cn|sg|my))?$|^zh-hans-/i;

/** Puts a language tag in the form the built-in catalogue uses (`zh-Hans-CN` -> `zh-CN`). */
export function normalizeLocale(tag: string): string {
  return SIMPLIFIED_CHINESE.test(tag) ? 'zh-CN' : tag;
}

/**
 * Picks the visitor's language among `available`: the configured locale unless it is `auto`, else the
 * page's `<html lang>`, else the browser's languages, else the first available. A tag matches exactly
 * (case-insensitive) or by its language alone (`en-GB` -> `en`).
 */
export function resolveLocale(
  configured: string,
  candidates: { pageLang?: string | null; browser?: readonly string[] },
  available: readonly string[],
): string {
  const wanted = configured === 'auto' ? [candidates.pageLang ?? '', ...(candidates.browser ?? [])] : [configured];
  for (const tag of wanted.filter(Boolean).map(normalizeLocale)) {
    const lower = tag.toLowerCase();
    const match =
      available.find((a) => a.toLowerCase() === lower) ??
      available.find((a) => a.toLowerCase().split('-')[0] === lower.split('-')[0]);
    if (match) return match;
  }
  return available[0] ?? 'en';
}
