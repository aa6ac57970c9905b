import type { Frame, Page } from '@playwright/test';

/**
 * Waits until the page's manager exists. A config that was not checked ahead of time is validated by a chunk
 * the script fetches first, so right after load `ConsentKit.get()` may still be undefined.
 */
export async function managerReady(frame: Page | Frame): Promise<void> {
  await frame.waitForFunction(
    () => (window as unknown as { ConsentKit?: { get(): unknown } }).ConsentKit?.get() !== undefined,
  );
}
