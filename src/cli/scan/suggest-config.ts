import type { ConsentConfigInput } from '../../schema/config.js';
import { DEFAULT_CATEGORIES } from '../../shared/config-defaults.js';
import { HOST_PATTERN } from '../../shared/patterns.js';
import type { PresetName } from '../../shared/presets.js';
import type { Classified, ScanReport } from './scan-report.js';

/** Where a preset's service belongs when the scan suggests it: what the service is for. */
const PRESET_CATEGORY = {
  'baidu-tongji': 'analytics',
  cnzz: 'analytics',
  '51la': 'analytics',
  'tencent-analytics': 'analytics',
  'sensors-data': 'analytics',
  growingio: 'analytics',
  'volcengine-datafinder': 'analytics',
  'aliyun-arms-rum': 'analytics',
  clarity: 'analytics',
  ga4: 'analytics',
  gtm: 'analytics',
  'google-ads': 'marketing',
  'baidu-ads': 'marketing',
  oceanengine: 'marketing',
  'tencent-ads': 'marketing',
  'meta-pixel': 'marketing',
  'linkedin-insight': 'marketing',
  // Embedded players and maps go in categories of their own, so their placeholders can be allowed one by one.
  bilibili: 'video',
  'tencent-video': 'video',
  youku: 'video',
  youtube: 'video',
  'baidu-maps': 'maps',
  amap: 'maps',
  'google-maps': 'maps',
} as const satisfies Record<PresetName, 'analytics' | 'marketing' | 'video' | 'maps'>;

/** The labels of the suggested categories that have no built-in one (the config requires a label for them). */
const CATEGORY_LABELS: Record<string, { en: string; 'zh-CN': string } | undefined> = {
  video: { en: 'Videos', 'zh-CN': '视频' },
  maps: { en: 'Maps', 'zh-CN': '地图' },
};

/** Where what no preset lists is suggested: the site moves what is strictly necessary to its required category. */
export const UNSORTED_CATEGORY = 'analytics';

/** A config fragment: categories to merge by id into a config (see {@link mergeSuggestion}). */
export interface Suggestion {
  categories: {
    id: string;
    label?: { en: string; 'zh-CN': string };
    presets?: PresetName[];
    hosts?: string[];
    cookies?: string[];
    storage?: string[];
  }[];
}

type Lists = { presets: Set<PresetName>; hosts: Set<string>; cookies: Set<string>; storage: Set<string> };

/**
 * Config entries covering what the report found uncovered (neither allowed nor consent-kit's own): the
 * matching presets first, then the remaining hosts and names under {@link UNSORTED_CATEGORY}. `unsorted`
 * counts those; `left out` names hosts no config can list (IPv6 literals).
 */
export function suggestConfig(report: ScanReport): { suggestion: Suggestion; unsorted: number; leftOut: string[] } {
  const lists = new Map<string, Lists>();
  const listsOf = (id: string) =>
    lists.get(id) ??
    lists.set(id, { presets: new Set(), hosts: new Set(), cookies: new Set(), storage: new Set() }).get(id)!;
  const items = report.results
    .flatMap((r) =>
      r.phases.flatMap((phase) => [
        ...phase.hosts.map((h) => ['hosts', h.host, h] as const),
        ...phase.cookies.map((c) => ['cookies', c.name, c] as const),
        ...phase.storage.map((s) => ['storage', s.name, s] as const),
      ]),
    )
    .filter(([, , item]) => isUncovered(item));
  // One preset per item: one already chosen when it lists the item too, else the first listing it.
  const chosen = new Set<PresetName>();
  for (const [, , item] of items) {
    const known = item.knownPresets as PresetName[];
    const preset = known.find((p) => chosen.has(p)) ?? known[0];
    if (preset) chosen.add(preset);
  }
  for (const preset of chosen) listsOf(PRESET_CATEGORY[preset]).presets.add(preset);
  const leftOut: string[] = [];
  let unsorted = 0;
  for (const [kind, name, item] of items) {
    if (item.knownPresets.length > 0) continue;
    if (kind === 'hosts' && !HOST_PATTERN.test(name)) leftOut.push(name);
    else if (!listsOf(UNSORTED_CATEGORY)[kind].has(name)) {
      listsOf(UNSORTED_CATEGORY)[kind].add(kind === 'hosts' ? name : asNamePattern(name));
      unsorted++;
    }
  }
  const categories = [...lists].map(([id, l]) => ({
    id,
    ...(CATEGORY_LABELS[id] && { label: CATEGORY_LABELS[id] }),
    ...nonEmpty({ presets: [...l.presets], hosts: [...l.hosts], cookies: [...l.cookies], storage: [...l.storage] }),
  }));
  return { suggestion: { categories }, unsorted, leftOut: [...new Set(leftOut)] };
}

/**
 * `config` with the suggestion's categories merged in by id: lists of a category it already has are
 * extended (without repeats), other categories are added. A config without `categories` starts from the
 * default ones, as the schema does.
 */
export function mergeSuggestion(config: ConsentConfigInput, suggestion: Suggestion): ConsentConfigInput {
  const categories = (config.categories ?? DEFAULT_CATEGORIES).map((c) => ({ ...c }));
  for (const suggested of suggestion.categories) {
    const existing = categories.find((c) => c.id === suggested.id) as Record<string, unknown> | undefined;
    if (!existing) {
      categories.push({ ...suggested });
      continue;
    }
    for (const key of ['presets', 'hosts', 'cookies', 'storage'] as const) {
      const added = suggested[key];
      if (added) existing[key] = [...new Set([...((existing[key] as string[] | undefined) ?? []), ...added])];
    }
  }
  return { ...config, categories: categories as ConsentConfigInput['categories'] };
}

function isUncovered(item: Classified): boolean {
  return item.coveredBy.length === 0 && !item.allowed && !item.consentKit;
}

/** A name as a config pattern: itself, unless it would read as a `/regular expression/`. */
function asNamePattern(name: string): string {
  return /^\/.+\/i?$/.test(name) ? `/^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/` : name;
}

function nonEmpty<T extends Record<string, unknown[]>>(lists: T): Partial<T> {
  return Object.fromEntries(Object.entries(lists).filter(([, list]) => list.length > 0)) as Partial<T>;
}
