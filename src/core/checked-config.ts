import type { ConsentConfig } from '../schema/config.js';
import { checksum } from './checksum.js';

/*
 * A checked config is the validated, defaults-filled config as JSON, stamped with a checksum of its exact text.
 * `consent-kit config` writes it ahead of time, so a script-tag page that carries one starts without
 * downloading the validator. A config without a matching stamp (edited by hand, or checked for another
 * format) is validated in the page as usual: the stamp only ever saves work, it never lets an unchecked
 * config through unvalidated. It is not a signature: whoever can edit the page can run the checker too.
 */

/**
 * The shape of a checked config. Raise it whenever the config schema's output changes, so configs checked
 * by an earlier release are validated again instead of read as they are; a unit test fails until it is raised.
 */
export const CHECKED_FORMAT = 5;

/** The config tag's attribute that holds the stamp. */
export const CHECKED_ATTRIBUTE = 'data-checked';

/** The stamp for a checked config's JSON text. */
export function stampOf(text: string): string {
  return `${CHECKED_FORMAT}.${checksum(`${CHECKED_FORMAT}\n${text}`)}`;
}

/**
 * The config in a tag written by `consent-kit config`, or `undefined` when its stamp is missing or does not
 * match its text, in which case the caller validates the text instead.
 */
export function readCheckedConfig(text: string, stamp: string | null): ConsentConfig | undefined {
  if (stamp === null || stamp !== stampOf(text)) return undefined;
  try {
    return JSON.parse(text) as ConsentConfig;
  } catch {
    return undefined;
  }
}
