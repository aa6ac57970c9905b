/**
 * A category's cookie list holds exact names (`_ga`) or regular expressions written `/^_hm/` (flag `i` allowed).
 * Returns a predicate, or `undefined` when the pattern is not a valid regular expression.
 */
export function compileCookiePattern(pattern: string): ((name: string) => boolean) | undefined {
  const literal = /^\/(.+)\/(i?)$/.exec(pattern);
  if (!literal) return (name) => name === pattern;
  try {
    const re = new RegExp(literal[1]!, literal[2]);
    return (name) => re.test(name);
  } catch {
    return undefined;
  }
}
