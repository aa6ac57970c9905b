import { describe, expect, it } from 'vitest';
import { createHostMatcher } from '../../../src/gate/host-matcher.js';

const match = createHostMatcher([
  { id: 'analytics', hosts: ['stats.example.com', '*.clarity.ms', 'xn--bcher-kva.example', 'local.test:8080'] },
  { id: 'marketing', hosts: ['ads.example.com', 'stats.example.com'] },
]);
const categoriesOf = (url: string, base?: string) => match(url, base)?.categories;

describe('host matching', () => {
  it('matches an exact host over http and https, whatever the path, query or case', () => {
    expect(match('https://stats.example.com/collect?x=1')).toEqual({
      host: 'stats.example.com',
      categories: ['analytics', 'marketing'],
    });
    expect(categoriesOf('http://STATS.Example.com/a')).toEqual(['analytics', 'marketing']);
    expect(categoriesOf('https://ads.example.com')).toEqual(['marketing']);
  });

  it('does not match other hosts that merely contain the name', () => {
    expect(match('https://example.com/')).toBeUndefined();
    expect(match('https://www.stats.example.com/')).toBeUndefined();
    expect(match('https://stats.example.com.evil.test/')).toBeUndefined();
    expect(match('https://evilstats.example.com/')).toBeUndefined();
  });

  it('a wildcard covers every subdomain, at any depth, but not the domain itself', () => {
    expect(categoriesOf('https://www.clarity.ms/tag/abc')).toEqual(['analytics']);
    expect(categoriesOf('https://a.b.clarity.ms/collect')).toEqual(['analytics']);
    expect(match('https://clarity.ms/')).toBeUndefined();
    expect(match('https://notclarity.ms/')).toBeUndefined();
  });

  it('a host without a port covers every port; one with a port only that port', () => {
    expect(categoriesOf('https://stats.example.com:8443/x')).toEqual(['analytics', 'marketing']);
    expect(match('http://local.test:8080/x')).toEqual({ host: 'local.test:8080', categories: ['analytics'] });
    expect(match('http://local.test/x')).toBeUndefined();
    expect(match('http://local.test:9090/x')).toBeUndefined();
  });

  it('compares default ports the way browsers send them', () => {
    const onDefault = createHostMatcher([{ id: 'analytics', hosts: ['s.test:443'] }]);
    expect(onDefault('https://s.test/')?.categories).toEqual(['analytics']);
    expect(onDefault('https://s.test:443/')?.categories).toEqual(['analytics']);
    expect(onDefault('http://s.test/')).toBeUndefined();
  });

  it('matches internationalised host names through their punycode form', () => {
    expect(categoriesOf('https://bücher.example/p')).toEqual(['analytics']);
    expect(categoriesOf('https://BÜCHER.example/p')).toEqual(['analytics']);
    expect(categoriesOf('https://xn--bcher-kva.example/p')).toEqual(['analytics']);
  });

  it('resolves relative URLs against the page', () => {
    expect(categoriesOf('/collect', 'https://stats.example.com/page')).toEqual(['analytics', 'marketing']);
    expect(categoriesOf('//www.clarity.ms/tag', 'https://shop.test/')).toEqual(['analytics']);
    expect(match('/collect', 'https://shop.test/page')).toBeUndefined();
  });

  it('ignores a trailing dot, which would otherwise be a way around the list', () => {
    expect(match('https://stats.example.com./x')).toEqual({
      host: 'stats.example.com',
      categories: ['analytics', 'marketing'],
    });
  });

  it('covers WebSocket URLs too', () => {
    expect(categoriesOf('wss://x.clarity.ms/socket')).toEqual(['analytics']);
  });

  it('leaves data:, blob:, about:, javascript: and unparsable URLs untouched', () => {
    expect(match('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toBeUndefined();
    expect(match('blob:https://stats.example.com/6b1c8a5e-1d1f-4a55-9b59-0c7f3e0b9c11')).toBeUndefined();
    expect(match('about:blank')).toBeUndefined();
    expect(match('javascript:void(0)')).toBeUndefined();
    expect(match('not a url')).toBeUndefined();
    expect(match('http://[::1')).toBeUndefined();
  });

  it('with no hosts listed, matches nothing', () => {
    expect(createHostMatcher([{ id: 'analytics', hosts: [] }])('https://stats.example.com/')).toBeUndefined();
  });
});
