import { expect } from '@open-wc/testing';
import { init } from '../../src/browser/init.js';
import { whenReady } from '../../src/browser/page-manager.js';

describe('whenReady()', () => {
  it('waits until the page has a manager and resolves with it, then resolves at once', async () => {
    let resolved: unknown;
    const waiting = whenReady().then((manager) => (resolved = manager));
    await new Promise((settle) => setTimeout(settle, 20));
    expect(resolved).to.equal(undefined);

    const manager = init({ policy: { version: '1', url: '/' } });
    expect(await waiting).to.equal(manager);
    expect(await whenReady()).to.equal(manager);
  });
});
