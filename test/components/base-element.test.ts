import { expect } from '@open-wc/testing';
import { html, render } from 'lit/html.js';
import { BaseElement, css, type PropertyOptions, type PropertyValues } from '../../src/ui/base-element.js';

/** An element that counts its renders and shows its properties, to watch the base class at work. */
class CountingElement extends BaseElement {
  static override properties: Record<string, PropertyOptions> = {
    label: {},
    open: { type: Boolean, reflect: true },
    data: { attribute: false },
    _count: { state: true },
  };
  static override styles = [css`:host { display: block; color: rgb(1, 2, 3); }`];

  declare label: string | undefined;
  declare open: boolean;
  declare data: { value: number } | undefined;
  declare _count: number | undefined;
  renders = 0;
  seen: PropertyValues[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    this.seen.push(new Map(changed));
    if (changed.has('label')) this._count = (this._count ?? 0) + 1;
  }

  protected override paint() {
    this.renders++;
    render(html`<p>${this.label}|${this.data?.value}|${this._count}</p>`, this.renderRoot);
  }
}
customElements.define('counting-element', CountingElement);

/** An element that shows nothing until it has a label, as the banner shows nothing once the visitor decided. */
class QuietElement extends BaseElement {
  static override properties: Record<string, PropertyOptions> = { label: {} };
  static override styles = [css`p { color: rgb(4, 5, 6); }`];

  declare label: string | undefined;

  protected override paint() {
    render(this.label ? html`<p>${this.label}</p>` : html``, this.renderRoot);
  }
}
customElements.define('quiet-element', QuietElement);

async function connected(): Promise<CountingElement> {
  const el = document.createElement('counting-element') as CountingElement;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('BaseElement', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('counting-element')) el.remove();
  });

  it('renders nothing before it is connected, and renders once when connected', async () => {
    const el = document.createElement('counting-element') as CountingElement;
    el.label = 'before';
    await Promise.resolve();
    expect(el.renders).to.equal(0);
    document.body.append(el);
    await el.updateComplete;
    expect(el.renders).to.equal(1);
    expect(el.renderRoot.querySelector('p')!.textContent).to.equal('before||1');
  });

  it('renders once for many property changes in one task, with every change and its old value', async () => {
    const el = await connected();
    el.label = 'a';
    el.label = 'b';
    el.data = { value: 7 };
    await el.updateComplete;
    expect(el.renders).to.equal(2);
    expect([...el.seen.at(-1)!.keys()]).to.have.members(['label', 'data']);
    expect(el.seen.at(-1)!.get('label')).to.equal(undefined);
    expect(el.renderRoot.querySelector('p')!.textContent).to.equal('b|7|1');
  });

  it('does not render again for a value set to what it already is', async () => {
    const el = await connected();
    el.label = 'same';
    await el.updateComplete;
    const renders = el.renders;
    el.label = 'same';
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
  });

  it('reflects a boolean property to its attribute and reads the attribute back into the property', async () => {
    const el = await connected();
    el.open = true;
    await el.updateComplete;
    expect(el.hasAttribute('open')).to.equal(true);
    el.open = false;
    await el.updateComplete;
    expect(el.hasAttribute('open')).to.equal(false);
    el.setAttribute('label', 'from markup');
    expect(el.label).to.equal('from markup');
    el.setAttribute('open', '');
    expect(el.open).to.equal(true);
  });

  it('adopts its styles into the shadow root, one sheet shared by every instance', async () => {
    const [a, b] = [await connected(), await connected()];
    expect(getComputedStyle(a).color).to.equal('rgb(1, 2, 3)');
    expect(a.renderRoot.adoptedStyleSheets[0]).to.equal(b.renderRoot.adoptedStyleSheets[0]);
  });

  it('parses no styles while it paints nothing, and adopts them with the first paint that shows something', async () => {
    const el = document.createElement('quiet-element') as QuietElement;
    document.body.append(el);
    await el.updateComplete;
    expect(el.renderRoot.adoptedStyleSheets).to.deep.equal([]);
    el.label = 'shown';
    await el.updateComplete;
    expect(el.renderRoot.adoptedStyleSheets).to.have.length(1);
    expect(getComputedStyle(el.renderRoot.querySelector('p')!).color).to.equal('rgb(4, 5, 6)');
    el.remove();
  });

  it('tells its controllers when it is connected and disconnected', async () => {
    const el = document.createElement('counting-element') as CountingElement;
    const calls: string[] = [];
    el.addController({
      hostConnected: () => calls.push('connected'),
      hostDisconnected: () => calls.push('disconnected'),
    });
    document.body.append(el);
    el.remove();
    document.body.append(el);
    expect(calls).to.deep.equal(['connected', 'disconnected', 'connected']);
  });
});
