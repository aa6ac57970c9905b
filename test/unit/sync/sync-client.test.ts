import { describe, expect, it } from 'vitest';
import { RECORD_ID_A, record } from '../../fixtures/consent-bodies.js';
import { issueSubjectToken } from '../../../src/server/subject-token.js';
import { SECRET } from '../../fixtures/endpoint.js';
import { MemoryStore } from '../../fixtures/memory-environment.js';
import { ENDPOINT, syncHarness } from '../../fixtures/sync-harness.js';

const receiptsOf = async (h: Awaited<ReturnType<typeof syncHarness>>, id = RECORD_ID_A) =>
  (await h.call('GET', `/v1/consents/${id}/receipts`)).json?.receipts ?? [];

describe('sync client delivery', () => {
  it('PUTs a change with its record, idempotency key and notice, and empties the outbox', async () => {
    const h = await syncHarness();
    h.client.push(record());
    expect(h.outbox.list()).toHaveLength(1); // in the outbox before any answer
    await h.client.flush();
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.url).toBe(`${ENDPOINT}/v1/consents/${RECORD_ID_A}`);
    expect(h.calls[0]!.init.method).toBe('PUT');
    expect(h.calls[0]!.body).toMatchObject({ record: record(), notice: { language: 'en' } });
    expect(h.calls[0]!.body.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(h.outbox.list()).toEqual([]);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('accepts the endpoint written with its API version, as the config examples do', async () => {
    const h = await syncHarness({ endpoint: `${ENDPOINT}/v1/` });
    h.client.push(record());
    await h.client.flush();
    expect(h.calls[0]!.url).toBe(`${ENDPOINT}/v1/consents/${RECORD_ID_A}`);
  });

  it('503 twice, then OK: retried with growing, jittered delays and stored exactly once', async () => {
    const h = await syncHarness();
    h.faults.push({ status: 503 }, { status: 503 });
    h.client.push(record());
    await h.client.flush();
    expect(h.timers.pending.map((t) => t.ms)).toEqual([750]); // 1 s ceiling, jitter 0.5 -> 0.75 s
    await h.timers.fireNext(h.client);
    expect(h.timers.pending.map((t) => t.ms)).toEqual([1500]);
    await h.timers.fireNext(h.client);
    expect(h.timers.pending).toEqual([]);
    expect(h.calls).toHaveLength(3);
    expect(new Set(h.calls.map((c) => c.body.idempotencyKey)).size).toBe(1);
    expect(await receiptsOf(h)).toHaveLength(1);
    expect(h.outbox.list()).toEqual([]);
  });

  it('an answer lost on the way back is retried with the same key and still stored once', async () => {
    const h = await syncHarness();
    h.faults.push('lost-answer');
    h.client.push(record());
    await h.client.flush();
    await h.timers.fireNext(h.client);
    expect(h.calls.map((c) => c.body.idempotencyKey)).toEqual([
      h.calls[0]!.body.idempotencyKey,
      h.calls[0]!.body.idempotencyKey,
    ]);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('offline at decision time: the change waits and goes on the next page load', async () => {
    const storage = new MemoryStore();
    const h = await syncHarness({ storage });
    h.faults.push('offline');
    h.client.push(record());
    await h.client.flush();
    expect(h.outbox.list()).toHaveLength(1);
    const nextPage = h.make();
    await nextPage.flush();
    expect(h.outbox.list()).toEqual([]);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('coming back online sends at once, without waiting for the backoff', async () => {
    const h = await syncHarness();
    h.faults.push('offline');
    h.client.push(record());
    await h.client.flush();
    h.page.dispatchEvent(new Event('online'));
    await h.client.flush();
    expect(h.outbox.list()).toEqual([]);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('on pagehide pending changes leave with keepalive', async () => {
    const h = await syncHarness();
    h.faults.push('offline');
    h.client.push(record());
    await h.client.flush();
    h.page.dispatchEvent(new Event('pagehide'));
    await expect.poll(() => h.outbox.list().length).toBe(0);
    expect(h.calls.at(-1)!.init.keepalive).toBe(true);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('429 waits at least Retry-After; a 4xx is dropped with a warning; 409 means already there', async () => {
    const h = await syncHarness();
    h.faults.push({ status: 429, headers: { 'Retry-After': '30' } });
    h.client.push(record());
    await h.client.flush();
    expect(h.timers.pending[0]!.ms).toBe(30_000);
    await h.timers.fireNext(h.client);
    h.client.push(record()); // same revision again: the endpoint answers 409
    await h.client.flush();
    expect(h.outbox.list()).toEqual([]);
    expect(h.warnings).toEqual([]);
    h.faults.push({ status: 400 });
    h.client.push(record({ revision: 2 }));
    await h.client.flush();
    expect(h.outbox.list()).toEqual([]);
    expect(h.warnings[0]).toMatch(/refused a change with HTTP 400/);
  });
});

describe('sync client account and erasure requests', () => {
  it("identify() fetches the account's record with the token, and later changes carry it", async () => {
    const h = await syncHarness();
    const token = await issueSubjectToken(SECRET, 'alice');
    expect(await h.client.identify(token)).toBeNull();
    h.client.push(record());
    await h.client.flush();
    expect(h.calls.at(-1)!.init.headers).toMatchObject({ Authorization: `Bearer ${token}` });
    expect(await h.client.identify(token)).toEqual(record());
    expect((await h.call('GET', `/v1/consents/${RECORD_ID_A}`)).status).toBe(404); // owned now
  });

  it('a change whose stored token expired waits, and goes with the fresh token identify() brings', async () => {
    const h = await syncHarness();
    const expired = await issueSubjectToken(SECRET, 'alice', { now: Date.now() - 7_200_000 }); // expired an hour ago
    h.outbox.add({
      kind: 'put',
      key: 'parked-key-00000001',
      record: record(),
      notice: { language: 'en', policyUrl: '/privacy' },
      token: expired,
    });
    const nextPage = h.make();
    await nextPage.flush();
    expect(h.calls.at(-1)!.init.headers).toMatchObject({ Authorization: `Bearer ${expired}` });
    expect(h.outbox.list()).toHaveLength(1); // refused with 401, kept
    const fresh = await issueSubjectToken(SECRET, 'alice');
    await nextPage.identify(fresh);
    await nextPage.flush();
    expect(h.outbox.list()).toEqual([]);
    expect((await h.call('GET', '/v1/consents/me', { token: fresh })).json.record).toEqual(record());
  });

  it('identify() with a refused token rejects with a ConsentSyncError carrying the status', async () => {
    const h = await syncHarness();
    await expect(h.client.identify('ck1.forged.token')).rejects.toMatchObject({
      name: 'ConsentSyncError',
      status: 401,
    });
    h.faults.push('offline');
    await expect(h.client.identify('ck1.x.y')).rejects.toMatchObject({ code: 'unreachable' });
  });

  it("receipts() lists the record's receipts; forget() drops pending changes and erases", async () => {
    const h = await syncHarness();
    h.client.push(record());
    await h.client.flush();
    expect((await h.client.receipts(RECORD_ID_A)).map((r) => r.receipt.revision)).toEqual([1]);
    h.faults.push('offline');
    h.client.push(record({ revision: 2 }));
    await h.client.flush();
    expect(await h.client.forget(RECORD_ID_A)).toBe(true);
    expect(h.outbox.list()).toEqual([]);
    expect((await h.call('GET', `/v1/consents/${RECORD_ID_A}`)).status).toBe(404);
    expect(await h.client.receipts(RECORD_ID_A)).toEqual([]);
  });

  it("receipts() follows the endpoint's pages: a history longer than a page comes back whole, oldest first", async () => {
    const h = await syncHarness({ endpointOptions: { receiptsPageMax: 2 } });
    for (let revision = 1; revision <= 5; revision++) {
      h.client.push(record({ revision }));
      await h.client.flush();
    }
    const before = h.calls.length;
    expect((await h.client.receipts(RECORD_ID_A)).map((r) => r.receipt.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(h.calls.slice(before).map((c) => new URL(c.url).search)).toEqual([
      '',
      expect.stringMatching(/^\?after=\d+$/),
      expect.stringMatching(/^\?after=\d+$/),
    ]);
  });

  it('forget() offline keeps the erasure in the outbox until it can be sent', async () => {
    const h = await syncHarness();
    h.client.push(record());
    await h.client.flush();
    h.faults.push('offline');
    expect(await h.client.forget(RECORD_ID_A)).toBe(false);
    expect(h.outbox.list().map((e) => e.kind)).toEqual(['delete']);
    await h.timers.fireNext(h.client);
    expect((await h.call('GET', `/v1/consents/${RECORD_ID_A}`)).status).toBe(404);
  });
});
