import { afterAll, describe, expect, it } from 'vitest';
import { serveEndpoint, type RunningEndpoint } from '../../../src/server/serve-endpoint.js';
import { RECORD_ID_A, putBody } from '../../fixtures/consent-bodies.js';
import { testEndpoint } from '../../fixtures/endpoint.js';

const ORIGIN = 'https://www.example.com';
const running: RunningEndpoint[] = [];
afterAll(() => Promise.all(running.map((r) => r.close())));

/** One request of each kind the endpoint answers: success, client errors, preflight. */
const requests = (url: string): [string, RequestInit][] => [
  [`${url}/healthz`, {}],
  [`${url}/v1/keys`, {}],
  [
    `${url}/v1/consents/${RECORD_ID_A}`,
    { method: 'PUT', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify(putBody()) },
  ],
  [`${url}/v1/consents/${RECORD_ID_A}`, { headers: { origin: ORIGIN } }],
  [`${url}/v1/consents/${RECORD_ID_A}/receipts`, {}],
  [`${url}/v1/consents/not-an-id`, {}],
  [`${url}/v1/consents/${RECORD_ID_A}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{' }],
  [`${url}/v1/consents/${RECORD_ID_A}`, { method: 'POST' }],
  [`${url}/nowhere`, {}],
  [`${url}/v1/consents/me`, { headers: { authorization: 'Bearer forged' } }],
  [
    `${url}/v1/consents/${RECORD_ID_A}`,
    { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'PUT' } },
  ],
];

describe('endpoint security headers', () => {
  it('every answer says its type with a charset, forbids sniffing and names no software', async () => {
    const { handler } = await testEndpoint({ origins: [ORIGIN] });
    const endpoint = await serveEndpoint(handler, { port: 0 });
    running.push(endpoint);
    for (const [url, init] of requests(endpoint.url)) {
      const response = await fetch(url, init);
      const what = `${init.method ?? 'GET'} ${url} -> ${response.status}`;
      expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), what).toBe("default-src 'none'; frame-ancestors 'none'");
      if (response.status !== 204)
        expect(response.headers.get('content-type'), what).toMatch(/^application\/json; charset=utf-8$/i);
      expect(response.headers.get('x-powered-by'), what).toBeNull();
      expect(response.headers.get('server'), what).toBeNull();
      await response.arrayBuffer();
    }
  });

  it('CORS answers only the configured origins: no wildcard, no credentials, preflight refused for others', async () => {
    const { call } = await testEndpoint({ origins: [ORIGIN] });
    const preflight = (origin: string, method = 'PUT') =>
      call('OPTIONS', `/v1/consents/${RECORD_ID_A}`, {
        headers: {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')?.split(',').sort()).toEqual(['DELETE', 'GET', 'PUT']);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase().split(',').sort()).toEqual([
      'authorization',
      'content-type',
    ]);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary')?.toLowerCase()).toContain('origin');

    for (const origin of ['https://evil.example.net', 'null', `${ORIGIN}.evil.example.net`, 'http://www.example.com']) {
      const refused = await preflight(origin);
      expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
      const read = await call('GET', '/v1/keys', { headers: { origin } });
      expect(read.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    for (const answer of [allowed, await call('GET', '/v1/keys', { headers: { origin: ORIGIN } })]) {
      expect(answer.headers.get('access-control-allow-origin')).not.toBe('*');
    }
  });

  it("a page on another origin can read Retry-After (the SDK's back-off) and Link (the next receipts page)", async () => {
    const { call } = await testEndpoint({ origins: [ORIGIN], writesPerMinute: 1 });
    await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(), headers: { origin: ORIGIN } });
    const limited = await call('DELETE', `/v1/consents/${RECORD_ID_A}`, { headers: { origin: ORIGIN } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/).sort()).toEqual([
      'link',
      'retry-after',
    ]);
  });
});
