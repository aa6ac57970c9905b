import { expect, fixture, html, waitUntil } from '@open-wc/testing';
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
  it('shows a labelled region with "Accept all", "Reject all" and "Manage preferences" while there is no decision', async () => {
    const { root } = await bannerFor(managerFor());
    const region = root.querySelector('[role="region"]')!;
    expect(region).to.exist;
    expect(root.getElementById(region.getAttribute('aria-labelledby')!)!.textContent).to.equal('Your privacy choices');
    expect(buttons(root).map((b) => b.textContent!.trim())).to.deep.equal([
      'Accept all',
      'Reject all',
      'Manage preferences',
    ]);
  });

  it('says what changed when a substantial policy change asks again, and only then', async () => {
    const { env } = memoryEnvironment();
    const config = (extra: Record<string, unknown>) =>
      parseConfig({
        policy: { url: '/privacy', changes: { en: 'We now transfer data to a new processor.' }, ...extra },
      });
    new ConsentManager(config({ version: '2024-06' }), env).acceptAll();
    const minor = new ConsentManager(config({ version: '2024-07' }), env);
    expect(minor.hasDecision).to.be.true;
    minor.reset();
    expect((await bannerFor(minor)).root.querySelector('[part="changes"]')).to.be.null;
    new ConsentManager(config({ version: '2024-06' }), env).acceptAll();
    const substantial = new ConsentManager(config({ version: '2025-01', substantial: true }), env);
    expect(substantial.staleReason).to.equal('policy-changed');
    const { root } = await bannerFor(substantial);
    expect(root.querySelector('[part="changes"]')!.textContent).to.equal(
      'Our Privacy Statement has changed. What changed: We now transfer data to a new processor.',
    );
  });

  it('keeps its nodes, and the focus in them, through an update that changes nothing shown', async () => {
    const { el, root } = await bannerFor(managerFor());
    const accept = buttons(root)[0]!;
    accept.focus();
    el.theme = 'dark';
    el.requestUpdate();
    await el.updateComplete;
    expect(buttons(root)[0]).to.equal(accept);
    expect(root.activeElement).to.equal(accept);
  });

  it('writes config texts as text, never as markup', async () => {
    const { root } = await bannerFor(
      managerFor({ texts: { en: { title: '<img src=x onerror="window.__ran = true">Hi' } } }),
    );
    const title = root.querySelector('[part="title"]')!;
    expect(title.textContent).to.equal('<img src=x onerror="window.__ran = true">Hi');
    expect(title.children).to.have.length(0);
  });

  it("links the privacy statement and shows its last-updated date, written the language's way", async () => {
    const { root } = await bannerFor(managerFor());
    expect(root.querySelector('a')!.getAttribute('href')).to.equal('/privacy');
    expect(root.querySelector('.body')!.textContent).to.contain('Last updated June 1, 2024');
    const zh = await bannerFor(managerFor({ locale: 'zh-CN' }));
    expect(zh.root.querySelector('.body')!.textContent).to.contain('最后更新：2024年6月1日');
  });

  it('gives both buttons the same size and weight', async () => {
    const { root } = await bannerFor(managerFor());
    const [accept, reject] = buttons(root).map((b) => getComputedStyle(b));
    for (const property of [
      'backgroundColor',
      'color',
      'fontSize',
      'fontWeight',
      'paddingTop',
      'borderTopWidth',
      'height',
    ] as const) {
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
    const manager = new ConsentManager(
      config,
      memoryEnvironment().env,
      new ConsentConfigError('invalid-config', ['x']),
    );
    const { root } = await bannerFor(manager);
    expect(root.querySelector('[role="region"]')).to.be.null;
  });

  it('speaks Simplified Chinese when the config asks for zh-CN', async () => {
    const { root } = await bannerFor(managerFor({ locale: 'zh-CN' }));
    expect(buttons(root).map((b) => b.textContent!.trim())).to.deep.equal(['全部接受', '全部拒绝', '管理偏好设置']);
    expect(root.host.getAttribute('lang')).to.equal('zh-CN');
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

  for (const layout of ['bar', 'box', 'center'] as const) {
    it(`is fixed over the page in the ${layout} layout, so it never moves page content`, async () => {
      const { root } = await bannerFor(managerFor({ layout }));
      const section = root.querySelector('section')!;
      expect(section.classList.contains(layout)).to.be.true;
      expect(getComputedStyle(section).position).to.equal('fixed');
    });
  }

  it('"Manage preferences" opens the modal panel and hands focus to it', async () => {
    const manager = managerFor();
    const { root } = await bannerFor(manager);
    const manage = buttons(root)[2]!;
    manage.focus();
    manage.click();
    const panel = document.querySelector('consent-preferences')!;
    try {
      expect(panel.manager).to.equal(manager);
      await waitUntil(() => panel.shadowRoot?.querySelector('dialog')?.open, 'the panel did not open');
    } finally {
      panel.remove();
    }
  });

  it('after a decision shows the reopen button only when config asks for it', async () => {
    const plain = managerFor();
    plain.rejectAll();
    expect((await bannerFor(plain)).root.querySelector('button')).to.be.null;
    const withButton = managerFor({ reopenButton: true });
    withButton.rejectAll();
    const { root } = await bannerFor(withButton);
    expect(root.querySelector('[part="reopen"]')!.textContent!.trim()).to.equal('Cookie settings');
  });

  it('takes the theme from config unless the page set one', async () => {
    const { el } = await bannerFor(managerFor({ theme: 'dark' }));
    expect(el.getAttribute('theme')).to.equal('dark');
    const root = el.shadowRoot!;
    expect(getComputedStyle(root.querySelector('section')!).backgroundColor).to.equal('rgb(31, 31, 36)');
  });

  it("uses a site's own text for a key, and English where the site's language lacks one", async () => {
    const manager = managerFor({ locale: 'it', locales: ['it', 'en'], texts: { it: { acceptAll: 'Accetta tutto' } } });
    const { root } = await bannerFor(manager);
    expect(buttons(root).map((b) => b.textContent!.trim())).to.deep.equal([
      'Accetta tutto',
      'Reject all',
      'Manage preferences',
    ]);
  });

  it("uses a site's own text for a key of a built-in language that is fetched, and the built-in strings for the rest", async () => {
    const manager = managerFor({ locale: 'fr', texts: { fr: { acceptAll: 'Accepter' } } });
    const { root } = await bannerFor(manager);
    await waitUntil(() => buttons(root).length > 0, 'the French strings arrive');
    expect(buttons(root).map((b) => b.textContent!.trim())).to.deep.equal([
      'Accepter',
      'Tout refuser',
      'Gérer les préférences',
    ]);
  });

  it('reaches both buttons with Tab in reading order', async () => {
    const { root } = await bannerFor(managerFor());
    const focusable = [...root.querySelectorAll<HTMLElement>('a, button')].filter((e) => e.tabIndex >= 0);
    expect(focusable.map((e) => e.textContent!.trim())).to.deep.equal([
      'Privacy Statement',
      'Accept all',
      'Reject all',
      'Manage preferences',
    ]);
  });
});

describe('<consent-banner> in a hostile page', () => {
  it('keeps its look when page CSS sets inherited text properties and styles every button', async () => {
    const style = document.createElement('style');
    style.textContent = `body { text-align: center; letter-spacing: 6px; text-transform: uppercase; font-style: italic; }
      button { display: none !important; } section { position: static !important; }`;
    document.head.append(style);
    try {
      const config = parseConfig({ policy: { version: '1', url: '/' } });
      const manager = new ConsentManager(config, memoryEnvironment().env);
      const el = await fixture<ConsentBanner>(html`<consent-banner .manager=${manager}></consent-banner>`);
      const section = el.shadowRoot!.querySelector('section')!;
      const button = el.shadowRoot!.querySelector('button')!;
      expect(getComputedStyle(section).position).to.equal('fixed');
      expect(getComputedStyle(button).display).to.not.equal('none');
      for (const [property, expected] of [
        ['letterSpacing', 'normal'],
        ['textTransform', 'none'],
        ['fontStyle', 'normal'],
      ] as const) {
        expect(getComputedStyle(button)[property], property).to.equal(expected);
      }
      expect(getComputedStyle(section).textAlign).to.equal('start');
    } finally {
      style.remove();
    }
  });
});
