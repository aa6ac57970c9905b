import type { GateKind } from './blocked-log.js';
import type { GateKeeper, Judgement } from './gate-keeper.js';
import { patchMarkup } from './markup-gate.js';
import { patchWrites } from './write-gate.js';

type PageWindow = Window & typeof globalThis;

/** Element properties that start a request, by element class: `[class, attribute, kind]`. */
const LOADING_ATTRIBUTES = [
  ['HTMLImageElement', 'src', 'image'],
  ['HTMLScriptElement', 'src', 'script'],
  ['HTMLIFrameElement', 'src', 'iframe'],
  ['HTMLLinkElement', 'href', 'link'],
] as const;

/**
 * Routes every request the page's code can make through `keeper`: `fetch`, `XMLHttpRequest`,
 * `navigator.sendBeacon`, and the `src`/`href` of images (`new Image()` too), scripts, iframes and links,
 * whether set as a property, with `setAttribute` or in markup (`innerHTML`, `insertAdjacentHTML`). A request that is passed is made exactly as the page
 * asked; a held one is made later, unchanged; a dropped one fails the way a network error does
 * (`fetch` rejects, XHR fires `error`, `sendBeacon` returns `false`, elements fire `error`).
 *
 * Same-origin iframes get the same treatment when a script reaches into them (`contentWindow`,
 * `contentDocument`), so a blank iframe's `fetch` is no way around the gate.
 *
 * An iframe pointed at a host of a purpose not granted (after the config was read) does not fail: it becomes
 * a tagged embed (`data-consent`, `data-src`) that waits behind a placeholder like one written in the HTML, and
 * `onEmbed` lets the element gate see it. Only in the page itself (where `onEmbed` is given): an iframe of a
 * same-origin frame is held and refused as before, since no element gate watches the frame's document.
 *
 * Never sees: tags written in the HTML itself (the browser fetches those before any script runs; use
 * `type="text/plain"` or `data-src` for them), CSS `url()`, `<a ping>`, WebSocket, EventSource and workers.
 */
export function patchNetwork(win: PageWindow, keeper: GateKeeper, onEmbed?: () => void): void {
  if (patched.has(win)) return;
  patched.add(win);
  patchFetch(win, keeper);
  patchXhr(win, keeper);
  patchBeacon(win, keeper);
  patchElements(win, keeper, onEmbed);
  patchMarkup(win, keeper);
  patchFrames(win, keeper);
  // A same-origin frame writes to the page's own cookie jar and storage: its writes are gated too.
  patchWrites(win, keeper);
}

const patched = new WeakSet<Window>();

function patchFetch(win: PageWindow, keeper: GateKeeper): void {
  const original = win.fetch;
  if (typeof original !== 'function') return;
  const gated = function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    // A Request has `url`; a string or URL (of any frame) reads as its address.
    const url = typeof input === 'object' && 'url' in input ? input.url : String(input);
    const judgement = keeper.judge(url);
    if (judgement.verdict === 'pass') return original.call(win, input, init);
    return new Promise<Response>((resolve, reject) => {
      const send = () => void original.call(win, input, init).then(resolve, reject);
      const refuse = () => reject(new TypeError(`consent-kit: blocked ${url}: its category is not granted`));
      if (judgement.verdict === 'hold') {
        keeper.hold(judgement, 'fetch', send, refuse);
        // A held fetch the page aborts settles at once, as it would in flight.
        const signal = init?.signal ?? (typeof input === 'object' && 'signal' in input ? input.signal : undefined);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      } else {
        keeper.drop(judgement, 'fetch', refuse);
      }
    });
  };
  try {
    win.fetch = gated;
  } catch {
    // Read-only, in strict code: reported below, as when the assignment is silently ignored.
  }
  if (win.fetch !== gated) {
    // A site owner meets this one in production, on the page that locks fetch: it keeps its words everywhere.
    console.warn(
      "consent-kit: this page made window.fetch read-only, so fetch() requests to the categories' hosts cannot be held until consent. Load consent-kit before the script that locks fetch.",
    );
  }
}

