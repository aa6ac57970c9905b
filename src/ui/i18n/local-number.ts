/*
 * Whole numbers in the languages that come with the script, written here rather than by Intl for the same
 * reason as their long dates (long-date.ts): the panel's first number would start the browser's ICU, about
 * 20 ms of main thread in a new renderer, between the visitor's click and the panel. Both group digits by
 * three with commas, as Intl does for them (a test holds them to it); other languages, and numbers that are
 * not safe integers (or are -0), get Intl's.
 */

/** `value` written the way `locale` writes numbers (Arabic-Indic digits in Arabic). */
export function localNumber(value: number, locale: string): string {
  return (locale === 'en' || locale === 'zh-CN') && Number.isSafeInteger(value) && !Object.is(value, -0)
    ? String(value).replace(/\B(?=(\d{3})+$)/g, ',')
    : value.toLocaleString(locale);
}
