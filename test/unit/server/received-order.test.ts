import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS } from '../../../src/server/consent-handler.js';
import { issueSubjectToken } from '../../../src/server/subject-token.js';
import { RECORD_ID_A, RECORD_ID_B, putBody, record } from '../../fixtures/consent-bodies.js';
import { SECRET, testEndpoint } from '../../fixtures/endpoint.js';

describe("endpoint clock: the server's own time decides", () => {
  it('/me answers the record the endpoint received last, even when another device dated its decision in 2099', async () => {
    let now = Date.parse('2025-03-01T10:00:00.000Z');
    const { call } = await testEndpoint({ now: () => now });
    const token = await issueSubjectToken(SECRET, 'alice', { now });
    const future = '2099-01-01T00:00:00.000Z';
    const first = await call('PUT', `/v1/consents/${RECORD_ID_A}`, {
      body: putBody(record({ categories: { analytics: true }, decidedAt: future, updatedAt: future })),
      token,
    });
    expect(first.status).toBe(201);
    now += 60_000;
    const withdrawal = record({
      id: RECORD_ID_B,
      categories: { analytics: false },
      method: 'banner-reject-all',
      decidedAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
    });
    expect((await call('PUT', `/v1/consents/${RECORD_ID_B}`, { body: putBody(withdrawal), token })).status).toBe(201);
    expect((await call('GET', '/v1/consents/me', { token })).json.record).toEqual(withdrawal);
  });

  it("an updatedAt beyond the tolerance is clamped to the endpoint's clock; one within it is kept as sent", async () => {
    const now = Date.parse('2025-03-01T10:00:00.000Z');
    const { call } = await testEndpoint({ now: () => now });
    const far = await call('PUT', `/v1/consents/${RECORD_ID_A}`, {
      body: putBody(record({ decidedAt: '2099-01-01T00:00:00.000Z', updatedAt: '2099-01-01T00:00:00.000Z' })),
    });
    expect(far.json.record).toMatchObject({
      decidedAt: '2025-03-01T10:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
    });
    expect(far.json.receipt.receipt.decidedAt).toBe('2025-03-01T10:00:00.000Z');
    expect((await call('GET', `/v1/consents/${RECORD_ID_A}`)).json.record.updatedAt).toBe('2025-03-01T10:00:00.000Z');

    const skewed = new Date(now + CLOCK_TOLERANCE_MS).toISOString();
    const near = await call('PUT', `/v1/consents/${RECORD_ID_B}`, {
      body: putBody(record({ id: RECORD_ID_B, decidedAt: '2025-03-01T09:00:00.000Z', updatedAt: skewed })),
    });
    expect(near.json.record).toMatchObject({ decidedAt: '2025-03-01T09:00:00.000Z', updatedAt: skewed });
  });
});
