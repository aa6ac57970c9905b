import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config.js';
import { ConsentManager } from '../../src/core/consent-manager.js';
import { createCookieStore } from '../../src/browser/cookie-store.js';
import { createTabChannel } from '../../src/browser/tab-channel.js';

const settings = (extra: Record<string, unknown> = {}) =>
  parseConfig({ policy: { version: '1', url: '/' }, cookie: { name: 'ck-test', ...extra } }).cookie;

function clearCookie() {
  document.cookie = 'ck-test=; Max-Age=0; path=/';
}

describe('cookie store in a real browser', () => {
  afterEach(clearCookie);

  it('writes a first-party cookie that reads back', () => {
    const store = createCookieStore(settings());
    expect(store.write('1~abc')).to.be.true;
    expect(store.read()).to.equal('1~abc');
    expect(document.cookie).to.contain('ck-test=1~abc');
    store.remove();
    expect(store.read()).to.be.undefined;
  });

  it('reports a cookie the browser refused for a foreign domain', () => {
    const store = createCookieStore(settings({ domain: '.example.com' }));
    expect(store.write('1~abc')).to.be.false;
    expect(store.read()).to.be.undefined;
  });
});

describe('tab channel in a real browser', () => {
  afterEach(clearCookie);

  it('carries a decision from one manager to another sharing the cookie', async () => {
    const config = parseConfig({ policy: { version: '1', url: '/' }, cookie: { name: 'ck-test' } });
    const env = () => ({ store: createCookieStore(config.cookie), tabs: createTabChannel('ck-test') });
    const tabA = new ConsentManager(config, env());
    const tabB = new ConsentManager(config, env());
    const changed = new Promise((resolve) => tabB.on('change', resolve));
    tabA.acceptAll();
    await changed;
    expect(tabB.has('analytics')).to.be.true;
    tabA.destroy();
    tabB.destroy();
  });
});
