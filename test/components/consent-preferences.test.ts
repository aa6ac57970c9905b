import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { parseConfig } from '../../src/core/config.js';
import { ConsentManager } from '../../src/core/consent-manager.js';
import type { ConsentPreferences } from '../../src/ui/consent-preferences/consent-preferences.js';
import { memoryEnvironment } from '../fixtures/memory-environment.js';

function managerFor(extra: Record<string, unknown> = {}) {
  const config = parseConfig({ policy: { version: '2024-06', url: '/privacy', updated: '2024-06-01' }, ...extra });
  return new ConsentManager(config, memoryEnvironment().env);
}

async function inlinePanel(manager: ConsentManager) {
  const el = await fixture<ConsentPreferences>(
    html`<consent-preferences inline .manager=${manager}></consent-preferences>`,
  );
  return { el, root: el.shadowRoot! };
}

const switchNamed = (root: ShadowRoot, labelText: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('[role="switch"]')].find((s) =>
    s
      .getAttribute('aria-labelledby')!
      .split(' ')
      .map((id) => root.getElementById(id)!.textContent)
      .join(' ')
      .includes(labelText),
  )!;
/** The link the next download is started from (the panel clicks a detached link to save a file). */
function nextDownloadLink(): Promise<HTMLAnchorElement> {
  return new Promise((resolve) => {
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      HTMLAnchorElement.prototype.click = original;
      resolve(this);
    };
  });
}

const buttonNamed = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button:not([role])')].find((b) => b.textContent!.trim() === name)!;

