/*
 * The part of LitElement consent-kit's elements use: reactive properties, one batched update per task into
 * an open shadow root, adopted styles and controllers. LitElement and ReactiveElement are more than twice
 * lit-html's bytes and most of the banner's start-up work, paid by every visitor while the banner needs none
 * of their other features (decorators, converters, `updated` hooks, SSR hydration). How an element draws is
 * its own `paint()`: the panel renders lit-html templates, the banner builds its few nodes itself, so the
 * script every visitor loads carries no template engine.
 */

/** How a reactive property of a {@link BaseElement} relates to an attribute of the same (lowercase) name. */
export interface PropertyOptions {
  /** No attribute: the property is set from code only (an object such as `manager`). */
  attribute?: false;
  /** The attribute follows the property after each change. */
  reflect?: boolean;
  /** `Boolean`: the attribute's presence is the value; otherwise the value is the attribute's text. */
  type?: BooleanConstructor;
  /** Internal state: a change re-renders, and there is no attribute. */
  state?: boolean;
}

/** The properties that changed since the last render, with their previous values. */
export type PropertyValues = Map<PropertyKey, unknown>;

/** Something that follows an element's connection to the document (lit's `ReactiveController` contract). */
export interface ReactiveController {
  hostConnected?(): void;
  hostDisconnected?(): void;
}

/** What a {@link ReactiveController} may ask of the element it serves. */
export interface ControllerHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
}

/**
 * A stylesheet's text, written as a template so the build can minify it (build/minify-lit-css.ts). Values are
 * other stylesheet texts of the SDK, never visitor or config input.
 */
export function css(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((text, part, i) => text + values[i - 1] + part);
}

type ElementClass = typeof BaseElement;

const finalized = new WeakSet<ElementClass>();
const sheets = new WeakMap<ElementClass, CSSStyleSheet[]>();

/** Gives the class an accessor per declared property, once, before its first instance is made. */
function finalize(element: ElementClass): void {
  if (finalized.has(element)) return;
  finalized.add(element);
  for (const name of Object.keys(element.properties)) {
    if (Object.hasOwn(element.prototype, name)) continue;
    Object.defineProperty(element.prototype, name, {
      get(this: BaseElement) {
        return this._values.get(name);
      },
      set(this: BaseElement, value: unknown) {
        const old = this._values.get(name);
        if (Object.is(old, value)) return;
        this._values.set(name, value);
        this.requestUpdate(name, old);
      },
      configurable: true,
    });
  }
}

/** The class's styles as constructed sheets, made once per class (when first needed) and shared by all its instances. */
function sheetsOf(element: ElementClass): CSSStyleSheet[] {
  let made = sheets.get(element);
  if (!made) {
    made = element.styles.map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
    sheets.set(element, made);
  }
  return made;
}

/**
 * Base of consent-kit's elements: declare `static properties` and `static styles`, implement `paint()` (draw
 * into `renderRoot`), optionally `willUpdate()`. Setting a declared property schedules one update for the
 * end of the current task; `updateComplete` resolves when it is done. Nothing is painted before the element
 * is first connected.
 */
export class BaseElement extends HTMLElement implements ControllerHost {
  /** The reactive properties and how each maps to an attribute. */
  static properties: Record<string, PropertyOptions> = {};
  /** Stylesheet texts adopted by the shadow root once the element first paints something (see {@link css}). */
  static styles: string[] = [];

  static get observedAttributes(): string[] {
    // `this` is the element's own class here, the subclass that declared the properties, not BaseElement.
    // biome-ignore lint/complexity/noThisInStatic: see above.
    finalize(this);
    // biome-ignore lint/complexity/noThisInStatic: see above.
    return Object.entries(this.properties)
      .filter(([, options]) => options.attribute !== false && !options.state)
      .map(([name]) => name.toLowerCase());
  }

  /** The shadow root the element renders into. */
  readonly renderRoot: ShadowRoot;

  /** @internal Reactive property values, read and written by the accessors {@link finalize} defines. */
  readonly _values = new Map<PropertyKey, unknown>();
  #changed: PropertyValues = new Map();
  #controllers: ReactiveController[] = [];
  #isUpdatePending = false;
  #hasConnected = false;
  #hasStyles = false;
  #reflecting: string | undefined;
  #updated: Promise<boolean> = Promise.resolve(true);

  constructor() {
    super();
    finalize(this.constructor as ElementClass);
    this.renderRoot = this.attachShadow({ mode: 'open' });
  }

  /** Resolves once the render scheduled by the latest change is done (at once when none is pending). */
  get updateComplete(): Promise<boolean> {
    return this.#updated;
  }

  addController(controller: ReactiveController): void {
    this.#controllers.push(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  connectedCallback(): void {
    this.#hasConnected = true;
    for (const controller of this.#controllers) controller.hostConnected?.();
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    if (attribute === this.#reflecting) return;
    const properties = (this.constructor as ElementClass).properties;
    const name = Object.keys(properties).find((key) => key.toLowerCase() === attribute);
    if (!name) return;
    (this as unknown as Record<string, unknown>)[name] =
      properties[name]!.type === Boolean ? value !== null : (value ?? undefined);
  }

  /**
   * Schedules a render for the end of the current task; any number of calls before then render once.
   * `name` and `oldValue` record a property change for {@link willUpdate}.
   */
  requestUpdate(name?: PropertyKey, oldValue?: unknown): void {
    if (name !== undefined && !this.#changed.has(name)) this.#changed.set(name, oldValue);
    if (this.#isUpdatePending || !this.#hasConnected) return;
    this.#isUpdatePending = true;
    this.#updated = Promise.resolve().then(() => this.#update());
  }

  /** Called before each render with what changed; properties set here render in this same update. */
  protected willUpdate(_changed: PropertyValues): void {}

  /** Draws the element's content into {@link renderRoot}, after {@link willUpdate}. */
  protected paint(): void {}

  #update(): boolean {
    try {
      this.willUpdate(this.#changed);
      this.#reflect();
      this.paint();
      this.#adoptStylesOnce();
    } finally {
      this.#changed = new Map();
      this.#isUpdatePending = false;
    }
    return true;
  }

  /**
   * Adopts the class's styles once the element has painted something: one that paints nothing (the banner on
   * every page after the visitor decided) never has its stylesheets parsed. In the same task as the paint, so
   * nothing is ever drawn unstyled.
   */
  #adoptStylesOnce(): void {
    // lit-html leaves a comment where a template may go: a comment alone shows nothing.
    if (this.#hasStyles || [...this.renderRoot.childNodes].every((node) => node.nodeType === Node.COMMENT_NODE)) return;
    this.#hasStyles = true;
    this.renderRoot.adoptedStyleSheets = sheetsOf(this.constructor as ElementClass);
  }

  /** Mirrors each changed `reflect` property to its attribute, without reading it back as a change. */
  #reflect(): void {
    const properties = (this.constructor as ElementClass).properties;
    for (const name of this.#changed.keys()) {
      const options = properties[name as string];
      if (!options?.reflect) continue;
      const attribute = (name as string).toLowerCase();
      const value = this._values.get(name);
      this.#reflecting = attribute;
      if (value === undefined || value === null || value === false) this.removeAttribute(attribute);
      else this.setAttribute(attribute, value === true ? '' : String(value));
      this.#reflecting = undefined;
    }
  }
}
