/**
 * The Google Consent Mode v2 signals consent-kit sets. A module without schemas, so the gate can list them
 * without pulling the config validator into the script tag.
 */
export const CONSENT_MODE_SIGNALS = ['analytics_storage', 'ad_storage', 'ad_user_data', 'ad_personalization'] as const;
export type ConsentModeSignal = (typeof CONSENT_MODE_SIGNALS)[number];
