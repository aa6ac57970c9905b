import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { ConsentHandler } from './consent-handler.js';

/** A running endpoint: its base URL and how to stop it. */
export interface RunningEndpoint {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a {@link ConsentHandler} over HTTP on Node (`@hono/node-server`), passing each socket's address on
 * for the per-client rate limit. Port 0 picks a free port; the promise resolves once it listens.
 */
export function serveEndpoint(
  handler: ConsentHandler,
  options: { port?: number; hostname?: string } = {},
): Promise<RunningEndpoint> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (request, env) => handler(request, { remoteAddress: env.incoming.socket.remoteAddress }),
        port: options.port ?? 8787,
        hostname,
      },
      (info: AddressInfo) => {
        const host = hostname.includes(':') ? `[${hostname}]` : hostname;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
