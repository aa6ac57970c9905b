// Shows the collector's log live: every hit that reached it, pushed by the collector as it arrives.
import { COLLECTOR_LOG } from './collector-address.js';

type Hit = { n: number; at: string; kind: string; method: string; path: string; host: string; body: string };

const list = document.getElementById('collector-log')!;
const count = document.getElementById('collector-count')!;
// A reconnecting stream starts again with every hit so far; those already shown are skipped.
let shown = 0;

new EventSource(`${COLLECTOR_LOG}/log/stream`).addEventListener('message', (event: MessageEvent<string>) => {
  const hit = JSON.parse(event.data) as Hit;
  if (hit.n <= shown) return;
  shown = hit.n;
  const item = document.createElement('li');
  item.dataset.kind = hit.kind;
  item.textContent = `${hit.at.slice(11, 23)} ${hit.kind} ${hit.method} ${hit.host}${hit.path}${hit.body ? ` ${hit.body}` : ''}`;
  list.append(item);
  count.textContent = String(shown);
});
