import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { parseConfig } from '../../src/core/config.js';
import { ConsentManager } from '../../src/core/consent-manager.js';
import { ConsentConfigError } from '../../src/core/errors.js';
import type { ConsentBanner } from '../../src/ui/consent-banner/consent-banner.js';
import { memoryEnvironment } from '../fixtures/memory-environment.js';

function managerFor(extra: Record<string, unknown> = {}) {
  const config = parseConfig({ policy: { version: '2024-06', url: '/privacy', updated: '2024-06-01' }, ...extra });
  return new ConsentManager(config, memoryEnvironment().env);
}

async function bannerFor(manager: ConsentManager) {
  const el = await fixture<ConsentBanner>(html`<consent-banner .manager=${manager}></consent-banner>`);
  return { el, root: el.shadowRoot! };
}

function buttons(root: ShadowRoot) {
  return [...root.querySelectorAll('button')];
}

describe('<consent-banner>', () => {
  it('shows a labelled region with "Accept all" and "Reject all" while there is no decision', async () => {
    const { root } = await bannerFor(managerFor());
    const region = root.querySelector('[role="region"]')!;
    expect(region).to.exist;
    expect(root.getElementById(region.getAttribute('aria-labelledby')!)!.textContent).to.equal('Your privacy choices');
    expect(buttons(root).map((b) => b.textContent!.trim())).to.deep.equal(['Accept all', 'Reject all']);
  });

  it('links the privacy statement and shows its last-updated date', async () => {
    const { root } = await bannerFor(managerFor());
    expect(root.querySelector('a')!.getAttribute('href')).to.equal('/privacy');
    expect(root.querySelector('.body')!.textContent).to.contain('Last updated 2024-06-01');
  });

  it('gives both buttons the same size and weight', async () => {
    const { root } = await bannerFor(managerFor());
    const [accept, reject] = buttons(root).map((b) => getComputedStyle(b));
    for (const property of ['backgroundColor', 'color', 'fontSize', 'fontWeight', 'paddingTop', 'borderTopWidth', 'height'] as const) {
      expect(accept![property], property).to.equal(reject![property]);
    }
    const [a, r] = buttons(root).map((b) => b.getBoundingClientRect());
    expect(Math.abs(a!.width - r!.width)).to.be.lessThan(1);
  });

  for (const [index, name, method, granted] of [
    [0, 'Accept all', 'banner-accept-all', true],
    [1, 'Reject all', 'banner-reject-all', false],
  ] as const) {
    it(`"${name}" records a banner decision and hides the banner`, async () => {
      const manager = managerFor();
      const { el, root } = await bannerFor(manager);
      buttons(root)[index]!.click();
      await el.updateComplete;
      expect(manager.state).to.include({ method });
      expect(manager.has('analytics')).to.equal(granted);
      expect(root.querySelector('[role="region"]')).to.be.null;
    });
  }

  it('comes back when the decision is reset', async () => {
    const manager = managerFor();
    manager.rejectAll();
    const { el, root } = await bannerFor(manager);
    expect(root.querySelector('[role="region"]')).to.be.null;
    manager.reset();
    await el.updateComplete;
    expect(root.querySelector('[role="region"]')).to.exist;
  });

  it('renders nothing for a manager whose config failed', async () => {
    const config = parseConfig({ policy: { version: '1', url: '/' } });
    const manager = new ConsentManager(config, memoryEnvironment().env, new ConsentConfigError('invalid-config', ['x']));
    const { root } = await bannerFor(manager);
    expect(root.querySelector('[role="region"]')).to.be.null;
  });

  it('speaks Simplified Chinese when the config asks for zh-CN', async () => {
    const { root } = await bannerFor(managerFor({ locale: 'zh-CN' }));
    expect(buttons(root).map((b) => b.textContent!.trim())).to.deep.equal(['全部接受', '全部拒绝']);
    expect(root.querySelector('section')!.getAttribute('lang')).to.equal('zh-CN');
  });

  it('follows <html lang> when the locale is auto', async () => {
    document.documentElement.lang = 'zh-Hans';
    try {
      const { root } = await bannerFor(managerFor());
      expect(buttons(root)[0]!.textContent!.trim()).to.equal('全部接受');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('is fixed to the viewport so it never moves page content', async () => {
    const { root } = await bannerFor(managerFor());
    expect(getComputedStyle(root.querySelector('section')!).position).to.equal('fixed');
  });

  it('reaches both buttons with Tab in reading order', async () => {
    const { root } = await bannerFor(managerFor());
    const focusable = [...root.querySelectorAll<HTMLElement>('a, button')].filter((e) => e.tabIndex >= 0);
    expect(focusable.map((e) => e.textContent!.trim())).to.deep.equal(['Privacy Statement', 'Accept all', 'Reject all']);
  });
});
