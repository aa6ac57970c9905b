import type { Page } from '@playwright/test';

/** Changes waiting in the page's outboxes: each tab keeps its own under the outbox prefix in localStorage. */
export const pendingChanges = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('consent-kit:consent-outbox'))
      .reduce((sum, key) => sum + (JSON.parse(localStorage.getItem(key)!) as unknown[]).length, 0),
  );
