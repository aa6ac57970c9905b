import { languageOf } from '../../core/locale.js';

/**
 * Arabic (built in) and the right-to-left languages a site is likeliest to add under `texts`. A list, not a
 * regular expression: every element checks its language on each update, and V8 compiles a regular expression
 * it runs more than once to machine code (1.5 KiB of heap on every page).
 */
const RIGHT_TO_LEFT = ['ar', 'fa', 'he', 'ur'];

/** The `dir` attribute for text in `locale` (a BCP 47 tag: `ar`, `ar-EG`). */
export function textDirection(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.includes(languageOf(locale)) ? 'rtl' : 'ltr';
}
