import type { TextKey } from '../../shared/text-keys.js';

/** The texts `<consent-banner>` shows: all that a visit answering only the banner needs of a language. */
export type BannerTextKey =
  | 'title'
  | 'body'
  | 'whatChanged'
  | 'policyLink'
  | 'lastUpdated'
  | 'acceptAll'
  | 'rejectAll'
  | 'managePreferences'
  | 'reopen';

/** The banner's texts of one language; {@link Messages} has them all and comes with the preferences panel. */
export interface BannerMessages {
  texts: Record<BannerTextKey, string>;
}

/** Every visitor-facing text of the built-in UI, for one language. */
export interface Messages extends BannerMessages {
  texts: Record<TextKey, string>;
  categories: Record<'necessary' | 'analytics' | 'marketing', { label: string; description: string }>;
  channels: Record<'email' | 'phone', string>;
  topics: Record<'offers' | 'feedback', string>;
}
