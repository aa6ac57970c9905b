import { describe, expect, it } from 'vitest';
import { readBody } from '../../../src/server/read-body.js';

/** A PUT whose Content-Length header says `declared`, with `body` as sent. */
const put = (declared: string | undefined, body: string) =>
  new Request('http://127.0.0.1/v1/consents/x', {
    method: 'PUT',
    headers: declared === undefined ? {} : { 'content-length': declared },
    body,
  });

describe('readBody', () => {
  it('refuses a declared length over the limit without reading the body', async () => {
    expect(await readBody(put('17000', 'x'), 16)).toEqual({ kind: 'too-large' });
  });

  it('does not trust a Content-Length it cannot read as a length: the body is counted as it streams', async () => {
    for (const declared of ['1e3', '-1', '0x10', '12abc', '99999999999999999999']) {
      expect(await readBody(put(declared, 'x'.repeat(40)), 16), `Content-Length: ${declared}`).toEqual({
        kind: 'too-large',
      });
      expect(await readBody(put(declared, 'small'), 16), `Content-Length: ${declared}`).toEqual({
        kind: 'read',
        text: 'small',
      });
    }
  });

  it('reads a body without any Content-Length up to the limit, and no further', async () => {
    expect(await readBody(put(undefined, 'x'.repeat(16)), 16)).toEqual({ kind: 'read', text: 'x'.repeat(16) });
    expect(await readBody(put(undefined, 'x'.repeat(17)), 16)).toEqual({ kind: 'too-large' });
  });
});
