/*
 * The shapes `consent-kit scan --json` prints (docs/scan.md describes them for readers). `version` changes
 * only when a field is removed or changes meaning; new fields may be added within a version.
 */

/** The three visits of each URL: no decision, after "Reject all", after "Accept all". */
export type Phase = 'before' | 'reject' | 'accept';
export const PHASES: readonly Phase[] = ['before', 'reject', 'accept'];

/**
 * What is wrong with an item: no category lists it (`uncovered`); it was there before any decision
 * (`before-consent`); an optional category's item was there after "Reject all" (`after-reject`).
 */
export type Finding = 'uncovered' | 'before-consent' | 'after-reject';

/** A config purpose that lists an item (a category, or one service of it), and which of its presets list it. */
export interface Coverage {
  category: string;
  /**
   * What the gate holds the item for: the service that lists it (`analytics/clarity`), or the category
   * (`analytics`) when the category lists it itself.
   */
  purpose: string;
  /** A required category's items need no consent. */
  required: boolean;
  presets: string[];
}

/** How the config sees one host, cookie or storage name. */
export interface Classified {
  coveredBy: Coverage[];
  /** consent-kit's own decision cookie, outbox, handoff keys or endpoint: needed to keep the decision. */
  consentKit: boolean;
  /** Matched by an `--allow` pattern: reported, never a finding. */
  allowed: boolean;
  /** Built-in presets listing it, whether or not the config uses them: what `--suggest` proposes. */
  knownPresets: string[];
  findings: Finding[];
}

export type HostEntry = { host: string } & Classified;
export type CookieEntry = { name: string; domain: string; path: string; setBy: 'http' | 'script' } & Classified;
export type StorageEntry = {
  origin: string;
  kind: 'localStorage' | 'sessionStorage' | 'indexedDB';
  name: string;
} & Classified;

export interface PhaseResult {
  phase: Phase;
  /** Why the phase did not run (no consent-kit banner to click); its lists are then empty. */
  skipped?: string;
  /** Hosts other than the page's own that the browser sent a request to. */
  hosts: HostEntry[];
  /** Every cookie the browser held at the end of the phase, on any domain. */
  cookies: CookieEntry[];
  /** Storage keys and IndexedDB databases of every frame's origin at the end of the phase. */
  storage: StorageEntry[];
}

export interface UrlResult {
  url: string;
  /** Where the categories came from: `--config`, the page's own config tag, or nowhere (all uncovered). */
  config: { source: 'file' | 'page' | 'none'; problems: string[] };
  /** Whether the page showed consent-kit's banner, so that "Reject all" and "Accept all" could be clicked. */
  banner: boolean;
  /** Why the URL could not be scanned (it did not load, a button did not respond); counts as a finding. */
  error?: string;
  phases: PhaseResult[];
}

export interface ScanReport {
  version: 1;
  /** True when nothing was found: the exit code is then 0. */
  ok: boolean;
  /** Findings over every URL and phase, each item counted once per phase; URL errors and config problems count one each. */
  findings: number;
  results: UrlResult[];
}

/** The items of a phase, whatever their kind. */
export function itemsOf(phase: PhaseResult): Classified[] {
  return [...phase.hosts, ...phase.cookies, ...phase.storage];
}

/** Counts the report's findings and settles `ok`. */
export function summarize(results: UrlResult[]): ScanReport {
  const findings = results.reduce(
    (sum, result) =>
      sum +
      (result.error ? 1 : 0) +
      (result.config.problems.length > 0 ? 1 : 0) +
      result.phases.flatMap(itemsOf).filter((item) => item.findings.length > 0).length,
    0,
  );
  return { version: 1, ok: findings === 0, findings, results };
}
