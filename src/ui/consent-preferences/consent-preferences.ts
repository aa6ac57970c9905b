import { html, nothing, render } from 'lit/html.js';
import type { PropertyOptions, PropertyValues } from '../base-element.js';
import type { ConsentManager } from '../../core/consent-manager.js';
import type { CategoryConfig } from '../../schema/config.js';
import { ConsentElement } from '../consent-element.js';
import { shownLocale } from '../../core/locale.js';
import { fetchCatalog } from '../i18n/fetched-catalogs.js';
import { LANGUAGE_NAMES } from '../i18n/built-in-languages.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { chooseLocale } from '../locale-choice.js';
import { tokenStyles } from '../styles/tokens.styles.js';
import { decisionKey, draftFrom, type ChoicesDraft } from './choices-draft.js';
import { preferencesStyles } from './consent-preferences.styles.js';
import { renderSwitch } from './render-switch.js';

const FOCUSABLE = 'button, a[href], select, summary, [tabindex]:not([tabindex="-1"])';

/**
 * @tagname consent-preferences
 * @summary The preferences panel: a switch per cookie category with its description and cookies, marketing
 * contact per channel and topic, and "Save choices", "Accept all", "Reject all". A modal dialog (focus moves
 * in, Tab stays inside, Escape closes without saving and returns focus), or with `inline` the same panel in
 * the page, e.g. on an account page, always showing the decision in force.
 *
 * @csspart base - The panel surface.
 * @csspart dialog - The modal dialog (not in inline mode).
 * @csspart title - The heading.
 * @csspart category - One category row.
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
    if (!manager || !this._draft || fetchCatalog(locale!)) return this.inline ? nothing : html`<dialog part="dialog"></dialog>`;
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
    return html`
      <div class="panel surface" part="base">
        <div class="header">
          <h2 class="title" id="title" part="title" tabindex="-1">${t.text('preferencesTitle')}</h2>
          ${this.inline
            ? nothing
            : html`<button type="button" class="close" aria-label=${t.text('close')} @click=${() => this.close()}>×</button>`}
        </div>
        <p class="intro">
          ${t.text('preferencesIntro')} <a href=${config.policy.url}>${t.text('policyLink')}</a>${config.policy.updated
            ? html` <span class="updated">(${t.text('lastUpdated', { date: t.date(config.policy.updated) })})</span>`
            : nothing}
        </p>
        ${config.locales.length > 1 ? this.#renderLanguageSwitch(config.locales, t) : nothing}
        <section class="group" aria-labelledby="cookies-heading">
          <h3 id="cookies-heading">${t.text('cookiesHeading')}</h3>
          <ul class="list">
            ${config.categories.filter((c) => !c.separate).map((category) => this.#renderCategory(manager, category, draft, t))}
          </ul>
        </section>
        ${manager.needsAgeConfirmation && (separate.length > 0 || hasContact) ? this.#renderAgeConfirmation(manager, draft, t) : nothing}
        ${separate.length > 0
          ? html`<section class="group" aria-labelledby="separate-heading">
              <h3 id="separate-heading">${t.text('separateHeading')}</h3>
              <p class="description">${t.text('separateIntro')}</p>
              <ul class="list">${separate.map((category) => this.#renderCategory(manager, category, draft, t))}</ul>
            </section>`
          : nothing}
        ${hasContact ? this.#renderContact(manager, draft, t) : nothing}
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

  #renderLanguageSwitch(locales: readonly string[], t: Translator) {
    return html`<p class="language">
      <label for="language">${t.text('language')}</label>
      <select id="language" @change=${(e: Event) => void chooseLocale((e.target as HTMLSelectElement).value)}>
        ${locales.map((l) => html`<option value=${l} ?selected=${l === t.locale} lang=${l}>${languageName(l)}</option>`)}
      </select>
    </p>`;
  }

  /**
   * The one checkbox that unlocks marketing contact and separate consent (the statement's minors section), in
   * a block of its own whose heading names what it unlocks: right under the cookie categories it would
   * otherwise read as gating them, and it does not.
   */
  #renderAgeConfirmation(manager: ConsentManager, draft: ChoicesDraft, t: Translator) {
    return html`<section class="group age-block" part="age" aria-labelledby="age-heading">
      <h3 id="age-heading">${t.text('ageHeading')}</h3>
      <p class="age">
        <input type="checkbox" id="age" .checked=${draft.ageConfirmed} @change=${(e: Event) => this.#toggle(() => {
          draft.ageConfirmed = (e.target as HTMLInputElement).checked;
          if (!draft.ageConfirmed) withdrawWhatNeedsAge(manager, draft);
        })}>
        <label for="age">${t.text('ageConfirmation', { age: t.number(manager.config.minimumAge) })}</label>
      </p>
      <p class="description" id="age-required" ?hidden=${draft.ageConfirmed}>${t.text('ageRequired')}</p>
    </section>`;
  }

  /** Whether the switches that need the age confirmation are locked. */
  #isLockedByAge(manager: ConsentManager, draft: ChoicesDraft): boolean {
    return manager.needsAgeConfirmation && !draft.ageConfirmed;
  }

  #renderCategory(manager: ConsentManager, category: CategoryConfig, draft: ChoicesDraft, t: Translator) {
    const id = `category-${category.id}`;
    const description = t.categoryDescription(category);
    const isLocked = category.separate && this.#isLockedByAge(manager, draft);
    return html`<li class="item" part="category">
      <div class="row">
        <span class="label" id="${id}-label">${t.categoryLabel(category)}</span>
        ${category.required
          ? html`<span class="always">${t.text('alwaysActive')}</span>`
          : renderSwitch({
              checked: draft.categories[category.id] === true,
              labelledBy: `${id}-label`,
              describedBy: [description ? `${id}-description` : '', isLocked ? 'age-required' : ''].join(' ').trim() || undefined,
              disabled: isLocked,
              onToggle: () => this.#toggle(() => {
                draft.categories[category.id] = !draft.categories[category.id];
              }),
            })}
      </div>
      ${description ? html`<p class="description" id="${id}-description">${description}</p>` : nothing}
      ${category.cookieTable.length > 0
        ? html`<details class="cookies">
            <summary>${t.text('cookiesUsed', { count: t.number(category.cookieTable.length) })}</summary>
            ${category.cookieTable.map((cookie) => html`<dl class="cookie">
              <dt>${t.text('cookieName')}</dt><dd>${cookie.name}</dd>
              ${cookieDetail(t.text('cookieProvider'), t.localize(cookie.provider))}
              ${cookieDetail(t.text('cookiePurpose'), t.localize(cookie.purpose))}
              ${cookieDetail(t.text('cookieDuration'), t.localize(cookie.duration))}
            </dl>`)}
          </details>`
        : nothing}
    </li>`;
  }

  #renderContact(manager: ConsentManager, draft: ChoicesDraft, t: Translator) {
    const { channels, topics } = manager.config.contact;
    const isLocked = this.#isLockedByAge(manager, draft);
    return html`<section class="group" aria-labelledby="contact-heading">
      <h3 id="contact-heading">${t.text('contactHeading')}</h3>
      <p class="description">${t.text('contactIntro')}</p>
      <ul class="list">
        <li class="item">
          <div class="row">
            <span class="label" id="service-label">${t.text('serviceCommunications')}</span>
            <span class="always">${t.text('alwaysActive')}</span>
          </div>
          <p class="description" id="service-description">${t.text('serviceCommunicationsDescription')}</p>
        </li>
        ${channels.map((channel) => html`<li class="item"><div role="group" aria-labelledby="channel-${channel.id}">
          <span class="label" id="channel-${channel.id}">${t.contactLabel('channels', channel)}</span>
          ${topics.map((topic) => {
            const labelId = `contact-${channel.id}-${topic.id}`;
            return html`<div class="row sub">
              <span id=${labelId}>${t.contactLabel('topics', topic)}</span>
              ${renderSwitch({
                checked: draft.contact[channel.id]?.[topic.id] === true,
                labelledBy: `channel-${channel.id} ${labelId}`,
                describedBy: isLocked ? 'age-required' : undefined,
                disabled: isLocked,
                onToggle: () => this.#toggle(() => {
                  const topicsOfChannel = (draft.contact[channel.id] ??= {});
                  topicsOfChannel[topic.id] = !topicsOfChannel[topic.id];
                }),
              })}
            </div>`;
          })}
        </div></li>`)}
      </ul>
    </section>`;
  }

  /** Access and deletion: the visitor's record as JSON, and erasing it here and at the endpoint. */
  #renderYourData(manager: ConsentManager, t: Translator) {
    if (this._isConfirmingDelete) {
      return html`<div class="confirm" role="group" aria-labelledby="delete-question">
        <p id="delete-question">${t.text('deleteConfirm')}</p>
        <div class="actions">
          <button type="button" class="button" id="delete-confirm" @click=${() => this.#delete(manager)}>${t.text('deleteConfirmButton')}</button>
          <button type="button" class="button secondary" @click=${() => this.#askDelete(false)}>${t.text('cancel')}</button>
        </div>
      </div>`;
    }
    return html`<div class="your-data">
      <button type="button" class="link" part="download" @click=${() => downloadRecord(manager)}>${t.text('downloadRecord')}</button>
      <button type="button" class="link" part="delete" id="delete" @click=${() => this.#askDelete(true)}>${t.text('deleteData')}</button>
    </div>`;
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

  #toggle(change: () => void): void {
    change();
    this._isSaved = false;
    this._status = undefined;
    this.requestUpdate();
  }

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

  /** Keeps Tab and Shift+Tab inside the open dialog, wrapping around at either end. */
  #trapTab = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const focusable = [...this.renderRoot.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.shadowRoot!.activeElement;
    if (event.shiftKey && (active === first || !focusable.includes(active as HTMLElement))) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };
}

