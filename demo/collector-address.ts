/*
 * The demo's fake analytics collector (demo/serve-collector.mjs, started by demo/start.mjs) under its two
 * names. Analytics hits go to `localhost`, which the demo config lists as an analytics host, so the gate holds
 * them until analytics is granted. The page reads the collector's log from `127.0.0.1`, which no category
 * lists: the log is the demo's window onto the collector, not tracking, and must show even before a decision.
 */
export const COLLECTOR_HITS = 'http://localhost:8790';
export const COLLECTOR_LOG = 'http://127.0.0.1:8790';
