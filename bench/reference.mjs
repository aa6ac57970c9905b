// The reference every page figure is compared with: vanilla-cookieconsent 3, its default banner with the same
// three categories consent-kit shows (strictly necessary, analytics, marketing), in English.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { filesOf } from '../build/size-budget.mjs';
import { quickStartConfig } from './readme-quick-start.mjs';

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
          description:
            'We use cookies and similar technologies to store your preferences, prevent fraud and collect operational data.',
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
            {
              title: 'Strictly necessary',
              description: 'Authentication, fraud prevention, preferences.',
              linkedCategory: 'necessary',
            },
            { title: 'Analytics', description: 'Operational data and site analytics.', linkedCategory: 'analytics' },
            {
              title: 'Marketing',
              description: 'Offers about other products and services.',
              linkedCategory: 'marketing',
            },
          ],
        },
      },
    },
  },
};

// Built by `npm run bench` before this module is loaded.
const { checkedConfigTag } = await import('../dist/server/index.js');
const quickStart = quickStartConfig();

/**
 * The `<head>` snippet each variant of the content page gets: none, consent-kit with the README's script-tag
 * quick-start config as the README shows it (validated in the page) and the same config checked ahead of
 * time (`consent-kit config`), and the reference.
 */
export const variants = {
  none: '',
  'consent-kit': `${checkedConfigTag(quickStart)}
  <script src="/consent-kit.iife.js"></script>`,
  'consent-kit-quick-start': `<script type="application/json" data-consent-kit>${JSON.stringify(quickStart)}</script>
  <script src="/consent-kit.iife.js"></script>`,
  reference: `<link rel="stylesheet" href="/reference.css"><script src="/reference.js"></script>
  <script src="/reference-init.js"></script>`,
};

/** How each measured variant is named in the bench's tables. */
export const variantNames = {
  'consent-kit': 'consent-kit, config checked ahead',
  'consent-kit-quick-start': 'consent-kit, README quick start',
  reference: REFERENCE_NAME,
};

/** Files the bench server serves besides the pages. */
export function assets() {
  return {
    '/consent-kit.iife.js': ['text/javascript', readFileSync('dist/consent-kit.iife.js')],
    // The chunks it fetches on demand sit next to it.
    ...Object.fromEntries(
      filesOf('dist/consent-kit-*.js').map((file) => [`/${basename(file)}`, ['text/javascript', readFileSync(file)]]),
    ),
    '/reference.js': ['text/javascript', readFileSync(REFERENCE_JS)],
    '/reference.css': ['text/css', readFileSync(REFERENCE_CSS)],
    // As its documentation shows it: run once the page has parsed.
    '/reference-init.js': [
      'text/javascript',
      `window.addEventListener('DOMContentLoaded', () => CookieConsent.run(${JSON.stringify(referenceConfig)}));`,
    ],
  };
}

// The banner is a named region inside <consent-banner>, in its shadow root or, should it render without one, in
// the element itself.
const consentKitBannerVisible = () => {
  const banner = document.querySelector('consent-banner');
  const region = (banner?.shadowRoot ?? banner)?.querySelector('[role="region"]');
  return !!region && region.getBoundingClientRect().height > 0;
};

/** How each variant's banner is found visible in the page. */
export const bannerVisible = {
  'consent-kit': consentKitBannerVisible,
  'consent-kit-quick-start': consentKitBannerVisible,
  reference: () => {
    const modal = document.querySelector('#cc-main .cm');
    return !!modal && modal.getBoundingClientRect().height > 0 && getComputedStyle(modal).visibility !== 'hidden';
  },
};

// consent-kit's elements are found by their `part` names, its documented styling API, so the benchmarks keep
// working whatever the elements render inside.
const consentKitControls = {
  banner: 'consent-banner',
  accept: '[part~="button-accept"]',
  reject: '[part~="button-reject"]',
  manage: '[part~="button-manage"]',
  panel: 'consent-preferences',
  save: '[part~="button-save"]',
  saved: { target: 'document', event: 'consent:change' },
};

/**
 * What a visitor uses, per variant: the banner and its "Accept all", "Reject all" and "Manage preferences"
 * buttons, the preferences panel and its "Save choices" button (each button's selector applies inside its
 * banner or panel: Playwright's CSS selectors reach into open shadow roots, and so does keyboard.bench.mjs),
 * and the event the page dispatches once a choice is made.
 */
export const controls = {
  'consent-kit': consentKitControls,
  'consent-kit-quick-start': consentKitControls,
  reference: {
    banner: '#cc-main .cm',
    accept: '[data-role="all"]',
    reject: '[data-role="necessary"]',
    manage: '[data-role="show"]',
    panel: '#cc-main .pm',
    save: '[data-role="save"]',
    saved: { target: 'window', event: 'cc:onConsent' },
  },
};
