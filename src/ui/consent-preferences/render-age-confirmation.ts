import { html } from 'lit/html.js';
import type { Translator } from '../i18n/translator.js';
import type { ChoicesDraft } from './choices-draft.js';

/**
 * The one checkbox that unlocks marketing contact and separate consent (the statement's minors section), in
 * a block of its own whose heading names what it unlocks: right under the cookie categories it would
 * otherwise read as gating them, and it does not. `onChange` is given the box's new state.
 */
export function renderAgeConfirmation(
  draft: ChoicesDraft,
  minimumAge: number,
  t: Translator,
  onChange: (isConfirmed: boolean) => void,
) {
  return html`<section class="group age-block" part="age" aria-labelledby="age-heading">
    <h3 id="age-heading">${t.text('ageHeading')}</h3>
    <p class="age">
      <input type="checkbox" id="age" .checked=${draft.ageConfirmed}
        @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}>
      <label for="age">${t.text('ageConfirmation', { age: t.number(minimumAge) })}</label>
    </p>
    <p class="description" id="age-required" ?hidden=${draft.ageConfirmed}>${t.text('ageRequired')}</p>
  </section>`;
}
