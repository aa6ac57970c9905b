import { describe, expect, it } from 'vitest';
import { deleteCookies } from '../../../src/gate/cookie-cleanup.js';

/** A document whose cookie jar is a string; records every cookie written. */
function fakeDocument(cookies: string) {
  const writes: string[] = [];
  const document = {
    get cookie() {
      return cookies;
    },
    set cookie(value: string) {
      writes.push(value);
    },
  } as unknown as Document;
  return { document, writes };
}

describe('deleteCookies', () => {
  it('expires matching cookies host-only, on the cookie domain and on every parent domain, on each parent path', () => {
    const { document, writes } = fakeDocument('_ga=1; _hm_lvt_9=2; theme=dark; consent=abc');
    const deleted = deleteCookies(document, ['_ga', '/^_hm_/'], {
      hostname: 'www.shop.example.com',
      pathname: '/cart/item',
      domain: '.example.com',
      keep: 'consent',
    });
    expect(deleted).toEqual(['_ga', '_hm_lvt_9']);
    const forGa = writes.filter((w) => w.startsWith('_ga='));
    expect(forGa).toContain('_ga=; Max-Age=0; Path=/');
    expect(forGa).toContain('_ga=; Max-Age=0; Path=/; Domain=.example.com');
    expect(forGa).toContain('_ga=; Max-Age=0; Path=/; Domain=www.shop.example.com');
    expect(forGa).toContain('_ga=; Max-Age=0; Path=/; Domain=shop.example.com');
    expect(forGa).toContain('_ga=; Max-Age=0; Path=/; Domain=example.com');
    expect(forGa).toContain('_ga=; Max-Age=0; Path=/cart; Domain=example.com');
    expect(forGa).not.toContain('_ga=; Max-Age=0; Path=/; Domain=com');
    expect(writes.some((w) => w.startsWith('theme=') || w.startsWith('consent='))).toBe(false);
  });

  it('never deletes the consent cookie, even when a pattern matches it', () => {
    const { document, writes } = fakeDocument('consent=abc; c_other=1');
    expect(deleteCookies(document, ['/^c/'], { hostname: 'shop.test', pathname: '/', keep: 'consent' })).toEqual([
      'c_other',
    ]);
    expect(writes.every((w) => w.startsWith('c_other='))).toBe(true);
  });

  it('on https, deletes with Secure, so that __Secure- and __Host- cookies go too', () => {
    const { document, writes } = fakeDocument('__Host-_ga=1');
    deleteCookies(document, ['/_ga$/'], { hostname: 'shop.test', pathname: '/', keep: 'consent', isSecure: true });
    expect(writes[0]).toBe('__Host-_ga=; Max-Age=0; Path=/; Secure');
  });

  it('an IP address has no parent domains', () => {
    const { document, writes } = fakeDocument('_ga=1');
    deleteCookies(document, ['_ga'], { hostname: '127.0.0.1', pathname: '/', keep: 'consent' });
    expect(writes).toEqual(['_ga=; Max-Age=0; Path=/']);
  });
});
