import { css } from '../base-element.js';

/*
 * The placeholder takes the embed's box (its size is set on the element itself, from the embed's), so the
 * content loads in place without moving the page. As an inline block with its own overflow it sits on the
 * line the way an iframe does (its baseline is its bottom edge).
 */
export const embedStyles = css`
  :host {
    display: inline-block;
    overflow: auto;
    vertical-align: baseline;
    max-width: 100%;
  }
  .placeholder {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.5rem;
    min-height: 100%;
    padding: var(--consent-space);
    border: 1px solid var(--consent-border);
    border-radius: var(--consent-radius);
    text-align: center;
  }
  .name {
    margin: 0;
    font-weight: 600;
  }
  .text {
    margin: 0;
    color: var(--consent-muted);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: center;
  }
  .button {
    flex: 0 1 auto;
  }
`;
