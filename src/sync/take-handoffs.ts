import * as z from 'zod/mini';
import type { ConsentRecord } from '../schema/consent-record.js';
import { HandoffSchema } from '../schema/handoff.js';

/**
 * Takes the decisions that pages left under `prefix` (see `handoffPrefix`) because they went away before
 * their endpoint client arrived: each page's records in the order they were made. Every key is removed as it
 * is read, so a handoff is taken once; an unreadable or edited one is dropped. Never throws: without
 * localStorage there is nothing to take.
 *
 * Each key is removed before its records are returned rather than taken under a lock. Two pages starting in
 * the same instant may still both read one before either's removal has reached the other; both then send the
 * same revision, and the endpoint, whose revisions only move forward, refuses the later one with `409`, which
 * the client counts as delivered. So a rare repeat costs a request, never a second write or receipt.
 */
export function takeHandoffs(prefix: string): ConsentRecord[] {
  const taken: ConsentRecord[] = [];
  let keys: string[];
  try {
    keys = Object.keys(localStorage).filter((key) => key.startsWith(`${prefix}.`));
  } catch {
    return taken;
  }
  for (const key of keys) {
    try {
      const text = localStorage.getItem(key);
      // A key that cannot be removed would be taken again by every page: leave its records alone.
      localStorage.removeItem(key);
      const parsed = z.safeParse(HandoffSchema, JSON.parse(text ?? 'null'));
      if (parsed.success) taken.push(...parsed.data);
    } catch {
      // Unparsable, or storage refused: nothing to take from this key.
    }
  }
  return taken;
}
