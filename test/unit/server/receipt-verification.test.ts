import { compactVerify, createLocalJWKSet } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwksSchema } from '../../../src/schema/api.js';
import { ReceiptSchema } from '../../../src/schema/receipt.js';
import { SigningKeyMissingError } from '../../../src/server/receipt-signer.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { RECORD_ID_A, putBody, record } from '../../fixtures/consent-bodies.js';
import { testEndpoint } from '../../fixtures/endpoint.js';

/** What an auditor does: fetch the public keys, verify the JWS, read the receipt from the signed payload. */
async function verify(jws: string, jwks: unknown) {
  const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(JwksSchema.parse(jwks) as any));
  return { receipt: ReceiptSchema.parse(JSON.parse(new TextDecoder().decode(payload))), protectedHeader };
}

describe('signed receipts', () => {
  it('verify with the public key from /v1/keys and hold the ISO/IEC TS 27560 and Kantara fields', async () => {
    const { call } = await testEndpoint({ separateConsent: ['marketing'] });
    const { json } = await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody() });
    const jwks = (await call('GET', '/v1/keys')).json;
    const { receipt, protectedHeader } = await verify(json.receipt.jws, jwks);
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: jwks.keys[0].kid });
    expect(receipt).toEqual(json.receipt.receipt);
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      recordId: RECORD_ID_A,
      jurisdiction: 'CN',
      controller: { name: 'Example Ltd.', contact: 'privacy@example.com' },
      policy: { version: '2024-06', url: 'https://www.example.com/privacy' },
      notice: { language: 'zh-CN', textHash: 'a'.repeat(64) },
      collectionMethod: 'preferences-save',
      revision: 1,
    });
    expect(receipt.purposes).toEqual([
      { purpose: 'analytics', status: 'granted', separateConsent: false },
      { purpose: 'marketing', status: 'denied', separateConsent: true },
      { purpose: 'contact:email:offers', status: 'denied', separateConsent: false },
      { purpose: 'contact:email:feedback', status: 'granted', separateConsent: false },
    ]);
  });

  it('flag the purposes the page asked separately, and the age confirmation', async () => {
    const { call } = await testEndpoint();
    const body = putBody(record({ ageConfirmed: true }));
    body.notice.separateConsent = ['analytics'];
    const { json } = await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body });
    const { receipt } = await verify(json.receipt.jws, (await call('GET', '/v1/keys')).json);
    expect(receipt.ageConfirmed).toBe(true);
    expect(receipt.purposes.filter((p) => p.separateConsent).map((p) => p.purpose)).toEqual(['analytics']);
  });

  it('a tampered receipt fails verification', async () => {
    const { call } = await testEndpoint();
    const { json } = await call('PUT', `/v1/consents/${RECORD_ID_A}`, {
      body: putBody(record({ categories: { analytics: false } })),
    });
    const jwks = (await call('GET', '/v1/keys')).json;
    const [header, payload, signature] = json.receipt.jws.split('.');
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('"denied"', '"granted"')).toString(
      'base64url',
    );
    expect(forged).not.toBe(payload);
    await expect(verify(`${header}.${forged}.${signature}`, jwks)).rejects.toThrow(/signature verification failed/);
    // A character in the middle: the last one partly encodes padding bits, so changing it may change nothing.
    const flipped = signature.slice(0, 20) + (signature[20] === 'A' ? 'B' : 'A') + signature.slice(21);
    await expect(verify(`${header}.${payload}.${flipped}`, jwks)).rejects.toThrow();
  });

  it('the signing key is made once and kept: receipts from before a restart still verify', async () => {
    const store = createSqliteStore(':memory:');
    const first = await testEndpoint({ store });
    const { json } = await first.call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody() });
    const second = await testEndpoint({ store });
    const jwks = (await second.call('GET', '/v1/keys')).json;
    expect(jwks).toEqual((await first.call('GET', '/v1/keys')).json);
    expect(jwks.keys).toHaveLength(1);
    await expect(verify(json.receipt.jws, jwks)).resolves.toBeDefined();
  });

  it('after a rotation, /v1/keys still publishes the retired key, old receipts verify, new ones are signed with the new key', async () => {
    const store = createSqliteStore(':memory:');
    const before = await testEndpoint({ store });
    const old = (await before.call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody() })).json.receipt.jws;
    const rotated = await testEndpoint({ store, rotateSigningKey: true });
    const created = (
      await rotated.call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(record({ revision: 2 })) })
    ).json.receipt.jws;
    const jwks = (await rotated.call('GET', '/v1/keys')).json;
    expect(jwks.keys).toHaveLength(2);
    const oldKid = (await verify(old, jwks)).protectedHeader.kid;
    const newKid = (await verify(created, jwks)).protectedHeader.kid;
    expect(newKid).not.toBe(oldKid);
    // The retired key can no longer sign: its private part is gone from the store.
    expect((await store.signingKeys()).find((key) => key.kid === oldKid)?.privateJwk).toBeNull();
    // And a restart without rotating keeps the new key.
    const again = await testEndpoint({ store });
    expect(
      (
        await verify(
          (
            await again.call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(record({ revision: 3 })) })
          ).json.receipt.jws,
          jwks,
        )
      ).protectedHeader.kid,
    ).toBe(newKid);
  });

  it('a store with receipts whose signing key is gone is refused unless told to rotate; a new store makes its key', async () => {
    const store = createSqliteStore(':memory:');
    const { call } = await testEndpoint({ store });
    await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody() });
    await store.retireSigningKeys();
    await expect(testEndpoint({ store })).rejects.toThrow(SigningKeyMissingError);
    const rotated = await testEndpoint({ store, rotateSigningKey: true });
    expect(
      (await rotated.call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(record({ revision: 2 })) })).status,
    ).toBe(200);
    await expect(testEndpoint({ store: createSqliteStore(':memory:') })).resolves.toBeDefined();
  });
});
