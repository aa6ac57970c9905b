// The npm way in: the app's own entry module starts consent-kit, instead of a config tag and the script-tag
// bundle. The config is the other demo pages' config tag, in code, so the decision means the same everywhere.
import { init, installGate, installSync } from 'consent-kit';
import 'consent-kit/define'; // registers <consent-banner>; it makes [data-consent-open] links open the panel
import { COLLECTOR_HITS } from './collector-address.js';

installGate(); // first, so no request of this page's code escapes it
installSync();
const consent = init({
  policy: { version: '2024-06', url: './privacy.html', updated: '2024-06-01' },
  endpoint: 'http://127.0.0.1:8787',
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics', hosts: ['hm.baidu.com', 'localhost:8790'], cookies: ['/^Hm_lvt_/'] },
    { id: 'marketing' },
  ],
});
document.body.append(document.createElement('consent-banner'));

// Held until the visitor decides; sent if analytics is granted, dropped if not.
consent.beacon('analytics', `${COLLECTOR_HITS}/beacon`, JSON.stringify({ event: 'pageview', page: location.pathname }));
