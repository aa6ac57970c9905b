import { enBanner } from './en-banner.js';
import type { Messages } from './messages.js';

/** English, in the privacy statement's own words where it has them. */
export const en: Messages = {
  texts: {
    ...enBanner.texts,
    preferencesTitle: 'Privacy preferences',
    preferencesIntro:
      'Choose which cookies we may use and how we may contact you. You can change these choices at any time.',
    cookiesHeading: 'Cookies',
    alwaysActive: 'Always active',
    cookiesUsed: 'Cookies used ({count})',
    cookieName: 'Name',
    cookieProvider: 'Provider',
    cookiePurpose: 'Purpose',
    cookieDuration: 'Duration',
    separateHeading: 'Separate consent',
    separateIntro: 'Each of these needs your separate, explicit consent. "Accept all" never turns them on.',
    ageHeading: 'Confirm your age for separate purposes and contact choices',
    ageConfirmation: "I am {age} or older, or I have my guardian's consent",
    ageRequired: 'Confirm your age first to turn this on.',
    contactHeading: 'Contact preferences',
    contactIntro:
      'Subject to your contact preferences, we may contact you by phone or e-mail with information and offers ' +
      'about other products and services, or to request your feedback.',
    serviceCommunications: 'Service communications',
    serviceCommunicationsDescription:
      'Information about new subscriptions, billing and important updates about the Online Services, including ' +
      'security and other technical issues. You cannot unsubscribe from these during the reasonable period ' +
      'within or after using the Online Services, because they are needed to provide the services.',
    saveChoices: 'Save choices',
    downloadRecord: 'Download my consent record',
    deleteData: 'Delete my preference data',
    deleteConfirm: 'Delete your choices on this device and the record kept of them? You will be asked again.',
    deleteConfirmButton: 'Delete',
    cancel: 'Cancel',
    deleted: 'Your preference data has been deleted.',
    saved: 'Your choices have been saved.',
    close: 'Close',
    language: 'Language',
  },
  categories: {
    necessary: {
      label: 'Strictly necessary',
      description: 'Authenticate you, prevent fraud and store your preferences and settings.',
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
