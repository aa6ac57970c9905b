import type { Browser } from 'playwright-core';
import { parseConfigJson } from '../../core/config.js';
import { ConsentConfigError } from '../../core/errors.js';
import type { ConsentConfig } from '../../schema/config.js';
import { compareText } from '../../shared/compare-text.js';
import { createClassifier, type Classifier } from './coverage.js';
import { PHASES, summarize, type Phase, type PhaseResult, type ScanReport, type UrlResult } from './scan-report.js';
import { visitPhase, type Visit, type VisitTimes } from './visit-phase.js';

export interface ScanOptions extends VisitTimes {
  /** The config from `--config`; without it each page's own config tag is used. */
  config: ConsentConfig | undefined;
  /** `--allow` patterns: hosts (`cdn.example.com`, `*.example.com`) and names (`sid`, `/^_csrf/`). */
  allow: readonly string[];
  /** Told which URL and phase starts, and how many of the whole run are done. */
  progress(line: string): void;
}

/** Scans each URL in turn, three fresh visits each; a URL that fails is reported with its error and the rest go on. */
export async function scanUrls(browser: Browser, urls: readonly string[], options: ScanOptions): Promise<ScanReport> {
  const results: UrlResult[] = [];
  const total = urls.length * PHASES.length;
  for (const [i, url] of urls.entries()) {
    const step = (phase: Phase) =>
      options.progress(`[${i * PHASES.length + PHASES.indexOf(phase) + 1}/${total}] ${url}: ${phase}`);
    results.push(await scanUrl(browser, url, options, step));
  }
  options.progress(`[${total}/${total}] done`);
  return summarize(results);
}

async function scanUrl(
  browser: Browser,
  url: string,
  options: ScanOptions,
  step: (phase: Phase) => void,
): Promise<UrlResult> {
  const result: UrlResult = { url, config: { source: 'none', problems: [] }, banner: false, phases: [] };
  try {
    step('before');
    const first = (await visitPhase(browser, url, 'before', options))!;
    const { config, ...source } = configFor(options.config, first.configText);
    result.config = source;
    result.banner = first.banner;
    const classifier = createClassifier(config, options.allow, url);
    result.phases.push(classify('before', first, classifier));
    for (const phase of ['reject', 'accept'] as const) {
      step(phase);
      const visit = first.banner ? await visitPhase(browser, url, phase, options) : undefined;
      result.phases.push(visit ? classify(phase, visit, classifier) : skipped(phase));
    }
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0]!;
  }
  return result;
}

/** The `--config` file's config, else the page's own (its problems reported), else none. */
function configFor(
  fromFile: ConsentConfig | undefined,
  pageText: string | undefined,
): { config?: ConsentConfig } & UrlResult['config'] {
  if (fromFile) return { config: fromFile, source: 'file', problems: [] };
  if (pageText === undefined) return { source: 'none', problems: [] };
  try {
    return { config: parseConfigJson(pageText), source: 'page', problems: [] };
  } catch (error) {
    if (!(error instanceof ConsentConfigError)) throw error;
    return { source: 'page', problems: [...error.problems] };
  }
}

/** The visit's items with the config applied, each list sorted so that two scans of one page compare line by line. */
function classify(phase: Phase, visit: Visit, classifier: Classifier): PhaseResult {
  return {
    phase,
    hosts: sortBy(visit.hosts, (h) => h.host).map(({ host, url }) => ({
      host,
      ...classifier.classify('host', url, phase),
    })),
    cookies: sortBy(visit.cookies, (c) => `${c.name} ${c.domain} ${c.path}`).map((cookie) => ({
      ...cookie,
      ...classifier.classify('cookie', cookie.name, phase),
    })),
    storage: sortBy(visit.storage, (s) => `${s.origin} ${s.kind} ${s.name}`).map((item) => ({
      ...item,
      ...classifier.classify('storage', item.name, phase),
    })),
  };
}

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareText(key(a), key(b)));
}

function skipped(phase: Phase): PhaseResult {
  return { phase, skipped: 'no consent-kit banner on the page', hosts: [], cookies: [], storage: [] };
}
