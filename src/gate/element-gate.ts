import { EMBED_WAITING_EVENT } from '../shared/embed-event.js';

/** Scripts the page keeps inert until their category is granted. */
const SCRIPT_SELECTOR = 'script[type="text/plain"][data-consent]';
/** Images, iframes and links whose address waits in `data-src` / `data-href`. */
const ELEMENT_SELECTOR = '[data-consent][data-src]:not(script), [data-consent][data-href]:not(script)';
const WAITING_SELECTOR = `${SCRIPT_SELECTOR}, ${ELEMENT_SELECTOR}`;
/** Elements that show another site's content in the page: while not granted, a placeholder stands in. */
const EMBED_TAGS = ['iframe', 'embed', 'object', 'video', 'audio'];

/**
 * Brings declaratively blocked elements to life once their categories are granted:
 * `<script type="text/plain" data-consent="analytics">` runs (external or inline) in document order, each at
 * most once, with every attribute but `type` carried over (`data-type="module"` becomes its type), and
 * `<img|iframe|link data-consent="…" data-src|data-href="…">` start loading. `data-consent` may name several
 * categories separated by spaces; all must be granted. Elements added later are watched for and handled
 * the same way, also inside shadow roots attached after the gate was made. Never runs anything while `has`
 * says no, nor a script whose `src` the request gate would not pass yet (its host may belong to another
 * category); a script that already ran is never run again. An embed (`iframe`, `embed`, `object` (whose
 * `data-src` becomes `data`), `video`, `audio`) whose purposes wait for the visitor is announced with
 * {@link EMBED_WAITING_EVENT} so that a placeholder can stand in for it; one loaded and then withdrawn loses
 * its address (the frame unloads) and is announced again.
 */
export class ElementGate {
  #document: Document;
  #has: (category: string) => boolean;
  #isAllowed: (url: string) => boolean;
  #awaitsVisitor: (purpose: string) => boolean;
  #done = new WeakSet<Element>();
  /** Shadow roots attached since the gate was made: their elements wait like the document's. */
  #roots: WeakRef<ShadowRoot>[] = [];
  #observer = new MutationObserver((mutations) => {
    // While the page is parsed, activate() only waits for DOMContentLoaded and then looks at the whole document
    // once: matching each element the parser adds would cost a first visit that much again, for nothing.
    if (this.#document.readyState === 'loading' || mutations.some((m) => [...m.addedNodes].some(isWaitingElement)))
      this.activate();
  });
  /** External scripts run one after another, like parser-inserted ones, so each may rely on the last. */
  #queue: Promise<void> = Promise.resolve();
  #isWaitingForParser = false;

  /**
   * @param has whether a category is granted now
   * @param isAllowed whether the request gate would send a request to this URL now
   * @param awaitsVisitor whether a purpose waits for the visitor: a manager with a usable config decides, and
   * the visitor's decision does not grant it (one it grants that `has` still refuses waits for the page's
   * reload, not for the visitor, and gets no placeholder)
   */
  constructor(
    document: Document,
    has: (category: string) => boolean,
    isAllowed: (url: string) => boolean,
    awaitsVisitor: (purpose: string) => boolean,
  ) {
    this.#document = document;
    this.#has = has;
    this.#isAllowed = isAllowed;
    this.#awaitsVisitor = awaitsVisitor;
    const watch = (root: Node) => this.#observer.observe(root, { childList: true, subtree: true });
    watch(document);
    // Every shadow root, open or closed, as it is made: a component's embeds wait like the page's.
    const { attachShadow } = Element.prototype;
    const remember = (root: ShadowRoot) => this.#roots.push(new WeakRef(root));
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      watch(root);
      remember(root);
      return root;
    };
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
    for (const element of this.#waiting()) {
      if (!this.#isGranted(element)) {
        if (EMBED_TAGS.includes(element.localName) && purposesOf(element).some(this.#awaitsVisitor)) {
          this.#announce(element);
        }
        continue;
      }
      if (this.#done.has(element)) continue;
      this.#done.add(element);
      if (element instanceof HTMLScriptElement) this.#run(element);
      else this.#load(element);
    }
  }

  /** The waiting elements of the document, then of each shadow root still in use. */
  #waiting(): HTMLElement[] {
    const roots: ParentNode[] = [this.#document];
    this.#roots = this.#roots.filter((ref) => ref.deref());
    for (const ref of this.#roots) {
      const root = ref.deref();
      if (root?.host.isConnected) roots.push(root);
    }
    return roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>(WAITING_SELECTOR)]);
  }

  /** Tells the page an embed waits for the visitor; one that was loaded unloads first. */
  #announce(element: HTMLElement): void {
    if (this.#done.delete(element)) element.removeAttribute(loadingAttribute(element));
    this.#document.dispatchEvent(new CustomEvent(EMBED_WAITING_EVENT, { detail: element }));
  }

  #isGranted(element: HTMLElement): boolean {
    const categories = purposesOf(element);
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
    if (src !== undefined) element.setAttribute(loadingAttribute(element), src);
    if (href !== undefined) element.setAttribute('href', href);
  }
}

function isWaitingElement(node: Node): boolean {
  return node instanceof Element && (node.matches(WAITING_SELECTOR) || node.querySelector(WAITING_SELECTOR) !== null);
}

/** The purposes an element waits for: its `data-consent`, one id or several separated by spaces. */
function purposesOf(element: HTMLElement): string[] {
  return (element.dataset.consent ?? '').split(/\s+/).filter(Boolean);
}

/** Where an element's address goes: `data` for `<object>`, `src` for the rest. */
function loadingAttribute(element: Element): string {
  return element.localName === 'object' ? 'data' : 'src';
}
