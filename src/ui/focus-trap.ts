/** What Tab can land on inside a dialog (a disabled or hidden match is skipped when the key is pressed). */
const FOCUSABLE = 'button, a[href], select, summary, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab and Shift+Tab inside an open modal dialog drawn in `root`, wrapping around at either end. Call it
 * from the dialog's `keydown` listener; it leaves every other key, and Tab between the ends, to the browser.
 */
export function keepTabInside(event: KeyboardEvent, root: ShadowRoot): void {
  if (event.key !== 'Tab') return;
  const focusable = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled,
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = root.activeElement;
  if (event.shiftKey && (active === first || !focusable.includes(active as HTMLElement))) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first?.focus();
  }
}
