import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { parseConfig } from '../../src/core/config.js';
import { ConsentManager } from '../../src/core/consent-manager.js';
import { BUILT_IN_LOCALES } from '../../src/shared/config-defaults.js';
import type { ConsentBanner } from '../../src/ui/consent-banner/consent-banner.js';
import type { ConsentPreferences } from '../../src/ui/consent-preferences/consent-preferences.js';
import { loadCatalog } from '../../src/ui/i18n/built-in-languages.js';
import { CATALOG } from '../../src/ui/i18n/catalog.js';
import type { Messages } from '../../src/ui/i18n/messages.js';
import { memoryEnvironment } from '../fixtures/memory-environment.js';

function managerFor(locale: string, theme: 'light' | 'dark' = 'light') {
  const config = parseConfig({
    policy: { version: '2024-06', url: '/privacy', updated: '2024-06-01' },
    locale,
    theme,
    categories: [
      { id: 'necessary', required: true, cookieTable: [{ name: 'consent', provider: 'Example', duration: '1 year' }] },
      { id: 'analytics' },
      { id: 'marketing' },
    ],
  });
  return new ConsentManager(config, memoryEnvironment().env);
}

/** The banner once it shows: a language that does not come with the script is fetched first. */
async function bannerIn(locale: string, theme?: 'light' | 'dark') {
  const el = await fixture<ConsentBanner>(
    html`<consent-banner .manager=${managerFor(locale, theme)}></consent-banner>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('section'), `the ${locale} banner shows`);
  // Colours are judged where the entrance ends: half-way through its fade, axe reads a text too faint.
  await Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished));
  return el;
}

async function panelIn(locale: string, theme?: 'light' | 'dark') {
  const el = await fixture<ConsentPreferences>(
    html`<consent-preferences inline .manager=${managerFor(locale, theme)}></consent-preferences>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('.panel'), `the ${locale} panel shows`);
  return el;
}

const catalogOf = async (locale: string): Promise<Messages> => CATALOG[locale] ?? (await loadCatalog(locale))!;
const textOf = (root: ShadowRoot, selector: string) =>
  root.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();

describe('every built-in language', () => {
  for (const locale of BUILT_IN_LOCALES) {
    const dir = locale === 'ar' ? 'rtl' : 'ltr';

    it(`${locale}: the banner shows every string of its own language, with lang="${locale}" and dir="${dir}"`, async () => {
      const { texts } = await catalogOf(locale);
      const el = await bannerIn(locale);
      const root = el.shadowRoot!;
      expect([el.lang, el.dir]).to.deep.equal([locale, dir]);
      expect(textOf(root, '.title')).to.equal(texts.title);
      expect(textOf(root, '.body')).to.contain(texts.body);
      expect(textOf(root, 'a')).to.equal(texts.policyLink);
      expect(textOf(root, '.updated')).to.contain(texts.lastUpdated.split('{date}')[0]!.trim());
      expect([...root.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal([
        texts.acceptAll,
        texts.rejectAll,
        texts.managePreferences,
      ]);
    });

    it(`${locale}: the open panel shows every string of its own language, with lang="${locale}" and dir="${dir}"`, async () => {
      const messages = await catalogOf(locale);
      const el = await panelIn(locale);
      const root = el.shadowRoot!;
      expect([el.lang, el.dir]).to.deep.equal([locale, dir]);
      expect(textOf(root, '.title')).to.equal(messages.texts.preferencesTitle);
      expect(textOf(root, '#cookies-heading')).to.equal(messages.texts.cookiesHeading);
      expect(textOf(root, '.always')).to.equal(messages.texts.alwaysActive);
      expect(textOf(root, 'summary')).to.equal(
        messages.texts.cookiesUsed.replace('{count}', (1).toLocaleString(locale)),
      );
      expect([...root.querySelectorAll('.item .label')].slice(0, 3).map((l) => l.textContent)).to.deep.equal([
        messages.categories.necessary.label,
        messages.categories.analytics.label,
        messages.categories.marketing.label,
      ]);
      expect(textOf(root, '#contact-heading')).to.equal(messages.texts.contactHeading);
      expect(textOf(root, '#channel-email')).to.equal(messages.channels.email);
      expect(textOf(root, '[part~="button-save"]')).to.equal(messages.texts.saveChoices);
      expect(textOf(root, '[part~="button-reject"]')).to.equal(messages.texts.rejectAll);
      expect(textOf(root, 'label[for="language"]')).to.equal(messages.texts.language);
    });
  }
});

describe('right to left', () => {
  it('mirrors the switches: a switched-on thumb sits at the left end of the track in Arabic, the right end in English', async () => {
    const thumbSide = async (locale: string) => {
      const el = await panelIn(locale);
      const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!;
      const thumb = toggle.querySelector<HTMLElement>('.thumb')!;
      thumb.style.transition = 'none'; // where it ends up, not where the animation is
      toggle.click();
      await waitUntil(() => toggle.getAttribute('aria-checked') === 'true');
      const track = toggle.querySelector('.track')!.getBoundingClientRect();
      const { left, right } = thumb.getBoundingClientRect();
      return left - track.left < track.right - right ? 'left' : 'right';
    };
    expect(await thumbSide('en')).to.equal('right');
    expect(await thumbSide('ar')).to.equal('left');
  });

  it('puts the box layout in the bottom left corner in Arabic, the bottom right in English', async () => {
    const corner = async (locale: string) => {
      const config = parseConfig({ policy: { version: '1', url: '/' }, locale, layout: 'box' });
      const el = await fixture<ConsentBanner>(
        html`<consent-banner .manager=${new ConsentManager(config, memoryEnvironment().env)}></consent-banner>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('section'));
      const box = el.shadowRoot!.querySelector('section')!.getBoundingClientRect();
      return box.left < innerWidth - box.right ? 'left' : 'right';
    };
    expect(await corner('en')).to.equal('right');
    expect(await corner('ar')).to.equal('left');
  });
});

describe('accessibility in the languages furthest from English', () => {
  for (const locale of ['zh-Hant', 'ja', 'ar']) {
    for (const theme of ['light', 'dark'] as const) {
      it(`axe finds nothing wrong with the banner and the open panel in ${locale} (${theme})`, async () => {
        await expect(await bannerIn(locale, theme)).to.be.accessible();
        await expect(await panelIn(locale, theme)).to.be.accessible();
      });
    }
  }
});
