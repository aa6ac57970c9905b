import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ConsentRecordSchema } from '../../../src/schema/consent-record.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { RECORD_ID_A, putBody, record } from '../../fixtures/consent-bodies.js';
import { testEndpoint } from '../../fixtures/endpoint.js';

/** Bodies near the valid shape (each field valid or replaced by anything), and bodies of any JSON at all. */
const anything = fc.oneof(fc.jsonValue(), fc.string(), fc.constant(undefined), fc.constant('__proto__'));
const nearRecord = fc.record({
  id: fc.oneof(fc.constant(RECORD_ID_A), fc.uuid(), anything),
  policyVersion: fc.oneof(fc.constant('2024-06'), anything),
  categories: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('analytics', 'marketing', '__proto__', 'constructor'), fc.string()), fc.oneof(fc.boolean(), anything)), anything),
  contact: fc.oneof(fc.constant({ email: { offers: true } }), fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.boolean())), anything),
  method: fc.oneof(fc.constantFrom('api', 'gpc', 'banner-accept-all'), anything),
  decidedAt: fc.oneof(fc.constant('2025-01-15T10:00:00.000Z'), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), anything),
  updatedAt: fc.oneof(fc.constant('2025-01-15T10:00:00.000Z'), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), anything),
  revision: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.double(), anything),
}, { requiredKeys: [] });
const nearBody = fc.record({
  record: fc.oneof(nearRecord, anything),
  idempotencyKey: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), anything),
  notice: fc.oneof(fc.constant(putBody().notice), fc.record({ language: anything, policyUrl: fc.oneof(fc.webUrl(), anything), textHash: anything }), anything),
}, { requiredKeys: [] });
const rawBody = fc.oneof(
  nearBody.map((b) => JSON.stringify(b)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constant(JSON.stringify(putBody(record()))),
);

describe('endpoint under generated input', () => {
  it('never answers 5xx and never stores an invalid record', async () => {
    const store = createSqliteStore(':memory:');
    const { call } = await testEndpoint({ store, writesPerMinute: 1_000_000 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('PUT', 'PUT', 'PUT', 'GET', 'DELETE', 'POST', 'PATCH'),
        fc.oneof(fc.constant(`/v1/consents/${RECORD_ID_A}`), fc.constant('/v1/consents/me'), fc.string().map((s) => `/v1/consents/${encodeURIComponent(s)}`)),
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
        rawBody,
        fc.option(fc.string(), { nil: undefined }),
        async (method, path, type, raw, token) => {
          const hasBody = method !== 'GET' && method !== 'DELETE';
          const answer = await call(method, path, {
            ...(hasBody ? { raw } : {}), headers: type && hasBody ? { 'content-type': type } : {}, ...(token ? { token } : {}),
          });
          expect(answer.status, `${method} ${path} ${raw}`).toBeLessThan(500);
          const stored = await store.read(RECORD_ID_A);
          if (stored) expect(z.safeParse(ConsentRecordSchema, stored.record).success).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
