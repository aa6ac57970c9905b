import type { TabChannel } from './environment.js';

/**
 * Same-origin tabs hear each other at once through a BroadcastChannel. Tabs on sibling subdomains share the
 * cookie but not the channel, so a tab also re-reads the decision whenever it becomes visible again.
 * The message carries no data: receivers re-read the cookie, the one source of truth, so tabs converge.
 */
export function createTabChannel(name: string): TabChannel {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`consent-kit:${name}`) : undefined;
  let isClosed = false;
  return {
    post() {
      if (!isClosed) channel?.postMessage('changed');
    },
    subscribe(onChange) {
      const onVisible = () => {
        if (document.visibilityState === 'visible') onChange();
      };
      channel?.addEventListener('message', onChange);
      document.addEventListener('visibilitychange', onVisible);
      return () => {
        channel?.removeEventListener('message', onChange);
        document.removeEventListener('visibilitychange', onVisible);
        isClosed = true;
        channel?.close();
      };
    },
  };
}
