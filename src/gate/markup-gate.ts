import type { GateKeeper } from './gate-keeper.js';

type PageWindow = Window & typeof globalThis;

/** Elements that start loading as soon as markup creates them, and the attribute that says from where. */
const LOADING_SELECTOR = 'img[src], script[src], iframe[src], link[href]';

/**
 * Markup a script inserts with `innerHTML` or `insertAdjacentHTML` creates elements without going through
 * their `src` setters, and the browser starts loading an `<img>` from it at once. Such markup is parsed into
 * an inert template first: when it holds an element whose address the gate would not pass now, that address
 * is taken off, the markup is inserted, and the address is set again through the gate (which holds or
 * drops it). Markup with nothing to gate is inserted exactly as written.
 */
export function patchMarkup(win: PageWindow, keeper: GateKeeper): void {
  const proto = win.Element.prototype;
  const innerHtml = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
  const { insertAdjacentHTML } = proto;
  if (!innerHtml?.set) return;
  const { set } = innerHtml;

  /** The markup as a fragment, with the addresses to set again; `undefined` when nothing needs the gate. */
  const gated = (markup: unknown) => {
    // Most markup loads nothing: it skips the second parse.
    if (!/\b(src|href)\s*=/i.test(String(markup))) return undefined;
    const template = win.document.createElement('template');
    set.call(template, markup);
    const held: [Element, string, string][] = [];
    for (const element of template.content.querySelectorAll(LOADING_SELECTOR)) {
      const attribute = element.localName === 'link' ? 'href' : 'src';
      const url = element.getAttribute(attribute)!;
      if (keeper.judge(url).verdict === 'pass') continue;
      element.removeAttribute(attribute);
      held.push([element, attribute, url]);
    }
    return held.length > 0 ? { fragment: template.content, held } : undefined;
  };
  const restore = (held: [Element, string, string][]) => {
    for (const [element, attribute, url] of held) element.setAttribute(attribute, url);
  };

  Object.defineProperty(proto, 'innerHTML', {
    ...innerHtml,
    set(this: Element, markup: unknown) {
      const parsed = gated(markup);
      if (!parsed) return set.call(this, markup);
      this.replaceChildren(parsed.fragment);
      restore(parsed.held);
    },
  });
  proto.insertAdjacentHTML = function (this: Element, position: InsertPosition, markup: string) {
    const parsed = gated(markup);
    if (!parsed) return insertAdjacentHTML.call(this, position, markup);
    const where = String(position).toLowerCase();
    if (where === 'beforebegin') this.before(parsed.fragment);
    else if (where === 'afterbegin') this.prepend(parsed.fragment);
    else if (where === 'beforeend') this.append(parsed.fragment);
    else if (where === 'afterend') this.after(parsed.fragment);
    else return insertAdjacentHTML.call(this, position, markup); // lets the browser throw its own error
    restore(parsed.held);
  };
}
