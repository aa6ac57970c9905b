import { html, nothing, render } from 'lit/html.js';
import type { PropertyOptions, PropertyValues } from '../base-element.js';
import type { ConsentManager } from '../../core/consent-manager.js';
import { ConsentElement } from '../consent-element.js';
// Imported here, by the panel chunk's entry module, and handed to the language switch: imported by another module
// of the panel, the bundler wraps the language index in a namespace whose helper it imports from the script, and
// the index must import nothing from it (test/unit/build/script-tag-chunks.test.ts).
import { LANGUAGE_NAMES } from '../i18n/built-in-languages.js';
import { shownLocale } from '../../core/locale.js';
import { keepTabInside } from '../focus-trap.js';
import { fetchCatalog } from '../i18n/fetched-catalogs.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { tokenStyles } from '../styles/tokens.styles.js';
import { decisionKey, draftFrom, withdrawWhatNeedsAge, type ChoicesDraft, type ToggleDraft } from './choices-draft.js';
import { preferencesStyles } from './consent-preferences.styles.js';
import { downloadRecord } from './download-record.js';
import { renderAgeConfirmation } from './render-age-confirmation.js';
import { renderCategory } from './render-category.js';
import { renderContact } from './render-contact.js';
import { renderLanguageSwitch } from './render-language-switch.js';
import { renderYourData } from './render-your-data.js';

/**
 * @tagname consent-preferences
 * @summary The preferences panel: a switch per cookie category with its description and cookies (and one per
 * service of a category with services, under it), marketing contact per channel and topic, and "Save choices",
 * "Accept all", "Reject all". A modal dialog (focus moves in, Tab stays inside, Escape closes without saving
 * and returns focus), or with `inline` the same panel in the page, e.g. on an account page, always showing the
 * decision in force.
 *
 * @fires consent:change - On `document`, from the page's manager: the visitor saved, accepted all, rejected all
 * or deleted their data here (`detail`: the decision, `null` after a deletion).
 * @fires consent:locale - On `document`: the visitor picked another language in the panel (`detail`: the
 * locale); every consent-kit element renders again in it.
 *
 * @csspart base - The panel surface.
 * @csspart dialog - The modal dialog (not in inline mode).
 * @csspart title - The heading.
 * @csspart category - One category row.
 * @csspart service - One service row, under its category.
 * @csspart switch - Every switch.
 * @csspart actions - The row of buttons.
 * @csspart button - Every action button.
 * @csspart button-save - "Save choices".
 * @csspart button-accept - "Accept all".
 * @csspart button-reject - "Reject all".
 * @csspart age - The age confirmation.
 * @csspart download - "Download my consent record".
 * @csspart delete - "Delete my preference data".
 *
 * @cssproperty --consent-switch-on - Switch colour when on.
 * @cssproperty --consent-switch-off - Switch colour when off.
 * @cssproperty --consent-bg - Background colour (and every other token listed on `<consent-banner>`).
 */
export class ConsentPreferences extends ConsentElement {
  static override styles = [tokenStyles, preferencesStyles];
  static override properties: Record<string, PropertyOptions> = {
    ...ConsentElement.properties,
    inline: { type: Boolean, reflect: true },
    _isOpen: { state: true, attribute: false },
    _draft: { state: true, attribute: false },
    _isSaved: { state: true, attribute: false },
    _status: { state: true, attribute: false },
    _isConfirmingDelete: { state: true, attribute: false },
  };

  /** Render in the page instead of as a modal dialog. */
  declare inline: boolean;
  /** @internal */
  declare _isOpen: boolean;
  /** @internal The switches as the visitor has set them, not yet saved. */
  declare _draft: ChoicesDraft | undefined;
  /** @internal */
  declare _isSaved: boolean;
  /** @internal What the status line says after deleting or downloading (a text key). */
  declare _status: 'deleted' | undefined;
  /** @internal */
  declare _isConfirmingDelete: boolean;

  #opener: HTMLElement | null = null;
  #draftKey = '';

  constructor() {
    super();
    this.inline = false;
    this._isOpen = false;
    this._isSaved = false;
    this._isConfirmingDelete = false;
  }

  /** Opens the modal panel with the decision in force; focus returns to `opener` when it closes. */
  async show(opener: HTMLElement | null = null): Promise<void> {
    await this.updateComplete; // a manager set a moment ago is taken up on the next update
    const manager = this.usableManager;
    if (this.inline || !manager) return;
    await fetchCatalog(shownLocale(manager.config)); // its strings first: it never opens half-translated
    this.#opener = opener;
    this._draft = draftFrom(manager);
    this._isSaved = false;
    this._isOpen = true;
    await this.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('.title')?.focus();
  }

  /** Closes the modal panel without saving. */
  close(): void {
    this.#dialog?.close();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const manager = this.usableManager;
    if (!manager) return;
    // Follow decisions made elsewhere (the banner, another tab), so the panel never shows stale switches.
    const key = decisionKey(manager);
    if (key !== this.#draftKey) {
      this.#draftKey = key;
      if (this.inline || this._isOpen) this._draft = draftFrom(manager);
    }
    if (this.inline && !this._draft) this._draft = draftFrom(manager);
  }

  protected override paint(): void {
    render(this.#template(), this.renderRoot, { host: this });
  }

  #template() {
    const manager = this.usableManager;
    const locale = manager && shownLocale(manager.config);
    if (!manager || !this._draft || fetchCatalog(locale!))
      return this.inline ? nothing : html`<dialog part="dialog"></dialog>`;
    const t = createTranslator(manager.config, locale!);
    const panel = this.#renderPanel(manager, this._draft, t);
    if (this.inline) return panel;
    return html`<dialog part="dialog" aria-labelledby="title"
      @close=${this.#onClose} @keydown=${this.#trapTab}>${this._isOpen ? panel : nothing}</dialog>`;
  }

