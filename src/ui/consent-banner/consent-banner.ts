import { html, nothing } from 'lit/html.js';
import { ConsentElement } from '../consent-element.js';
import { shownLocale } from '../../core/locale.js';
import { BANNER_CATALOG } from '../i18n/banner-catalog.js';
import { fetchCatalog } from '../i18n/fetched-catalogs.js';
import { createTextTranslator } from '../i18n/text-translator.js';
import { openPreferences } from '../open-preferences.js';
import { tokenStyles } from '../styles/tokens.styles.js';
import { bannerStyles } from './consent-banner.styles.js';

/**
 * @tagname consent-banner
 * @summary The first layer of consent: shown while the visitor has no decision in force, with "Accept all"
 * and "Reject all" of equal weight and "Manage preferences". Fixed over the page (bottom bar, corner box or
 * centred, config `layout`), so it never moves page content. With config `reopenButton`, a small floating
 * "Cookie settings" button stays after the decision.
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

  protected override render() {
    const manager = this.usableManager;
    if (!manager) return nothing;
    const { hasDecision, config } = manager;
    const locale = shownLocale(config);
    // Nothing to show, or not until its strings are here (fetched only when something is to be shown).
    if ((hasDecision && !config.reopenButton) || fetchCatalog(locale)) return nothing;
    const t = createTextTranslator(config, locale, BANNER_CATALOG);
    if (hasDecision) {
      return html`<button type="button" class="reopen surface" part="reopen"
        @click=${(e: Event) => openPreferences(e.currentTarget as HTMLElement, manager)}>${t.text('reopen')}</button>`;
    }
    const { policy, layout } = manager.config;
    return html`
      <section class="banner surface ${layout}" part="base" role="region" aria-labelledby="title">
        <div class="text">
          <h2 class="title" id="title" part="title">${t.text('title')}</h2>
          ${manager.staleReason === 'policy-changed' && policy.changes
            ? html`<p class="changes" part="changes"><strong>${t.text('whatChanged')}</strong> ${t.localize(policy.changes)}</p>`
            : nothing}
          <p class="body" part="body">
            ${t.text('body')}
            <a href=${policy.url}>${t.text('policyLink')}</a>${policy.updated
              ? html` <span class="updated">(${t.text('lastUpdated', { date: t.date(policy.updated) })})</span>`
              : nothing}
          </p>
        </div>
        <div class="actions" part="actions">
          <button type="button" class="button" part="button button-accept" @click=${() => manager.acceptAll('banner-accept-all')}>
            ${t.text('acceptAll')}
          </button>
          <button type="button" class="button" part="button button-reject" @click=${() => manager.rejectAll('banner-reject-all')}>
            ${t.text('rejectAll')}
          </button>
          <button type="button" class="button secondary manage" part="button button-manage"
            @click=${(e: Event) => openPreferences(e.currentTarget as HTMLElement, manager)}>
            ${t.text('managePreferences')}
          </button>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}
