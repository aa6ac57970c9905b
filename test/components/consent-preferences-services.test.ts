import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { parseConfig } from '../../src/core/config.js';
import { ConsentManager } from '../../src/core/consent-manager.js';
import type { ConsentPreferences } from '../../src/ui/consent-preferences/consent-preferences.js';
import { memoryEnvironment } from '../fixtures/memory-environment.js';

const servicesConfig = {
  categories: [
    { id: 'necessary', required: true, services: [{ id: 'login', label: 'Sign-in' }] },
    {
      id: 'analytics',
      presets: ['baidu-tongji'],
      services: [
        { id: 'clarity', presets: ['clarity'], description: 'Records how pages are used.' },
        { id: 'own-stats' },
      ],
    },
    { id: 'marketing' },
  ],
};

function managerFor(extra: Record<string, unknown> = servicesConfig) {
  const config = parseConfig({ policy: { version: '2024-06', url: '/privacy' }, ...extra });
  return new ConsentManager(config, memoryEnvironment().env);
}

async function inlinePanel(manager: ConsentManager) {
  const el = await fixture<ConsentPreferences>(
    html`<consent-preferences inline .manager=${manager}></consent-preferences>`,
  );
  return { el, root: el.shadowRoot! };
}

/** The name a control's `aria-labelledby` gives it. */
const nameOf = (root: ShadowRoot, control: Element) =>
  control
    .getAttribute('aria-labelledby')!
    .split(' ')
    .map((id) => root.getElementById(id)!.textContent)
    .join(' ');

/** The switch (or the category's mixed-capable checkbox) named exactly `name`. */
const control = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('[role="switch"], [role="checkbox"]')].find(
    (c) => nameOf(root, c) === name,
  )!;

const checked = (root: ShadowRoot, name: string) => control(root, name).getAttribute('aria-checked');

const save = (root: ShadowRoot) =>
  [...root.querySelectorAll<HTMLButtonElement>('button:not([role])')]
    .find((b) => b.textContent!.trim() === 'Save choices')!
    .click();

