import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import type { ScanReport } from '../../../src/cli/scan/scan-report.js';
import { mergeSuggestion, type Suggestion } from '../../../src/cli/scan/suggest-config.js';
import { startScanSite, type ScanSite } from '../../fixtures/scan-site.js';

/*
 * `consent-kit scan` as a site's CI runs it: the built command in a child process, against fixture pages on
 * 127.0.0.1 whose tracker comes from localhost (another host). Nothing leaves the machine: the pages name
 * no other host.
 */

const PORT = Number(process.env.E2E_PORT ?? 4320) + 1;
const TIMES = ['--timeout', '10000', '--idle', '2000'];
let site: ScanSite;

beforeAll(async () => {
  expect(existsSync('dist/server/cli.js'), 'dist/server/cli.js is missing: run "npm run build" first').toBe(true);
  expect(existsSync('dist/consent-kit.iife.js'), 'dist/consent-kit.iife.js is missing: run "npm run build" first').toBe(
    true,
  );
  site = await startScanSite(PORT);
});
afterAll(() => site.close());

/** Runs the built command; resolves with its exit code and both streams. */
function scan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', ['bin/consent-kit.mjs', 'scan', ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
    });
  });
}

const phaseOf = (report: ScanReport, phase: string) => report.results[0]!.phases.find((p) => p.phase === phase)!;
const pageConfig = (name: string) => JSON.parse(readFileSync(`test/fixtures/scan-site/${name}`, 'utf8'));

describe('consent-kit scan', { timeout: 120_000 }, () => {
  it('reports an untagged tracker that sets a cookie and a storage key before consent, and fails the run', async () => {
    const { code, stdout, stderr } = await scan([...TIMES, '--json', `${site.origin}/untagged.html`]);
    expect(code, stderr).toBe(1);
    const report = JSON.parse(stdout) as ScanReport;
    expect(report.ok).toBe(false);
    expect(report.results[0]).toMatchObject({ config: { source: 'page', problems: [] }, banner: true });
    const before = phaseOf(report, 'before');
    expect(before.hosts).toContainEqual(
      expect.objectContaining({ host: `localhost:${PORT}`, coveredBy: [], findings: ['uncovered', 'before-consent'] }),
    );
    expect(before.cookies).toContainEqual(
      expect.objectContaining({
        name: 'tracker_id',
        domain: '127.0.0.1',
        setBy: 'script',
        findings: ['uncovered', 'before-consent'],
      }),
    );
    expect(before.cookies).toContainEqual(
      expect.objectContaining({ name: 'sid', setBy: 'http', findings: ['uncovered', 'before-consent'] }),
    );
    expect(before.storage).toContainEqual(
      expect.objectContaining({
        origin: site.origin,
        kind: 'localStorage',
        name: 'tracker_seen',
        findings: ['uncovered', 'before-consent'],
      }),
    );
    // Progress on stderr, one line per URL and phase, counted over the run.
    expect(stderr).toMatch(
      new RegExp(
        `\\[1/3\\] ${site.origin}/untagged.html: before[\\s\\S]*\\[2/3\\] .*: reject[\\s\\S]*\\[3/3\\] .*: accept`,
      ),
    );
    // The tracker's beacon was answered by the scan, never sent to its host.
    expect(site.received).not.toContain('/collect');
  });

  it('passes the same site with a config covering the tracker and the tracker tagged', async () => {
    const { code, stdout, stderr } = await scan([...TIMES, '--json', `${site.origin}/tagged.html`]);
    const report = JSON.parse(stdout) as ScanReport;
    expect([code, report.findings], stderr + JSON.stringify(report, null, 2)).toEqual([0, 0]);
    expect(phaseOf(report, 'before').cookies.map((c) => c.name)).not.toContain('tracker_id');
    expect(phaseOf(report, 'reject').cookies.map((c) => c.name)).not.toContain('tracker_id');
    const accepted = phaseOf(report, 'accept');
    expect(accepted.cookies).toContainEqual(
      expect.objectContaining({
        name: 'tracker_id',
        coveredBy: [{ category: 'analytics', purpose: 'analytics', required: false, presets: [] }],
        findings: [],
      }),
    );
    expect(accepted.cookies).toContainEqual(
      expect.objectContaining({ name: 'consent', consentKit: true, findings: [] }),
    );
    expect(accepted.cookies).toContainEqual(
      expect.objectContaining({
        name: 'sid',
        setBy: 'http',
        coveredBy: [{ category: 'necessary', purpose: 'necessary', required: true, presets: [] }],
      }),
    );
    expect(accepted.hosts).toContainEqual(expect.objectContaining({ host: `localhost:${PORT}`, findings: [] }));
  });

  it("takes the host a URL redirects to as the page's own", async () => {
    // From localhost to 127.0.0.1: the page's script and config are then its own, not another host's.
    const { code, stdout, stderr } = await scan([...TIMES, '--json', `${site.trackerOrigin}/go-tagged`]);
    const report = JSON.parse(stdout) as ScanReport;
    expect([code, report.findings], stderr + JSON.stringify(report, null, 2)).toEqual([0, 0]);
    expect(phaseOf(report, 'before').hosts).toEqual([]);
    expect(phaseOf(report, 'accept').hosts.map((h) => h.host)).toEqual([`localhost:${PORT}`]);
  });

  it('reports a URL that does not load and fails the run, without stopping at it', async () => {
    const nothingThere = `http://127.0.0.1:${PORT + 1}/`;
    const { code, stdout } = await scan([...TIMES, '--json', nothingThere, `${site.origin}/tagged.html`]);
    const report = JSON.parse(stdout) as ScanReport;
    expect(code).toBe(1);
    expect(report.results[0]).toMatchObject({
      url: nothingThere,
      phases: [],
      error: expect.stringMatching(/ERR_CONNECTION_REFUSED/),
    });
    expect(report.results[1]!.phases.map((p) => p.phase)).toEqual(['before', 'reject', 'accept']);
  });

  it("--suggest prints entries that parse as config once merged into the page's, and cover what was uncovered", async () => {
    const { code, stdout } = await scan([...TIMES, '--suggest', `${site.origin}/untagged.html`]);
    expect(code).toBe(1);
    const suggestion = JSON.parse(stdout) as Suggestion;
    const merged = mergeSuggestion(pageConfig('uncovering-config.json'), suggestion);
    const analytics = parseConfig(merged).categories.find((c) => c.id === 'analytics')!;
    expect(analytics.hosts).toContain(`localhost:${PORT}`);
    expect(analytics.cookies).toEqual(expect.arrayContaining(['tracker_id', 'sid']));
    expect(analytics.storage).toContain('tracker_seen');

    // Checked against the merged config, nothing is uncovered; the untagged tracker still ran before consent.
    const file = join(mkdtempSync(join(tmpdir(), 'consent-kit-scan-')), 'config.json');
    writeFileSync(file, JSON.stringify(merged));
    const again = await scan([...TIMES, '--json', '--config', file, `${site.origin}/untagged.html`]);
    const report = JSON.parse(again.stdout) as ScanReport;
    expect(again.code).toBe(1);
    expect(report.results[0]!.config.source).toBe('file');
    const findings = report.results[0]!.phases.flatMap((p) => [...p.hosts, ...p.cookies, ...p.storage]).flatMap(
      (item) => item.findings,
    );
    expect(findings).not.toContain('uncovered');
    expect(phaseOf(report, 'before').cookies).toContainEqual(
      expect.objectContaining({ name: 'tracker_id', findings: ['before-consent'] }),
    );
  });
});
