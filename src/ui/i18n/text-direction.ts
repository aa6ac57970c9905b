/** Arabic (built in) and the right-to-left languages a site is likeliest to add under `texts`. */
const RIGHT_TO_LEFT = /^(ar|fa|he|ur)\b/i;

/** The `dir` attribute for text in `locale`. */
export function textDirection(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.test(locale) ? 'rtl' : 'ltr';
}
