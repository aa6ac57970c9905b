/**
 * The config validator of the script-tag build, a chunk of its own next to the script: fetched only by pages
 * whose config is not checked ahead of time, and by the first call of `init()` or `parseConfig()`.
 */
import * as z from 'zod/mini';

// This chunk's zod serves the script tag alone, so it may skip compiling validators with new Function(): that
// keeps pages under a strict Content-Security-Policy or Trusted Types free of violations.
z.config({ jitless: true });

import { checkedTagOf } from './server/checked-config-tag.js';
import { ConsentConfigError } from './core/errors.js';
import { initFromJson } from './browser/init.js';

export { init } from './browser/init.js';
export { parseConfig, parseConfigJson } from './core/config.js';

/**
 * Starts the page's manager on the JSON of its config tag, validated here, and says on the console what
 * the page could do better: the checked tag that would skip this download, or every bad field. Never
 * throws: an invalid config leaves a manager that grants nothing in place (see `initFromJson`).
 */
export function startFromTag(text: string): void {
  try {
    const manager = initFromJson(text);
    console.info(
      "consent-kit: this page's config was validated in the browser, which costs every visitor the validator's " +
        `download. Put this checked config tag in place of the page's own to skip it:\n${checkedTagOf(manager.config)}`,
    );
  } catch (error) {
    // initFromJson has already put a manager that grants nothing in place; the page only needs to hear why.
    console.error(error instanceof ConsentConfigError ? error.message : error);
  }
}
