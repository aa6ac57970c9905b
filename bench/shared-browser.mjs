// One Chromium for every browser benchmark of a run: launching it is a second or two of the time budget.
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium.mjs';

// Without V8's compilation cache, a page loaded again in the same tab compiles its scripts as on a first
// visit: page cost reuses one tab for its visits.
const ARGS = [...CHROMIUM_ARGS, '--js-flags=--no-compilation-cache'];
let launched;

/** The run's browser, launched on first use. Benchmarks open their own contexts and pages and close those. */
export function sharedBrowser() {
  launched ??= chromium.launch({ executablePath: chromiumPath(), args: ARGS });
  return launched;
}

/** Closes the run's browser, if one was launched. */
export async function closeSharedBrowser() {
  if (!launched) return;
  const browser = await launched;
  launched = undefined;
  await browser.close();
}
