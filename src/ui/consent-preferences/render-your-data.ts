import { html } from 'lit/html.js';
import type { Translator } from '../i18n/translator.js';

/**
 * Access and deletion: "Download my consent record" and "Delete my preference data", or, once deletion was
 * asked for, the question that confirms it. The panel owns what each button does.
 */
export function renderYourData(options: {
  isConfirmingDelete: boolean;
  t: Translator;
  onDownload: () => void;
  /** Asks (true) or stops asking (false) whether to delete. */
  onAskDelete: (isAsking: boolean) => void;
  onDelete: () => void;
}) {
  const { t } = options;
  if (options.isConfirmingDelete) {
    return html`<div class="confirm" role="group" aria-labelledby="delete-question">
      <p id="delete-question">${t.text('deleteConfirm')}</p>
      <div class="actions">
        <button type="button" class="button" id="delete-confirm" @click=${options.onDelete}>${t.text('deleteConfirmButton')}</button>
        <button type="button" class="button secondary" @click=${() => options.onAskDelete(false)}>${t.text('cancel')}</button>
      </div>
    </div>`;
  }
  return html`<div class="your-data">
    <button type="button" class="link" part="download" @click=${options.onDownload}>${t.text('downloadRecord')}</button>
    <button type="button" class="link" part="delete" id="delete" @click=${() => options.onAskDelete(true)}>${t.text('deleteData')}</button>
  </div>`;
}
