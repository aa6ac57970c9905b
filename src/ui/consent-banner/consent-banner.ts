import { LitElement, html, nothing } from 'lit';
import type { ConsentManager } from '../../core/consent-manager.js';
import { CATALOG } from '../i18n/catalog.js';
import { localeOfPage } from '../locale-of-page.js';
import { ManagerController } from '../manager-controller.js';
import { bannerStyles } from './consent-banner.styles.js';

/**
 * @summary The first layer of consent: shown while the visitor has no decision in force, with "Accept all"
 * and "Reject all" of equal weight. Fixed to the bottom of the viewport, so it never moves page content.
 *
 * @csspart base - The banner region.
 * @csspart title - The heading.
 * @csspart body - The explanation and the privacy statement link.
 * @csspart button - Both buttons; `button-accept` and `button-reject` each.
 *
 * @cssproperty --consent-bg - Background colour.
 * @cssproperty --consent-fg - Text colour.
 * @cssproperty --consent-muted - Colour of the explanation.
 * @cssproperty --consent-accent - Link colour.
 * @cssproperty --consent-button-bg - Button background (the same for both buttons).
 * @cssproperty --consent-button-fg - Button text colour.
 * @cssproperty --consent-focus - Focus ring colour.
 * @cssproperty --consent-radius - Corner radius of buttons.
 * @cssproperty --consent-font - Font family.
 * @cssproperty --consent-space - Padding and gaps.
 * @cssproperty --consent-z-index - Stacking order above the page.
 */
export class ConsentBanner extends LitElement {
  static override styles = bannerStyles;
  static override properties = { manager: { attribute: false } };

  #controller = new ManagerController(this);

  /** The manager to render; defaults to the page's (`init()` or the script tag's). */
  declare manager: ConsentManager | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('manager')) this.#controller.set(this.manager);
  }

  protected override render() {
    const manager = this.#controller.manager;
    if (!manager || manager.configError || manager.hasDecision) return nothing;
    const { policy } = manager.config;
    const locale = localeOfPage(manager.config);
    const t = CATALOG[locale]!;
    return html`
      <section class="banner" part="base" role="region" aria-labelledby="title" lang=${locale}>
        <div class="text">
          <h2 class="title" id="title" part="title">${t.title}</h2>
          <p class="body" part="body">
            ${t.body}
            <a href=${policy.url}>${t.policyLink}</a>${policy.updated
              ? html` <span class="updated">(${t.lastUpdated.replace('{date}', policy.updated)})</span>`
              : nothing}
          </p>
        </div>
        <div class="actions">
          <button type="button" part="button button-accept" @click=${() => manager.acceptAll('banner-accept-all')}>
            ${t.acceptAll}
          </button>
          <button type="button" part="button button-reject" @click=${() => manager.rejectAll('banner-reject-all')}>
            ${t.rejectAll}
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
