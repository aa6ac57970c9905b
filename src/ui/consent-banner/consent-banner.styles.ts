import { css } from 'lit';

export const bannerStyles = css`
  :host {
    --consent-bg: #ffffff;
    --consent-fg: #1b1b1f;
    --consent-muted: #4a4a55;
    --consent-accent: #0a58ca;
    --consent-button-bg: #1b1b1f;
    --consent-button-fg: #ffffff;
    --consent-focus: #0a58ca;
    --consent-radius: 8px;
    --consent-font: system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
    --consent-space: 1rem;
    --consent-z-index: 2147483000;
    --consent-shadow: 0 -2px 16px rgb(0 0 0 / 18%);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --consent-bg: #1f1f24;
      --consent-fg: #f2f2f5;
      --consent-muted: #c4c4cc;
      --consent-accent: #8ab4ff;
      --consent-button-bg: #f2f2f5;
      --consent-button-fg: #1b1b1f;
      --consent-focus: #8ab4ff;
    }
  }
  .banner {
    position: fixed;
    inset: auto 0 0 0;
    z-index: var(--consent-z-index);
    box-sizing: border-box;
    max-height: 100vh;
    overflow-y: auto;
    padding: var(--consent-space);
    background: var(--consent-bg);
    color: var(--consent-fg);
    font: 0.9375rem/1.5 var(--consent-font);
    box-shadow: var(--consent-shadow);
    display: flex;
    flex-wrap: wrap;
    gap: var(--consent-space);
    align-items: center;
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
  .body {
    margin: 0;
    color: var(--consent-muted);
    overflow-wrap: anywhere;
  }
  a {
    color: var(--consent-accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    flex: 1 1 16rem;
    justify-content: flex-end;
  }
  /* Accept and reject look the same on purpose: neither choice is nudged. */
  button {
    flex: 1 1 8rem;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--consent-button-bg);
    border-radius: var(--consent-radius);
    background: var(--consent-button-bg);
    color: var(--consent-button-fg);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--consent-focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .banner {
      border-top: 1px solid CanvasText;
    }
    button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
      forced-color-adjust: none;
    }
    button:focus-visible,
    a:focus-visible {
      outline-color: Highlight;
    }
  }
`;
