import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import type { RequestGate } from '../../../src/core/environment.js';
import { ConsentUsageError } from '../../../src/core/errors.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';

const config = parseConfig({ policy: { version: '1', url: '/' } });

describe('the manager and its request gate', () => {
  it('connects the gate once it has read the stored decision, and delegates blocked() and beacon() to it', () => {
    const calls: string[] = [];
    const gate: RequestGate = {
      connect: (consent) => calls.push(`connect ready=${consent?.hasDecision === false}`),
      blocked: () => ({ analytics: { 'stats.example.com': { held: 2, released: 0, dropped: 1 } } }),
      beacon: (category, url) => {
        calls.push(`beacon ${category} ${url}`);
        return true;
      },
    };
    const manager = new ConsentManager(config, { ...memoryEnvironment().env, gate });
    expect(manager.beacon('analytics', 'https://stats.example.com/b', 'x')).toBe(true);
    expect(manager.blocked()).toEqual({ analytics: { 'stats.example.com': { held: 2, released: 0, dropped: 1 } } });
    expect(calls).toEqual(['connect ready=true', 'beacon analytics https://stats.example.com/b']);
  });

  it('without a gate, blocked() is empty and beacon() sends nothing before a grant', () => {
    const manager = new ConsentManager(config, memoryEnvironment().env);
    expect(manager.blocked()).toEqual({});
    expect(manager.beacon('analytics', 'https://stats.example.com/b')).toBe(false);
  });

  it('beacon() names an unknown category instead of guessing', () => {
    const manager = new ConsentManager(config, memoryEnvironment().env);
    expect(() => manager.beacon('analytic', '/b')).toThrow(ConsentUsageError);
    expect(() => manager.beacon('analytic', '/b')).toThrow(/unknown category "analytic"/);
  });
});
