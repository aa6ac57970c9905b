import { css } from '../base-element.js';

/** Dark values, written once and used by both the forced and the system-following dark theme. */
const darkTokens = css`
    --consent-bg: #1f1f24;
    --consent-fg: #f2f2f5;
    --consent-muted: #c4c4cc;
    --consent-border: #55555f;
    --consent-accent: #8ab4ff;
    --consent-button-bg: #f2f2f5;
    --consent-button-fg: #1b1b1f;
    --consent-secondary-fg: #f2f2f5;
    --consent-switch-on: #8ab4ff;
    --consent-switch-off: #9a9aa5;
    --consent-focus: #8ab4ff;
    color-scheme: dark;
`;

/**
 * The theme every consent-kit element shares: custom properties with light defaults, dark ones under
 * `prefers-color-scheme: dark` unless `theme="light"`, or forced with `theme="dark"`. A page overrides any
 * of them on the element (`consent-banner { --consent-bg: … }`), which wins over these `:host` rules.
 */
export const tokenStyles = css`
  :host {
    /* Cut off every inherited property (text-align, letter-spacing, text-transform, …) so page CSS cannot
       reach in; custom properties are not affected, so theming still works. */
    all: initial;
    --consent-bg: #ffffff;
    --consent-fg: #1b1b1f;
    --consent-muted: #4a4a55;
    --consent-border: #c9c9d1;
    --consent-accent: #0a58ca;
    --consent-button-bg: #1b1b1f;
    --consent-button-fg: #ffffff;
    --consent-secondary-bg: transparent;
    --consent-secondary-fg: #1b1b1f;
    --consent-switch-on: #0a58ca;
    --consent-switch-off: #6b6b76;
    --consent-focus: #0a58ca;
    --consent-radius: 8px;
    /* No CJK font named: the browser picks one per element language, so Traditional Chinese and Japanese
       are never drawn with a Simplified Chinese font's glyph shapes. */
    --consent-font: system-ui, -apple-system, 'Segoe UI', sans-serif;
    --consent-space: 1rem;
    --consent-z-index: 2147483000;
    --consent-shadow: 0 2px 16px rgb(0 0 0 / 20%);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  .surface {
    box-sizing: border-box;
    background: var(--consent-bg);
    color: var(--consent-fg);
    font: 0.9375rem/1.5 var(--consent-font);
    -webkit-text-size-adjust: 100%;
  }
  .surface *,
  .surface *::before,
  .surface *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--consent-accent);
  }
  /* Accept, reject and save look the same on purpose: no choice is nudged. */
  .button {
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
  .button.secondary {
    background: var(--consent-secondary-bg);
    color: var(--consent-secondary-fg);
  }
  :focus-visible {
    outline: 3px solid var(--consent-focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .surface {
      border: 1px solid CanvasText;
    }
    .button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
