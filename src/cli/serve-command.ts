import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createConsentHandler, type ConsentHandler } from '../server/consent-handler.js';
import type { ConsentStore } from '../server/consent-store.js';
import { SigningKeyMissingError } from '../server/receipt-signer.js';
import { createPostgresStore } from '../server/postgres-store.js';
import { serveEndpoint, type RunningEndpoint } from '../server/serve-endpoint.js';
import { createSqliteStore } from '../server/sqlite-store.js';
import { tokenSettingsProblem } from '../server/subject-token.js';

export const SERVE_USAGE = `Usage: consent-kit serve [options]

  --db <file>            SQLite file (created if missing, readable by its owner only; default ./consent.db)
  --postgres <url>       use PostgreSQL instead, e.g. postgres://user@host/db; a password here is visible
                         to every user of the machine (ps): put the URL in DATABASE_URL or a file instead
  --postgres-file <file> read the PostgreSQL URL from this file (keep it readable by you only)
                         (without --db, --postgres or --postgres-file, DATABASE_URL is used when set)
  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1)
  --origin <origin>      a page origin allowed to call the endpoint; repeat for more
  --controller <name>    the data controller named in receipts (default: the first origin's host)
  --writes-per-minute <n>  writes per record id per minute (default 30; per client address: 20 times that)
  --trust-proxy          behind a reverse proxy: the client is the last X-Forwarded-For address
  --rotate-signing-key   retire the receipt signing keys (still published at /v1/keys) and sign with a new
                         one; also the way to start on a database that holds receipts but lost its key
  --token-audience <aud> subject tokens must carry this "aud" claim (needs CONSENT_KIT_SECRET)
  --token-issuer <iss>   subject tokens must carry this "iss" claim (needs CONSENT_KIT_SECRET)
  --help                 show this help

Environment: CONSENT_KIT_SECRET (>= 32 characters) enables subject tokens for signed-in accounts: HS256
JWTs with "sub", "iat" and "exp" (lifetime at most 24 hours), signed with that secret by the site's backend.`;

type ServeValues = Exclude<ReturnType<typeof parseServeArgs>, number>;

/**
 * Runs `consent-kit serve …`: checks every option first and names each bad one (exit code 2), then opens the
 * store and serves until SIGINT or SIGTERM; returns 1 when the store holds receipts but lost its signing key.
 */
export async function serveCommand(args: string[]): Promise<number> {
  const values = parseServeArgs(args);
  if (typeof values === 'number') return values;
  const port = Number(values.port);
  const writesPerMinute = Number(values['writes-per-minute']);
  const postgresFile = values['postgres-file'] === undefined ? undefined : readPostgresUrl(values['postgres-file']);
  // An empty CONSENT_KIT_SECRET reads as unset, as a shell's `CONSENT_KIT_SECRET= consent-kit serve` means.
  const secret = process.env.CONSENT_KIT_SECRET || undefined;
  const problems = serveProblems(values, { port, writesPerMinute, secret, postgresFile });
  if (problems.length > 0) {
    console.error(problems.map((p) => `consent-kit: ${p}`).join('\n'));
    return 2;
  }

  if (values.postgres && new URL(values.postgres).password) {
    console.error(
      'consent-kit: --postgres: the password in this URL is visible to every user of the machine; put the URL in DATABASE_URL or a file (--postgres-file)',
    );
  }
  // An explicit --db wins over DATABASE_URL, so a shell that has one set cannot redirect a named file.
  const postgres =
    values.postgres ?? postgresFile?.url ?? (values.db === undefined ? process.env.DATABASE_URL : undefined);
  const db = values.db ?? './consent.db';
  const store = postgres ? createPostgresStore(postgres) : createSqliteStore(db);
  const handler = await handlerOn(store, values, secret, writesPerMinute);
  if (typeof handler === 'number') return handler;
  const endpoint = await serveEndpoint(handler, { port, hostname: values.host });
  console.log(`consent-kit endpoint listening on ${endpoint.url} (${postgres ? 'PostgreSQL' : `SQLite ${db}`})`);
  if (values.origin.length > 0) console.log(`  CORS allowed for: ${values.origin.join(', ')}`);
  stopOnSignals(endpoint, store);
  return new Promise<number>(() => {});
}

