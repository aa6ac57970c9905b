// The reference every page figure is compared with: vanilla-cookieconsent 3, its default banner with the same
// three categories consent-kit shows (strictly necessary, analytics, marketing), in English.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { filesOf } from '../build/size-budget.mjs';

export const REFERENCE_NAME = 'vanilla-cookieconsent 3';
export const REFERENCE_JS = 'node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js';
export const REFERENCE_CSS = 'node_modules/vanilla-cookieconsent/dist/cookieconsent.css';

const referenceConfig = {
  // It hides itself from automated browsers by default; the bench browser is one.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Your privacy choices',
          description: 'We use cookies and similar technologies to store your preferences, prevent fraud and collect operational data.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
        },
        preferencesModal: {
          title: 'Privacy preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          sections: [
            { title: 'Strictly necessary', description: 'Authentication, fraud prevention, preferences.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Operational data and site analytics.', linkedCategory: 'analytics' },
            { title: 'Marketing', description: 'Offers about other products and services.', linkedCategory: 'marketing' },
          ],
        },
      },
    },
  },
};

const consentKitConfig = { policy: { version: '2024-06', url: '/privacy', updated: '2024-06-01' } };
// Built by `npm run bench` before this module is loaded.
const { checkedConfigTag } = await import('../dist/server/index.js');

/**
 * The `<head>` snippet each variant of the content page gets. consent-kit as the README recommends it, with
 * the config checked ahead of time (`consent-kit config`), and as a page gets it that skipped that step.
 */
export const variants = {
  none: '',
  'consent-kit': `${checkedConfigTag(consentKitConfig)}
  <script src="/consent-kit.iife.js"></script>`,
  'consent-kit-unchecked': `<script type="application/json" data-consent-kit>${JSON.stringify(consentKitConfig)}</script>
  <script src="/consent-kit.iife.js"></script>`,
  reference: `<link rel="stylesheet" href="/reference.css"><script src="/reference.js"></script>
  <script src="/reference-init.js"></script>`,
};

/** Files the bench server serves besides the pages. */
export function assets() {
  return {
    '/consent-kit.iife.js': ['text/javascript', readFileSync('dist/consent-kit.iife.js')],
    // The chunks it fetches on demand sit next to it.
    ...Object.fromEntries(filesOf('dist/consent-kit-*.js').map((file) => [`/${basename(file)}`, ['text/javascript', readFileSync(file)]])),
    '/reference.js': ['text/javascript', readFileSync(REFERENCE_JS)],
    '/reference.css': ['text/css', readFileSync(REFERENCE_CSS)],
    // As its documentation shows it: run once the page has parsed.
    '/reference-init.js': ['text/javascript', `window.addEventListener('DOMContentLoaded', () => CookieConsent.run(${JSON.stringify(referenceConfig)}));`],
  };
}

const consentKitBannerVisible = () => {
  const region = document.querySelector('consent-banner')?.shadowRoot?.querySelector('[role="region"]');
  return !!region && region.getBoundingClientRect().height > 0;
};

/** How each variant's banner is found visible in the page. */
export const bannerVisible = {
  'consent-kit': consentKitBannerVisible,
  'consent-kit-unchecked': consentKitBannerVisible,
  reference: () => {
    const modal = document.querySelector('#cc-main .cm');
    return !!modal && modal.getBoundingClientRect().height > 0 && getComputedStyle(modal).visibility !== 'hidden';
  },
};
