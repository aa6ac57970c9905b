import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConsentUsageError } from '../../../src/core/errors.js';

/** Usage prose the SDK explains itself with in development; see src/core/dev-mode.ts. */
const PROSE = [
  'installGate() ran after init()',
  'init() was called more than once',
  'must be true or false',
  'is a required category and is always on',
];

describe('usage prose only where developers build', () => {
  it('the script-tag build carries none of it, and the npm build all of it', () => {
    const scriptTag = readFileSync('dist/consent-kit.iife.js', 'utf8');
    // The npm build: its entries and the chunk they share, not the script tag's on-demand chunks.
    const npm = readdirSync('dist')
      .filter((name) => name.endsWith('.js') && !name.startsWith('consent-kit'))
      .map((name) => readFileSync(`dist/${name}`, 'utf8'))
      .join('\n');
    expect(PROSE.filter((text) => scriptTag.includes(text))).toEqual([]);
    expect(PROSE.filter((text) => !npm.includes(text))).toEqual([]);
  });

  it('an error without prose still says what happened, by its code', () => {
    const error = new ConsentUsageError('invalid-choice', '');
    expect(error.message).toBe('consent-kit: invalid-choice');
    expect(error.code).toBe('invalid-choice');
  });
});
