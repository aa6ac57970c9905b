import type { ConsentManager } from '../core/consent-manager.js';
import { shownLocale } from '../core/locale.js';
import { textDirection } from './i18n/text-direction.js';
import { BaseElement, type PropertyOptions, type PropertyValues } from './base-element.js';
import { ManagerController } from './manager-controller.js';
import { watchOpeners } from './open-preferences.js';

/**
 * What every consent-kit element shares: the manager (given, or the page's), re-rendering on each change
 * and language switch, `lang` and `dir` of the language shown, the theme from config unless the page set the
 * `theme` attribute, and the page's `data-consent-open` links.
 */
export class ConsentElement extends BaseElement {
  static override properties: Record<string, PropertyOptions> = {
    manager: { attribute: false },
    theme: { reflect: true },
  };

  /** The manager to render; defaults to the page's (`init()` or the script tag's). */
  declare manager: ConsentManager | undefined;
  /** `light`, `dark`, or unset to follow config `theme` (and with it the system setting). */
  declare theme: 'light' | 'dark' | undefined;

  protected readonly controller = new ManagerController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    watchOpeners();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('manager')) this.controller.set(this.manager);
    const config = this.controller.manager?.config;
    if (this.theme === undefined && config?.theme && config.theme !== 'auto') this.theme = config.theme;
    // The language shown goes on the element itself: its lang and dir reach everything it renders.
    if (config) this.dir = textDirection((this.lang = shownLocale(config)));
  }

  /** The manager in use when it can show UI: none before init, none when the config failed. */
  protected get usableManager(): ConsentManager | undefined {
    const manager = this.controller.manager;
    return manager && !manager.configError ? manager : undefined;
  }
}
