// What a site's analytics does on every page view, in the three ways such code reaches its collector: a
// beacon, a fetch and a tracking pixel. The page sends them at once, as analytics code does; the gate holds
// them until the visitor decides, then sends them (analytics granted) or drops them (denied).
import { COLLECTOR_HITS } from './collector-address.js';

const view = JSON.stringify({ event: 'pageview', page: location.pathname, at: new Date().toISOString() });

navigator.sendBeacon(`${COLLECTOR_HITS}/beacon`, view);
fetch(`${COLLECTOR_HITS}/event`, { method: 'POST', body: view, keepalive: true })
  // A denial makes a gated fetch reject: for analytics code that is a lost hit, not an error to report.
  .catch(() => {});
new Image().src = `${COLLECTOR_HITS}/pixel.gif?page=${encodeURIComponent(location.pathname)}`;

// And it stores a visitor id and its unsent hits, as trackers do: refused while analytics is not granted.
document.cookie = `Hm_lvt_demo=${Math.floor(Date.now() / 1000)}; Path=/; Max-Age=31536000`;
localStorage.setItem('Hm_unsent_demo', JSON.stringify([view]));
