import type { RECEIPTS_PAGE_MAX } from '../schema/api.js';
import type { ReceiptController } from '../schema/receipt.js';
import type { RetainableField } from './build-receipt.js';
import type { createConsentHandler } from './consent-handler.js';
import type { ConsentStore } from './consent-store.js';

/** Options of {@link createConsentHandler}. */
export interface ConsentHandlerOptions {
  store: ConsentStore;
  /** Who is responsible for the processing; named in every receipt. */
  controller: ReceiptController;
  /** Page origins allowed to call the endpoint from a browser (`https://www.example.com`). None: same origin only. */
  origins?: readonly string[];
  /**
   * The secret subject tokens (HS256 JWTs, see docs/subject-tokens.md) are signed with: at least 32 characters.
   * Without it every token is refused.
   */
  secret?: string;
  /** When set, a subject token must carry this `aud` claim (e.g. `consent-kit`); needs `secret`. */
  tokenAudience?: string;
  /** When set, a subject token must carry this `iss` claim (e.g. `https://www.example.com`); needs `secret`. */
  tokenIssuer?: string;
  /** Written into receipts; default `CN`. */
  jurisdiction?: string;
  /** Purposes that need separate consent: category ids, or `contact:<channel>:<topic>`. */
  separateConsent?: readonly string[];
  /** Receipt fields kept after an erasure, without the id; default: when, which policy, how, and what was chosen. */
  retainOnErase?: readonly RetainableField[];
  /** Writes (PUT, DELETE) allowed per record id per minute; default 30. */
  writesPerMinute?: number;
  /** Writes allowed per client address per minute; default 600 (one office behind one address is many visitors). */
  clientWritesPerMinute?: number;
  /** Reads (every GET, `/healthz` and `/v1/keys` included) allowed per client address per minute; default 1200. */
  readsPerMinute?: number;
  /** The largest receipts page a request may ask for; default (and at most) {@link RECEIPTS_PAGE_MAX}. */
  receiptsPageMax?: number;
  /**
   * The client's address for the per-client limit. Default: the socket's address. Behind a reverse proxy
   * every request comes from the proxy: pass e.g. the last `X-Forwarded-For` entry your proxy appends.
   */
  clientAddress?: (request: Request, connection?: ConnectionInfo) => string | undefined;
  /**
   * Retire every signing key (their public parts stay at `/v1/keys`) and sign with a new one from now on.
   * Needed to start on a store that holds receipts but lost its key. Default `false`.
   */
  rotateSigningKey?: boolean;
  now?: () => number;
  /** Where unexpected failures are reported; default `console.error`. */
  log?: HandlerLog;
}

/** Where the request came from, as the server binding knows it; used for the per-client rate limit. */
export interface ConnectionInfo {
  remoteAddress?: string;
}

/** A Web-standard request handler: mount it in Node, in another framework, or behind any proxy. */
export type ConsentHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

/** What the handler hands its routes besides the request: the connection, for the per-client budgets. */
export type HandlerEnv = { Bindings: { connection?: ConnectionInfo } };

/** Where the handler reports what went wrong: a message, and the error behind it when there is one. */
export type HandlerLog = (message: string, error?: unknown) => void;
