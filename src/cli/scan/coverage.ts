import { createHostMatcher } from '../../gate/host-matcher.js';
import { createNameMatcher } from '../../gate/name-matcher.js';
import { findPurpose, purposeLists } from '../../core/purposes.js';
import type { ConsentConfig } from '../../schema/config.js';
import { HOST_PATTERN } from '../../shared/patterns.js';
import { PRESET_NAMES, PRESETS } from '../../shared/presets.js';
import type { Classified, Coverage, Finding, Phase } from './scan-report.js';

/** A host (given as a URL sent to it, so its scheme and port count as the gate counts them), a cookie or a storage name. */
export type ItemKind = 'host' | 'cookie' | 'storage';

/** Applies one config (and the `--allow` patterns) to what a visit saw. */
export interface Classifier {
  classify(kind: ItemKind, key: string, phase: Phase): Classified;
}

type Listing = {
  id: string;
  required: boolean;
  hosts: readonly string[];
  cookies: readonly string[];
  storage: readonly string[];
};

/** Every preset as a category of its own, so the gate's matchers also name the presets listing an item. */
const PRESETS_AS_CATEGORIES: Listing[] = PRESET_NAMES.map((id) => ({ id, required: false, ...PRESETS[id] }));

/**
 * Classifies items exactly as the gate matches them (its host and name matchers, one entry per purpose), so
 * "covered" here means "held back by the gate until its purpose is granted" there: the service that lists
 * the item (`analytics/clarity`), else its category. An item is essential when every category listing it is
 * required; without a config, nothing is covered.
 */
export function createClassifier(
  config: ConsentConfig | undefined,
  allow: readonly string[],
  pageUrl: string,
): Classifier {
  const coverageOf = config ? coverageIn(config) : () => [];
  const presetsListing = matcherOf(PRESETS_AS_CATEGORIES);
  const isAllowed = matcherOf([
    { id: 'allow', required: false, hosts: allow.filter((p) => HOST_PATTERN.test(p)), cookies: allow, storage: allow },
  ]);
  const isOwn = consentKitNames(config, pageUrl);
  return {
    classify(kind, key, phase) {
      const knownPresets = presetsListing(kind, key);
      const coveredBy = coverageOf(kind, key, knownPresets);
      const consentKit = isOwn(kind, key);
      const allowed = isAllowed(kind, key).length > 0;
      return {
        coveredBy,
        consentKit,
        allowed,
        knownPresets,
        findings: consentKit || allowed ? [] : findingsOf(phase, coveredBy),
      };
    },
  };
}

/** Each purpose of `config` that lists an item, with which of its presets (of those listing the item) do. */
function coverageIn(config: ConsentConfig): (kind: ItemKind, key: string, knownPresets: string[]) => Coverage[] {
  const listedBy = matcherOf(purposeLists(config.categories));
  return (kind, key, knownPresets) =>
    listedBy(kind, key).map((id) => {
      const { category, service } = findPurpose(config, id)!;
      return {
        category: category.id,
        purpose: id,
        required: category.required,
        presets: (service ?? category).presets.filter((p) => knownPresets.includes(p)),
      };
    });
}

/** The ids of the listings whose hosts, cookies or storage name the item (required listings included). */
function matcherOf(listings: readonly Listing[]): (kind: ItemKind, key: string) => string[] {
  const hosts = createHostMatcher(listings);
  // The gate's name matcher leaves required categories out (what they list is always allowed); here they count.
  const asOptional = listings.map((listing) => ({ ...listing, required: false }));
  const cookies = createNameMatcher(asOptional, 'cookies');
  const storage = createNameMatcher(asOptional, 'storage');
  return (kind, key) =>
    (kind === 'host' ? hosts(key)?.categories : kind === 'cookie' ? cookies(key) : storage(key)) ?? [];
}

function findingsOf(phase: Phase, coveredBy: Coverage[]): Finding[] {
  if (coveredBy.length === 0) return phase === 'before' ? ['uncovered', 'before-consent'] : ['uncovered'];
  if (coveredBy.every((c) => c.required)) return [];
  if (phase === 'before') return ['before-consent'];
  return phase === 'reject' ? ['after-reject'] : [];
}

/**
 * What consent-kit itself keeps and contacts: the decision cookie and the outbox cookies named after it
 * (sync/outbox-shelves.ts), the `consent-kit:` localStorage keys (sync/browser-sync.ts, sync/handoff-prefix.ts)
 * and the preferences endpoint's host.
 */
function consentKitNames(config: ConsentConfig | undefined, pageUrl: string): (kind: ItemKind, key: string) => boolean {
  if (!config) return () => false;
  const cookie = config.cookie.name;
  const endpointHost = config.endpoint === undefined ? undefined : new URL(config.endpoint, pageUrl).host;
  return (kind, key) => {
    if (kind === 'cookie') return key === cookie || key.startsWith(`${cookie}-outbox`);
    if (kind === 'storage') return key.startsWith('consent-kit:');
    return endpointHost !== undefined && URL.canParse(key) && new URL(key).host === endpointHost;
  };
}
