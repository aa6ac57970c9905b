/**
 * Every visitor-facing string of the built-in UI that a site may override per locale (config `texts`).
 * Category, channel and topic labels are not here: they come from each item's own `label`.
 * `{date}` and `{count}` are placeholders the UI fills in.
 */
export const TEXT_KEYS = [
  'title',
  'body',
  'whatChanged',
  'policyLink',
  'lastUpdated',
  'acceptAll',
  'rejectAll',
  'managePreferences',
  'preferencesTitle',
  'preferencesIntro',
  'cookiesHeading',
  'alwaysActive',
  'cookiesUsed',
  'cookieName',
  'cookieProvider',
  'cookiePurpose',
  'cookieDuration',
  'separateHeading',
  'separateIntro',
  'ageHeading',
  'ageConfirmation',
  'ageRequired',
  'contactHeading',
  'contactIntro',
  'serviceCommunications',
  'serviceCommunicationsDescription',
  'saveChoices',
  'downloadRecord',
  'deleteData',
  'deleteConfirm',
  'deleteConfirmButton',
  'cancel',
  'deleted',
  'saved',
  'close',
  'language',
  'reopen',
] as const;

export type TextKey = (typeof TEXT_KEYS)[number];
