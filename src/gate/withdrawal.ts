import type { ConsentManager } from '../core/consent-manager.js';
import { purposeLists } from '../core/purposes.js';

/** What to do when categories or services are denied. */
export interface WithdrawalActions {
  /** Deletes the cookies of the given categories. */
  deleteCookies(patterns: string[]): void;
  /** Deletes the storage keys and IndexedDB databases of the given categories. */
  deleteStorage(patterns: string[]): void;
  /** Reloads the page (`location.reload()` in a browser; tests pass their own). */
  reload(): void;
}

/**
 * Cleans up after denials: every decision that leaves a category or a service denied deletes its listed
 * cookies and storage (also when it was never granted: what was left from before is removed all the same). When a
 * category or service that was granted on this page is withdrawn, and `reloadOnWithdraw` is on, the page
 * reloads once, after the decision was saved, because scripts that already ran cannot be unloaded.
 * Returns the function that stops following.
 */
export function followWithdrawals(consent: ConsentManager, actions: WithdrawalActions): () => void {
  const optional = purposeLists(consent.config.categories).filter((p) => !p.required);
  const granted = () => new Set(optional.filter((p) => consent.has(p.id)).map((p) => p.id));
  let before = granted();
  let hasReloaded = false;
  const cleanUp = () => {
    const denied = optional.filter((p) => !consent.has(p.id));
    const cookies = denied.flatMap((p) => p.cookies);
    const storage = denied.flatMap((p) => p.storage);
    if (cookies.length > 0) actions.deleteCookies(cookies);
    if (storage.length > 0) actions.deleteStorage(storage);
  };
  if (consent.hasDecision) cleanUp();
  return consent.on('change', () => {
    const now = granted();
    const isWithdrawal = [...before].some((id) => !now.has(id));
    before = now;
    cleanUp();
    if (isWithdrawal && consent.config.reloadOnWithdraw && !hasReloaded) {
      hasReloaded = true;
      actions.reload();
    }
  });
}
