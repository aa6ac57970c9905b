import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfigJson } from '../../core/config.js';
import { ConsentConfigError } from '../../core/errors.js';
import type { ConsentConfig } from '../../schema/config.js';
import { compileCookiePattern } from '../../shared/cookie-pattern.js';
import { formatTable } from './format-table.js';
import { launchChromium, loadChromiumDriver, ScanSetupError } from './scan-browser.js';
import type { ScanReport } from './scan-report.js';
import { scanUrls } from './scan-urls.js';
import { suggestConfig, UNSORTED_CATEGORY } from './suggest-config.js';

export const SCAN_USAGE = `Usage: consent-kit scan [options] <url>…

  Visits each URL three times in a fresh browser (no decision, after "Reject all", after "Accept all" on the
  page's consent-kit banner) and reports, per visit, the other hosts contacted, the cookies set (by HTTP or by
  script), the storage keys and IndexedDB databases, and which config category and preset covers each.
  Progress goes to stderr, the result alone to stdout.

  --config <file>     the config to check against (JSON, as the config tag holds it); default: each page's own
                      config tag; without either, everything is uncovered
  --allow <pattern>   accept a host (cdn.example.com, *.example.com) or a cookie or storage name (sid,
                      /^csrf/) wherever it appears; repeat for more
  --json              print the report as JSON (shape in docs/scan.md)
  --suggest           print config entries covering what is uncovered, matching presets first, as a JSON
                      fragment whose categories merge by id into the config
  --timeout <ms>      bound on each page load and on waiting for the banner (default 15000)
  --idle <ms>         bound on waiting for the network to go quiet after each load (default 5000)
  --help              show this help

  Traffic: the URLs and everything from their own hosts load as usual; documents, scripts, styles and fonts
  from other hosts load too, so third-party code runs and sets what it sets; every other request to another
  host (beacons, pixels, fetch, XHR) is recorded and answered with an empty 204, so a scan sends no data to them.

  Exit codes: 0 nothing found; 1 something uncovered, set before consent or kept after "Reject all", a page
  that did not load, or a page config with errors; 2 a usage or --config mistake, or no browser.
  Needs playwright-core (npm install --save-dev playwright-core; it downloads no browser) and a Chromium:
  CHROME_PATH, Playwright's own (npx playwright install chromium), or /usr/bin/chromium.`;

interface ScanRequest {
  urls: string[];
  config: ConsentConfig | undefined;
  allow: string[];
  output: 'table' | 'json' | 'suggest';
  timeoutMs: number;
  idleMs: number;
}

/** Runs `consent-kit scan …`; returns the exit code (0 clean, 1 findings, 2 usage, config or set-up errors). */
export async function scanCommand(args: string[]): Promise<number> {
  const request = await readRequest(args);
  if (typeof request === 'number') return request;
  let report: ScanReport;
  try {
    const browser = await launchChromium(await loadChromiumDriver());
    try {
      report = await scanUrls(browser, request.urls, { ...request, progress: (line) => console.error(line) });
    } finally {
      await browser.close();
    }
  } catch (error) {
    if (!(error instanceof ScanSetupError)) throw error;
    console.error(`consent-kit scan: ${error.message}`);
    return 2;
  }
  console.log(render(report, request.output));
  return report.ok ? 0 : 1;
}

function render(report: ScanReport, output: ScanRequest['output']): string {
  if (output === 'json') return JSON.stringify(report, null, 2);
  if (output === 'table') return formatTable(report);
  const { suggestion, unsorted, leftOut } = suggestConfig(report);
  if (unsorted > 0)
    console.error(
      `consent-kit scan: ${unsorted} name(s) no preset lists are suggested under "${UNSORTED_CATEGORY}": move what is strictly necessary to your required category`,
    );
  if (leftOut.length > 0)
    console.error(`consent-kit scan: no config can list these hosts, so they are not suggested: ${leftOut.join(', ')}`);
  return JSON.stringify(suggestion, null, 2);
}

/** The command line as `parseArgs` reads it; throws on an unknown option or a missing value. */
function parseScanArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string' },
      allow: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      suggest: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '15000' },
      idle: { type: 'string', default: '5000' },
      help: { type: 'boolean', default: false },
    },
  });
}

/** The parsed command line, or the exit code after explaining what is wrong with it. */
async function readRequest(args: string[]): Promise<ScanRequest | number> {
  let parsed: ReturnType<typeof parseScanArgs>;
  try {
    parsed = parseScanArgs(args);
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(SCAN_USAGE);
    return 0;
  }
  const badUrl = positionals.find((url) => !/^https?:$/.test(URL.canParse(url) ? new URL(url).protocol : ''));
  const badAllow = values.allow.find((pattern) => compileCookiePattern(pattern) === undefined);
  const problems = [
    positionals.length === 0 ? 'expected at least one URL to scan' : '',
    badUrl === undefined ? '' : `expected http: or https: URLs such as https://www.example.com/, got "${badUrl}"`,
    badAllow === undefined ? '' : `--allow: "${badAllow}" is not a valid /regular expression/`,
    values.json && values.suggest ? '--json and --suggest: expected one of them' : '',
    milliseconds(values.timeout) === undefined
      ? `--timeout: expected a whole number of milliseconds, got "${values.timeout}"`
      : '',
    milliseconds(values.idle) === undefined
      ? `--idle: expected a whole number of milliseconds, got "${values.idle}"`
      : '',
  ].filter(Boolean);
  if (problems.length > 0) return usageError(problems.join('\n'));
  const config = values.config === undefined ? undefined : await readConfig(values.config);
  if (typeof config === 'number') return config;
  return {
    urls: positionals,
    config,
    allow: values.allow,
    output: values.json ? 'json' : values.suggest ? 'suggest' : 'table',
    timeoutMs: milliseconds(values.timeout)!,
    idleMs: milliseconds(values.idle)!,
  };
}

/** The `--config` file validated by the config schema, or exit code 2 after naming each bad field. */
async function readConfig(file: string): Promise<ConsentConfig | number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(
      `consent-kit scan: --config: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
    return 2;
  }
  try {
    return parseConfigJson(text);
  } catch (error) {
    if (!(error instanceof ConsentConfigError)) throw error;
    console.error(error.problems.map((p) => `consent-kit scan: --config ${file}: ${p}`).join('\n'));
    return 2;
  }
}

function usageError(message: string): number {
  console.error(
    `${message
      .split('\n')
      .map((line) => `consent-kit scan: ${line}`)
      .join('\n')}\n\n${SCAN_USAGE}`,
  );
  return 2;
}

function milliseconds(text: string): number | undefined {
  const value = Number(text);
  return /^\d+$/.test(text) && value > 0 ? value : undefined;
}
