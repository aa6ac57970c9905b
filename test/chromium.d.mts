/** Flags for running Chromium as root on a machine with no outside network. */
export declare const CHROMIUM_ARGS: string[];
/** The Chromium binary for browser tests: CHROME_PATH, Playwright's own, then Debian's; throws naming both install routes. */
export declare function chromiumPath(): string;
