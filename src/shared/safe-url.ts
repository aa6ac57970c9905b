/**
 * Whether a config URL is safe to put in an `href` or to send requests to: `https:`, `http:` or relative.
 * Rejects every other scheme (`javascript:`, `data:`, …) and any control or white-space character, because
 * browsers strip those inside a scheme (`java\tscript:`) and would otherwise smuggle one past this check.
 */
export function isSafeUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this check's purpose.
  if (url.length === 0 || /[\s\u0000-\u001f\u007f]/.test(url)) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'https' || scheme === 'http';
}
