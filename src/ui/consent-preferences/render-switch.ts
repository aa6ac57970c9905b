import { html, nothing } from 'lit/html.js';

/**
 * A labelled on/off switch: a native button with `role="switch"`, so Space and Enter work everywhere and
 * assistive technology announces its state. Labelled and described by ids in the same shadow root. A switch
 * that may be partly on (a category some of whose services are on) is a `role="checkbox"` instead, the role
 * whose `aria-checked` may be `mixed`; it looks the same, its thumb in the middle while mixed.
 */
export function renderSwitch(options: {
  checked: boolean | 'mixed';
  /** `checkbox` for a switch that may be `mixed`. */
  role?: 'switch' | 'checkbox';
  labelledBy: string;
  describedBy?: string;
  /** Shown but not operable, e.g. until the age confirmation is given. */
  disabled?: boolean;
  onToggle: () => void;
}) {
  return html`<button
    type="button"
    class="switch"
    part="switch"
    role=${options.role ?? 'switch'}
    aria-checked=${options.checked === 'mixed' ? 'mixed' : options.checked ? 'true' : 'false'}
    aria-labelledby=${options.labelledBy}
    aria-describedby=${options.describedBy ?? nothing}
    ?disabled=${options.disabled === true}
    @click=${options.onToggle}
  ><span class="track"><span class="thumb"></span></span></button>`;
}
