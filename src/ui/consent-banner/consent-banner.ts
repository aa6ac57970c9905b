import type { ConsentManager } from '../../core/consent-manager.js';
import { buildElement as h } from '../build-element.js';
import { ConsentElement } from '../consent-element.js';
import { shownLocale } from '../../core/locale.js';
import { BANNER_CATALOG } from '../i18n/banner-catalog.js';
import { fetchCatalog } from '../i18n/fetched-catalogs.js';
import { createTextTranslator } from '../i18n/text-translator.js';
import { openPreferences, preloadOnPress } from '../open-preferences.js';
import { tokenStyles } from '../styles/tokens.styles.js';
import { bannerStyles } from './consent-banner.styles.js';

/**
 * @tagname consent-banner
 * @summary The first layer of consent: shown while the visitor has no decision in force, with "Accept all"
 * and "Reject all" of equal weight and "Manage preferences". Fixed over the page (bottom bar, corner box or
 * centred, config `layout`), so it never moves page content. With config `reopenButton`, a small floating
 * "Cookie settings" button stays after the decision.
 *
 * @fires consent:change - On `document`, from the page's manager: the visitor decided with "Accept all" or
 * "Reject all" (`detail`: the decision).
 *
 * @csspart base - The banner region.
 * @csspart title - The heading.
 * @csspart changes - "What changed", when a substantial policy change asks the visitor again.
 * @csspart body - The explanation and the privacy statement link.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button of the banner.
 * @csspart button-accept - "Accept all".
 * @csspart button-reject - "Reject all".
 * @csspart button-manage - "Manage preferences".
 * @csspart reopen - The floating button that reopens the preferences.
 *
 * @cssproperty --consent-bg - Background colour.
 * @cssproperty --consent-fg - Text colour.
 * @cssproperty --consent-muted - Colour of secondary text.
 * @cssproperty --consent-border - Border colour.
 * @cssproperty --consent-accent - Link colour.
 * @cssproperty --consent-button-bg - Button background (the same for accept and reject).
 * @cssproperty --consent-button-fg - Button text colour.
 * @cssproperty --consent-secondary-bg - Background of the "Manage preferences" button.
 * @cssproperty --consent-secondary-fg - Text colour of the "Manage preferences" button.
 * @cssproperty --consent-focus - Focus ring colour.
 * @cssproperty --consent-radius - Corner radius.
 * @cssproperty --consent-font - Font family.
 * @cssproperty --consent-space - Padding and gaps.
 * @cssproperty --consent-shadow - Shadow under the banner.
 * @cssproperty --consent-z-index - Stacking order above the page.
 */
export class ConsentBanner extends ConsentElement {
  static override styles = [tokenStyles, bannerStyles];

  /** What the shown nodes were built from: while it stays the same the nodes stay, and with them focus. */
  #builtFrom: unknown[] = [];

  protected override paint(): void {
    const manager = this.usableManager;
    const locale = manager && shownLocale(manager.config);
    // Nothing to show, or not until its strings are here (fetched only when something is to be shown).
    const isWaiting =
      manager !== undefined && !(manager.hasDecision && !manager.config.reopenButton) && fetchCatalog(locale!);
    const from = [manager, manager?.config, locale, manager?.hasDecision, manager?.staleReason, isWaiting];
    if (from.every((value, i) => Object.is(value, this.#builtFrom[i]))) return;
    this.#builtFrom = from;
    this.renderRoot.replaceChildren(...(manager && !isWaiting ? this.#build(manager, locale!) : []));
  }

  #build(manager: ConsentManager, locale: string): Node[] {
    const { hasDecision, config } = manager;
    if (hasDecision && !config.reopenButton) return [];
    const t = createTextTranslator(config, locale, BANNER_CATALOG);
    const manage = (e: Event) => openPreferences(e.currentTarget as HTMLElement, manager);
    if (hasDecision)
      return [
        preloadOnPress(
          h('button', { type: 'button', class: 'reopen surface', part: 'reopen' }, [t.text('reopen')], manage),
        ),
      ];
    const { policy, layout } = config;
    const changes =
      manager.staleReason === 'policy-changed' && policy.changes
        ? h('p', { class: 'changes', part: 'changes' }, [
            h('strong', {}, [t.text('whatChanged')]),
            ' ',
            t.localize(policy.changes),
          ])
        : undefined;
    const updated = policy.updated
      ? h('span', { class: 'updated' }, [`(${t.text('lastUpdated', { date: t.date(policy.updated) })})`])
      : undefined;
    return [
      h('section', { class: `banner surface ${layout}`, part: 'base', role: 'region', 'aria-labelledby': 'title' }, [
        h('div', { class: 'text' }, [
          h('h2', { class: 'title', id: 'title', part: 'title' }, [t.text('title')]),
          changes,
          h('p', { class: 'body', part: 'body' }, [
            t.text('body'),
            ' ',
            h('a', { href: policy.url }, [t.text('policyLink')]),
            updated && ' ',
            updated,
          ]),
        ]),
        h('div', { class: 'actions', part: 'actions' }, [
          h('button', { type: 'button', class: 'button', part: 'button button-accept' }, [t.text('acceptAll')], () =>
            manager.acceptAll('banner-accept-all'),
          ),
          h('button', { type: 'button', class: 'button', part: 'button button-reject' }, [t.text('rejectAll')], () =>
            manager.rejectAll('banner-reject-all'),
          ),
          preloadOnPress(
            h(
              'button',
              { type: 'button', class: 'button secondary manage', part: 'button button-manage' },
              [t.text('managePreferences')],
              manage,
            ),
          ),
        ]),
      ]),
    ];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}
