import type { ErrorBody } from '../schema/api.js';

/** Headers every answer carries, the CORS preflight's included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  // A browser must never guess a type for an answer (a JSON body sniffed as HTML is a script injection).
  'X-Content-Type-Options': 'nosniff',
  // Answers are data: opened as a page or framed, they may load and run nothing.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};
const JSON_HEADERS = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' };

/** The statuses the endpoint refuses a request with. */
export type ErrorStatus = 400 | 401 | 404 | 405 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * A JSON answer with the security headers and its type with the charset (a browser must never guess it),
 * and any `extra` headers. Made as a plain Response with plain headers: the cheapest answer to send.
 */
export function json(body: unknown, status = 200, extra?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...extra } });
}

/** A refusal: a stable `error` code, a message saying what to do, and the bad fields as `problems` when known. */
export function fail(
  status: ErrorStatus,
  error: string,
  message: string,
  problems?: string[],
  extra?: Record<string, string>,
): Response {
  return json({ error, message, ...(problems ? { problems } : {}) } satisfies ErrorBody, status, extra);
}

/** The answer for an unknown id and for one owned by another account alike, so others' ids cannot be probed. */
export function recordNotFound(): Response {
  return fail(404, 'not-found', 'no consent record with this id');
}

/** A bodiless success (a record erased). */
export function noContent(): Response {
  return new Response(null, { status: 204, headers: { ...SECURITY_HEADERS } });
}
