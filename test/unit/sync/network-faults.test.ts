import { describe, expect, it } from 'vitest';
import { RECORD_ID_A, record } from '../../fixtures/consent-bodies.js';
import { syncHarness } from '../../fixtures/sync-harness.js';

type Harness = Awaited<ReturnType<typeof syncHarness>>;
/** Answers one request in place of the network. */
type Fault = (url: string, init: RequestInit) => Promise<Response>;

const receiptsOf = async (h: Harness) =>
  (await h.call('GET', `/v1/consents/${RECORD_ID_A}/receipts`)).json?.receipts ?? [];
const stored = async (h: Harness) => (await h.call('GET', `/v1/consents/${RECORD_ID_A}`)).json?.record;

/**
 * A client whose next `answers.length` requests are answered by the given fault instead of the network,
 * then reach the real in-process endpoint.
 */
async function faultyClient(h: Harness, answers: Fault[]) {
  const fetch = ((url: string, init: RequestInit) => {
    const fault = answers.shift();
    if (!fault) return h.fetch(url, init);
    h.calls.push({ url, init, body: JSON.parse(String(init.body ?? 'null')) });
    return fault(url, init);
  }) as typeof globalThis.fetch;
  const client = h.make({ fetch, timeoutMs: 20 });
  await client.flush(); // the start-up flush of an empty outbox, so the test's own flushes are the ones awaited
  return client;
}

/** The endpoint takes 10 s: the client's own timeout aborts the request first (stored anyway, as a slow server may). */
const slowAnswer = (h: Harness) => async (url: string, init: RequestInit) => {
  const { signal, keepalive: _k, credentials: _c, ...rest } = init;
  await h.handler(new Request(url, rest));
  await new Promise((_resolve, reject) => {
    const late = setTimeout(_resolve, 10_000);
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => {
      clearTimeout(late);
      reject(signal.reason);
    });
  });
  return new Response(null, { status: 204 });
};
const connectionReset = async () => {
  throw new TypeError('Failed to fetch (net::ERR_CONNECTION_RESET)');
};
const status =
  (code: number, headers: Record<string, string> = {}, body: string | null = null) =>
  async () =>
    new Response(body, { status: code, headers });

describe('sync under network faults: the choice stays on the page and reaches the endpoint once it recovers', () => {
  it('an endpoint slower than the timeout (10 s) is retried with the same key and stores the change once', async () => {
    const h = await syncHarness();
    const client = await faultyClient(h, [slowAnswer(h)]);
    client.push(record());
    await client.flush();
    expect(h.outbox.list()).toHaveLength(1);
    expect(h.timers.pending).toHaveLength(1);
    await h.timers.fireNext(client);
    expect(h.outbox.list()).toEqual([]);
    expect(new Set(h.calls.map((c) => c.body.idempotencyKey)).size).toBe(1);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('connections reset three times in a row: kept, retried with growing delays, then stored once', async () => {
    const h = await syncHarness();
    const client = await faultyClient(h, [connectionReset, connectionReset, connectionReset]);
    client.push(record());
    await client.flush();
    await h.timers.fireNext(client);
    await h.timers.fireNext(client);
    expect(h.outbox.list()).toHaveLength(1);
    await h.timers.fireNext(client);
    expect(h.calls).toHaveLength(4);
    expect(h.outbox.list()).toEqual([]);
    expect(await stored(h)).toEqual(record());
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('500 with Retry-After waits at least that long, then delivers', async () => {
    const h = await syncHarness();
    const client = await faultyClient(h, [status(500, { 'Retry-After': '120' }, '{"error":"internal"}')]);
    client.push(record());
    await client.flush();
    expect(h.timers.pending.map((t) => t.ms)).toEqual([120_000]);
    await h.timers.fireNext(client);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('429 with Retry-After as an HTTP date waits until then', async () => {
    const h = await syncHarness();
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const client = await faultyClient(h, [status(429, { 'Retry-After': inTwoMinutes })]);
    client.push(record());
    await client.flush();
    expect(h.timers.pending[0]!.ms).toBeGreaterThan(100_000);
    await h.timers.fireNext(client);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it("a 200 whose body is not the endpoint's JSON (a proxy or captive portal answered) keeps the change for a retry", async () => {
    const h = await syncHarness();
    const client = await faultyClient(h, [
      status(200, { 'Content-Type': 'application/json' }, '{"record": {"id": '),
      status(200, { 'Content-Type': 'text/html' }, '<html>Sign in to the Wi-Fi</html>'),
    ]);
    client.push(record());
    await client.flush();
    expect(h.outbox.list()).toHaveLength(1);
    await h.timers.fireNext(client);
    expect(h.outbox.list()).toHaveLength(1);
    await h.timers.fireNext(client);
    expect(h.outbox.list()).toEqual([]);
    expect(await receiptsOf(h)).toHaveLength(1);
  });

  it('identify() against malformed JSON rejects with a ConsentSyncError and keeps pending changes', async () => {
    const h = await syncHarness();
    const answers: Fault[] = [connectionReset];
    const client = await faultyClient(h, answers);
    client.push(record());
    await client.flush();
    expect(answers).toEqual([]);
    // identify() first retries the pending change (reset again), then asks for the account's record.
    answers.push(connectionReset, status(200, { 'Content-Type': 'application/json' }, '{not json'));
    await expect(client.identify('token')).rejects.toMatchObject({
      name: 'ConsentSyncError',
      code: 'invalid-response',
    });
    expect(h.outbox.list()).toHaveLength(1);
  });
});
