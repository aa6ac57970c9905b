import { html } from 'lit/html.js';
import type { Translator } from '../i18n/translator.js';

/** What the "your data" buttons do; the panel owns each. */
export interface YourDataActions {
  download: () => void;
  /** Asks (true) or stops asking (false) whether to delete. */
  askDelete: (isAsking: boolean) => void;
  confirmDelete: () => void;
}

/**
 * Access and deletion: "Download my consent record" and "Delete my preference data", or, once deletion was
 * asked for, the question that confirms it.
 */
export function renderYourData(isConfirmingDelete: boolean, t: Translator, on: YourDataActions) {
  if (isConfirmingDelete) {
    return html`<div class="confirm" role="group" aria-labelledby="delete-question">
      <p id="delete-question">${t.text('deleteConfirm')}</p>
      <div class="actions">
        <button type="button" class="button" id="delete-confirm" @click=${on.confirmDelete}>${t.text('deleteConfirmButton')}</button>
        <button type="button" class="button secondary" @click=${() => on.askDelete(false)}>${t.text('cancel')}</button>
      </div>
    </div>`;
  }
  return html`<div class="your-data">
    <button type="button" class="link" part="download" @click=${on.download}>${t.text('downloadRecord')}</button>
    <button type="button" class="link" part="delete" id="delete" @click=${() => on.askDelete(true)}>${t.text('deleteData')}</button>
  </div>`;
}
