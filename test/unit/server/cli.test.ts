import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/server/cli.js';

describe('consent-kit CLI', () => {
  afterEach(() => vi.restoreAllMocks());

  it('explains its usage and refuses bad options with the option named, before opening anything', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => errors.push(message));
    expect(await main([])).toBe(2);
    expect(errors.pop()).toMatch(/Usage: consent-kit serve/);
    expect(await main(['--help'])).toBe(0);
    expect(await main(['start'])).toBe(2);
    expect(errors.pop()).toMatch(/unknown command "start"/);
    expect(await main(['serve', '--port', 'eighty'])).toBe(2);
    expect(errors.pop()).toMatch(/--port: expected a port number, got "eighty"/);
    expect(await main(['serve', '--origin', 'https://www.example.com/path'])).toBe(2);
    expect(errors.pop()).toMatch(/--origin: expected an origin such as https:\/\/www.example.com \(no path\)/);
    expect(await main(['serve', '--dbb', 'x.db'])).toBe(2);
    expect(errors.pop()).toMatch(/Unknown option '--dbb'/);
  });
});