function patchXhr(win: PageWindow, keeper: GateKeeper): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return;
  const { open, send } = proto;
  const urls = new WeakMap<XMLHttpRequest, string>();
  proto.open = function (this: XMLHttpRequest, ...args: Parameters<typeof open>) {
    urls.set(this, String(args[1]));
    // Every argument as given, not the two named ones: the native open() behaves differently with 2 and with 5.
    return open.apply(this, args);
  } as typeof open;
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const url = urls.get(this);
    if (url === undefined) return send.call(this, body);
    const fail = () =>
      setTimeout(() => {
        for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
      });
    keeper.admit(url, 'xhr', () => send.call(this, body), fail);
  };
}

function patchBeacon(win: PageWindow, keeper: GateKeeper): void {
  // On the prototype, so that `Navigator.prototype.sendBeacon.call(navigator, …)` is caught as well.
  const proto = win.Navigator?.prototype;
  const original = proto?.sendBeacon;
  if (typeof original !== 'function') return;
  proto.sendBeacon = function sendBeacon(this: Navigator, url: string | URL, data?: BodyInit | null): boolean {
    return keeper.beacon(String(url), () => original.call(this, url, data));
  };
}

function patchElements(win: PageWindow, keeper: GateKeeper, onEmbed: (() => void) | undefined): void {
  const guard = (element: Element, kind: GateKind, url: string, apply: () => void) => {
    if (onEmbed && kind === 'iframe' && tagEmbed(element as HTMLElement, keeper.judge(url))) return onEmbed();
    keeper.admit(url, kind, apply, () => setTimeout(() => element.dispatchEvent(new Event('error'))));
  };
  for (const [className, attribute, kind] of LOADING_ATTRIBUTES) {
    const proto = win[className]?.prototype;
    const descriptor = proto && Object.getOwnPropertyDescriptor(proto, attribute);
    if (!descriptor?.set) continue;
    const { set } = descriptor;
    Object.defineProperty(proto, attribute, {
      ...descriptor,
      set(this: Element, value: unknown) {
        guard(this, kind, String(value), () => set.call(this, value));
      },
    });
  }
  const { setAttribute } = win.Element.prototype;
  win.Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    const lower = String(name).toLowerCase();
    const loading = LOADING_ATTRIBUTES.find(
      ([className, attribute]) => attribute === lower && this instanceof win[className],
    );
    if (!loading) return setAttribute.call(this, name, value);
    guard(this, loading[2], String(value), () => setAttribute.call(this, name, value));
  };
}

/**
 * Turns an iframe whose address is not passed into a tagged embed, for the purposes that judged it, and says
 * whether it did. Not before the config is read: those purposes are not known yet, so the request is held.
 */
function tagEmbed(frame: HTMLElement, judgement: Judgement): boolean {
  if (judgement.verdict === 'pass' || judgement.categories.length === 0) return false;
  frame.dataset.consent = judgement.categories.join(' ');
  frame.dataset.src = judgement.url;
  return true;
}

function patchFrames(win: PageWindow, keeper: GateKeeper): void {
  const proto = win.HTMLIFrameElement?.prototype;
  for (const property of ['contentWindow', 'contentDocument'] as const) {
    const descriptor = proto && Object.getOwnPropertyDescriptor(proto, property);
    if (!descriptor?.get) continue;
    const { get } = descriptor;
    Object.defineProperty(proto, property, {
      ...descriptor,
      get(this: HTMLIFrameElement) {
        const value = get.call(this) as Window | Document | null;
        try {
          const frame =
            property === 'contentDocument' ? (value as Document | null)?.defaultView : (value as Window | null);
          if (frame) patchNetwork(frame as PageWindow, keeper);
        } catch {
          // Another origin: the page cannot reach into it, and its requests belong to that origin's page.
        }
        return value;
      },
    });
  }
}