describe('<consent-preferences inline>', () => {
  it('lists every category: required ones "Always active", optional ones as labelled switches, all off', async () => {
    const { root } = await inlinePanel(managerFor());
    const items = [...root.querySelectorAll('[part="category"]')];
    expect(items.map((i) => i.querySelector('.label')!.textContent)).to.deep.equal([
      'Strictly necessary',
      'Analytics',
      'Marketing',
    ]);
    expect(items[0]!.querySelector('[role="switch"]')).to.be.null;
    expect(items[0]!.textContent).to.contain('Always active');
    for (const name of ['Analytics', 'Marketing']) {
      const sw = switchNamed(root, name);
      expect(sw.getAttribute('aria-checked')).to.equal('false');
      expect(root.getElementById(sw.getAttribute('aria-describedby')!)!.textContent).to.have.length.greaterThan(10);
    }
  });

  it("shows each category's cookies from config", async () => {
    const { root } = await inlinePanel(
      managerFor({
        categories: [
          {
            id: 'analytics',
            cookieTable: [
              {
                name: '_ga',
                provider: 'Google',
                purpose: { en: 'Counts visits', 'zh-CN': '统计访问' },
                duration: '2 years',
              },
            ],
          },
        ],
      }),
    );
    const details = root.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).to.equal('Cookies used (1)');
    expect([...details.querySelectorAll('dd')].map((d) => d.textContent)).to.deep.equal([
      '_ga',
      'Google',
      'Counts visits',
      '2 years',
    ]);
  });

  it('saves switched categories and contact choices, and says so', async () => {
    const manager = managerFor();
    const { el, root } = await inlinePanel(manager);
    switchNamed(root, 'Analytics').click();
    root.querySelector<HTMLInputElement>('#age')!.click();
    await el.updateComplete;
    switchNamed(root, 'Phone Requests for your feedback').click();
    await el.updateComplete;
    expect(manager.state).to.be.null;
    buttonNamed(root, 'Save choices').click();
    await el.updateComplete;
    expect(manager.state!.method).to.equal('preferences-save');
    expect(manager.state!.categories).to.deep.equal({ analytics: true, marketing: false });
    expect(manager.state!.contact.phone).to.deep.equal({ offers: false, feedback: true });
    expect(manager.state!.contact.email).to.deep.equal({ offers: false, feedback: false });
    expect(manager.state!.ageConfirmed).to.be.true;
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('Your choices have been saved.');
  });

  it('shows service communications as always on, with the reason they cannot be unsubscribed', async () => {
    const { root } = await inlinePanel(managerFor());
    expect(root.getElementById('service-label')!.nextElementSibling!.textContent).to.equal('Always active');
    expect(root.getElementById('service-description')!.textContent).to.contain('cannot unsubscribe');
  });

  it('has a switch for each channel and topic from config', async () => {
    const { root } = await inlinePanel(
      managerFor({ contact: { channels: ['email', { id: 'sms', label: 'SMS' }], topics: ['feedback'] } }),
    );
    const names = [...root.querySelectorAll('[role="switch"]')].map((s) =>
      s
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => root.getElementById(id)!.textContent)
        .join(' '),
    );
    expect(names).to.deep.equal([
      'Analytics',
      'Marketing',
      'Email Requests for your feedback and surveys',
      'SMS Requests for your feedback and surveys',
    ]);
  });

  it('reflects a decision made elsewhere, such as the banner', async () => {
    const manager = managerFor();
    const { el, root } = await inlinePanel(manager);
    manager.acceptAll('banner-accept-all');
    await el.updateComplete;
    expect(switchNamed(root, 'Analytics').getAttribute('aria-checked')).to.equal('true');
    manager.rejectAll('banner-reject-all');
    await el.updateComplete;
    expect(switchNamed(root, 'Analytics').getAttribute('aria-checked')).to.equal('false');
  });

  it('"Reject all" withdraws everything in one action', async () => {
    const manager = managerFor();
    manager.update({ categories: { analytics: true }, contact: { email: { offers: true } }, ageConfirmed: true });
    const { root } = await inlinePanel(manager);
    buttonNamed(root, 'Reject all').click();
    expect(manager.has('analytics')).to.be.false;
    expect(manager.state!.contact.email!.offers).to.be.false;
  });

  it('renders config text as text, never as HTML', async () => {
    const { root } = await inlinePanel(
      managerFor({ categories: [{ id: 'video', label: '<img src=x onerror="window.__xss=1">' }] }),
    );
    expect(root.querySelector('img')).to.be.null;
    expect(root.querySelector('.label')!.textContent).to.equal('<img src=x onerror="window.__xss=1">');
  });

  it('offers a language switch when more than one locale is configured, and switches every element', async () => {
    const { root } = await inlinePanel(managerFor());
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal([
      'English',
      '简体中文',
      '繁體中文',
      '日本語',
      '한국어',
      'Français',
      'Deutsch',
      'Español',
      'Português (Brasil)',
      'Русский',
      'العربية',
    ]);
    select.value = 'zh-CN';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => buttonNamed(root, '保存选择'), 'the panel switches to Simplified Chinese');
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => buttonNamed(root, 'Save choices'), 'the panel switches back to English');
    const single = await inlinePanel(managerFor({ locales: ['en'] }));
    expect(single.root.querySelector('select')).to.be.null;
  });

  it('sizes the language switch to the language shown, so opening the panel does not lay out every language name', async () => {
    const { root } = await inlinePanel(managerFor());
    const select = root.querySelector('select')!;
    const shown = select.getBoundingClientRect().width;
    // The same select sized the default way, to its widest option ("Português (Brasil)").
    select.style.setProperty('field-sizing', 'fixed');
    const widest = select.getBoundingClientRect().width;
    expect(shown).to.be.greaterThan(0);
    expect(shown).to.be.lessThan(widest);
  });
});

