import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Declaration = {
  tagName?: string;
  attributes?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  events?: { name: string }[];
};

/** The manifest is generated from the elements' JSDoc at build time; editors and frameworks read it. */
describe('custom elements manifest', () => {
  const file = 'dist/custom-elements.json';

  function element(tag: string): Declaration {
    expect(existsSync(file), `${file} is missing: run "npm run build" first`).toBe(true);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
    const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
    expect(found, `${tag} is not in the manifest`).toBeDefined();
    return found!;
  }

  it('describes <consent-banner> with its parts and custom properties', () => {
    const banner = element('consent-banner');
    expect(banner.cssParts!.map((p) => p.name)).toEqual(expect.arrayContaining(['base', 'button', 'reopen']));
    expect(banner.cssProperties!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['--consent-bg', '--consent-focus', '--consent-z-index']),
    );
    expect(banner.attributes!.map((a) => a.name)).toEqual(['theme']);
    expect(banner.events!.map((e) => e.name)).toEqual(['consent:change']);
  });

  it('describes <consent-preferences> with its inline attribute and no internal state', () => {
    const panel = element('consent-preferences');
    expect(panel.attributes!.map((a) => a.name).sort()).toEqual(['inline', 'theme']);
    expect(panel.cssParts!.map((p) => p.name)).toEqual(expect.arrayContaining(['dialog', 'switch', 'button-save']));
    expect(panel.events!.map((e) => e.name)).toEqual(['consent:change', 'consent:locale']);
  });
});