/** The options of `serve`, or the exit code when there is nothing to serve (a usage mistake: 2, `--help`: 0). */
function parseServeArgs(args: string[]) {
  try {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        postgres: { type: 'string' },
        'postgres-file': { type: 'string' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        origin: { type: 'string', multiple: true, default: [] },
        controller: { type: 'string' },
        'writes-per-minute': { type: 'string', default: '30' },
        'trust-proxy': { type: 'boolean', default: false },
        'rotate-signing-key': { type: 'boolean', default: false },
        'token-audience': { type: 'string' },
        'token-issuer': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.help) return values;
    console.log(SERVE_USAGE);
    return 0;
  } catch (error) {
    console.error(`consent-kit: ${(error as Error).message}\n\n${SERVE_USAGE}`);
    return 2;
  }
}

/** Every option that does not hold, each named with what it expects. */
function serveProblems(
  values: ServeValues,
  read: {
    port: number;
    writesPerMinute: number;
    secret: string | undefined;
    postgresFile: { problem?: string } | undefined;
  },
): string[] {
  const { port, writesPerMinute } = read;
  const badOrigin = values.origin.find((o) => !isOrigin(o));
  const tokenScope = { audience: values['token-audience'], issuer: values['token-issuer'] };
  return [
    !Number.isInteger(port) || port < 0 || port > 65535 ? `--port: expected a port number, got "${values.port}"` : '',
    !Number.isInteger(writesPerMinute) || writesPerMinute < 1 ? '--writes-per-minute: expected a whole number ≥ 1' : '',
    badOrigin ? `--origin: expected an origin such as https://www.example.com (no path), got "${badOrigin}"` : '',
    tokenSettingsProblem(
      { secret: read.secret, ...tokenScope },
      { secret: 'CONSENT_KIT_SECRET', audience: '--token-audience', issuer: '--token-issuer' },
    ) ?? '',
    read.postgresFile?.problem ?? '',
    values.postgres !== undefined && !isPostgresUrl(values.postgres)
      ? '--postgres: expected a URL such as postgres://user@host/db'
      : '',
    [values.db, values.postgres, values['postgres-file']].filter((v) => v !== undefined).length > 1
      ? '--db, --postgres and --postgres-file: expected one of them'
      : '',
  ].filter(Boolean);
}

/**
 * The handler on the store, as the options set it up; or, when the store holds receipts but lost its signing
 * key, exit code 1 with the error's advice printed (the store closed either way a start fails).
 */
async function handlerOn(
  store: ConsentStore,
  values: ServeValues,
  secret: string | undefined,
  writesPerMinute: number,
): Promise<ConsentHandler | number> {
  try {
    return await createConsentHandler({
      store,
      controller: {
        name: values.controller ?? (values.origin[0] ? new URL(values.origin[0]).host : 'consent-kit endpoint'),
      },
      origins: values.origin,
      secret,
      tokenAudience: values['token-audience'],
      tokenIssuer: values['token-issuer'],
      writesPerMinute,
      clientWritesPerMinute: writesPerMinute * 20,
      rotateSigningKey: values['rotate-signing-key'],
      ...(values['trust-proxy'] ? { clientAddress: lastForwardedFor } : {}),
    });
  } catch (error) {
    await store.close().catch(() => {});
    if (!(error instanceof SigningKeyMissingError)) throw error;
    console.error(error.message);
    return 1;
  }
}

/** On SIGINT or SIGTERM: stop taking requests, close the store (a write in its batch finishes), exit. */
function stopOnSignals(endpoint: RunningEndpoint, store: ConsentStore): void {
  const stop = async () => {
    await endpoint.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `https://host[:port]` or `http://…`, nothing more: what a browser sends as `Origin`. */
function isOrigin(value: string): boolean {
  if (!/^https?:\/\/[^/\s]+$/.test(value)) return false;
  try {
    return new URL(value).origin === value.toLowerCase();
  } catch {
    return false;
  }
}

function isPostgresUrl(value: string): boolean {
  return URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol);
}

/** The PostgreSQL URL in a file (trimmed), or the problem to report. */
function readPostgresUrl(file: string): { url?: string; problem?: string } {
  try {
    const url = readFileSync(file, 'utf8').trim();
    return isPostgresUrl(url)
      ? { url }
      : { problem: `--postgres-file: ${file} does not hold a URL such as postgres://user:pass@host/db` };
  } catch (error) {
    return {
      problem: `--postgres-file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
}

/** The address the trusted proxy appended last; what comes before it is whatever the client claimed. */
function lastForwardedFor(request: Request, connection?: { remoteAddress?: string }): string | undefined {
  return request.headers.get('X-Forwarded-For')?.split(',').at(-1)?.trim() || connection?.remoteAddress;
}
