import type { ConsentManager } from '../../core/consent-manager.js';
import type { EmbedKit } from '../embeds-on-demand.js';
import { embedStyles } from './consent-embed.styles.js';
import { EMBED_TEXTS, embedServiceName } from './embed-texts.js';

/**
 * The `<consent-embed>` class, made from what the page's script already has (see `EMBED_KIT`).
 *
 * It stands in for an embed (`<iframe data-consent="video/bilibili" data-src="…">`) whose service the visitor
 * has not allowed: the service's name, what loading means, "Load content" (grants the service with method
 * `embed`; the embed then takes its place and loads) and "Manage preferences". It is made by the embed hook,
 * in the embed's place and at its size, and puts the embed back once every purpose in its `data-consent` is
 * granted, however that happened. Parts: `base` (the group, named by the service), `name`, `text`, `button`,
 * `button-load`, `button-manage`.
 */
export function consentEmbedClass(kit: EmbedKit): new () => ConsentEmbed {
  const [, ConsentElement, , , , , , tokenStyles] = kit;

  return class ConsentEmbed extends ConsentElement {
    static override styles = [tokenStyles, embedStyles];

    /** The embed this placeholder stands in for; set before it is connected. */
    embed: HTMLElement | undefined;

    /** What the shown nodes were built from: while it stays the same the nodes stay, and with them focus. */
    #builtFrom: unknown[] = [];

    /** The purposes the embed waits for (its `data-consent`). */
    get purposes(): string[] {
      return (this.embed?.dataset.consent ?? '').split(/\s+/).filter(Boolean);
    }

    protected override paint(): void {
      const manager = this.usableManager;
      const { embed, purposes } = this;
      if (!manager || !embed) return;
      if (purposes.every((id) => manager.has(id))) {
        this.#restore(embed);
        return;
      }
      // The element's lang is the language shown (set by ConsentElement before each paint).
      const from = [manager, manager.config, this.lang];
      if (from.every((value, i) => Object.is(value, this.#builtFrom[i]))) return;
      this.#builtFrom = from;
      this.renderRoot.replaceChildren(buildPlaceholder(kit, manager, this.lang, purposes));
    }

    /** Puts the embed back in this place; the element gate then loads it. Focus follows when it was here. */
    #restore(embed: HTMLElement): void {
      const hadFocus = this.matches(':focus-within');
      this.replaceWith(embed);
      if (hadFocus) embed.focus();
    }
  };
}

/** The placeholder's content: a group named by the service, its text and the two buttons. */
function buildPlaceholder(kit: EmbedKit, manager: ConsentManager, locale: string, purposes: string[]): Node {
  const [h, , createTextTranslator, BANNER_CATALOG, , findPurpose, openPreferences] = kit;
  const t = createTextTranslator(manager.config, locale, BANNER_CATALOG);
  const texts = EMBED_TEXTS[locale] ?? EMBED_TEXTS.en!;
  const purpose = purposes[0] ?? '';
  const found = findPurpose(manager.config, purpose);
  const name =
    t.localize(found?.service ? found.service.label : found?.category.label) ??
    t.localize(embedServiceName(found?.service?.id)) ??
    purpose;
  const text = (t.localize(found?.service?.embed?.text) ?? texts.text).replace('{name}', name);
  const load = () => {
    for (const id of purposes) manager.allow(id, 'embed');
  };
  const manage = (e: Event) => openPreferences(e.currentTarget as HTMLElement, manager);
  return h('div', { class: 'placeholder surface', part: 'base', role: 'group', 'aria-labelledby': 'name' }, [
    h('p', { class: 'name', id: 'name', part: 'name' }, [name]),
    h('p', { class: 'text', part: 'text' }, [text]),
    h('div', { class: 'actions' }, [
      h('button', { type: 'button', class: 'button', part: 'button button-load' }, [texts.load], load),
      h(
        'button',
        { type: 'button', class: 'button secondary', part: 'button button-manage' },
        [t.text('managePreferences')],
        manage,
      ),
    ]),
  ]);
}

/** A `<consent-embed>` placeholder. */
export interface ConsentEmbed extends HTMLElement {
  /** The embed this placeholder stands in for; set before it is connected. */
  embed: HTMLElement | undefined;
  /** The manager to render; defaults to the page's. */
  manager: ConsentManager | undefined;
  /** Resolves once the latest change is rendered. */
  readonly updateComplete: Promise<boolean>;
}
