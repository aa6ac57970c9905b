import { css } from '../base-element.js';

export const preferencesStyles = css`
  :host([inline]) {
    display: block;
  }
  dialog {
    width: min(40rem, calc(100vw - 1rem));
    max-width: none;
    max-height: calc(100vh - 1rem);
    padding: 0;
    border: 0;
    border-radius: var(--consent-radius);
    background: var(--consent-bg);
    box-shadow: var(--consent-shadow);
    overflow-y: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 50%);
  }
  .panel {
    padding: var(--consent-space);
  }
  :host([inline]) .panel {
    border: 1px solid var(--consent-border);
    border-radius: var(--consent-radius);
  }
  .header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--consent-space);
  }
  .title {
    margin: 0;
    font-size: 1.25rem;
  }
  .close {
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 0;
    border-radius: var(--consent-radius);
    background: transparent;
    color: inherit;
    font-size: 1.5rem;
    line-height: 1;
    cursor: pointer;
  }
  .intro,
  .description {
    color: var(--consent-muted);
    overflow-wrap: anywhere;
  }
  .description {
    margin: 0.25rem 0 0;
  }
  .group > .description {
    margin-bottom: 0.75rem;
  }
  /* As wide as the language shown: sized to fit the widest option, the select would have the browser shape
     every language's name in its own script when the panel opens, finding fonts for Chinese, Japanese,
     Korean, Arabic and Cyrillic text (30 ms of layout in a new renderer, between the click and the panel). */
  .language select {
    field-sizing: content;
    margin-inline-start: 0.5rem;
    min-height: 2.25rem;
    font: inherit;
  }
  h3 {
    margin: 1.25rem 0 0.5rem;
    font-size: 1rem;
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    padding: 0.75rem 0;
    border-top: 1px solid var(--consent-border);
  }
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--consent-space);
  }
  .row.sub {
    margin-top: 0.5rem;
  }
  .services {
    margin: 0.5rem 0 0;
    padding: 0;
    padding-inline-start: var(--consent-space);
    border-inline-start: 2px solid var(--consent-border);
    list-style: none;
  }
  .service + .service {
    margin-top: 0.25rem;
  }
  .service .label {
    font-weight: 400;
  }
  .label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .always {
    flex: none;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--consent-muted);
  }
  .switch {
    flex: none;
    display: inline-flex;
    align-items: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    background: transparent;
    cursor: pointer;
  }
  .track {
    position: relative;
    width: 2.75rem;
    height: 1.5rem;
    border: 2px solid var(--consent-switch-off);
    border-radius: 999px;
    background: var(--consent-bg);
  }
  .thumb {
    position: absolute;
    top: 2px;
    inset-inline-start: 2px;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--consent-switch-off);
  }
  .switch[aria-checked='true'] .track {
    border-color: var(--consent-switch-on);
    background: var(--consent-switch-on);
  }
  .switch[aria-checked='true'] .thumb {
    inset-inline-start: calc(100% - 1rem - 2px);
    background: var(--consent-bg);
  }
  /* Some services on: the thumb in the middle, in the colour of "on". */
  .switch[aria-checked='mixed'] .track {
    border-color: var(--consent-switch-on);
  }
  .switch[aria-checked='mixed'] .thumb {
    inset-inline-start: calc(50% - 0.5rem);
    background: var(--consent-switch-on);
  }
  @media (prefers-reduced-motion: no-preference) {
    .thumb {
      transition: inset-inline-start 120ms ease-out;
    }
  }
  .switch:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  .age {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0.5rem 0 0;
    font-weight: 600;
  }
  .age input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--consent-switch-on);
  }
  .cookies {
    margin-top: 0.5rem;
  }
  .cookies summary {
    cursor: pointer;
    color: var(--consent-accent);
  }
  .cookie {
    display: grid;
    grid-template-columns: minmax(5rem, max-content) 1fr;
    gap: 0.125rem 0.75rem;
    margin: 0.5rem 0 0;
    padding: 0.5rem;
    border-radius: var(--consent-radius);
    border: 1px solid var(--consent-border);
    font-size: 0.875rem;
  }
  .cookie dt {
    font-weight: 600;
  }
  .cookie dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .status:empty {
    display: none;
  }
  .status {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: var(--consent-space);
  }
  .your-data {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin-top: var(--consent-space);
  }
  .link {
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--consent-accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .confirm {
    margin-top: var(--consent-space);
    padding: 0.75rem;
    border: 1px solid var(--consent-border);
    border-radius: var(--consent-radius);
  }
  .confirm p {
    margin: 0;
  }
  @media (forced-colors: active) {
    .track,
    .switch[aria-checked='true'] .track {
      border-color: ButtonText;
      background: Canvas;
      forced-color-adjust: none;
    }
    .thumb {
      background: ButtonText;
    }
    .switch[aria-checked='true'] .track {
      background: Highlight;
    }
    .switch[aria-checked='true'] .thumb {
      background: HighlightText;
    }
    .switch[aria-checked='mixed'] .track {
      border-color: Highlight;
    }
    .switch[aria-checked='mixed'] .thumb {
      background: Highlight;
    }
  }
`;