describe('<consent-preferences>: what the privacy statement promises', () => {
  const separateConfig = {
    categories: [
      { id: 'necessary', required: true },
      { id: 'analytics' },
      {
        id: 'us-transfer',
        separate: true,
        label: 'Transfer to the licensor in the United States',
        description: 'Your personal information is transferred to the United States.',
      },
    ],
  };

  it('keeps contact and separate-consent switches locked until the age confirmation', async () => {
    const manager = managerFor(separateConfig);
    const { el, root } = await inlinePanel(manager);
    const age = root.querySelector<HTMLInputElement>('#age')!;
    expect(root.querySelector(`label[for="age"]`)!.textContent).to.equal(
      "I am 18 or older, or I have my guardian's consent",
    );
    for (const name of ['Transfer to the licensor', 'Email Information and offers']) {
      expect(switchNamed(root, name).disabled, name).to.be.true;
      expect(switchNamed(root, name).getAttribute('aria-describedby')).to.contain('age-required');
    }
    expect(switchNamed(root, 'Analytics').disabled).to.be.false;
    age.click();
    await el.updateComplete;
    switchNamed(root, 'Transfer to the licensor').click();
    switchNamed(root, 'Email Information and offers').click();
    await el.updateComplete;
    age.click();
    await el.updateComplete;
    expect(switchNamed(root, 'Transfer to the licensor').getAttribute('aria-checked')).to.equal('false');
    expect(switchNamed(root, 'Email Information and offers').getAttribute('aria-checked')).to.equal('false');
  });

  it('puts the age confirmation in a block of its own, named for what it unlocks, between the cookies and what it unlocks', async () => {
    const { root } = await inlinePanel(managerFor(separateConfig));
    const age = root.querySelector<HTMLInputElement>('#age')!;
    const block = age.closest('section')!;
    const heading = root.getElementById(block.getAttribute('aria-labelledby')!)!;
    expect(heading.localName).to.equal('h3');
    expect(heading.textContent).to.equal('Confirm your age for separate purposes and contact choices');
    // Not a part of the cookie categories' section: it does not gate Marketing or any other cookie category.
    expect(age.closest('section[aria-labelledby="cookies-heading"]')).to.be.null;
    const sections = [...root.querySelectorAll('section')].map((s) => s.getAttribute('aria-labelledby'));
    expect(sections).to.deep.equal(['cookies-heading', 'age-heading', 'separate-heading', 'contact-heading']);
  });

  it('lists separate-consent purposes on their own with their notice, and "Accept all" leaves them off', async () => {
    const manager = managerFor(separateConfig);
    const { el, root } = await inlinePanel(manager);
    const section = root.querySelector('section[aria-labelledby="separate-heading"]')!;
    expect(section.querySelector('h3')!.textContent).to.equal('Separate consent');
    expect(section.textContent).to.contain('Your personal information is transferred to the United States.');
    expect(
      [...root.querySelectorAll('section[aria-labelledby="cookies-heading"] .label')].map((l) => l.textContent),
    ).to.not.include('Transfer to the licensor in the United States');
    buttonNamed(root, 'Accept all').click();
    await el.updateComplete;
    expect(manager.has('analytics')).to.be.true;
    expect(manager.has('us-transfer')).to.be.false;
    root.querySelector<HTMLInputElement>('#age')!.click();
    await el.updateComplete;
    switchNamed(root, 'Transfer to the licensor').click();
    buttonNamed(root, 'Save choices').click();
    expect(manager.has('us-transfer')).to.be.true;
  });

  it('deletes the preference data after a confirmation, and can be cancelled', async () => {
    const manager = managerFor();
    manager.acceptAll();
    const { el, root } = await inlinePanel(manager);
    buttonNamed(root, 'Delete my preference data').click();
    await el.updateComplete;
    expect(root.getElementById('delete-question')!.textContent).to.contain('You will be asked again.');
    expect(root.activeElement).to.equal(buttonNamed(root, 'Delete'));
    buttonNamed(root, 'Cancel').click();
    await el.updateComplete;
    expect(manager.hasDecision).to.be.true;
    buttonNamed(root, 'Delete my preference data').click();
    await el.updateComplete;
    buttonNamed(root, 'Delete').click();
    await el.updateComplete;
    expect(manager.state).to.be.null;
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('Your preference data has been deleted.');
  });

  it('downloads the consent record as JSON', async () => {
    const manager = managerFor();
    manager.rejectAll();
    const { root } = await inlinePanel(manager);
    const clicked = nextDownloadLink();
    buttonNamed(root, 'Download my consent record').click();
    const link = await clicked;
    expect(link.download).to.equal('consent-record.json');
    const file = await (await fetch(link.href)).json();
    expect(file).to.deep.equal({ decision: manager.state, receipts: [] });
  });

  it('still downloads the decision when the endpoint cannot give the receipts, and says why', async () => {
    const manager = managerFor({ endpoint: 'https://prefs.example.com' });
    manager.rejectAll();
    const { root } = await inlinePanel(manager);
    const clicked = nextDownloadLink();
    buttonNamed(root, 'Download my consent record').click();
    const file = await (await fetch((await clicked).href)).json();
    expect(file.decision).to.deep.equal(manager.state);
    expect(file.receipts).to.deep.equal([]);
    expect(file.receiptsError).to.match(/needs the preferences endpoint/);
  });

  it('has no age confirmation when minimumAge is 0', async () => {
    const { root } = await inlinePanel(managerFor({ minimumAge: 0 }));
    expect(root.querySelector('#age')).to.be.null;
    expect(switchNamed(root, 'Email Information and offers').disabled).to.be.false;
  });
});

