import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { setPageEntry } from '../../src/browser/page-registry.js';
import { parseConfig } from '../../src/core/config.js';
import { ConsentManager } from '../../src/core/consent-manager.js';
import { ElementGate } from '../../src/gate/element-gate.js';
import type { ConsentEmbed } from '../../src/ui/consent-embed/consent-embed.js';
import { memoryEnvironment } from '../fixtures/memory-environment.js';

/*
 * The placeholder as a page gets it: an element gate on this document follows the page's manager and announces
 * each embed not granted; `consent-kit/define` (imported above) puts the placeholder in its place.
 */
let manager: ConsentManager;
let gate: ElementGate;
/** Purposes the gate refuses although the decision grants them (a late grant waiting for the page's reload). */
const refused = new Set<string>();

function usePage(locale = 'en') {
  const config = parseConfig({
    policy: { version: '2024-06', url: '/privacy' },
    locale,
    reloadOnWithdraw: false,
    categories: [
      { id: 'necessary', required: true },
      {
        id: 'video',
        label: { en: 'Videos', 'zh-CN': '视频' },
        presets: ['bilibili'],
        services: [
          { id: 'clips', label: { en: 'Example Clips', 'zh-CN': '示例短片' } },
          { id: 'talks', embed: { text: { en: 'Talks by {name}: load them?', 'zh-CN': '{name}的讲座：要加载吗？' } } },
        ],
      },
    ],
  });
  manager = new ConsentManager(config, memoryEnvironment().env);
  setPageEntry('manager', manager);
  gate ??= new ElementGate(
    document,
    (id) => manager.has(id) && !refused.has(id),
    () => true,
    (id) => !manager.has(id),
  );
  manager.on('change', () => gate.activate());
}

/** `markup` in the page, then the placeholders the gate and the hook put in place of its embeds. */
async function placed(markup: ReturnType<typeof html>, count = 1) {
  const host = await fixture<HTMLElement>(markup);
  gate.activate();
  await waitUntil(() => host.querySelectorAll('consent-embed').length === count, 'the placeholders are placed');
  const placeholders = [...host.querySelectorAll<ConsentEmbed>('consent-embed')];
  await Promise.all(placeholders.map((p) => p.updateComplete));
  return { host, placeholders };
}

const group = (placeholder: ConsentEmbed) => placeholder.shadowRoot!.querySelector<HTMLElement>('[role="group"]')!;
const buttons = (placeholder: ConsentEmbed) => [...placeholder.shadowRoot!.querySelectorAll('button')];

/** How often each element's loading attribute is set: a frame that loads twice shows here. */
function countLoads(element: Element) {
  const sets: string[] = [];
  new MutationObserver((records) => sets.push(...records.map((r) => r.attributeName!))).observe(element, {
    attributes: true,
    attributeFilter: ['src', 'data'],
  });
  return sets;
}

