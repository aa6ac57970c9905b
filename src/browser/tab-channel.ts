import type { TabChannel } from '../core/environment.js';

/**
 * Same-origin tabs hear each other at once through a BroadcastChannel. The message carries the decision
 * itself, because another tab may not see a freshly written cookie yet when the message arrives. Tabs on
 * sibling subdomains share the cookie but not the channel, so a tab also re-reads the decision whenever it
 * becomes visible again.
 */
export function createTabChannel(name: string): TabChannel {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`consent-kit:${name}`) : undefined;
  let isClosed = false;
  return {
    post(decision) {
      if (!isClosed) channel?.postMessage({ decision });
    },
    subscribe(onChange) {
      const onVisible = () => {
        if (document.visibilityState === 'visible') onChange();
      };
      // Anything else on the channel is not ours to trust: it only prompts a re-read of the cookie.
      const onMessage = (event: MessageEvent) => {
        const decision = (event.data as { decision?: unknown } | null)?.decision;
        onChange(typeof decision === 'string' || decision === null ? decision : undefined);
      };
      channel?.addEventListener('message', onMessage);
      document.addEventListener('visibilitychange', onVisible);
      return () => {
        channel?.removeEventListener('message', onMessage);
        document.removeEventListener('visibilitychange', onVisible);
        isClosed = true;
        channel?.close();
      };
    },
  };
}
