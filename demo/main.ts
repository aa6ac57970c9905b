// The demo pages' own code: shows the decision and what the gate held, and wires the demo's buttons. It asks
// for the page's manager through the npm import, which finds the one manager whichever entry started it.
import { get, whenReady } from 'consent-kit';
import { COLLECTOR_HITS } from './collector-address.js';

const output = (id: string) => document.getElementById(id);

function show(): void {
  const manager = get();
  output('analytics')!.textContent = String(manager?.has('analytics') ?? false);
  output('marketing')!.textContent = String(manager?.has('marketing') ?? false);
  output('state')!.textContent = JSON.stringify(manager?.state ?? null, null, 2);
  const blocked = output('blocked');
  if (blocked) blocked.textContent = JSON.stringify(manager?.blocked() ?? {}, null, 2);
  // Refused writes are the report's `<kind>:<name>` entries; the others are request hosts.
  const writes = Object.entries(manager?.blocked() ?? {}).flatMap(([category, entries]) =>
    Object.entries(entries)
      .filter(([key]) => /^(cookie|localStorage|sessionStorage|indexedDB):/.test(key))
      .map(([key, { dropped }]) => `${key.replace(':', ' ')} (${category}, refused ${dropped}×)`),
  );
  output('refused-writes')?.replaceChildren(
    ...writes.map((text) => Object.assign(document.createElement('li'), { textContent: text })),
  );
}

document.addEventListener('consent:ready', show);
document.addEventListener('consent:change', show);
document.addEventListener('consent:blocked', show);

output('reset')?.addEventListener('click', () => get()?.reset());
output('beacon')?.addEventListener('click', () => {
  navigator.sendBeacon(
    `${COLLECTOR_HITS}/beacon?event=click`,
    JSON.stringify({ event: 'click', page: location.pathname }),
  );
  show();
});
output('lang')?.addEventListener('click', () => {
  document.documentElement.lang = document.documentElement.lang === 'en' ? 'zh-CN' : 'en';
  document.querySelector('consent-banner')?.requestUpdate();
});
show();

// The account page is for a signed-in account: the site's backend issues a subject token, and identify()
// brings the account's choices from the endpoint, so the inline panel shows them on any device.
if (document.querySelector('consent-preferences[inline]')) {
  fetch('/demo-account/subject-token')
    .then((response) => response.text())
    .then(async (token) => (await whenReady()).identify(token))
    .catch((error) => console.warn("consent-kit demo: could not load the account's choices", error));
}
