import type { Messages } from './messages.js';

/** English, in the privacy statement's own words where it has them. */
export const en: Messages = {
  regionLabel: 'Cookie consent',
  title: 'Your privacy choices',
  body:
    'We use cookies and similar technologies such as web beacons to store your preferences and settings, ' +
    'prevent fraud, authenticate you and collect operational data about our Online Services. Third parties ' +
    'that provide site analytics on our behalf may also set cookies. Strictly necessary cookies are always ' +
    'on; the others only with your consent.',
  policyLink: 'Privacy Statement',
  lastUpdated: 'Last updated {date}',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  categories: {
    necessary: {
      label: 'Strictly necessary',
      description: 'Authenticate you, prevent fraud and store your preferences and settings. Always active.',
    },
    analytics: {
      label: 'Analytics',
      description:
        'Collect operational data about the Online Services, including site analytics by third parties on our behalf.',
    },
    marketing: {
      label: 'Marketing',
      description: 'Show you information and offers about other products and services.',
    },
  },
  channels: { email: 'Email', phone: 'Phone' },
  topics: {
    offers: 'Information and offers about other products and services',
    feedback: 'Requests for your feedback and surveys',
  },
};
