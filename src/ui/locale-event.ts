/**
 * Fired on `document` when the visitor picks another language (locale-choice.ts) and when a language's
 * strings arrive (fetched-catalogs.ts): every consent-kit element renders again.
 */
export const LOCALE_EVENT = 'consent:locale';
