import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { compileCookiePattern } from '../../../src/shared/cookie-pattern.js';
import { createClassifier } from '../../../src/cli/scan/coverage.js';
import { formatTable } from '../../../src/cli/scan/format-table.js';
import { summarize, type PhaseResult } from '../../../src/cli/scan/scan-report.js';
import { mergeSuggestion, suggestConfig } from '../../../src/cli/scan/suggest-config.js';

const PAGE = 'https://www.example.com/';
const pageConfig = {
  policy: { version: '1', url: '/privacy' },
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics', cookies: ['seen'] },
  ],
};
const pageClassifier = createClassifier(parseConfig(pageConfig), ['allowed.example.org'], PAGE);

/** A report of one URL whose "before" visit saw these hosts, cookies and storage names. */
function reportOf(hosts: string[], cookies: string[], storage: string[], classifier = pageClassifier) {
  const before: PhaseResult = {
    phase: 'before',
    hosts: hosts.map((host) => ({ host, ...classifier.classify('host', `https://${host}/x`, 'before') })),
    cookies: cookies.map((name) => ({
      name,
      domain: 'www.example.com',
      path: '/',
      setBy: 'script' as const,
      ...classifier.classify('cookie', name, 'before'),
    })),
    storage: storage.map((name) => ({
      origin: PAGE.slice(0, -1),
      kind: 'localStorage' as const,
      name,
      ...classifier.classify('storage', name, 'before'),
    })),
  };
  const skipped = (phase: 'reject' | 'accept'): PhaseResult => ({
    phase,
    skipped: 'no consent-kit banner on the page',
    hosts: [],
    cookies: [],
    storage: [],
  });
  return summarize([
    {
      url: PAGE,
      config: { source: 'page', problems: [] },
      banner: false,
      phases: [before, skipped('reject'), skipped('accept')],
    },
  ]);
}

const report = reportOf(
  ['www.google-analytics.com', 'allowed.example.org', '[::1]:8080', 'tracker.example.net'],
  ['_ga', '_ga_X1', '_fbp', '/odd/', 'seen', 'consent'],
  ['trk'],
);

describe('consent-kit scan --suggest', () => {
  it('suggests matching presets first, in the category their service belongs to, then the rest under "analytics"', () => {
    const { suggestion, unsorted, leftOut } = suggestConfig(report);
    expect(suggestion.categories).toEqual([
      {
        id: 'analytics',
        presets: ['ga4'],
        hosts: ['tracker.example.net'],
        cookies: ['/^\\/odd\\/$/'],
        storage: ['trk'],
      },
      { id: 'marketing', presets: ['meta-pixel'] },
    ]);
    expect(unsorted).toBe(3);
    expect(leftOut).toEqual(['[::1]:8080']);
  });

  it('suggests embedded players and maps in labelled "video" and "maps" categories that parse as config', () => {
    const embeds = reportOf(['player.bilibili.com', 'webapi.amap.com'], [], []);
    const { suggestion } = suggestConfig(embeds);
    expect(suggestion.categories).toEqual([
      { id: 'video', label: { en: 'Videos', 'zh-CN': '视频' }, presets: ['bilibili'] },
      { id: 'maps', label: { en: 'Maps', 'zh-CN': '地图' }, presets: ['amap'] },
    ]);
    const merged = parseConfig(mergeSuggestion(pageConfig, suggestion));
    expect(merged.categories.map((c) => c.id)).toEqual(['necessary', 'analytics', 'video', 'maps']);
  });

  it("gives entries that parse as config merged into the page's, covering exactly the names found", () => {
    const merged = parseConfig(mergeSuggestion(pageConfig, suggestConfig(report).suggestion));
    const analytics = merged.categories.find((c) => c.id === 'analytics')!;
    expect(analytics.cookies).toEqual(expect.arrayContaining(['seen', '/^_ga/', '/^\\/odd\\/$/']));
    expect(compileCookiePattern('/^\\/odd\\/$/')!('/odd/')).toBe(true);
    expect(compileCookiePattern('/^\\/odd\\/$/')!('x/odd/')).toBe(false);
    expect(merged.categories.find((c) => c.id === 'marketing')!.cookies).toContain('_fbp');
    // A config without categories starts from the defaults, as the schema does.
    expect(
      parseConfig(
        mergeSuggestion({ policy: { version: '1', url: '/p' } }, suggestConfig(report).suggestion),
      ).categories.map((c) => c.id),
    ).toEqual(['necessary', 'analytics', 'marketing']);
  });

  it('suggests each preset as a service of its name, which the scan of the merged config then names', () => {
    const merged = parseConfig(mergeSuggestion(pageConfig, suggestConfig(report).suggestion));
    expect(merged.categories.find((c) => c.id === 'analytics')!.services.map((s) => s.id)).toEqual(['ga4']);
    const rescan = createClassifier(merged, [], PAGE);
    expect(rescan.classify('cookie', '_ga_X1', 'before').coveredBy.map((c) => c.purpose)).toEqual(['analytics/ga4']);
    expect(rescan.classify('cookie', '_fbp', 'before').coveredBy.map((c) => c.purpose)).toEqual([
      'marketing/meta-pixel',
    ]);
    expect(rescan.classify('cookie', 'seen', 'before').coveredBy.map((c) => c.purpose)).toEqual(['analytics']);
    expect(formatTable(reportOf([], ['_ga_X1'], [], rescan))).toMatch(
      /cookie\s+_ga_X1\s+.*analytics\/ga4 \[ga4\]\s+BEFORE CONSENT/,
    );
  });
});

describe("the scan's table", () => {
  it('shows each item with what covers it and what is wrong, then the count of findings', () => {
    const table = formatTable(report);
    expect(table).toMatch(/^https:\/\/www\.example\.com\/\n {2}config: the page's own; banner: not found/);
    expect(table).toMatch(
      /cookie\s+_fbp\s+www\.example\.com, set by script\s+- \(preset: meta-pixel\)\s+UNCOVERED, BEFORE CONSENT/,
    );
    expect(table).toMatch(/cookie\s+seen\s+.*analytics\s+BEFORE CONSENT/);
    expect(table).toMatch(/cookie\s+consent\s+.*consent-kit itself\s+ok/);
    expect(table).toMatch(/host\s+allowed\.example\.org\s+-\s+allowed/);
    expect(table).toMatch(/reject \(skipped: no consent-kit banner on the page\)/);
    expect(table).toMatch(new RegExp(`${report.findings} findings in 1 URL\\.$`));
  });
});
