import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { createPrivateKey, type JsonWebKey } from 'node:crypto';
import type { Jwks } from '../schema/api.js';
import type { Receipt } from '../schema/receipt.js';
import type { ConsentStore, SigningKey } from './consent-store.js';
import { signOffThread } from './signing-thread.js';

const ALG = 'EdDSA';

/** Signs receipts with the oldest usable key in the store and publishes every key, retired ones too, as a JWKS. */
export interface ReceiptSigner {
  /**
   * A compact JWS (`alg: EdDSA`, Ed25519, `kid` in the header) of the receipt as JSON. Signed on a thread of
   * its own (signing-thread.ts), before a write is queued, never while its transaction is open.
   */
  sign(receipt: Receipt): Promise<string>;
  /**
   * The public keys, for `GET /v1/keys`: read from the store each time, so that every process on one
   * database publishes the keys all of them sign with, and the ones a rotation retired.
   */
  jwks(): Promise<Jwks>;
}

/** Thrown on start when the store holds receipts but no key to sign new ones with. */
export class SigningKeyMissingError extends Error {
  constructor() {
    super(
      'consent-kit: the database holds receipts but no signing key: it was lost or removed, so new receipts ' +
        'cannot be signed with the key the old ones were. Restore the signing_keys table from a backup, or start ' +
        'once with --rotate-signing-key (rotateSigningKey: true) to make a new key; receipts signed with a lost key ' +
        'can then no longer be verified.',
    );
    this.name = 'SigningKeyMissingError';
  }
}

/**
 * Loads the signing key from the store, generating and storing one on the first start (a store without
 * receipts). Several processes starting together may each add one; all stay published and the oldest signs,
 * so every receipt verifies. With `rotate`, every key is retired first (its private part deleted, its public
 * part still published at `/v1/keys`) and a new one signs from then on. A store that holds receipts but no
 * key with its private part is refused with a {@link SigningKeyMissingError} unless `rotate` is set: a key
 * silently replaced would leave earlier receipts unverifiable without anyone noticing.
 */
export async function loadReceiptSigner(
  store: ConsentStore,
  options: { rotate?: boolean } = {},
): Promise<ReceiptSigner> {
  if (options.rotate) await store.retireSigningKeys();
  let keys = await store.signingKeys();
  if (!keys.some((key) => key.privateJwk !== null)) {
    if (!options.rotate && (await store.hasReceipts())) throw new SigningKeyMissingError();
    await store.addSigningKey(await generateSigningKey());
    keys = await store.signingKeys();
  }
  const active = keys.find((key) => key.privateJwk !== null)!;
  const privateJwk = active.privateJwk as JsonWebKey;
  // A key that cannot sign is refused on start, not at the first write.
  createPrivateKey({ key: privateJwk, format: 'jwk' });
  const header = Buffer.from(JSON.stringify({ alg: ALG, kid: active.kid, typ: 'consent-receipt+jws' })).toString(
    'base64url',
  );
  return {
    sign: async (receipt) => {
      const input = `${header}.${Buffer.from(JSON.stringify(receipt)).toString('base64url')}`;
      return `${input}.${await signOffThread(active.kid, privateJwk, input)}`;
    },
    jwks: async () => ({
      keys: (await store.signingKeys()).map((k) => ({
        kty: 'OKP',
        crv: 'Ed25519',
        x: k.publicJwk.x!,
        kid: k.kid,
        alg: ALG,
        use: 'sig',
      })),
    }),
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