describe('<consent-embed>', () => {
  beforeEach(() => usePage());
  afterEach(() => {
    manager.reset();
    refused.clear();
  });

  it('stands in for the embed with a group named by the service, the text, and the two buttons', async () => {
    const { placeholders } = await placed(
      html`<div><iframe data-consent="video/bilibili" data-src="about:blank#b" title="Video"></iframe></div>`,
    );
    const [placeholder] = placeholders as [ConsentEmbed];
    const named = group(placeholder);
    expect(placeholder.shadowRoot!.getElementById(named.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Bilibili',
    );
    expect(placeholder.shadowRoot!.querySelector('[part="text"]')!.textContent).to.equal(
      'This content is hosted by Bilibili and may set cookies. Load it to continue.',
    );
    expect(buttons(placeholder).map((b) => [b.localName, b.type, b.textContent])).to.deep.equal([
      ['button', 'button', 'Load content'],
      ['button', 'button', 'Manage preferences'],
    ]);
  });

  it("takes the embed's size: its box, else its width and height attributes", async () => {
    const { host, placeholders } = await placed(
      html`<div>
        <iframe data-consent="video/bilibili" data-src="about:blank#b" width="320" height="180" title="A"></iframe>
        <div hidden><iframe data-consent="video/bilibili" data-src="about:blank#c" width="200" height="100" title="B"></iframe></div>
      </div>`,
      2,
    );
    const [shown, hidden] = placeholders as [ConsentEmbed, ConsentEmbed];
    const box = shown.getBoundingClientRect();
    // 320 × 180 and the iframe's 2px border on each side.
    expect([box.width, box.height]).to.deep.equal([324, 184]);
    expect([hidden.style.width, hidden.style.height]).to.deep.equal(['200px', '100px']);
    manager.allow('video/bilibili');
    await waitUntil(() => host.querySelectorAll('iframe[src]').length === 2, 'the frames are back');
    const frame = host.querySelector('iframe')!.getBoundingClientRect();
    expect([frame.x, frame.y, frame.width, frame.height]).to.deep.equal([box.x, box.y, box.width, box.height]);
  });

  it('"Load content" grants the service with method "embed" and loads the frame in place, once', async () => {
    const { host, placeholders } = await placed(
      html`<div><iframe data-consent="video/bilibili" data-src="about:blank#b" title="Video"></iframe></div>`,
    );
    const frame = host.ownerDocument.querySelector<HTMLIFrameElement>('iframe[title="Video"]') ?? undefined;
    expect(frame).to.be.undefined; // replaced by the placeholder
    const embed = placeholders[0]!.embed!;
    const loads = countLoads(embed);
    buttons(placeholders[0]!)[0]!.click();
    expect(manager.state!.method).to.equal('embed');
    expect(manager.has('video/bilibili')).to.be.true;
    expect(manager.has('video/clips')).to.be.false;
    await waitUntil(() => embed.getAttribute('src') === 'about:blank#b', 'the frame loads');
    expect(embed.parentElement).to.equal(host);
    expect(host.querySelector('consent-embed')).to.be.null;
    gate.activate();
    manager.allow('video/bilibili');
    await Promise.resolve();
    expect(loads).to.deep.equal(['src']);
  });

  it('works from the keyboard: Tab reaches "Load content", Enter loads, focus moves to the frame', async () => {
    const { placeholders } = await placed(
      html`<div><button>before</button><iframe data-consent="video/bilibili" data-src="about:blank#b" title="Video"></iframe></div>`,
    );
    const embed = placeholders[0]!.embed!;
    document.querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(placeholders[0]!.shadowRoot!.activeElement).to.equal(buttons(placeholders[0]!)[0]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => embed.isConnected, 'the frame is back');
    expect(document.activeElement).to.equal(embed);
  });

  it('names a service by its label, else by its preset, else by its id, and uses its own text', async () => {
    const { placeholders } = await placed(
      html`<div>
        <iframe data-consent="video/clips" data-src="about:blank#1" title="1"></iframe>
        <iframe data-consent="video/talks" data-src="about:blank#2" title="2"></iframe>
        <iframe data-consent="video" data-src="about:blank#3" title="3"></iframe>
      </div>`,
      3,
    );
    const names = placeholders.map((p) => p.shadowRoot!.querySelector('[part="name"]')!.textContent);
    expect(names).to.deep.equal(['Example Clips', 'video/talks', 'Videos']);
    expect(placeholders[1]!.shadowRoot!.querySelector('[part="text"]')!.textContent).to.equal(
      'Talks by video/talks: load them?',
    );
  });

  it('loads <object> into data, <video> and <audio> into src, and unloads them again on withdrawal', async () => {
    const { host, placeholders } = await placed(
      html`<div>
        <object data-consent="video/bilibili" data-src="about:blank#o" title="o" width="100" height="50"></object>
        <video data-consent="video/bilibili" data-src="about:blank#v"></video>
        <audio data-consent="video/bilibili" data-src="about:blank#a" controls></audio>
      </div>`,
      3,
    );
    const [object, video, audio] = placeholders.map((p) => p.embed!) as [HTMLElement, HTMLElement, HTMLElement];
    manager.allow('video/bilibili');
    await waitUntil(() => host.querySelectorAll('consent-embed').length === 0, 'the embeds are back');
    expect([object.getAttribute('data'), video.getAttribute('src'), audio.getAttribute('src')]).to.deep.equal([
      'about:blank#o',
      'about:blank#v',
      'about:blank#a',
    ]);
    manager.rejectAll();
    await waitUntil(() => host.querySelectorAll('consent-embed').length === 3, 'the placeholders are back');
    expect([object.hasAttribute('data'), video.hasAttribute('src'), audio.hasAttribute('src')]).to.deep.equal([
      false,
      false,
      false,
    ]);
  });

  it('shows its texts in Simplified Chinese for zh-CN', async () => {
    usePage('zh-CN');
    const { placeholders } = await placed(
      html`<div>
        <iframe data-consent="video/bilibili" data-src="about:blank#b" title="b"></iframe>
        <iframe data-consent="video/talks" data-src="about:blank#t" title="t"></iframe>
      </div>`,
      2,
    );
    const [bilibili, talks] = placeholders as [ConsentEmbed, ConsentEmbed];
    expect(bilibili.lang).to.equal('zh-CN');
    expect(bilibili.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('哔哩哔哩');
    expect(bilibili.shadowRoot!.querySelector('[part="text"]')!.textContent).to.equal(
      '此内容由哔哩哔哩提供，可能会设置 Cookie。请加载以继续。',
    );
    expect(buttons(bilibili).map((b) => b.textContent)).to.deep.equal(['加载内容', '管理偏好设置']);
    expect(talks.shadowRoot!.querySelector('[part="text"]')!.textContent).to.equal('video/talks的讲座：要加载吗？');
  });

  it('gives no placeholder to an embed the decision grants while the gate still refuses it', async () => {
    manager.allow('video/bilibili');
    refused.add('video/bilibili');
    const announced: unknown[] = [];
    const listen = (e: Event) => announced.push((e as CustomEvent).detail);
    document.addEventListener('consent:embed-waiting', listen);
    const host = await fixture<HTMLElement>(
      html`<div><iframe data-consent="video/bilibili" data-src="about:blank#late" title="Late"></iframe></div>`,
    );
    gate.activate();
    document.removeEventListener('consent:embed-waiting', listen);
    expect(announced).to.deep.equal([]);
    expect(host.querySelector('consent-embed')).to.be.null;
    expect(host.querySelector('iframe')!.hasAttribute('src')).to.be.false;
  });

  it('leaves alone an embed granted and loaded while the placeholder was on its way', async () => {
    manager.allow('video/bilibili');
    const host = await fixture<HTMLElement>(
      html`<div><iframe data-consent="video/bilibili" data-src="about:blank#b" title="Video"></iframe></div>`,
    );
    const frame = host.querySelector('iframe')!;
    await waitUntil(() => frame.hasAttribute('src'), 'the gate loads the frame');
    // Taking a frame out of the page and back unloads and reloads it: nothing may move it.
    const moves: MutationRecord[] = [];
    const observer = new MutationObserver((records) => moves.push(...records));
    observer.observe(host, { childList: true });
    // The announcement made before the grant, arriving late.
    document.dispatchEvent(new CustomEvent('consent:embed-waiting', { detail: frame }));
    await Promise.resolve();
    await Promise.resolve();
    moves.push(...observer.takeRecords());
    expect(moves).to.deep.equal([]);
    expect(frame.parentElement).to.equal(host);
  });

  it('waits inside shadow roots too, open or closed', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.title = 'inner';
    frame.dataset.consent = 'video/bilibili';
    frame.dataset.src = 'about:blank#inner';
    root.append(frame);
    await waitUntil(() => root.querySelector('consent-embed'), 'the placeholder is placed in the shadow root');
    manager.allow('video/bilibili');
    await waitUntil(() => frame.getAttribute('src') === 'about:blank#inner', 'the frame loads');
    expect(frame.getRootNode()).to.equal(root);
  });
});
