import type { ConsentConfig } from '../schema/config.js';
import { parseConfig, parseConfigJson } from '../core/config.js';
import { CHECKED_ATTRIBUTE, stampOf } from '../core/checked-config.js';
import { compareText } from '../shared/compare-text.js';

/**
 * Validates a config and writes it as the checked config tag a script-tag page carries: every default filled
 * in, stamped so the page can skip validating it again. Throws a `ConsentConfigError` like {@link parseConfig}.
 */
export function checkedConfigTag(input: unknown): string {
  return checkedTagOf(parseConfig(input));
}

/**
 * The checked tag of a config that is already validated (what {@link parseConfig} returned), so that code
 * holding one does not validate it a second time. Anything else must go through {@link checkedConfigTag}.
 */
export function checkedTagOf(config: ConsentConfig): string {
  // Keys sorted, so the same config always gives the same tag, whichever way the validator built the object.
  // "<" is escaped so the JSON cannot close the script element it sits in; JSON.parse reads it back unchanged.
  const text = JSON.stringify(config, sortedKeys).replaceAll('<', '\\u003c');
  return `<script type="application/json" data-consent-kit ${CHECKED_ATTRIBUTE}="${stampOf(text)}">${text}</script>`;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => compareText(a, b)));
}

const CONFIG_TAG = /<script type="application\/json" data-consent-kit>([\s\S]*?)<\/script>/g;

/**
 * For build steps that write pages: the HTML with each `<script type="application/json" data-consent-kit>`
 * config tag written exactly so replaced by its {@link checkedConfigTag}. Throws a `ConsentConfigError` for an
 * invalid config, so a broken config fails the build instead of reaching visitors.
 */
export function checkConfigTagsIn(html: string): string {
  return html.replace(CONFIG_TAG, (_tag, json: string) => checkedTagOf(parseConfigJson(json)));
}