/**
 * Saves the visitor's consent record as a JSON file: the decision in force and, with an endpoint, every
 * signed receipt of it. Without an endpoint the receipts list is empty; when the endpoint cannot be reached
 * the file still comes, with the decision and the reason the receipts are missing.
 */
async function downloadRecord(manager: ConsentManager): Promise<void> {
  const record: { decision: unknown; receipts: unknown[]; receiptsError?: string } = { decision: manager.state, receipts: [] };
  if (manager.config.endpoint) {
    try {
      record.receipts = await manager.receipts();
    } catch (error) {
      record.receiptsError = (error as Error).message;
    }
  }
  const file = new Blob([JSON.stringify(record, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = 'consent-record.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** Mirrors the core rule in the draft: without the age confirmation, contact and separate consent are off. */
function withdrawWhatNeedsAge(manager: ConsentManager, draft: ChoicesDraft): void {
  for (const c of manager.config.categories) if (c.separate) draft.categories[c.id] = false;
  for (const topics of Object.values(draft.contact)) for (const topic of Object.keys(topics)) topics[topic] = false;
}

function cookieDetail(term: string, value: string | undefined) {
  return value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing;
}

/** A language's own name for itself ("简体中文" for zh-CN), so a visitor can find theirs in any UI language. */
function languageName(locale: string): string {
  const builtIn = LANGUAGE_NAMES[locale as keyof typeof LANGUAGE_NAMES];
  if (builtIn) return builtIn;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-preferences': ConsentPreferences;
  }
}
