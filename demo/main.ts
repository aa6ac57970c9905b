// The demo loads the script-tag entry from source, so edits show at once; the built bundle behaves the same.
import { get } from '../src/auto.js';

function show(): void {
  const manager = get();
  document.getElementById('analytics')!.textContent = String(manager?.has('analytics') ?? false);
  document.getElementById('marketing')!.textContent = String(manager?.has('marketing') ?? false);
  document.getElementById('state')!.textContent = JSON.stringify(manager?.state ?? null, null, 2);
  document.getElementById('blocked')!.textContent = JSON.stringify(manager?.blocked() ?? {}, null, 2);
}

document.addEventListener('consent:ready', show);
document.addEventListener('consent:change', show);
document.addEventListener('consent:blocked', show);
document.getElementById('reset')!.addEventListener('click', () => get()?.reset());
document.getElementById('beacon')!.addEventListener('click', () => {
  navigator.sendBeacon('https://stats.demo.invalid/collect', 'demo');
  show();
});
document.getElementById('lang')!.addEventListener('click', () => {
  document.documentElement.lang = document.documentElement.lang === 'en' ? 'zh-CN' : 'en';
  document.querySelector('consent-banner')?.requestUpdate();
});
show();

// The account page is for a signed-in account: the site's backend issues a subject token, and identify()
// brings the account's choices from the endpoint, so the inline panel shows them on any device.
if (document.querySelector('consent-preferences[inline]')) {
  fetch('/demo-account/subject-token')
    .then((response) => response.text())
    .then((token) => get()?.identify(token))
    .catch((error) => console.warn('consent-kit demo: could not load the account\'s choices', error));
}
