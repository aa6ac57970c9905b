import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import { decodeRecord } from '../../../src/core/cookie-codec.js';
import { ConsentUsageError } from '../../../src/core/errors.js';
import { issueSubjectToken } from '../../../src/server/subject-token.js';
import { Outbox } from '../../../src/sync/outbox.js';
import { SECRET } from '../../fixtures/endpoint.js';
import { MemoryStore, memoryEnvironment } from '../../fixtures/memory-environment.js';
import { syncHarness } from '../../fixtures/sync-harness.js';

const config = parseConfig({ policy: { version: '2024-06', url: '/privacy' }, endpoint: 'https://prefs.example.com' });
const alice = await issueSubjectToken(SECRET, 'alice');

/** Two devices of one account, each with its own cookie and outbox, against one endpoint. */
async function twoDevices() {
  const h = await syncHarness();
  const device = () => {
    const setup = memoryEnvironment();
    const sync = h.make({ outbox: new Outbox(new MemoryStore()) });
    return { ...setup, sync, manager: new ConsentManager(config, { ...setup.env, sync }) };
  };
  return { h, a: device(), b: device() };
}

describe('manager with the endpoint', () => {
  it('a decision takes effect on the page at once while the endpoint does not answer', async () => {
    const h = await syncHarness({ fetch: () => new Promise<Response>(() => {}) });
    const { env } = memoryEnvironment();
    const manager = new ConsentManager(config, { ...env, sync: h.client });
    manager.acceptAll('banner-accept-all');
    expect(manager.has('analytics')).toBe(true);
    expect(h.outbox.list().map((e) => e.kind === 'put' && e.record.revision)).toEqual([1]);
  });

  it('every local decision is sent once, with revisions moving forward', async () => {
    const { h, a } = await twoDevices();
    a.manager.acceptAll();
    a.manager.update({ categories: { marketing: false } });
    await a.sync.flush();
    const id = a.manager.state!.id;
    expect(
      (await h.call('GET', `/v1/consents/${id}/receipts`)).json.receipts.map((r: any) => r.receipt.revision),
    ).toEqual([1, 2]);
  });

  it("identify() with no account record makes this device's decision the account's", async () => {
    const { h, a } = await twoDevices();
    a.manager.rejectAll();
    await a.manager.identify(alice);
    await a.sync.flush();
    const stored = (await h.call('GET', '/v1/consents/me', { token: alice })).json.record;
    expect(stored).toEqual(a.manager.state);
    expect(stored.revision).toBe(2);
  });

  it('identify() puts a newer decision from another device in force here', async () => {
    const { a, b } = await twoDevices();
    b.manager.acceptAll(); // older, on this device
    a.clock.now += 60_000;
    a.manager.update({ categories: { analytics: true, marketing: false } });
    await a.manager.identify(alice);
    await a.sync.flush();

    const state = await b.manager.identify(alice);
    expect(state).toMatchObject({ id: a.manager.state!.id, categories: { analytics: true, marketing: false } });
    expect(decodeRecord(b.store.value)?.id).toBe(a.manager.state!.id);
    expect(b.manager.has('marketing')).toBe(false);
  });

  it("identify() keeps a newer decision of this device and sends it as the account's next revision", async () => {
    const { h, a, b } = await twoDevices();
    a.manager.acceptAll();
    await a.manager.identify(alice);
    await a.sync.flush();
    const accountRevision = (await h.call('GET', '/v1/consents/me', { token: alice })).json.record.revision;
    b.clock.now += 60_000;
    b.manager.rejectAll();

    const state = await b.manager.identify(alice);
    await b.sync.flush();
    expect(state).toMatchObject({
      id: a.manager.state!.id,
      revision: accountRevision + 1,
      categories: { analytics: false, marketing: false },
    });
    expect((await h.call('GET', '/v1/consents/me', { token: alice })).json.record).toEqual(state);
  });

  it('a conflict (two different decisions in the same second) never turns a category on', async () => {
    const { a, b } = await twoDevices();
    a.manager.update({ categories: { analytics: true, marketing: false } });
    await a.manager.identify(alice);
    await a.sync.flush();
    b.clock.now = a.clock.now;
    b.manager.update({ categories: { analytics: false, marketing: true } });

    const state = await b.manager.identify(alice);
    expect(state!.categories).toEqual({ analytics: false, marketing: false });
  });

  it("receipts() lists the visitor's receipts; forget() clears this device and erases on the endpoint", async () => {
    const { h, a } = await twoDevices();
    expect(await a.manager.receipts()).toEqual([]);
    a.manager.acceptAll();
    await a.sync.flush();
    const id = a.manager.state!.id;
    expect((await a.manager.receipts()).map((r) => r.receipt.recordId)).toEqual([id]);

    expect(await a.manager.forget()).toBe(true);
    expect(a.manager.state).toBeNull();
    expect(a.store.value).toBeUndefined();
    expect((await h.call('GET', `/v1/consents/${id}`)).status).toBe(404);
  });

  it('without an endpoint, identify() and receipts() say what is missing; forget() still clears this device', async () => {
    const { env, store } = memoryEnvironment();
    const manager = new ConsentManager(parseConfig({ policy: { version: '1', url: '/' } }), env);
    await expect(manager.identify(alice)).rejects.toThrow(ConsentUsageError);
    await expect(manager.receipts()).rejects.toThrow(/set "endpoint" in the config/);
    manager.acceptAll();
    expect(await manager.forget()).toBe(true);
    expect(store.value).toBeUndefined();
  });
});
