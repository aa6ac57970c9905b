import type { BannerMessages } from './messages.js';

/** The English the banner shows, in the privacy statement's words; the panel's strings are in en.ts. */
export const enBanner: BannerMessages = {
  texts: {
    title: 'Your privacy choices',
    body:
      'We use cookies and similar technologies such as web beacons to store your preferences and settings, ' +
      'prevent fraud, authenticate you and collect operational data about our Online Services. Third parties ' +
      'that provide site analytics on our behalf may also set cookies. Strictly necessary cookies are always ' +
      'on; the others only with your consent.',
    whatChanged: 'Our Privacy Statement has changed. What changed:',
    policyLink: 'Privacy Statement',
    lastUpdated: 'Last updated {date}',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    managePreferences: 'Manage preferences',
    reopen: 'Cookie settings',
  },
};
