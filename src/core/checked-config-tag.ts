import { parseConfig } from './config.js';
import { CHECKED_ATTRIBUTE, stampOf } from './checked-config.js';

/**
 * Validates a config and writes it as the checked config tag a script-tag page carries: every default filled
 * in, stamped so the page can skip validating it again. Throws a `ConsentConfigError` like {@link parseConfig}.
 */
export function checkedConfigTag(input: unknown): string {
  // "<" is escaped so the JSON cannot close the script element it sits in; JSON.parse reads it back unchanged.
  const text = JSON.stringify(parseConfig(input)).replaceAll('<', '\\u003c');
  return `<script type="application/json" data-consent-kit ${CHECKED_ATTRIBUTE}="${stampOf(text)}">${text}</script>`;
}
