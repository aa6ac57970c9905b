/** Scripts the page keeps inert until their category is granted. */
const SCRIPT_SELECTOR = 'script[type="text/plain"][data-consent]';
/** Images, iframes and links whose address waits in `data-src` / `data-href`. */
const ELEMENT_SELECTOR = '[data-consent][data-src]:not(script), [data-consent][data-href]:not(script)';

/**
 * Brings declaratively blocked elements to life once their categories are granted:
 * `<script type="text/plain" data-consent="analytics">` runs (external or inline) in document order, each at
 * most once, with every attribute but `type` carried over (`data-type="module"` becomes its type), and
 * `<img|iframe|link data-consent="…" data-src|data-href="…">` start loading. `data-consent` may name several
 * categories separated by spaces; all must be granted. Elements added later are watched for and handled
 * the same way. Never runs anything while `has` says no, nor a script whose `src` the request gate would not
 * pass yet (its host may belong to another category); a script that already ran is never run again.
 */
export class ElementGate {
  #document: Document;
  #has: (category: string) => boolean;
  #isAllowed: (url: string) => boolean;
  #done = new WeakSet<Element>();
  /** External scripts run one after another, like parser-inserted ones, so each may rely on the last. */
  #queue: Promise<void> = Promise.resolve();
  #isWaitingForParser = false;

  /**
   * @param has whether a category is granted now
   * @param isAllowed whether the request gate would send a request to this URL now
   */
  constructor(document: Document, has: (category: string) => boolean, isAllowed: (url: string) => boolean) {
    this.#document = document;
    this.#has = has;
    this.#isAllowed = isAllowed;
    new MutationObserver((mutations) => {
      if (mutations.some((m) => [...m.addedNodes].some(isWaitingElement))) this.activate();
    }).observe(document, { childList: true, subtree: true });
  }

  /**
   * Activates every waiting element whose categories are all granted. While the document is still being
   * parsed it waits for `DOMContentLoaded`, so an inline script is never copied before its text has fully
   * arrived.
   */
  activate(): void {
    if (this.#document.readyState === 'loading') {
      if (!this.#isWaitingForParser) {
        this.#isWaitingForParser = true;
        this.#document.addEventListener('DOMContentLoaded', () => this.activate(), { once: true });
      }
      return;
    }
    for (const element of this.#document.querySelectorAll<HTMLElement>(`${SCRIPT_SELECTOR}, ${ELEMENT_SELECTOR}`)) {
      if (this.#done.has(element) || !this.#isGranted(element)) continue;
      this.#done.add(element);
      if (element instanceof HTMLScriptElement) this.#run(element);
      else this.#load(element);
    }
  }

  #isGranted(element: HTMLElement): boolean {
    const categories = (element.dataset.consent ?? '').split(/\s+/).filter(Boolean);
    const isScriptAllowed =
      !(element instanceof HTMLScriptElement && element.hasAttribute('src')) || this.#isAllowed(element.src);
    return categories.length > 0 && categories.every((id) => this.#has(id)) && isScriptAllowed;
  }

  #run(placeholder: HTMLScriptElement): void {
    this.#queue = this.#queue.then(
      () =>
        new Promise<void>((done) => {
          if (!placeholder.isConnected) return done();
          try {
            this.#replace(placeholder, done);
          } catch (error) {
            // One script that cannot be put in place must not hold back the ones after it.
            console.error('consent-kit: could not run a consented script', error);
            done();
          }
        }),
    );
  }

  #replace(placeholder: HTMLScriptElement, done: () => void): void {
    // A clone carries src, text, nonce and every other attribute without passing through a Trusted Types sink,
    // and it is not marked as started: a text/plain script never was.
    const script = placeholder.cloneNode(true) as HTMLScriptElement;
    script.removeAttribute('type');
    if (placeholder.dataset.type) script.type = placeholder.dataset.type;
    const isAwaited = script.hasAttribute('src') && !script.hasAttribute('async');
    if (isAwaited) {
      script.async = false;
      script.addEventListener('load', () => done(), { once: true });
      script.addEventListener('error', () => done(), { once: true });
    }
    placeholder.replaceWith(script);
    if (!isAwaited) done();
  }

  #load(element: HTMLElement): void {
    const { src, href } = element.dataset;
    if (src !== undefined) element.setAttribute('src', src);
    if (href !== undefined) element.setAttribute('href', href);
  }
}

function isWaitingElement(node: Node): boolean {
  const selector = `${SCRIPT_SELECTOR}, ${ELEMENT_SELECTOR}`;
  return node instanceof Element && (node.matches(selector) || node.querySelector(selector) !== null);
}