  #renderPanel(manager: ConsentManager, draft: ChoicesDraft, t: Translator) {
    const { config } = manager;
    const separate = config.categories.filter((c) => c.separate);
    const hasContact = config.contact.channels.length > 0 && config.contact.topics.length > 0;
    // Contact and separate consent wait for the age confirmation, where one is asked for.
    const isLockedByAge = manager.needsAgeConfirmation && !draft.ageConfirmed;
    return html`
      <div class="panel surface" part="base">
        <div class="header">
          <h2 class="title" id="title" part="title" tabindex="-1">${t.text('preferencesTitle')}</h2>
          ${
            this.inline
              ? nothing
              : html`<button type="button" class="close" aria-label=${t.text('close')} @click=${() => this.close()}>×</button>`
          }
        </div>
        <p class="intro">
          ${t.text('preferencesIntro')} <a href=${config.policy.url}>${t.text('policyLink')}</a>${
            config.policy.updated
              ? html` <span class="updated">(${t.text('lastUpdated', { date: t.date(config.policy.updated) })})</span>`
              : nothing
          }
        </p>
        ${config.locales.length > 1 ? renderLanguageSwitch(config.locales, t, LANGUAGE_NAMES) : nothing}
        <section class="group" aria-labelledby="cookies-heading">
          <h3 id="cookies-heading">${t.text('cookiesHeading')}</h3>
          <ul class="list">
            ${config.categories.filter((c) => !c.separate).map((category) => renderCategory(category, draft, false, t, this.#toggle))}
          </ul>
        </section>
        ${
          manager.needsAgeConfirmation && (separate.length > 0 || hasContact)
            ? renderAgeConfirmation(draft, config.minimumAge, t, (isConfirmed) =>
                this.#onAgeChange(manager, draft, isConfirmed),
              )
            : nothing
        }
        ${
          separate.length > 0
            ? html`<section class="group" aria-labelledby="separate-heading">
              <h3 id="separate-heading">${t.text('separateHeading')}</h3>
              <p class="description">${t.text('separateIntro')}</p>
              <ul class="list">${separate.map((category) => renderCategory(category, draft, isLockedByAge, t, this.#toggle))}</ul>
            </section>`
            : nothing
        }
        ${hasContact ? renderContact(config.contact, draft, isLockedByAge, t, this.#toggle) : nothing}
        <p class="status" role="status">${this._isSaved ? t.text('saved') : this._status ? t.text(this._status) : nothing}</p>
        <div class="actions" part="actions">
          <button type="button" class="button" part="button button-save" @click=${() => this.#finish(() => manager.update(structuredClone(this._draft!), 'preferences-save'))}>${t.text('saveChoices')}</button>
          <button type="button" class="button" part="button button-accept" @click=${() => this.#finish(() => manager.acceptAll('preferences-save'))}>${t.text('acceptAll')}</button>
          <button type="button" class="button" part="button button-reject" @click=${() => this.#finish(() => manager.rejectAll('preferences-save'))}>${t.text('rejectAll')}</button>
        </div>
        ${manager.hasDecision ? this.#renderYourData(manager, t) : nothing}
      </div>
    `;
  }

  /** Access and deletion: the visitor's record as JSON, and erasing it here and at the endpoint. */
  #renderYourData(manager: ConsentManager, t: Translator) {
    return renderYourData(this._isConfirmingDelete, t, {
      download: () => void downloadRecord(manager),
      askDelete: (isAsking) => void this.#askDelete(isAsking),
      confirmDelete: () => void this.#delete(manager),
    });
  }

  /** The age confirmation's change: unticking it withdraws, in the draft, what needs it. */
  #onAgeChange(manager: ConsentManager, draft: ChoicesDraft, isConfirmed: boolean): void {
    this.#toggle(() => {
      draft.ageConfirmed = isConfirmed;
      if (!isConfirmed) withdrawWhatNeedsAge(manager, draft);
    });
  }

  async #askDelete(isAsking: boolean): Promise<void> {
    this._isConfirmingDelete = isAsking;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(isAsking ? '#delete-confirm' : '#delete')?.focus();
  }

  async #delete(manager: ConsentManager): Promise<void> {
    this._isConfirmingDelete = false;
    // The decision is gone from the page at once; the endpoint's erasure may still be waiting in the outbox.
    const erasing = manager.forget();
    this._status = 'deleted';
    if (!this.inline) this.close();
    await erasing;
  }

  /** Applies a change to the draft; whatever the status line said no longer holds. */
  #toggle: ToggleDraft = (change) => {
    change();
    this._isSaved = false;
    this._status = undefined;
    this.requestUpdate();
  };

  /** Records a decision; then the modal closes, while the inline panel stays and says it was saved. */
  #finish(decide: () => unknown): void {
    decide();
    if (this.inline) this._isSaved = true;
    else this.close();
  }

  /** Closing by Escape, the close button or a decision: focus goes back to whatever opened the panel. */
  #onClose = (): void => {
    this._isOpen = false;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  /** Keeps Tab and Shift+Tab inside the open dialog. */
  #trapTab = (event: KeyboardEvent): void => keepTabInside(event, this.renderRoot);
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-preferences': ConsentPreferences;
  }
}
