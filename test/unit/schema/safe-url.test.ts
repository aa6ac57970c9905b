import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../../src/shared/safe-url.js';

describe('isSafeUrl', () => {
  it.each([
    'https://a.example/p',
    'HTTP://a.example',
    '/privacy',
    './p',
    '../p',
    '?x=1',
    '#top',
    'privacy.html',
    '//cdn.example/p',
  ])('allows %j', (url) => expect(isSafeUrl(url)).toBe(true));
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\nscript:x',
    'vbscript:x',
    'data:text/html,x',
    'blob:x',
    'file:///etc',
    ' https://a',
    '',
  ])('refuses %j', (url) => expect(isSafeUrl(url)).toBe(false));
});
