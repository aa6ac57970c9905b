import * as z from 'zod/mini';
import type { ConsentSync } from '../core/environment.js';
import { ConsentSyncError } from '../core/errors.js';
import { randomId } from '../core/random-id.js';
import { GetConsentResponseSchema, ReceiptListSchema } from '../schema/api.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import type { OutboxEntry } from '../schema/outbox.js';
import type { Notice, SignedReceipt } from '../schema/receipt.js';
import type { Outbox } from './outbox.js';
import type { TabOutboxes } from './tab-outboxes.js';
import { retryAfterMs } from './retry-after.js';
import { retryDelay } from './retry-delay.js';

/** What the sync client needs from the world; the browser supplies the real ones, tests their own. */
export interface SyncClientOptions {
  /** Absolute base URL of the endpoint, with or without `/v1`; requests go to `<base>/v1/…`. */
  endpoint: string;
  /** Where changes wait: an {@link Outbox}, or in a browser the page's {@link TabOutboxes}. */
  outbox: Pick<Outbox, 'list' | 'add' | 'remove'>;
  /** What the visitor is being shown now, for the receipt. */
  notice: () => Notice;
  fetch?: typeof fetch;
  /** Where `online` and `pagehide` are heard (`window` in a browser). */
  window?: EventTarget;
  random?: () => number;
  setTimeout?: (run: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** A request without an answer after this long counts as failed and is retried; default 10 s. */
  timeoutMs?: number;
  /** Runs before each delivery round: in a browser, the page claims the outboxes of tabs that have gone. */
  beforeRound?: () => Promise<void>;
  warn?: (message: string) => void;
}

type Verdict = { kind: 'done' } | { kind: 'dropped'; status: number } | { kind: 'retry'; afterMs: number };

/**
 * The endpoint client. Every change first lands in the persistent outbox, then is sent; network trouble
 * (offline, timeout, 5xx, 429) leaves it there for a retry with backoff and jitter, on `online`, and on the
 * next page load; on `pagehide` pending changes leave with `fetch(…, { keepalive: true })`. Each change
 * carries the idempotency key it was made with, so however often it is sent, the endpoint applies it once.
 * Never blocks or throws into the page: `push()` returns at once.
 */
export class SyncClient implements ConsentSync {
  #options: Required<Omit<SyncClientOptions, 'window' | 'beforeRound'>> &
    Pick<SyncClientOptions, 'window' | 'beforeRound'>;
  #endpoint: string;
  #token: string | undefined;
  #attempt = 0;
  #timer: unknown;
  #flushing: Promise<void> | undefined;
  #again = false;
  /** Keys of the changes made on this page: the only ones it sends as it goes away (see #sendAllOnExit). */
  #mine = new Set<string>();

  constructor(options: SyncClientOptions) {
    this.#options = {
      fetch: (...args) => globalThis.fetch(...args),
      random: Math.random,
      setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
      timeoutMs: 10_000,
      warn: (message) => console.warn(message),
      ...options,
    };
    // Both "https://prefs.example.com" and "https://prefs.example.com/v1" name the same API.
    this.#endpoint = options.endpoint.replace(/\/+$/, '').replace(/\/v1$/, '');
    options.window?.addEventListener('online', () => void this.flush());
    options.window?.addEventListener('pagehide', () => this.#sendAllOnExit());
    // Changes left by an earlier page load (offline then, or the tab closed) go now.
    void this.flush();
  }

  push(record: ConsentRecord): void {
    const key = newKey();
    this.#mine.add(key);
    this.#options.outbox.add({ kind: 'put', key, record, notice: this.#options.notice(), ...this.#auth() });
    void this.flush();
  }

  async identify(subjectToken: string): Promise<ConsentRecord | null> {
    this.#token = subjectToken;
    // Changes parked for want of a valid token go now, with this one.
    void this.flush();
    const body = await this.#get('/v1/consents/me');
    return body === null ? null : parseOrThrow(GetConsentResponseSchema, body).record;
  }

  /** Every receipt of the record, oldest first, page after page (the endpoint answers at most one page at a time). */
  async receipts(id: string): Promise<SignedReceipt[]> {
    const all: SignedReceipt[] = [];
    let after: string | undefined;
    do {
      const body = await this.#get(`/v1/consents/${id}/receipts${after ? `?after=${after}` : ''}`);
      if (body === null) return all;
      const page = parseOrThrow(ReceiptListSchema, body);
      all.push(...page.receipts);
      // A cursor that does not move forward would page for ever.
      after = page.next !== undefined && Number(page.next) > Number(after ?? 0) ? page.next : undefined;
    } while (after !== undefined);
    return all;
  }

  async forget(id: string): Promise<boolean> {
    const key = newKey();
    this.#mine.add(key);
    this.#options.outbox.add({ kind: 'delete', key, id, ...this.#auth() });
    await this.flush();
    return !this.#options.outbox.list().some((e) => e.key === key);
  }

