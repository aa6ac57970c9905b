/**
 * The config validator of the script-tag build, a chunk of its own next to the script: fetched only by pages
 * whose config is not checked ahead of time, and by the first call of `init()` or `parseConfig()`.
 */
import * as z from 'zod/mini';

// This chunk's zod serves the script tag alone, so it may skip compiling validators with new Function(): that
// keeps pages under a strict Content-Security-Policy or Trusted Types free of violations.
z.config({ jitless: true });

export { init, initFromJson } from './core/init.js';
export { parseConfig, parseConfigJson } from './core/config.js';
export { checkedTagOf } from './core/checked-config-tag.js';
