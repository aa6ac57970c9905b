import { css } from '../base-element.js';

export const bannerStyles = css`
  .banner {
    position: fixed;
    z-index: var(--consent-z-index);
    max-height: 100vh;
    overflow-y: auto;
    padding: var(--consent-space);
    box-shadow: var(--consent-shadow);
    display: flex;
    flex-wrap: wrap;
    gap: var(--consent-space);
    align-items: center;
  }
  /* Logical sides: a right-to-left language mirrors the box and the reopen button to the other corner. */
  .banner.bar {
    inset: auto 0 0;
  }
  .banner.box {
    inset-block-end: var(--consent-space);
    inset-inline-end: var(--consent-space);
    width: min(24rem, calc(100vw - 2 * var(--consent-space)));
    border-radius: var(--consent-radius);
  }
  .banner.center {
    inset: 50% auto auto 50%;
    transform: translate(-50%, -50%);
    width: min(36rem, calc(100vw - 2 * var(--consent-space)));
    max-height: calc(100vh - 2 * var(--consent-space));
    border-radius: var(--consent-radius);
  }
  @media (prefers-reduced-motion: no-preference) {
    .banner.bar,
    .banner.box {
      animation: rise 160ms ease-out;
    }
  }
  /* Moving by transform only: the page's layout never shifts. */
  @keyframes rise {
    from {
      transform: translateY(1rem);
      opacity: 0;
    }
  }
  .text {
    flex: 1 1 28rem;
    min-width: 0;
  }
  .title {
    margin: 0 0 0.25rem;
    font-size: 1rem;
    font-weight: 600;
  }
  .changes {
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
  .body {
    margin: 0;
    color: var(--consent-muted);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    flex: 1 1 16rem;
    justify-content: flex-end;
  }
  .manage {
    flex-basis: 100%;
  }
  .reopen {
    position: fixed;
    inset-block-end: var(--consent-space);
    inset-inline-start: var(--consent-space);
    z-index: var(--consent-z-index);
    min-height: 2.75rem;
    padding: 0.5rem 0.875rem;
    border: 1px solid var(--consent-border);
    border-radius: 999px;
    box-shadow: var(--consent-shadow);
    font: inherit;
    cursor: pointer;
  }
`;
