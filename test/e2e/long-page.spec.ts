import { expect, test } from '@playwright/test';
import { managerReady } from './manager-ready.js';

/*
 * A long page parsed after the script: the element gate must not cost the page a look at every element the
 * parser adds (the DOMContentLoaded scan finds the waiting ones), yet a waiting script among them still runs
 * once its category is granted. The page is made here; the script is the built bundle the server serves.
 */
const FILLERS = 300;

function longPage(): string {
  const filler = '<p class="filler">Online services are operated from data centres in China.</p>\n';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Online Services</title>
  <script type="application/json" data-consent-kit>
    { "policy": { "version": "2024-06", "url": "/privacy.html" },
      "categories": [{ "id": "necessary", "required": true }, { "id": "analytics" }] }
  </script>
  <script src="/dist/consent-kit.iife.js"></script>
</head>
<body>
  <h1>Online Services</h1>
  ${filler.repeat(FILLERS / 2)}
  <script>/* the parser stops here: the observer hears of the first half while the page still loads */</script>
  <script type="text/plain" data-consent="analytics">window.analyticsRan = (window.analyticsRan || 0) + 1;</script>
  ${filler.repeat(FILLERS / 2)}
</body>
</html>`;
}

type LongPageWindow = { ConsentKit: { get(): { acceptAll(): unknown } }; analyticsRan?: number; looks: number };

test('while the page is parsed, the gate does not look at each element the parser adds; a waiting script among them runs once granted', async ({
  page,
}) => {
  await page.route('**/long-page.html', (route) => route.fulfill({ contentType: 'text/html', body: longPage() }));
  // Counts the element gate's way of looking at an added element (matches, then querySelector) for the fillers,
  // while the document is still loading. The inline script halfway makes the observer's records be delivered
  // then, with the first half of the fillers in them.
  await page.addInitScript(() => {
    const counted = window as unknown as LongPageWindow;
    counted.looks = 0;
    for (const name of ['matches', 'querySelector'] as const) {
      const original = Element.prototype[name] as (this: Element, selector: string) => unknown;
      Object.defineProperty(Element.prototype, name, {
        configurable: true,
        writable: true,
        value(this: Element, selector: string) {
          if (document.readyState === 'loading' && this.classList.contains('filler')) counted.looks++;
          return original.call(this, selector);
        },
      });
    }
  });
  await page.goto('/long-page.html');
  await managerReady(page);
  await expect(page.locator('p.filler')).toHaveCount(FILLERS);
  expect(await page.evaluate(() => (window as unknown as LongPageWindow).looks)).toBe(0);

  expect(await page.evaluate(() => (window as unknown as LongPageWindow).analyticsRan)).toBeUndefined();
  await page.evaluate(() => (window as unknown as LongPageWindow).ConsentKit.get().acceptAll());
  await expect.poll(() => page.evaluate(() => (window as unknown as LongPageWindow).analyticsRan)).toBe(1);
});
