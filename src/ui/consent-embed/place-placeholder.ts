import type { EmbedKit } from '../embeds-on-demand.js';
import { type ConsentEmbed, consentEmbedClass } from './consent-embed.js';

/** The size an embed is drawn at when it has neither a box nor width and height attributes (an iframe's). */
const DEFAULT_SIZE = { width: 300, height: 150 };

const TAG = 'consent-embed';

/**
 * Puts a `<consent-embed>` placeholder in the place of `embed`, at the size the embed takes now (its box, else
 * its `width`/`height` attributes), so that nothing moves when the content loads. An embed no longer in the
 * page (already replaced), or loaded meanwhile, is left alone. The size is set through the CSS object model, which a strict
 * Content-Security-Policy allows (it forbids only inline style markup).
 */
export function placePlaceholder(embed: HTMLElement, kit: EmbedKit): void {
  // Announced while this code was on its way, it may have been granted and loaded since: leave it playing.
  const isLoaded = embed.hasAttribute('src') || embed.hasAttribute('data');
  if (!embed.isConnected || isLoaded) return;
  const defineElement = kit[4];
  if (!customElements.get(TAG)) defineElement(TAG, consentEmbedClass(kit));
  const placeholder = document.createElement(TAG) as ConsentEmbed;
  placeholder.embed = embed;
  const { width, height } = sizeOf(embed);
  placeholder.style.width = `${width}px`;
  placeholder.style.height = `${height}px`;
  if (getComputedStyle(embed).display === 'block') placeholder.style.display = 'block';
  embed.replaceWith(placeholder);
}

function sizeOf(embed: HTMLElement): { width: number; height: number } {
  const box = embed.getBoundingClientRect();
  if (box.width > 0 && box.height > 0) return box;
  const attribute = (name: 'width' | 'height') =>
    Number.parseFloat(embed.getAttribute(name) ?? '') || DEFAULT_SIZE[name];
  return { width: attribute('width'), height: attribute('height') };
}
