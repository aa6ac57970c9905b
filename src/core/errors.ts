/**
 * Base of every error consent-kit throws or reports; `code` is stable, the message is for people. Where a
 * build carries no prose (the script tag, see dev-mode.ts) the message is `consent-kit: <code>`.
 */
export class ConsentError extends Error {
  /** Machine-readable reason, e.g. `invalid-config`. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message || `consent-kit: ${code}`);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * The configuration could not be used. `problems` lists each bad field as `path: what is expected`, and the
 * message holds all of them, so one `console.error` tells a site owner everything to fix.
 */
export class ConsentConfigError extends ConsentError {
  readonly problems: readonly string[];

  constructor(code: 'invalid-config' | 'invalid-json' | 'missing-config', problems: readonly string[]) {
    super(
      code,
      `consent-kit: the configuration is invalid, so no optional category will be granted.\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

/** A method of the manager was called with arguments it cannot act on; nothing was changed. */
export class ConsentUsageError extends ConsentError {}

/**
 * The preferences endpoint could not be reached or refused a request. `status` is the HTTP status, or
 * `undefined` when no answer came (offline, timeout). The decision on the page is never affected.
 */
export class ConsentSyncError extends ConsentError {
  readonly status: number | undefined;

  constructor(code: string, message: string, status?: number) {
    super(code, message);
    this.status = status;
  }
}
