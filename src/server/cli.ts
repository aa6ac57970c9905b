import { parseArgs } from 'node:util';
import { CONFIG_USAGE, configCommand } from './config-command.js';
import { createConsentHandler } from './consent-handler.js';
import { createPostgresStore } from './postgres-store.js';
import { serveEndpoint } from './serve-endpoint.js';
import { createSqliteStore } from './sqlite-store.js';

const SERVE_USAGE = `Usage: consent-kit serve [options]

  --db <file>            SQLite file (created if missing; default ./consent.db)
  --postgres <url>       use PostgreSQL instead, e.g. postgres://user:pass@host/db
                         (without --db or --postgres, DATABASE_URL is used when set)
  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1)
  --origin <origin>      a page origin allowed to call the endpoint; repeat for more
  --controller <name>    the data controller named in receipts (default: the first origin's host)
  --writes-per-minute <n>  writes per record id per minute (default 30; per client address: 20 times that)
  --trust-proxy          behind a reverse proxy: the client is the last X-Forwarded-For address

Environment: CONSENT_KIT_SECRET (>= 32 characters) enables subject tokens for signed-in accounts.`;

const USAGE = `${SERVE_USAGE}\n\n${CONFIG_USAGE}`;

/** Runs `consent-kit serve …` or `consent-kit config …`; returns the process exit code, or never returns while serving. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'config') return configCommand(rest);
  if (command !== 'serve') {
    console.error(command === undefined || command === '--help' ? USAGE : `consent-kit: unknown command "${command}"\n\n${USAGE}`);
    return command === '--help' ? 0 : 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        db: { type: 'string' },
        postgres: { type: 'string' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        origin: { type: 'string', multiple: true, default: [] },
        controller: { type: 'string' },
        'writes-per-minute': { type: 'string', default: '30' },
        'trust-proxy': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`consent-kit: ${(error as Error).message}\n\n${SERVE_USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  const writesPerMinute = Number(values['writes-per-minute']);
  const badOrigin = values.origin.find((o) => !/^https?:\/\/[^/\s]+$/.test(o));
  const problems = [
    !Number.isInteger(port) || port < 0 || port > 65535 ? `--port: expected a port number, got "${values.port}"` : '',
    !Number.isInteger(writesPerMinute) || writesPerMinute < 1 ? '--writes-per-minute: expected a whole number ≥ 1' : '',
    badOrigin ? `--origin: expected an origin such as https://www.example.com (no path), got "${badOrigin}"` : '',
    process.env.CONSENT_KIT_SECRET && process.env.CONSENT_KIT_SECRET.length < 32 ? 'CONSENT_KIT_SECRET: expected at least 32 characters' : '',
  ].filter(Boolean);
  if (problems.length > 0) {
    console.error(problems.map((p) => `consent-kit: ${p}`).join('\n'));
    return 2;
  }

  // An explicit --db wins over DATABASE_URL, so a shell that has one set cannot redirect a named file.
  const postgres = values.postgres ?? (values.db === undefined ? process.env.DATABASE_URL : undefined);
  const db = values.db ?? './consent.db';
  const store = postgres ? createPostgresStore(postgres) : createSqliteStore(db);
  const handler = await createConsentHandler({
    store,
    controller: { name: values.controller ?? (values.origin[0] ? new URL(values.origin[0]).host : 'consent-kit endpoint') },
    origins: values.origin,
    secret: process.env.CONSENT_KIT_SECRET,
    writesPerMinute,
    clientWritesPerMinute: writesPerMinute * 20,
    ...(values['trust-proxy'] ? { clientAddress: lastForwardedFor } : {}),
  });
  const endpoint = await serveEndpoint(handler, { port, hostname: values.host });
  console.log(`consent-kit endpoint listening on ${endpoint.url} (${postgres ? 'PostgreSQL' : `SQLite ${db}`})`);
  if (values.origin.length > 0) console.log(`  CORS allowed for: ${values.origin.join(', ')}`);
  const stop = async () => {
    await endpoint.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

/** The address the trusted proxy appended last; what comes before it is whatever the client claimed. */
function lastForwardedFor(request: Request, connection?: { remoteAddress?: string }): string | undefined {
  return request.headers.get('X-Forwarded-For')?.split(',').at(-1)?.trim() || connection?.remoteAddress;
}