describe('<consent-preferences>: services', () => {
  it("lists each service under its category, named by its label, its preset's name or its id", async () => {
    const { root } = await inlinePanel(managerFor());
    const analytics = root.getElementById('category-analytics-label')!.closest('[part="category"]')!;
    const services = [...analytics.querySelectorAll('[part="service"]')];
    expect(services.map((s) => s.querySelector('.label')!.textContent)).to.deep.equal([
      'Microsoft Clarity',
      'own-stats',
      'Baidu Tongji',
    ]);
    for (const service of services) {
      const sw = service.querySelector('[role="switch"]')!;
      expect(sw.getAttribute('aria-checked')).to.equal('false');
      expect(nameOf(root, sw)).to.equal(service.querySelector('.label')!.textContent);
    }
    const clarity = control(root, 'Microsoft Clarity');
    expect(root.getElementById(clarity.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Records how pages are used.',
    );
    const list = analytics.querySelector('ul')!;
    expect(root.getElementById(list.getAttribute('aria-labelledby')!)!.textContent).to.equal('Analytics');
    // The category's own control can say "some": a checkbox role, as a switch cannot be mixed.
    expect(control(root, 'Analytics').getAttribute('role')).to.equal('checkbox');
    expect(control(root, 'Marketing').getAttribute('role')).to.equal('switch');
  });

  it('shows the services of a required category as always active, with no switch', async () => {
    const { root } = await inlinePanel(managerFor());
    const necessary = root.getElementById('category-necessary-label')!.closest('[part="category"]')!;
    const service = necessary.querySelector('[part="service"]')!;
    expect(service.querySelector('.label')!.textContent).to.equal('Sign-in');
    expect(service.querySelector('.always')!.textContent).to.equal('Always active');
    expect(necessary.querySelector('button')).to.be.null;
  });

  it('one service switched on makes its category mixed, and saving records exactly that service', async () => {
    const manager = managerFor();
    const { el, root } = await inlinePanel(manager);
    control(root, 'Baidu Tongji').click();
    await el.updateComplete;
    expect(checked(root, 'Baidu Tongji')).to.equal('true');
    expect(checked(root, 'Analytics')).to.equal('mixed');
    save(root);
    expect(manager.state!.categories).to.deep.equal({ analytics: false, marketing: false });
    expect(manager.state!.services).to.deep.equal({
      analytics: { clarity: false, 'own-stats': false, 'baidu-tongji': true },
    });
    expect(manager.has('analytics/baidu-tongji')).to.be.true;
    expect(manager.has('analytics/clarity')).to.be.false;
    expect(manager.has('analytics')).to.be.false;
  });

  it('the category switch turns all its services on from mixed, then all off, and saving follows', async () => {
    const manager = managerFor();
    const { el, root } = await inlinePanel(manager);
    control(root, 'Microsoft Clarity').click();
    await el.updateComplete;
    control(root, 'Analytics').click();
    await el.updateComplete;
    const services = ['Microsoft Clarity', 'own-stats', 'Baidu Tongji'];
    expect(services.map((name) => checked(root, name))).to.deep.equal(['true', 'true', 'true']);
    expect(checked(root, 'Analytics')).to.equal('true');
    save(root);
    expect(manager.has('analytics')).to.be.true;
    expect(manager.has('analytics/own-stats')).to.be.true;
    expect(manager.state!.services).to.be.undefined;
    await el.updateComplete;
    control(root, 'Analytics').click();
    await el.updateComplete;
    expect(services.map((name) => checked(root, name))).to.deep.equal(['false', 'false', 'false']);
    save(root);
    expect(manager.has('analytics/clarity')).to.be.false;
    expect(manager.has('analytics/baidu-tongji')).to.be.false;
  });

  it('shows a decision made elsewhere that grants one service as mixed', async () => {
    const manager = managerFor();
    manager.allow('analytics/clarity');
    const { root } = await inlinePanel(manager);
    expect(checked(root, 'Analytics')).to.equal('mixed');
    expect(checked(root, 'Microsoft Clarity')).to.equal('true');
    expect(checked(root, 'Baidu Tongji')).to.equal('false');
  });

  it('reaches the category and each service with Tab, and Space and Enter flip them', async () => {
    const { el, root } = await inlinePanel(managerFor());
    control(root, 'Analytics').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checked(root, 'Analytics')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(control(root, 'Microsoft Clarity'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checked(root, 'Microsoft Clarity')).to.equal('false');
    expect(checked(root, 'Analytics')).to.equal('mixed');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(control(root, 'Baidu Tongji'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(checked(root, 'Baidu Tongji')).to.equal('false');
    expect(checked(root, 'own-stats')).to.equal('true');
  });

  it('names services in Simplified Chinese where they have a Chinese name', async () => {
    const { root } = await inlinePanel(managerFor({ ...servicesConfig, locale: 'zh-CN' }));
    expect(control(root, '分析').getAttribute('role')).to.equal('checkbox');
    expect(control(root, '百度统计')).to.exist;
    expect(control(root, 'Microsoft Clarity')).to.exist;
  });

  it('keeps the services of a separate category locked until the age confirmation, and unticking it turns them off', async () => {
    const manager = managerFor({
      categories: [
        { id: 'us-transfer', separate: true, label: 'Transfer', description: 'Abroad.', presets: ['ga4', 'clarity'] },
      ],
    });
    const { el, root } = await inlinePanel(manager);
    for (const name of ['Transfer', 'Google Analytics', 'Microsoft Clarity']) {
      expect(control(root, name).disabled, name).to.be.true;
      expect(control(root, name).getAttribute('aria-describedby'), name).to.contain('age-required');
    }
    const age = root.querySelector<HTMLInputElement>('#age')!;
    age.click();
    await el.updateComplete;
    control(root, 'Transfer').click();
    await el.updateComplete;
    expect(checked(root, 'Google Analytics')).to.equal('true');
    age.click();
    await el.updateComplete;
    expect(['Transfer', 'Google Analytics', 'Microsoft Clarity'].map((name) => checked(root, name))).to.deep.equal([
      'false',
      'false',
      'false',
    ]);
    age.click();
    await el.updateComplete;
    save(root);
    expect(manager.has('us-transfer/ga4')).to.be.false;
  });

  for (const locale of ['en', 'zh-CN']) {
    it(`axe finds nothing wrong with a category mixed and its services (${locale})`, async () => {
      const manager = managerFor({ ...servicesConfig, locale });
      manager.allow('analytics/clarity');
      const { el, root } = await inlinePanel(manager);
      expect(root.querySelector('[aria-checked="mixed"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  }
});
