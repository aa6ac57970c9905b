import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { RECORD_ID_A, putBody } from '../../fixtures/consent-bodies.js';
import { BASE, testEndpoint } from '../../fixtures/endpoint.js';

/** An endpoint whose log lines the test reads. */
async function loggedEndpoint(options: Parameters<typeof testEndpoint>[0] = {}) {
  const lines: string[] = [];
  const endpoint = await testEndpoint({ log: (message) => lines.push(message), ...options });
  return { ...endpoint, lines };
}

describe("endpoint faults: the client's are 4xx, only the store's are 503", () => {
  it('a client that aborts a chunked body gets a 400, and nothing is logged as a store failure', async () => {
    const { handler, lines, call } = await loggedEndpoint();
    const half = new TextEncoder().encode(JSON.stringify(putBody()).slice(0, 40));
    const aborted = new ReadableStream({
      start(c) {
        c.enqueue(half);
        c.error(new Error('aborted'));
      },
    });
    const answer = await handler(
      new Request(`${BASE}/v1/consents/${RECORD_ID_A}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: aborted,
        duplex: 'half',
      } as RequestInit),
    );
    expect(answer.status).toBe(400);
    expect((await answer.json()).error).toBe('body-cut-off');
    expect(lines.join('\n')).not.toMatch(/store failed/);
    expect(lines).toEqual([expect.stringMatching(/^consent-kit: client fault \(400 body-cut-off\)/)]);
    expect((await call('GET', `/v1/consents/${RECORD_ID_A}`)).status).toBe(404);
  });

  it('a store that fails answers 503 and is logged as the store failing', async () => {
    const store = createSqliteStore(':memory:');
    const { call, lines } = await loggedEndpoint({
      store: { ...store, read: () => Promise.reject(new Error('disk I/O error')) },
    });
    const answer = await call('GET', `/v1/consents/${RECORD_ID_A}`);
    expect([answer.status, answer.json.error]).toEqual([503, 'unavailable']);
    expect(lines).toEqual(['consent-kit: the store failed']);
  });

  it('a store written as a class, its methods on the prototype, is marked the same way when it fails', async () => {
    const inner = createSqliteStore(':memory:');
    class FlakyStore {
      migrate() {
        return inner.migrate();
      }
      read(): Promise<never> {
        return Promise.reject(new Error('disk I/O error'));
      }
    }
    for (const method of Object.keys(inner) as (keyof typeof inner)[]) {
      if (!(method in FlakyStore.prototype))
        (FlakyStore.prototype as any)[method] = (...args: unknown[]) => (inner[method] as any)(...args);
    }
    const { call, lines } = await loggedEndpoint({ store: new FlakyStore() as unknown as typeof inner });
    expect((await call('GET', `/v1/consents/${RECORD_ID_A}`)).status).toBe(503);
    expect(lines).toEqual(['consent-kit: the store failed']);
  });

  it("a fault that is neither the client's nor the store's is a 500 logged as a bug, not as the store failing", async () => {
    const store = createSqliteStore(':memory:');
    const { call, lines } = await loggedEndpoint({
      store,
      clientAddress: () => {
        throw new TypeError('bug');
      },
    });
    const answer = await call('GET', '/v1/keys');
    expect(answer.status).toBe(500);
    expect(lines.join('\n')).not.toMatch(/store failed/);
    expect(lines).toEqual([expect.stringMatching(/^consent-kit: unexpected error/)]);
  });
});
