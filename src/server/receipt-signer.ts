import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { createPrivateKey, sign, type JsonWebKey } from 'node:crypto';
import type { Jwks } from '../schema/api.js';
import type { Receipt } from '../schema/receipt.js';
import type { ConsentStore, SigningKey } from './consent-store.js';

const ALG = 'EdDSA';

/** Signs receipts with the oldest key in the store and publishes every key as a JWKS. */
export interface ReceiptSigner {
  /**
   * A compact JWS (`alg: EdDSA`, Ed25519, `kid` in the header) of the receipt as JSON. Synchronous and fast
   * (tens of microseconds), and done before a write is queued, never while its transaction is open.
   */
  sign(receipt: Receipt): string;
  /** The public keys, for `GET /v1/keys`. */
  jwks(): Jwks;
}

/**
 * Loads the signing key from the store, generating and storing one on first start. Several processes
 * starting together may each add one; all stay published and the oldest signs, so every receipt verifies.
 */
export async function loadReceiptSigner(store: ConsentStore): Promise<ReceiptSigner> {
  let keys = await store.signingKeys();
  if (keys.length === 0) {
    await store.addSigningKey(await generateSigningKey());
    keys = await store.signingKeys();
  }
  const active = keys[0]!;
  const privateKey = createPrivateKey({ key: active.privateJwk as JsonWebKey, format: 'jwk' });
  const header = Buffer.from(JSON.stringify({ alg: ALG, kid: active.kid, typ: 'consent-receipt+jws' })).toString('base64url');
  const jwks: Jwks = {
    keys: keys.map((k) => ({ kty: 'OKP', crv: 'Ed25519', x: k.publicJwk.x!, kid: k.kid, alg: ALG, use: 'sig' })),
  };
  return {
    sign: (receipt) => {
      const input = `${header}.${Buffer.from(JSON.stringify(receipt)).toString('base64url')}`;
      return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
    },
    jwks: () => structuredClone(jwks),
  };
}

async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const publicJwk: JWK = await exportJWK(publicKey);
  return {
    kid: await calculateJwkThumbprint(publicJwk),
    privateJwk: await exportJWK(privateKey),
    publicJwk,
    createdAt: new Date().toISOString(),
  };
}
