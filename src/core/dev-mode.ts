/**
 * Whether this build explains itself: the prose of usage errors and of notices about how the SDK is set up
 * (what went wrong and how to fix it). True in the npm build and in tests; the script-tag build, which every
 * visitor downloads, replaces this module with one where it is false (see vite.config.ts), so that prose
 * costs them nothing, the way lit ships its warnings only in its development build. Errors keep their
 * `code` (listed in docs/errors.md); notices a site owner must see in production (a refused cookie, a
 * panel that failed to load, an invalid config) are never behind this.
 */
export const DEV_MODE: boolean = true;
