import { RECORD_ID } from '../schema/consent-record.js';
import type { Caller } from './caller-auth.js';
import type { ConsentStore, StoredConsent } from './consent-store.js';

// Who may do what with a record: an anonymous record (no owner) is open to whoever knows its id, an owned
// one only to its account. Callers here are known (a subject or anonymous), never an invalid token.
type KnownCaller = Exclude<Caller, undefined>;

/** Whether the caller may change the record: it is missing, anonymous, or the caller's own. */
export async function mayWrite(store: ConsentStore, id: string, subject: KnownCaller): Promise<boolean> {
  const stored = await store.read(id);
  return !stored || stored.owner === null || stored.owner === subject;
}

/** The record if it exists and the caller may see it; unknown and other-owner ids alike give `null`. */
export async function readAllowed(
  store: ConsentStore,
  id: string,
  subject: KnownCaller,
): Promise<StoredConsent | null> {
  if (!RECORD_ID.test(id)) return null;
  const stored = await store.read(id);
  return stored && (stored.owner === null || stored.owner === subject) ? stored : null;
}