describe('<consent-preferences> as a modal dialog', () => {
  async function modal(manager = managerFor()) {
    const opener = await fixture<HTMLButtonElement>(html`<button>Cookie settings</button>`);
    const el = document.createElement('consent-preferences');
    el.manager = manager;
    document.body.append(el);
    opener.focus();
    await el.show(opener);
    return { el, root: el.shadowRoot!, opener, dialog: el.shadowRoot!.querySelector('dialog')! };
  }

  afterEach(() => {
    for (const el of document.querySelectorAll('consent-preferences')) el.remove();
  });

  it('opens modal with focus inside, labelled by its heading', async () => {
    const { root, dialog } = await modal();
    expect(dialog.open).to.be.true;
    expect(dialog.matches(':modal')).to.be.true;
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('Privacy preferences');
    expect(dialog.contains(root.activeElement)).to.be.true;
  });

  it('opens in a language fetched on demand with all its strings, its heading focused', async () => {
    const { root, dialog } = await modal(managerFor({ locale: 'es', locales: ['es', 'pt-BR'] }));
    expect(dialog.open).to.be.true;
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Preferencias de privacidad',
    );
    expect(root.activeElement!.textContent).to.equal('Preferencias de privacidad');
  });

  it('Escape closes without saving and returns focus to the opener', async () => {
    const { el, root, opener, dialog } = await modal();
    switchNamed(root, 'Analytics').click();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.be.false;
    expect(el.manager!.state).to.be.null;
    expect(document.activeElement).to.equal(opener);
  });

  it('keeps Tab inside the dialog, wrapping at both ends', async () => {
    const { root } = await modal();
    const reject = buttonNamed(root, 'Reject all');
    reject.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(root.querySelector('.close'));
    await sendKeys({ press: 'Shift+Tab' });
    expect(root.activeElement).to.equal(reject);
  });

  it('Space on a switch and Enter on "Save choices" save from the keyboard, then the dialog closes', async () => {
    const { el, root, dialog } = await modal();
    switchNamed(root, 'Marketing').focus();
    await sendKeys({ press: 'Space' });
    buttonNamed(root, 'Save choices').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.manager!.has('marketing')).to.be.true;
    expect(dialog.open).to.be.false;
  });

  it('opens from any element with data-consent-open', async () => {
    const manager = managerFor();
    const page = await fixture(html`<div>
      <consent-preferences .manager=${manager}></consent-preferences>
      <footer><a href="#x" data-consent-open><span>Cookie settings</span></a></footer>
    </div>`);
    page.querySelector('span')!.click();
    const panel = page.querySelector('consent-preferences')!;
    await waitUntil(() => panel.shadowRoot?.querySelector('dialog')?.open, 'the panel did not open');
  });
});
