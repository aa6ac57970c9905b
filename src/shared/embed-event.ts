/**
 * The `document` event the element gate dispatches for an embed (`<iframe|embed|object|video|audio
 * data-consent data-src>`) whose purposes are not granted while the visitor is asked, with the element as
 * `detail`: the embed placeholder is fetched and shown for it. Dispatched again at each change the embed is
 * still waiting, and when a withdrawal unloads it.
 */
export const EMBED_WAITING_EVENT = 'consent:embed-waiting';
