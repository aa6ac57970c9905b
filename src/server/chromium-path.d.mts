/** Flags for running Chromium as root on a machine with no outside network. */
export declare const CHROMIUM_ARGS: string[];
/**
 * The Chromium binary: CHROME_PATH, Playwright's own (`playwrightPath()`), then Debian's; throws naming every
 * place looked at and the install routes. `purpose` completes "No Chromium found for …".
 */
export declare function chromiumPath(playwrightPath?: () => string, purpose?: string): string;
