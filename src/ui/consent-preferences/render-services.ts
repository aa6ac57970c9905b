import { html, nothing } from 'lit/html.js';
import type { CategoryConfig, ServiceConfig } from '../../schema/config.js';
import type { Translator } from '../i18n/translator.js';
import { setService, type ChoicesDraft, type ToggleDraft } from './choices-draft.js';
import { renderSwitch } from './render-switch.js';

/**
 * The services of a category, under it: each with its name, its description and a switch of its own, or
 * "Always active" in a required category. Locked like the category's switch until the age confirmation.
 */
export function renderServices(
  category: CategoryConfig,
  draft: ChoicesDraft,
  isLocked: boolean,
  t: Translator,
  toggle: ToggleDraft,
) {
  return html`<ul class="services" aria-labelledby="category-${category.id}-label">
    ${category.services.map((service) => renderService(category, service, draft, isLocked, t, toggle))}
  </ul>`;
}

function renderService(
  category: CategoryConfig,
  service: ServiceConfig,
  draft: ChoicesDraft,
  isLocked: boolean,
  t: Translator,
  toggle: ToggleDraft,
) {
  // The purpose id, `analytics/clarity`: unique in the panel, as a slug has no slash.
  const id = `purpose-${category.id}/${service.id}`;
  const description = t.localize(service.description);
  const isOn = draft.services[category.id]?.[service.id] === true;
  return html`<li class="service" part="service">
    <div class="row">
      <span class="label" id="${id}-label">${t.serviceLabel(service)}</span>
      ${
        category.required
          ? html`<span class="always">${t.text('alwaysActive')}</span>`
          : renderSwitch({
              checked: isOn,
              labelledBy: `${id}-label`,
              describedBy:
                [description ? `${id}-description` : '', isLocked ? 'age-required' : ''].join(' ').trim() || undefined,
              disabled: isLocked,
              onToggle: () => toggle(() => setService(draft, category, service.id, !isOn)),
            })
      }
    </div>
    ${description ? html`<p class="description" id="${id}-description">${description}</p>` : nothing}
  </li>`;
}
