import { html, nothing } from 'lit/html.js';
import type { CategoryConfig } from '../../schema/config.js';
import type { Translator } from '../i18n/translator.js';
import { categoryState, setCategory, type ChoicesDraft, type ToggleDraft } from './choices-draft.js';
import { renderServices } from './render-services.js';
import { renderSwitch } from './render-switch.js';

/**
 * One cookie category: its label, a switch (or "Always active" when it is required), its description, its
 * services and the cookies it sets. The switch of a category with services sets them all, and is mixed while
 * only some are on. A locked switch is shown but not operable until the age confirmation is given.
 */
export function renderCategory(
  category: CategoryConfig,
  draft: ChoicesDraft,
  isLocked: boolean,
  t: Translator,
  toggle: ToggleDraft,
) {
  const id = `category-${category.id}`;
  const description = t.categoryDescription(category);
  return html`<li class="item" part="category">
    <div class="row">
      <span class="label" id="${id}-label">${t.categoryLabel(category)}</span>
      ${
        category.required
          ? html`<span class="always">${t.text('alwaysActive')}</span>`
          : renderSwitch({
              checked: categoryState(draft, category),
              role: category.services.length > 0 ? 'checkbox' : 'switch',
              labelledBy: `${id}-label`,
              describedBy:
                [description ? `${id}-description` : '', isLocked ? 'age-required' : ''].join(' ').trim() || undefined,
              disabled: isLocked,
              onToggle: () => toggle(() => setCategory(draft, category, categoryState(draft, category) !== true)),
            })
      }
    </div>
    ${description ? html`<p class="description" id="${id}-description">${description}</p>` : nothing}
    ${category.services.length > 0 ? renderServices(category, draft, isLocked, t, toggle) : nothing}
    ${category.cookieTable.length > 0 ? renderCookieTable(category.cookieTable, t) : nothing}
  </li>`;
}

/** The cookies a category sets, folded away under a summary that counts them. */
function renderCookieTable(cookies: CategoryConfig['cookieTable'], t: Translator) {
  return html`<details class="cookies">
    <summary>${t.text('cookiesUsed', { count: t.number(cookies.length) })}</summary>
    ${cookies.map(
      (cookie) => html`<dl class="cookie">
      <dt>${t.text('cookieName')}</dt><dd>${cookie.name}</dd>
      ${cookieDetail(t.text('cookieProvider'), t.localize(cookie.provider))}
      ${cookieDetail(t.text('cookiePurpose'), t.localize(cookie.purpose))}
      ${cookieDetail(t.text('cookieDuration'), t.localize(cookie.duration))}
    </dl>`,
    )}
  </details>`;
}

/** A term and its value, left out when the config gives no value. */
function cookieDetail(term: string, value: string | undefined) {
  return value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing;
}
