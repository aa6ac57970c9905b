import type { Classified, Finding, PhaseResult, ScanReport, UrlResult } from './scan-report.js';

const FINDING_TEXT: Record<Finding, string> = {
  uncovered: 'UNCOVERED',
  'before-consent': 'BEFORE CONSENT',
  'after-reject': 'AFTER REJECT',
};

const CONFIG_TEXT: Record<UrlResult['config']['source'], string> = {
  file: 'from --config',
  page: "the page's own",
  none: 'none found: everything is uncovered',
};

/** The report as a table for people: per URL and phase, one row per host, cookie and storage name, then a summary. */
export function formatTable(report: ScanReport): string {
  const blocks = report.results.map(formatUrl);
  const summary = report.ok
    ? `No findings in ${plural(report.results.length, 'URL')}.`
    : `${plural(report.findings, 'finding')} in ${plural(report.results.length, 'URL')}.`;
  return [...blocks, summary].join('\n\n');
}

function formatUrl(result: UrlResult): string {
  const head = [
    result.url,
    `  config: ${CONFIG_TEXT[result.config.source]}; banner: ${result.banner ? 'found' : 'not found, so only "before" ran'}`,
    ...result.config.problems.map((problem) => `  CONFIG PROBLEM ${problem}`),
    ...(result.error ? [`  ERROR ${result.error}`] : []),
  ];
  return [...head, ...result.phases.map(formatPhase)].join('\n');
}

function formatPhase(phase: PhaseResult): string {
  const title = `  ${phase.phase}${phase.skipped ? ` (skipped: ${phase.skipped})` : ''}`;
  const rows = [
    ...phase.hosts.map((h) => ['host', h.host, '', ...coverageColumns(h)]),
    ...phase.cookies.map((c) => [
      'cookie',
      c.name,
      `${c.domain}${c.path === '/' ? '' : c.path}, set by ${c.setBy}`,
      ...coverageColumns(c),
    ]),
    ...phase.storage.map((s) => [s.kind, s.name, s.origin, ...coverageColumns(s)]),
  ];
  if (rows.length === 0) return phase.skipped ? title : `${title}\n    (nothing)`;
  return `${title}\n${columns(rows)
    .map((line) => `    ${line}`)
    .join('\n')}`;
}

/** The "covered by" and "finding" cells of an item. */
function coverageColumns(item: Classified): [string, string] {
  const covered = item.consentKit
    ? 'consent-kit itself'
    : item.coveredBy
        .map(
          (c) =>
            `${c.purpose}${c.required ? ' (required)' : ''}${c.presets.length ? ` [${c.presets.join(', ')}]` : ''}`,
        )
        .join(', ');
  const note = item.allowed ? 'allowed' : item.findings.map((f) => FINDING_TEXT[f]).join(', ') || 'ok';
  const hint =
    item.coveredBy.length === 0 && item.knownPresets.length > 0 ? ` (preset: ${item.knownPresets.join(', ')})` : '';
  return [covered || `-${hint}`, note];
}

/** Rows padded into aligned columns; the last column is left unpadded. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
