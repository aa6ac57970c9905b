import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quickStartConfig } from '../../../bench/readme-quick-start.mjs';
import { parseConfig } from '../../../src/core/config.js';

/** The bench measures the README's script-tag quick start as written there; these keep that link working. */
describe("the bench's quick-start config", () => {
  it("is the README's script-tag quick-start config, a valid config with its categories", () => {
    const config = parseConfig(quickStartConfig());
    expect(config.categories.map((c) => c.id)).toEqual(['necessary', 'analytics', 'marketing']);
    expect(config.policy.version).toBe('2024-06');
  });

  it('is the config tag of that section, not one of another section', () => {
    const readme = readFileSync('README.md', 'utf8');
    const edited = readme.replace(
      '## Quick start: script tag',
      '## Quick start: script tag\n\n<script type="application/json" data-consent-kit>{"policy":{"version":"edited","url":"/"}}</script>',
    );
    expect(quickStartConfig(edited)).toEqual({ policy: { version: 'edited', url: '/' } });
  });

  it('names the README section when the section or its config tag is missing', () => {
    expect(() => quickStartConfig('# consent-kit\n\n## Quick start: npm\n')).toThrow(
      '"## Quick start: script tag" section',
    );
    expect(() =>
      quickStartConfig(
        '## Quick start: script tag\n\nno tag\n\n## Quick start: npm\n<script type="application/json" data-consent-kit>{}</script>\n',
      ),
    ).toThrow('has no <script type="application/json" data-consent-kit> tag');
    expect(() =>
      quickStartConfig('## Quick start: script tag\n<script type="application/json" data-consent-kit>{,}</script>\n'),
    ).toThrow('does not hold valid JSON');
  });
});
