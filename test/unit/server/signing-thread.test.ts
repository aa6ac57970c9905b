import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signOffThread } from '../../../src/server/signing-thread.js';

describe('signatures made off the request thread', () => {
  it('answers every caller of a batch with the signature of its own input, for each key', async () => {
    const pairs = [generateKeyPairSync('ed25519'), generateKeyPairSync('ed25519')];
    const inputs = Array.from({ length: 60 }, (_, i) => ({ key: i % 2, input: `header.payload-${i}` }));
    // All asked for in one turn of the event loop: they travel as one batch.
    const signatures = await Promise.all(
      inputs.map(({ key, input }) =>
        signOffThread(`kid-${key}`, pairs[key]!.privateKey.export({ format: 'jwk' }), input),
      ),
    );
    inputs.forEach(({ key, input }, i) => {
      const signature = Buffer.from(signatures[i]!, 'base64url');
      expect(verify(null, Buffer.from(input), pairs[key]!.publicKey, signature), input).toBe(true);
      expect(verify(null, Buffer.from(`${input}!`), pairs[key]!.publicKey, signature)).toBe(false);
    });
  });
});