  /**
   * Sends every pending change in order. Resolves when the outbox is empty or a retry is scheduled;
   * never rejects.
   */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    this.#options.clearTimeout(this.#timer);
    this.#flushing = this.#drain().finally(() => {
      this.#flushing = undefined;
      if (this.#again) {
        this.#again = false;
        void this.flush();
      }
    });
    return this.#flushing;
  }

  async #drain(): Promise<void> {
    // Awaited only when given, so that without it a round starts sending at once.
    if (this.#options.beforeRound) await this.#options.beforeRound().catch(() => {});
    for (let entry = this.#options.outbox.list()[0]; entry; entry = this.#options.outbox.list()[0]) {
      const verdict = await this.#send(entry, false);
      if (verdict.kind === 'retry') {
        this.#again = false;
        this.#timer = this.#options.setTimeout(() => void this.flush(), verdict.afterMs);
        return;
      }
      this.#attempt = 0;
      this.#options.outbox.remove(entry.key);
      if (verdict.kind === 'dropped') {
        this.#options.warn(
          `consent-kit: the preferences endpoint refused a change with HTTP ${verdict.status}; it will not be retried. Check the endpoint's log and the page's "endpoint" setting.`,
        );
      }
    }
  }

  /**
   * The page is going away: its own pending changes leave now, with keepalive so they outlive the page. Other
   * tabs' changes in the shared outbox are theirs to send, so that no change goes twice.
   */
  #sendAllOnExit(): void {
    for (const entry of this.#options.outbox.list().filter((e) => this.#mine.has(e.key))) {
      void this.#send(entry, true).then((verdict) => {
        if (verdict.kind !== 'retry') this.#options.outbox.remove(entry.key);
      });
    }
  }

  async #send(entry: OutboxEntry, keepalive: boolean): Promise<Verdict> {
    const id = entry.kind === 'put' ? entry.record.id : entry.id;
    // An account's change goes with the freshest token of the page; the one stored with it may have expired.
    const token = entry.token && (this.#token ?? entry.token);
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    let response: Response;
    try {
      response = await this.#options.fetch(`${this.#endpoint}/v1/consents/${id}`, {
        method: entry.kind === 'put' ? 'PUT' : 'DELETE',
        headers: entry.kind === 'put' ? { ...headers, 'Content-Type': 'application/json' } : headers,
        ...(entry.kind === 'put'
          ? { body: JSON.stringify({ record: entry.record, idempotencyKey: entry.key, notice: entry.notice }) }
          : {}),
        keepalive,
        credentials: 'omit',
        signal: AbortSignal.timeout?.(this.#options.timeoutMs),
      });
    } catch {
      return this.#retry(0);
    }
    const { status } = response;
    // A 2xx that is not the endpoint's answer came from something in between (a captive portal, a proxy's
    // error page), so the change may not have arrived; its idempotency key makes the retry harmless.
    if (response.ok && entry.kind === 'put' && !(await confirmsRecord(response, entry.record.id)))
      return this.#retry(0);
    // 409: the endpoint already has this revision or a newer one, so there is nothing left to deliver.
    if (response.ok || status === 409 || (entry.kind === 'delete' && status === 404)) return { kind: 'done' };
    if (status === 408 || status === 429 || status >= 500)
      return this.#retry(retryAfterMs(response.headers.get('Retry-After')));
    // A stored token that no longer holds: wait for identify() to bring a fresh one rather than lose the change.
    if (status === 401 && token !== this.#token) return this.#retry(0);
    return { kind: 'dropped', status };
  }

  #retry(atLeastMs: number): Verdict {
    return { kind: 'retry', afterMs: Math.max(atLeastMs, retryDelay(this.#attempt++, this.#options.random)) };
  }

  /** GET with the token if any; the JSON body, or `null` for a 404. */
  async #get(path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#options.fetch(this.#endpoint + path, {
        headers: this.#token ? { Authorization: `Bearer ${this.#token}` } : {},
        credentials: 'omit',
        signal: AbortSignal.timeout?.(this.#options.timeoutMs),
      });
    } catch (error) {
      throw new ConsentSyncError(
        'unreachable',
        `consent-kit: the preferences endpoint did not answer (${(error as Error).message})`,
      );
    }
    if (response.status === 404) return null;
    if (!response.ok) {
      throw new ConsentSyncError(
        `http-${response.status}`,
        `consent-kit: the preferences endpoint answered HTTP ${response.status} to GET ${path}`,
        response.status,
      );
    }
    return response.json().catch(() => undefined);
  }

  #auth(): { token?: string } {
    return this.#token ? { token: this.#token } : {};
  }
}

/** 122 random bits (a version-4 UUID without dashes): the idempotency key of one change. */
function newKey(): string {
  return randomId().replaceAll('-', '');
}

/** Whether a PUT's answer is the endpoint's: JSON naming the record sent (a lighter check than its schema, in every visitor's bundle). */
async function confirmsRecord(response: Response, id: string): Promise<boolean> {
  const body = (await response.json().catch(() => undefined)) as { record?: { id?: unknown } } | null | undefined;
  return body?.record?.id === id;
}

function parseOrThrow<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const parsed = z.safeParse(schema, body);
  if (!parsed.success)
    throw new ConsentSyncError(
      'invalid-response',
      'consent-kit: the preferences endpoint answered with an unexpected body',
    );
  return parsed.data;
}
